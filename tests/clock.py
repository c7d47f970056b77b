"""Time-zone helpers the tests share."""

from __future__ import annotations

import datetime as dt


class NoOffset(dt.tzinfo):
    """A tzinfo that does not know its offset: the datetime is as good as naive."""

    def utcoffset(self, _: dt.datetime | None) -> None:
        return None

    def dst(self, _: dt.datetime | None) -> None:
        return None

    def tzname(self, _: dt.datetime | None) -> str:
        return "unknown"
