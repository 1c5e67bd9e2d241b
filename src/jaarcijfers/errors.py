"""Errors meant for users: the CLI prints their message, never a traceback."""


class UserError(Exception):
    """A problem the user can fix (bad input, missing file, wrong option). Exit code 2 unless given."""

    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


def describe_os_error(exc: BaseException) -> str:
    """A Dutch description of a failing file operation that names the cause (disk full, no access, …)."""
    import errno

    code = getattr(exc, "errno", None)
    text = str(exc)
    if code == errno.ENOSPC or "No space left on device" in text:
        return "de schijf is vol (ENOSPC: geen ruimte meer op het apparaat)"
    if code == getattr(errno, "EDQUOT", -1) or "Disk quota exceeded" in text:
        return "het schijfquotum is op (EDQUOT)"
    if code == errno.EROFS or "Read-only file system" in text:
        return "het bestandssysteem is alleen-lezen (EROFS)"
    if code in (errno.EACCES, errno.EPERM):
        return "geen toegang (rechten)"
    if code == errno.ELOOP:
        return "het pad is een symbolische koppeling (die wordt niet gevolgd)"
    strerror = getattr(exc, "strerror", None)
    return strerror or (text.splitlines()[0] if text else type(exc).__name__)
