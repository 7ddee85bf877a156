"""A phone report as typed (or read from a register) and its validation (docs/phones.md).

A handset is known by its IMEI, and a dual-SIM handset by two; the same IMEI twice on one report
is refused. A report may say the handset's IMEI is suspected altered (re-programmed): its
numbers are then kept as typed even when their check digit fails, and a note says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from cplc_desk.domain import imei
from cplc_desk.domain.enums import PhoneReportKind
from cplc_desk.domain.i18n import _
from cplc_desk.domain.records import (
    CleanPerson,
    DraftErrors,
    PersonDraft,
    _bounded,
    _Collector,
    _enum,
    _fir,
    _person,
    _when,
)
from cplc_desk.domain.validation import Identifier, parse_mobile

_KIND_WORDS = {"found_abandoned": "found", "found abandoned": "found", "snatching": "snatched"}


@dataclass(frozen=True)
class PhoneReportDraft:
    kind: str = ""
    imei: str = ""
    imei2: str = ""
    imei_altered: bool = False
    imei_note: str = ""
    make: str = ""
    model: str = ""
    colour: str = ""
    sim_number: str = ""
    owner: PersonDraft = field(default_factory=PersonDraft)
    incident_at: datetime | None = None
    incident_place: str = ""
    police_station: str = ""
    fir_number: str = ""
    fir_date: date | None = None


@dataclass(frozen=True)
class CleanPhoneReport:
    kind: PhoneReportKind
    imei: str
    imei2: str | None
    imei_altered: bool
    imei_note: str | None
    make: str | None
    model: str | None
    colour: str | None
    sim_number: str | None
    owner: CleanPerson | None
    incident_at: datetime | None
    incident_place: str | None
    police_station: str
    fir: Identifier | None
    fir_date: date | None


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
    owner_given = any(
        getattr(draft.owner, f).strip() for f in ("name", "cnic", "mobile", "address")
    )
    owner = _person(c, draft.owner, "owner_", required=True) if owner_given else None
    if not draft.police_station.strip():
        c.fail("police_station", "station.missing", _("Choose the police station concerned."))
    incident_at = _when(c, draft.incident_at, now, "incident_at")
    fir, fir_date = _fir(c, draft.fir_number, draft.fir_date, now)
    texts = {
        name: _bounded(c, getattr(draft, name), name, limit)
        for name, limit in (("make", 60), ("model", 60), ("colour", 40), ("incident_place", 200),
                            ("imei_note", 500))
    }  # fmt: skip
    if c.errors or kind is None or first is None:
        raise DraftErrors(c.errors)
    return CleanPhoneReport(
        kind=kind,
        imei=first,
        imei2=second,
        imei_altered=altered,
        imei_note=texts["imei_note"],
        make=texts["make"],
        model=texts["model"],
        colour=texts["colour"],
        sim_number=sim,
        owner=owner,
        incident_at=incident_at,
        incident_place=texts["incident_place"],
        police_station=draft.police_station.strip().upper(),
        fir=fir,
        fir_date=fir_date,
    )
