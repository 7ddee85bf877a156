"""Phone reports: a handset stolen, snatched, recovered or found, recorded at a station desk;
a recovered handset matched to its theft report by either IMEI, even one digit off; and a
handset checked by its IMEI before a dealer buys it (docs/phones.md).

Checks and their exit codes (``cplc-desk verify-phone``): ``none`` 0, no record; ``stolen`` 3,
an open theft report; ``recovered`` 4, reported and since recovered; ``near`` 5, no exact
record but one a single digit away (an IMEI whose check digit fails is one digit mistyped, and a
re-programmed handset's number may be kept as typed); an IMEI that is no IMEI and near nothing
held is refused (exit 1).

At a station the handset check and the match also look in the hotlist headquarters sends
(:mod:`cplc_desk.services.phones.phone_hotlist`): handsets reported stolen at other stations,
marked ``source="hotlist"``, and the check says which hotlist it consulted.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cplc_desk.domain import imei as imeis
from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.enums import (
    RECOVERY_KINDS,
    THEFT_KINDS,
    AuditAction,
    RecordKind,
)
from cplc_desk.domain.i18n import _
from cplc_desk.domain.matching import LookAgreement, Looks, compare_looks
from cplc_desk.domain.phones import CleanPhoneReport, PhoneReportDraft, validate_phone_report
from cplc_desk.domain.roles import Permission
from cplc_desk.domain.validation import FieldError, luhn_ok
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.desk.records import (
    AT_THE_DESK,
    Origin,
    Registered,
    add_record,
    register,
    report_columns,
)
from cplc_desk.services.desk.report_links import link_recovery
from cplc_desk.services.phones import phone_hotlist
from cplc_desk.services.vehicles.match_sources import SourceState
from cplc_desk.storage.many import any_of, by_index
from cplc_desk.storage.models import HotlistHeld, HotlistPhone, PhoneReport

EXIT_CODES = {"none": 0, "stolen": 3, "recovered": 4, "near": 5}


def insert_phone_report(
    ctx: DeskContext, s: Session, clean: CleanPhoneReport, origin: Origin = AT_THE_DESK
) -> Registered:
    report = PhoneReport(
        **report_columns(s, RecordKind.PHONE_REPORT, clean, origin),
        kind=clean.kind.value,
        imei=clean.imei,
        imei2=clean.imei2,
        imei_altered=clean.imei_altered,
        imei_note=clean.imei_note,
        sim_number=clean.sim_number,
    )
    return add_record(ctx, s, report, origin)


def register_phone_report(ctx: DeskContext, draft: PhoneReportDraft) -> Registered:
    return register(ctx, draft, validate_phone_report, insert_phone_report)


@dataclass(frozen=True)
class PhoneSummary:
    """A phone report as a check or a match shows it (no owner's details)."""

    id: str
    number: str
    kind: str
    status: str
    imei: str
    imei2: str | None
    imei_altered: bool
    make: str | None
    model: str | None
    colour: str | None
    police_station: str
    incident_at: datetime | None
    # How it was found: "exact", or "one_digit" (one of its IMEIs one digit from the one given).
    found: str = "exact"
    # Where it is held: "local" (this desk's report; at headquarters the city's), or "hotlist"
    # (a station: reported at another station, known from headquarters' hotlist; its id is
    # "hotlist:<number>" and only the station that registered it can close it).
    source: str = "local"


HOTLIST_REF = "hotlist:"


def _summary(r: PhoneReport | HotlistPhone, found: str = "exact") -> PhoneSummary:
    if isinstance(r, HotlistPhone):
        ref, source = HOTLIST_REF + r.number, "hotlist"
    else:
        ref, source = r.id, "local"
    return PhoneSummary(
        ref, r.number, r.kind, r.status, r.imei, r.imei2, r.imei_altered, r.make, r.model,
        r.colour, r.police_station_code, r.incident_at, found, source,
    )  # fmt: skip


# Where a handset can be known, in the order a check names them: this desk's live reports
# (newest first), then the held hotlist's handsets this desk holds no report of (by number).
_HELD_IN = (
    (PhoneReport, PhoneReport.deleted_at.is_(None), PhoneReport.created_at.desc()),
    (HotlistPhone, phone_hotlist.NOT_LOCAL, HotlistPhone.number),
)


def _with_imei(s: Session, keys: Collection[str]) -> list[PhoneReport | HotlistPhone]:
    """Reports and hotlist handsets either of whose IMEIs is one of ``keys``."""
    by_index(s)
    rows: list[PhoneReport | HotlistPhone] = []
    for model, held, order in _HELD_IN:
        rows += s.scalars(
            select(model).where(any_of((model.imei, model.imei2), keys), held).order_by(order)
        )
    return rows


def _found(s: Session, keys: Collection[str], found: str) -> list[PhoneSummary]:
    """This desk's reports with one of ``keys``, then the held hotlist's."""
    return [_summary(r, found) for r in _with_imei(s, keys)]


def look_up(s: Session, number: str) -> tuple[list[PhoneSummary], list[PhoneSummary]]:
    """The reports holding IMEI ``number`` (15 digits), and those one digit away from it: this
    desk's own, then (at a station) the held hotlist's."""
    exact = _found(s, [number], "exact")
    seen = {r.id for r in exact}
    near = [r for r in _found(s, imeis.one_digit_away(number), "one_digit") if r.id not in seen]
    return exact, near


def hotlist_state(s: Session) -> SourceState | None:
    """The hotlist this desk holds, as a check names it (``entries``: its handsets), or None."""
    held = s.scalar(select(HotlistHeld))
    if held is None:
        return None
    return SourceState(
        held.sequence, held.issued_at, held.expires_at, held.phone_count,
        now_utc() >= held.expires_at,
    )  # fmt: skip


def held_near(ctx: DeskContext, typed: str) -> list[PhoneSummary]:
    """For an IMEI whose check digit fails as typed: the reports this desk holds with an IMEI one
    digit from it, the numbers the volunteer probably meant (the form offers them)."""
    ctx.require(Permission.SEARCH)
    number = imeis.normalize(typed)
    if len(number) != imeis.LENGTH or not number.isdigit() or luhn_ok(number):
        return []
    with ctx.store.read() as s:
        return look_up(s, number)[1]


@dataclass(frozen=True)
class PhoneCheck:
    typed: str
    imei: str  # as read: 15 digits
    valid: bool  # its check digit is right
    result: str  # none | stolen | recovered | near
    reports: list[PhoneSummary]
    near: list[PhoneSummary]
    # The hotlist consulted (a station's; None at headquarters or before one was imported).
    hotlist: SourceState | None = None

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.result]

    @property
    def key(self) -> str:
        """What was checked, as the check read it (the IMEI)."""
        return self.imei


def verify_phone(ctx: DeskContext, typed: str) -> PhoneCheck:
    """Is this handset reported? Exact records first; then those a digit away. An IMEI whose
    check digit fails is refused unless a record lies one digit from it (then: "near").
    Recorded in the audit trail (who checked which IMEI, and the answer)."""
    ctx.require(Permission.VERIFY_VEHICLE)
    try:
        number = imeis.parse(typed, altered=True)  # the form; the check digit is judged below
    except FieldError as exc:
        raise ServiceError(exc.message) from None
    with ctx.store.read() as s:
        exact, near = look_up(s, number)
        hotlist = hotlist_state(s)
    valid = luhn_ok(number)
    if not valid and not exact and not near:
        raise ServiceError(
            _(
                "{imei} is not a valid IMEI: one digit is probably mistyped, and no handset "
                "CPLC holds is one digit from it. Read it again from the phone (*#06#) or its box."
            ).format(imei=number)
        )
    open_theft = any(r.kind in THEFT_KINDS and r.status == "open" for r in exact)
    recovered = any(r.kind in RECOVERY_KINDS or r.status in ("recovered", "matched") for r in exact)
    result = "stolen" if open_theft else "recovered" if recovered else "near" if near else "none"
    with ctx.audit_unit() as s:  # not queued behind another workstation's import
        ctx.audit(
            s,
            AuditAction.PHONE_VERIFIED,
            details={"imei": number, "result": result, "reports": [r.number for r in exact],
                     "near": [r.number for r in near]},
        )  # fmt: skip
    return PhoneCheck(typed, number, valid, result, exact, near, hotlist)


@dataclass(frozen=True)
class PhoneCandidate(PhoneSummary):
    """An open theft report offered for a recovered or found handset, with why: which of its
    IMEIs agree with which of the handset's (the digit that differs, if one does), and whether
    the make, model and colour both reports name agree (shown, ranked on after the IMEIs)."""

    evidence: tuple[imeis.ImeiEvidence, ...] = ()
    looks: tuple[LookAgreement, ...] = ()

    @property
    def looks_agreeing(self) -> int:
        return sum(look.same for look in self.looks)

    @property
    def looks_differing(self) -> int:
        return sum(not look.same for look in self.looks)


def _looks(r: PhoneReport | HotlistPhone) -> Looks:
    return Looks(r.make or "", r.model or "", r.colour or "")


def _rank(c: PhoneCandidate) -> tuple[int, int, int, int]:
    """Exact IMEI before one digit off, both IMEIs before one; then make, model and colour
    agreeing, then differing least."""
    exact = sum(e.kind == "exact" for e in c.evidence)
    return (0 if exact else 1, -len(c.evidence), -c.looks_agreeing, c.looks_differing)


def candidates_for(ctx: DeskContext, report_id: str) -> list[PhoneCandidate]:
    """Open theft reports a recovered or found handset may be: either of its IMEIs equal to
    either of theirs (a recovered handset's first IMEI may be the report's second), or one
    digit from it. Each report once, best first (:func:`_rank`; newest first among equals),
    with its evidence. At a station these include the held hotlist's (``source`` "hotlist"):
    the station that registered one is told, it closes its report."""
    ctx.require(Permission.VERIFY_VEHICLE)
    with ctx.store.read() as s:
        found = s.get(PhoneReport, report_id)
        if found is None:
            raise ServiceError(_("This phone report does not exist."))
        numbers = [n for n in (found.imei, found.imei2) if n]
        keys = set(numbers)
        for number in numbers:
            keys.update(imeis.one_digit_away(number))
        mine = (found.imei, found.imei2)
        looks = _looks(found)
        out: list[PhoneCandidate] = []
        # This desk's reports (each once, newest first), then the held hotlist's.
        for r in _with_imei(s, keys):
            if isinstance(r, PhoneReport) and r.id == report_id:
                continue
            if r.kind not in THEFT_KINDS or r.status != "open":
                continue
            evidence = tuple(imeis.compare(mine, (r.imei, r.imei2)))
            if not evidence:  # pragma: no cover - every row found has an IMEI in ``keys``
                continue
            base = _summary(r, evidence[0].kind)
            agreement = tuple(compare_looks(looks, _looks(r)))
            out.append(PhoneCandidate(**vars(base), evidence=evidence, looks=agreement))
    out.sort(key=_rank)  # stable: newest first among equals
    return out


def confirm_match(ctx: DeskContext, recovery_id: str, theft_id: str) -> None:
    """A person confirmed: link the two reports and close the theft report as recovered."""
    ctx.require(Permission.VERIFY_VEHICLE)
    if theft_id.startswith(HOTLIST_REF):
        raise ServiceError(
            _(
                "Report {number} is in headquarters' hotlist: it was registered at another "
                "station, which closes it. Tell that police station the handset was found."
            ).format(number=theft_id.removeprefix(HOTLIST_REF))
        )
    link_recovery(
        ctx,
        PhoneReport,
        recovery_id,
        theft_id,
        action=AuditAction.PHONE_MATCHED,
        missing=_("One of the two phone reports does not exist."),
        not_matchable=_("Only a recovered or found phone can be matched to a theft."),
    )


def find_id_by_number(ctx: DeskContext, number: str) -> str:
    """The id of the phone report numbered ``number`` (``CLIF-P-2026-00001``)."""
    ctx.require(Permission.SEARCH)
    with ctx.store.read() as s:
        found = s.scalar(
            select(PhoneReport.id).where(
                PhoneReport.number == number, PhoneReport.deleted_at.is_(None)
            )
        )
    if found is None:
        raise ServiceError(
            _("No phone report has the number {number}. Check it on the receipt.").format(
                number=number
            )
        )
    return found
