"""A match between a recovered vehicle and a theft report, in words a volunteer reads: each
piece of evidence ("Chassis number: exact"), the score on its scale ("Strong match (score 100;
85 or more is strong)"), whether the make, model and colour agree, and the theft report's
details. Used by the match dialog, the recovery form's live candidates and headquarters' checks.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cplc_desk.domain.matching import Evidence, LookAgreement
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.formats import NOTHING, format_datetime
from cplc_desk.services.vehicles.wanted import MatchCandidate

translate = QCoreApplication.translate

# Scores from which a candidate is called a strong or a possible match (the matcher keeps a
# strong one alone when it is clearly ahead).
STRONG = 85
POSSIBLE = 50


def _number_names(field: str) -> tuple[str, str]:
    """A number a match compares: its name, and its name in the middle of a sentence ("equals
    the chassis number written in the theft report")."""
    names_: dict[str, tuple[str, str]] = {
        "chassis": (
            translate("VehicleMatch", "Chassis number"),
            translate("VehicleMatch", "the chassis number"),
        ),
        "engine": (
            translate("VehicleMatch", "Engine number"),
            translate("VehicleMatch", "the engine number"),
        ),
        "registration": (
            translate("VehicleMatch", "Registration"),
            translate("VehicleMatch", "the registration number"),
        ),
    }
    return names_.get(field, (field, field))


def field_name(field: str) -> str:
    return _number_names(field)[0]


def _other_field(field: str) -> str:
    return _number_names(field)[1]


def evidence_text(evidence: Evidence) -> str:
    """One piece of evidence as a volunteer reads it: which field, and how it agrees."""
    field = field_name(evidence.field)
    if evidence.kind == "exact":
        how = translate("VehicleMatch", "exact")
    elif evidence.kind == "swapped":
        how = translate("VehicleMatch", "equals {other} written in the theft report").format(
            other=_other_field(evidence.other_field)
        )
    elif evidence.kind == "lookalike" and evidence.field != evidence.other_field:
        how = translate(
            "VehicleMatch",
            "equals {other} written in the theft report, reading look-alike characters "
            "(O and 0, I and 1, S and 5…) as the same",
        ).format(other=_other_field(evidence.other_field))
    elif evidence.kind == "lookalike":
        how = translate(
            "VehicleMatch",
            "the same once look-alike characters (O and 0, I and 1, S and 5…) are read alike",
        )
    elif evidence.kind == "one_off":
        how = translate("VehicleMatch", "one character different")
    elif evidence.kind == "partial":
        how = translate("VehicleMatch", "partial plate")
    else:
        how = evidence.kind
    return translate("VehicleMatch", "{field}: {how}").format(field=field, how=how)


def score_text(score: int) -> str:
    """The score with its scale, so "40" means something: strong from 85 (a stamped chassis or
    engine number agrees, or several numbers do), possible from 50, weak below."""
    if score >= STRONG:
        return translate(
            "VehicleMatch", "Strong match (score {score}; 85 or more is strong)"
        ).format(score=score)
    if score >= POSSIBLE:
        return translate(
            "VehicleMatch", "Possible match (score {score}; 50 to 84 is possible, 85 strong)"
        ).format(score=score)
    return translate(
        "VehicleMatch",
        "Weak match (score {score}; below 50 is weak: check every number on the vehicle)",
    ).format(score=score)


def look_name(field: str) -> str:
    names_: dict[str, str] = {
        "make": translate("VehicleMatch", "Make"),
        "model": translate("VehicleMatch", "Model"),
        "colour": translate("VehicleMatch", "Colour"),
    }
    return names_.get(field, field)


def looks_text(agreement: LookAgreement) -> str:
    """Make, model or colour: the same, or what each report says."""
    if agreement.same:
        return translate("VehicleMatch", "{field}: the same ({value})").format(
            field=look_name(agreement.field), value=agreement.theirs
        )
    return translate(
        "VehicleMatch", "{field}: different ({mine} here, {theirs} in the theft report)"
    ).format(field=look_name(agreement.field), mine=agreement.mine, theirs=agreement.theirs)


def candidate_lines(candidate: MatchCandidate) -> list[str]:
    """Everything that agrees or differs, numbers first (they decide), then the looks."""
    return [evidence_text(e) for e in candidate.evidence] + [looks_text(a) for a in candidate.looks]


def candidate_details(candidate: MatchCandidate) -> str:
    """The theft report's details, one per line (plain text)."""
    wanted = candidate.wanted
    keys = wanted.keys
    lines = [
        translate("VehicleMatch", "{kind} · {vclass} · {description}").format(
            kind=names.vehicle_report_kind(wanted.kind),
            vclass=names.vehicle_class(wanted.vehicle_class),
            description=wanted.description or NOTHING,
        ),
        translate("VehicleMatch", "Registration {reg} · chassis {chassis} · engine {engine}").format(
            reg=keys.registration or NOTHING,
            chassis=keys.chassis or NOTHING,
            engine=keys.engine or NOTHING,
        ),
        translate("VehicleMatch", "Police station {station} · on {when} · FIR {fir}").format(
            station=wanted.police_station or NOTHING,
            when=format_datetime(wanted.incident_at),
            fir=wanted.fir_number or NOTHING,
        ),
    ]  # fmt: skip
    if wanted.source == "hotlist":
        lines.append(
            translate(
                "VehicleMatch",
                "From the city-wide hotlist: tell {station} police station that it was found; "
                "headquarters links the two reports.",
            ).format(station=wanted.police_station)
        )
    return "\n".join(lines)
