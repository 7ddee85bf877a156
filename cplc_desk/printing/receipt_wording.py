"""What a receipt says for each kind of record: its title, the words of its labels, and "what
happens next"; and the handset's own lines on a phone owner's receipt. Every text is marked with
``N_`` and given as (English, Urdu), since every receipt prints both (printing/receipt.py).

The kind of record and of report come from the data (``kind``, ``report_kind``): complaint
receipts were first and do not carry them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cplc_desk.domain import i18n
from cplc_desk.domain.clock import shown
from cplc_desk.domain.i18n import N_

Both = tuple[str, str]  # (English, Urdu)
Row = tuple[Both, list[str]]  # a detail's label, and its value's lines

VEHICLE = "vehicle_report"
PHONE = "phone_report"
_RECOVERIES = ("recovered", "found_abandoned", "found")


def both(message: str) -> Both:
    """(English, Urdu) of a message marked with ``N_``."""
    return message, i18n.in_language(i18n.URDU, message)


def both_filled(message: str, **values: str) -> Both:
    """:func:`both` with its blanks filled (the same values in both languages)."""
    english, urdu = both(message)
    return english.format(**values), urdu.format(**values)


@dataclass(frozen=True)
class Wording:
    """The words that differ between kinds of receipt, each as (English, Urdu)."""

    title: Both
    document: Both
    hint: Both
    person: Both
    category: Both
    summary: Both
    next_steps: tuple[Both, ...]


def _report_wording(
    title: str, document: str, hint: str, summary: str, next_steps: tuple[Both, ...]
) -> Wording:
    """The wording of a receipt of a vehicle or phone report (marked with ``N_``): issued to
    the owner, saying what was reported."""
    return Wording(
        title=both(title),
        document=both(document),
        hint=both(hint),
        person=both(N_("Owner")),
        category=both(N_("Reported")),
        summary=both(summary),
        next_steps=next_steps,
    )


def kind_of(data: Any) -> str:
    return str(getattr(data, "kind", "complaint"))


def wording(data: Any) -> Wording:
    kind, report = kind_of(data), getattr(data, "report_kind", "")
    if kind in (PHONE, VEHICLE) and report in _RECOVERIES:
        return _recovery(kind, data)
    if kind == PHONE:
        return _phone_theft(data)
    if kind == VEHICLE:
        return _VEHICLE_THEFT
    return _COMPLAINT


_COMPLAINT = Wording(
    title=both(N_("Complaint receipt")),
    document=both(N_("CPLC complaint receipt {number}")),
    hint=both(N_("Quote this number when you ask about your complaint.")),
    person=both(N_("Complainant")),
    category=both(N_("Category")),
    summary=both(N_("Summary")),
    next_steps=tuple(both(m) for m in (
        N_("CPLC takes your complaint up with the police station concerned and follows it up."),
        N_("A CPLC volunteer may contact you about it."),
        N_("To ask about your complaint, quote the receipt number above at this desk, "
           "or call the CPLC helpline 1102."),
        N_("Keep this receipt."),
    )),
)  # fmt: skip

_VEHICLE_THEFT = _report_wording(
    N_("Vehicle report receipt"),
    N_("CPLC vehicle report receipt {number}"),
    N_("Quote this number when you ask about your vehicle."),
    N_("Vehicle"),
    tuple(both(m) for m in (
        N_("CPLC records the vehicle city-wide, so that every CPLC desk and the police "
           "can recognise it."),
        N_("If the vehicle is found, CPLC or the police will contact you."),
        N_("To ask about it, quote the receipt number above at this desk, or call the "
           "CPLC helpline 1102."),
        N_("Keep this receipt."),
    )),
)  # fmt: skip


def _matched_or_not(data: Any) -> Both:
    """A recovery's line about the theft report it belongs to (vehicles and phones alike)."""
    matched = getattr(data, "matched_number", "")
    if matched:
        return both_filled(
            N_("It was matched to theft report {number}, which is now closed as recovered: the "
               "police station named in that report tells the owner."),
            number=matched,
        )  # fmt: skip
    return both(
        N_("When it matches a theft or snatching report, the police station named in that "
           "report is told, so that the owner can be reached.")
    )  # fmt: skip


# ------------------------------------------------------------------ phones


_KEEP_PHONE_RECEIPT = N_(
    "Keep this receipt and bring it when you ask at this desk, or call the CPLC helpline 1102."
)


def _phone_theft(data: Any) -> Wording:
    """A stolen or snatched handset: where the report goes, what the owner should do too, and
    no promise that the handset will be found."""
    recovered = getattr(data, "matched_number", "")
    if recovered:
        outcome = both_filled(
            N_("The handset was recovered: report {number}. To collect it, bring your original "
               "CNIC, this receipt or the FIR, and the box or bill with the same IMEI."),
            number=recovered,
        )  # fmt: skip
    else:
        outcome = both(
            N_("CPLC cannot promise that the handset will be found. If it is, CPLC or the "
               "police will contact you.")
        )  # fmt: skip
    return _report_wording(
        N_("Phone report receipt"),
        N_("CPLC phone report receipt {number}"),
        N_("Quote this number when you ask about your phone."),
        N_("Handset"),
        (
            both(N_("CPLC holds this report city-wide: a dealer who checks this IMEI with CPLC "
                    "is told that the handset is reported.")),
            both(N_("If not done yet, have your SIM blocked by your mobile operator, and report "
                    "the theft to the police (FIR) and to PTA.")),
            outcome,
            both(_KEEP_PHONE_RECEIPT),
        ),
    )  # fmt: skip


# ------------------------------------------------------------------ recoveries


# A recovered or found thing's receipt, by kind of record: its title, document, hint and summary
# label, then what happens next: it is compared with the theft reports, (matched or not,) how it
# is asked about or collected, keep the receipt.
_RECOVERY_TEXTS = {
    # A vehicle: it is not missing, it is waiting for its owner's report.
    VEHICLE: (
        N_("Recovered vehicle receipt"),
        N_("CPLC recovered vehicle receipt {number}"),
        N_("Quote this number when you ask about this vehicle."),
        N_("Vehicle"),
        N_("CPLC compares this vehicle with every theft and snatching report in the city."),
        N_("To ask about it, quote the receipt number above at this desk, or call the CPLC "
           "helpline 1102."),
        N_("Keep this receipt."),
    ),
    # A handset: matched, or waiting to be, and how its owner collects it.
    PHONE: (
        N_("Recovered phone receipt"),
        N_("CPLC recovered phone receipt {number}"),
        N_("Quote this number when you ask about this phone."),
        N_("Handset"),
        N_("CPLC compares this handset's IMEIs with every theft and snatching report it holds."),
        N_("To collect it, the owner brings their original CNIC, the receipt or FIR of their "
           "theft report, and the box or bill with the same IMEI if they have it. The police "
           "say what else is needed."),
        _KEEP_PHONE_RECEIPT,
    ),
}  # fmt: skip


def _recovery(kind: str, data: Any) -> Wording:
    """A recovered or found vehicle or handset (``kind``), with its match if it has one."""
    title, document, hint, summary, compared, ask, keep = _RECOVERY_TEXTS[kind]
    next_steps = (both(compared), _matched_or_not(data), both(ask), both(keep))
    return _report_wording(title, document, hint, summary, next_steps)


def phone_rows(data: Any) -> list[Row]:
    """The handset's lines on a phone receipt: what it is, its IMEIs grouped for reading aloud,
    the SIM number masked, and when and where it was taken or found."""
    rows: list[Row] = []
    if data.summary:
        rows.append((wording(data).summary, [data.summary]))
    numbers = tuple(getattr(data, "imeis", ()))
    for label, number in zip((N_("IMEI"), N_("Second IMEI")), numbers, strict=False):
        rows.append((both(label), [number]))
    if getattr(data, "imei_altered", False):
        rows.append((
            both(N_("IMEI altered")),
            list(both(N_("Suspected"))),
        ))  # fmt: skip
    if getattr(data, "sim_masked", ""):
        rows.append((both(N_("SIM number")), [data.sim_masked]))
    incident_at = getattr(data, "incident_at", None)
    if incident_at is not None:
        rows.append((both(N_("Date of incident")), [shown(incident_at) + " PKT"]))
    if getattr(data, "incident_place", ""):
        rows.append((both(N_("Place of incident")), [data.incident_place]))
    return rows
