"""Errors meant for users: the CLI prints their message, never a traceback."""


class UserError(Exception):
    """A problem the user can fix (bad input, missing file, wrong option). Exit code 2 unless given."""

    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
