"""Background work on Django's task framework: workers, their heartbeats, retries, the schedule.

Apps declare tasks with ``django_tasks.task`` in their ``tasks.py`` and queue them with
``background.queue.defer``; periodic ones register with ``background.schedule``.
"""
