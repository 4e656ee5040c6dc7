"""Operating doimoi: backup and restore (``doimoi backup``, ``doimoi restore``)."""
