"""Sentences for a bundle that was read and checked against headquarters' store: refused
(by its manifest, its station's key, its place in the station's history, its audit trail or
its content), or what its import did."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cplc_desk.domain.i18n import N_, _
from cplc_desk.services.wording.table import Say, said

MANIFEST: dict[str, Say] = {
    "bundle.format_too_new": said(
        N_(
            "This bundle was made by a newer version of CPLC Desk (bundle format {n}). "
            "Update CPLC Desk at headquarters, then import it again."
        )
    ),
    "schema_too_new": said(
        N_(
            "This bundle comes from a newer version of CPLC Desk (schema {schema}) than "
            "headquarters runs. Update CPLC Desk at headquarters, then import it again."
        )
    ),
    "bundle.manifest_invalid": said(
        N_(
            "The bundle's manifest is not valid. Ask the station to write the bundle again; if "
            "the new copy is refused too, call the station."
        )
    ),
    "bundle.manifest_unreadable": said(
        N_("The bundle's manifest is not valid. Do not import it; call the station.")
    ),
    "bundle.key_mismatch": said(
        N_(
            "The bundle names a key that does not match its id: it was tampered with. "
            "Do not import it; call the station."
        )
    ),
    "bundle.label_mismatch": said(
        N_(
            "The bundle's label does not match its signed content: it was tampered "
            "with. Do not import it; call the station."
        )
    ),
}

TRUST: dict[str, Say] = {
    "unknown_station": said(
        N_("Station {code} is not enrolled at this headquarters."), code="station"
    ),
    "wrong_station": said(
        N_(
            "This bundle claims to come from {claimed} but is signed with the key of "
            "station {owner}. It was refused: do not import it, and call {owner} "
            "about it."
        )
    ),
    "bundle.key_revoked": said(
        N_(
            "This bundle is signed with a key of {code} that was revoked on {date}, "
            "so it was not imported. It comes from a PC that was replaced, lost or "
            "revoked: do not trust it. If the station works on a new PC, that PC's "
            "bundles are accepted; if the old PC is trusted again, enroll it again."
        ),
        code="station",
    ),
    "bundle.enrollment_withdrawn": said(
        N_(
            "This bundle is signed with a key of {code} whose enrollment was withdrawn "
            "when the station was revoked on {date}, so it was not imported. If the "
            "station's desk is trusted again, enroll it again."
        ),
        code="station",
    ),
    "unknown_key": said(
        N_(
            "This bundle is signed with a key headquarters does not know for {code}. Check "
            "that the station was set up from this headquarters' enrollment file."
        ),
        code="station",
    ),
    "bundle.audit_discontinued": said(
        N_(
            "The audit trail in this bundle does not continue the trail headquarters "
            "holds for {code}: an entry was removed or changed at the station. "
            "Nothing was merged. Call the station before importing anything more "
            "from it."
        ),
        code="station",
    ),
    "bundle.audit_entry_changed": said(
        N_(
            "An audit entry from {code} was changed after it was written "
            "(entry {entry}). Nothing was merged. Call the station before importing "
            "anything more from it."
        ),
        code="station",
    ),
    "bundle.audit_invalid": said(
        N_("The bundle's audit trail is not valid. Do not import it; call the station.")
    ),
}

HISTORY: dict[str, Say] = {
    "too_large_to_hold": said(
        N_(
            "Bundle {seq} from {code} arrived before bundles {missing}, and it is too "
            "large ({mb} MB) to be kept waiting here. Nothing was merged. Import bundles "
            "{missing} first, then this file again."
        ),
        code="station",
    ),
    "change_log_rewritten": said(
        N_(
            "Bundle {seq} from {code} does not continue the station's change log from "
            "its bundle {last}: records already sent were changed or removed at the "
            "station outside CPLC Desk. Nothing was merged. Call the station before "
            "importing anything more from it."
        ),
        code="station",
    ),
    "forked_held": said(
        N_(
            "Headquarters is keeping another bundle {seq} from {code}, received on {date} and "
            "waiting for earlier bundles; this one differs from it, so one of the two comes from "
            "a forked history (for example a desk restored from an old backup). Nothing was "
            "merged. Call the station to find which PC wrote each. If the kept one is the wrong "
            "one, remove it and import this file again."
        ),
        seq="sequence",
        code="station",
    ),
    "forked_history": said(
        N_(
            "Bundle {seq} from {code} differs from the bundle {seq} headquarters already has: the "
            "station's history forked (for example a desk restored from an old backup). Nothing "
            "was merged. Call the station before importing anything more from it."
        ),
        code="station",
    ),
}

CONTENT: dict[str, Say] = {
    "bundle.change_invalid": said(
        N_(
            "The bundle holds a change that is not valid. Nothing from it was merged. Ask the "
            "station to write the bundle again; if the new copy is refused too, call the station."
        )
    ),
    "foreign_record": said(
        N_(
            "The bundle from {station} carries a record owned by {other}. A station may only "
            "send its own records; the bundle was refused. Call the station about it."
        )
    ),
    "store_conflict": said(
        N_(
            "Bundle {seq} from {code} could not be merged: headquarters' store refused "
            "one of its records ({detail}). Nothing from it was merged. Keep the file "
            "and report this to the CPLC Desk maintainers; check the other bundles "
            "meanwhile."
        ),
        code="station",
    ),
}


def _accepted(p: Mapping[str, Any]) -> str:
    said = _(
        "Accepted: {new} new, {updated} updated, {unchanged} unchanged, {conflicts} conflicts."
    ).format(new=p["new"], updated=p["updated"], unchanged=p["unchanged"], conflicts=p["conflicts"])
    if p.get("minutes_ahead"):
        said += " " + _(
            "The station's clock is about {minutes} minutes ahead; its times were noted, "
            "not trusted."
        ).format(minutes=p["minutes_ahead"])
    return said


OUTCOMES: dict[str, Say] = {
    "outcome.accepted": _accepted,
    "outcome.already_imported": said(N_("Already imported; nothing changed.")),
    "outcome.already_held": said(N_("Already received; still waiting for an earlier bundle.")),
    "outcome.held": said(
        N_(
            "Held: bundles {missing} from {station} have not arrived yet. This one is kept "
            "and applied automatically once they are imported."
        )
    ),
}

SENTENCES: dict[str, Say] = {**MANIFEST, **TRUST, **HISTORY, **CONTENT, **OUTCOMES}
