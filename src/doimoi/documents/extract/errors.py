"""The one error extraction raises: the file cannot be read, and why, for the person who sent it."""


class Unreadable(Exception):
    """A file that cannot be turned into text; ``str(error)`` is the message to show."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""
