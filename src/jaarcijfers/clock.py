"""The one clock of the program: now, or the moment `SOURCE_DATE_EPOCH` names (reproducible builds).

`SOURCE_DATE_EPOCH` (https://reproducible-builds.org/specs/source-date-epoch/) is a count of seconds
since 1970-01-01 UTC, in decimal digits. An empty value counts as unset. A value that is not such a
count, or names a moment past the year 9999, is an error the user can fix (`UserError`): a build that
silently used the current time instead would no longer be reproducible without anyone noticing.
"""

from __future__ import annotations

import datetime as dt
import os

from jaarcijfers.errors import UserError

ENV = "SOURCE_DATE_EPOCH"
_LATEST = dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.UTC)


def source_date_epoch() -> dt.datetime | None:
    """The moment `SOURCE_DATE_EPOCH` names (UTC), or None when it is not set."""
    text = os.environ.get(ENV)
    if text is None or text == "":
        return None
    value = text.strip()
    if not (value.isascii() and value.isdigit()):
        raise UserError(
            f"{ENV}={text!r} is ongeldig: verwacht een geheel aantal seconden sinds 1970-01-01 UTC "
            "(alleen cijfers, bijvoorbeeld 1700000000)"
        )
    seconds = int(value)
    if seconds > int(_LATEST.timestamp()):
        raise UserError(f"{ENV}={text!r} is ongeldig: dat moment ligt na het jaar 9999")
    return dt.datetime.fromtimestamp(seconds, tz=dt.UTC)


def now() -> dt.datetime:
    """`SOURCE_DATE_EPOCH` when set, else the current time (UTC, whole seconds)."""
    moment = source_date_epoch()
    return moment if moment is not None else dt.datetime.now(tz=dt.UTC).replace(microsecond=0)


def today() -> dt.date:
    """The date of `SOURCE_DATE_EPOCH` when set, else today (local date)."""
    moment = source_date_epoch()
    return moment.date() if moment is not None else dt.date.today()
