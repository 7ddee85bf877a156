"""Record identity: time-ordered UUIDs (UUIDv7) and human-readable record numbers.

Every record gets a UUIDv7 at creation, so ids made on different desks never collide and sort
by creation time. The human-readable number (the one printed on the citizen's receipt) embeds
the desk's station code, so numbers made at different stations can never collide either.
"""

from __future__ import annotations

import os
import re
import threading
import time
import uuid
from dataclasses import dataclass

from cplc_desk.domain.enums import RecordKind

_lock = threading.Lock()
_last_ms = 0
_counter = 0


def uuid7() -> str:
    """A RFC 9562 UUIDv7 string: 48-bit Unix milliseconds, then random bits.

    Within one millisecond a 12-bit counter keeps ids from this process strictly increasing.
    """
    global _last_ms, _counter
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            _counter += 1
            if _counter > 0xFFF:  # counter exhausted: borrow the next millisecond
                _last_ms += 1
                _counter = 0
            ms = _last_ms
        else:
            _last_ms = ms
            _counter = int.from_bytes(os.urandom(2), "big") & 0x3FF  # leave room to count up
        rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
        value = (ms & ((1 << 48) - 1)) << 80
        value |= 0x7 << 76
        value |= (_counter & 0xFFF) << 64
        value |= 0b10 << 62
        value |= rand_b
    return str(uuid.UUID(int=value))


def uuid7_time_ms(value: str) -> int:
    """The Unix milliseconds embedded in a UUIDv7 string."""
    return uuid.UUID(value).int >> 80


STATION_CODE_RE = re.compile(r"^[A-Z]{2,6}$")
HQ_CODE = "HQ"

_PREFIX = {RecordKind.COMPLAINT: "C", RecordKind.VEHICLE_REPORT: "V", RecordKind.PHONE_REPORT: "P"}
_NUMBER_RE = re.compile(r"^(?P<desk>[A-Z]{2,6})-(?P<kind>[CVP])-(?P<year>\d{4})-(?P<seq>\d{5,})$")


@dataclass(frozen=True)
class RecordNumber:
    """A human-readable record number such as ``CLIF-C-2026-00042``.

    desk code, record kind (C complaint, V vehicle report, P phone report), year, and a per-desk, per-kind,
    per-year sequence. Citizens quote it on the phone, so it is short and unambiguous.
    """

    desk_code: str
    kind: RecordKind
    year: int
    sequence: int

    def __str__(self) -> str:
        return f"{self.desk_code}-{_PREFIX[self.kind]}-{self.year:04d}-{self.sequence:05d}"

    @classmethod
    def parse(cls, text: str) -> RecordNumber | None:
        match = _NUMBER_RE.match(text.strip().upper().replace(" ", ""))
        if match is None:
            return None
        kind = next(k for k, p in _PREFIX.items() if p == match["kind"])
        return cls(match["desk"], kind, int(match["year"]), int(match["seq"]))
