"""A phone report as typed (or read from a register) and its validation (docs/phones.md).

A handset is known by its IMEI, and a dual-SIM handset by two; the same IMEI twice on one report
is refused. A report may say the handset's IMEI is suspected altered (re-programmed): its
numbers are then kept as typed even when their check digit fails, and a note says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cplc_desk.domain import imei
from cplc_desk.domain.enums import PhoneReportKind
from cplc_desk.domain.i18n import _
from cplc_desk.domain.records import (
    CleanReport,
    DraftErrors,
    ReportDraft,
    _bounded,
    _Collector,
    _enum,
    _report,
)
from cplc_desk.domain.validation import parse_mobile

_KIND_WORDS = {"found_abandoned": "found", "found abandoned": "found", "snatching": "snatched"}


@dataclass(frozen=True)
class PhoneReportDraft(ReportDraft):
    kind: str = ""
    imei: str = ""
    imei2: str = ""
    imei_altered: bool = False
    imei_note: str = ""
    sim_number: str = ""


@dataclass(frozen=True)
class CleanPhoneReport(CleanReport):
    kind: PhoneReportKind
    imei: str
    imei2: str | None
    imei_altered: bool
    imei_note: str | None
    sim_number: str | None


def validate_phone_report(draft: PhoneReportDraft, now: datetime) -> CleanPhoneReport:
    """A clean phone report, or :class:`DraftErrors` with every problem found."""
    c = _Collector()
    folded = " ".join(draft.kind.strip().lower().split())
    kind = _enum(c, PhoneReportKind, _KIND_WORDS.get(folded, folded), "kind",
                 _("Choose what happened: stolen, snatched, recovered or found."))  # fmt: skip
    altered = draft.imei_altered
    first = c.run(imei.parse, draft.imei, "imei", altered=altered)
    second = (
        c.run(imei.parse, draft.imei2, "imei2", altered=altered) if draft.imei2.strip() else None
    )
    if first is not None and second == first:
        c.fail("imei2", "imei.repeated",
               _("The second IMEI is the same as the first. A dual-SIM phone has two different "
                 "IMEIs: dial *#06# to see both, or leave this empty."))  # fmt: skip
    sim = c.run(parse_mobile, draft.sim_number, "sim_number") if draft.sim_number.strip() else None
    shared = _report(c, draft, now)
    note = _bounded(c, draft.imei_note, "imei_note", 500)
    if c.errors or kind is None or first is None:
        raise DraftErrors(c.errors)
    return CleanPhoneReport(
        kind=kind,
        imei=first,
        imei2=second,
        imei_altered=altered,
        imei_note=note,
        sim_number=sim,
        **shared,
    )
