"""Periodic reports (sơ kết): the period, the figures of a unit's subtree, the draft's sections,
the tables as XLSX and the charts as SVG."""
