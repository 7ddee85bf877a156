"""Sentences for a file that arrived from outside and was refused before anything was read from
it into the store: any file, a bundle's envelope and container, a snapshot, a hotlist and an
enrollment file."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cplc_desk.domain.i18n import _
from cplc_desk.services.wording.table import Say, reason

# Why a file is damaged, as the readers name it (filled from the same refusal's parameters).
REASONS: dict[str, Say] = {
    "header_too_long": lambda p: _("its header is too long"),
    "header_unreadable": lambda p: _("its header is not readable"),
    "header_changed": lambda p: _("its header was changed"),
    "key_block_unreadable": lambda p: _("its key block is not readable"),
    "part_too_long": lambda p: _("a part is too long"),
    "trailing_data": lambda p: _("extra data after its end"),
    "member_unlisted": lambda p: _("the manifest does not list {name}").format(name=p["name"]),
    "member_unreadable": lambda p: _("{name} cannot be read").format(name=p["name"]),
    "member_mismatch": lambda p: _("{name} does not match its signed manifest").format(
        name=p["name"]
    ),
    "line_too_long": lambda p: _("a line is far too long"),
    "line_invalid": lambda p: _("line {n} of {member} is not valid").format(
        n=p["n"], member=p["member"]
    ),
    "too_many_parts": lambda p: _("it holds more parts than any such file"),
    "parts_unexpected": lambda p: _("unexpected or missing parts: {names}").format(
        names=p["names"]
    ),
    "parts_missing": lambda p: _("unexpected or missing parts"),
    "part_unsupported": lambda p: _("unsupported part"),
    "part_too_large": lambda p: _("a part is too large"),
    "zip_bomb": lambda p: _("a part expands suspiciously (a 'zip bomb')"),
    "seal_mismatch": lambda p: _("its content does not match its seal"),
    "snapshot_too_large": lambda p: _("it is larger than any snapshot can be"),
    "not_a_station_snapshot": lambda p: _("it is not a station snapshot"),
    "not_a_snapshot_manifest": lambda p: _("not a station snapshot manifest"),
    "unreadable manifest": lambda p: _("unreadable manifest"),
    "times_without_zone": lambda p: _("times without a time zone"),
    "bad_sequence_or_count": lambda p: _("bad sequence or count"),
    "list_cut_short": lambda p: _("the list is too large or cut short"),
    "list_invalid": lambda p: _("the list is not valid"),
    "list_not_decompressible": lambda p: _("the list cannot be decompressed"),
    "entry_count_mismatch": lambda p: _("the number of vehicles or handsets does not match"),
    "line_not_entry": lambda p: _("a line is not a hotlist entry"),
    "entry_wrong_field": lambda p: _("an entry has a wrong field"),
    "entry_not_theft": lambda p: _("an entry is not a theft"),
}


def _why(p: Mapping[str, Any], field: str = "reason") -> str:
    return reason(p, REASONS, field)


ANY_FILE: dict[str, Say] = {
    "file.too_large": lambda p: _(
        "{name} is larger than any file of this kind can be, so it was not read. Check that "
        "you chose the right file."
    ).format(name=p["name"]),
    "file.missing": lambda p: _(
        "{name} does not exist. Check the file's name and the USB stick."
    ).format(name=p["name"]),
    "file.not_a_file": lambda p: _(
        "{name} is not a file (it is a folder, a device or a pipe), so it was not read. "
        "Choose the file itself."
    ).format(name=p["name"]),
    "file.unreadable": lambda p: _(
        "Cannot read {name}: {reason}. Check the USB stick and copy the file again."
    ).format(name=p["name"], reason=p["detail"]),
}

BUNDLE_FILE: dict[str, Say] = {
    "bundle.truncated": lambda p: _(
        "The file ends too early ({what}): it was not copied completely. Copy it again "
        "from the station's stick, or ask the station to write the bundle again."
    ).format(what=_why(p, "what")),
    "bundle.truncated_length": lambda p: _(
        "The file ends too early: it was not copied completely. Copy it again, or "
        "ask the station to write the bundle again."
    ),
    "bundle.damaged": lambda p: _(
        "The bundle is damaged ({what}). Copy it again from the station's stick, or ask the "
        "station to write the bundle again."
    ).format(what=_why(p, "what")),
    "not_a_bundle": lambda p: _(
        "This file is not a CPLC Desk bundle. Check that you chose the right file."
    ),
    "bundle.too_large": lambda p: _(
        "The bundle is larger than this desk accepts. Do not import it; call the station."
    ),
    "bundle.file_too_large": lambda p: _(
        "The file is larger than any bundle can be, so it was not read. Check that "
        "you chose the right file."
    ),
    "bundle.seal_mismatch": lambda p: _(
        "The bundle is damaged: its content does not match its seal (a changed or "
        "corrupted byte). Copy it again from the station's stick."
    ),
    "bundle.envelope_too_new": lambda p: _(
        "This bundle was made by a newer version of CPLC Desk (envelope format {n}), or "
        "its first bytes are damaged. Update CPLC Desk here, then import it again; if it "
        "is still refused, copy it again from the station's stick."
    ).format(n=p["n"]),
    "wrong_recipient": lambda p: _(
        "This bundle was encrypted for another headquarters key ({kid}). It cannot "
        "be opened here; check that the station was enrolled by this headquarters."
    ).format(kid=p["kid"]),
    "bundle.bad_signature": lambda p: _(
        "The bundle's signature does not match the station's key: it was changed "
        "after the station signed it, or signed by someone else. Do not import it; "
        "ask the station to write the bundle again."
    ),
    "bundle.member_changed": lambda p: _(
        "The bundle's {member} does not match its signed manifest: it was "
        "changed after the station signed it. Do not import it; call the station."
    ).format(member=p["member"]),
    "bundle.content_invalid": lambda p: _(
        "The bundle's content is not a valid CPLC Desk bundle ({reason}). It was not "
        "imported. Ask the station to write the bundle again; if the new copy is refused "
        "too, call the station."
    ).format(reason=_why(p)),
    "bundle.part_too_large": lambda p: _(
        "A part of the bundle ({name}) is larger than allowed, so it was not opened. "
        "Do not import it; call the station."
    ).format(name=p["name"]),
}

SNAPSHOT_FILE: dict[str, Say] = {
    "snapshot.damaged": lambda p: _(
        "The snapshot file is damaged or was changed ({reason}). Nothing was restored. "
        "Copy it again from headquarters' stick, or ask headquarters to write it again."
    ).format(reason=_why(p)),
    "snapshot.truncated": lambda p: _(
        "The snapshot file ends too early ({what}): it was not copied completely. Copy "
        "it again from headquarters' stick."
    ).format(what=_why(p, "what")),
    "not_a_snapshot": lambda p: _(
        "This file is not a CPLC Desk station snapshot (they end in {suffix}). Check "
        "that you chose the right file."
    ).format(suffix=p["suffix"]),
    "snapshot.format_too_new": lambda p: _(
        "This snapshot was made by a newer version of CPLC Desk. Install the version "
        "headquarters uses, then restore it again."
    ),
    "snapshot.bad_signature": lambda p: _(
        "The snapshot is not signed by the headquarters that wrote the enrollment file. "
        "Nothing was restored. Use the snapshot and the enrollment file headquarters "
        "wrote together."
    ),
}

HOTLIST_FILE: dict[str, Say] = {
    "hotlist.not_hotlist": lambda p: _(
        "This is not a CPLC Desk hotlist file, or it is damaged. Nothing was imported; the "
        "hotlist this desk holds is unchanged. Copy the newest hotlist-NNNNNN.cplchot file "
        "from headquarters again."
    ),
    "hotlist.foreign": lambda p: _(
        "This hotlist was signed by a different headquarters key than the one this desk "
        "was enrolled with. Nothing was imported; the hotlist this desk holds is unchanged. "
        "Use a hotlist from your own headquarters, or enroll this desk again if "
        "headquarters changed its keys."
    ),
    "hotlist.bad_signature": lambda p: _(
        "This hotlist file was changed after headquarters signed it, or headquarters did "
        "not make it. Nothing was imported; the hotlist this desk holds is unchanged. Do not "
        "use this file: ask headquarters for a new copy."
    ),
    "hotlist.damaged": lambda p: _(
        "The hotlist file is signed by headquarters but its content is not valid ({reason}). "
        "Nothing was imported; the hotlist this desk holds is unchanged. Ask headquarters "
        "for a new copy."
    ).format(reason=_why(p)),
    "hotlist.newer_format": lambda p: _(
        "This hotlist was written by a newer CPLC Desk. Nothing was imported. Update "
        "this desk's CPLC Desk, then import the hotlist again."
    ),
    "hotlist.expired": lambda p: _(
        "This hotlist (number {seq}) expired on {date}, so it was not imported: it "
        "would hide thefts reported since. Ask headquarters for a new hotlist."
    ).format(seq=p["seq"], date=p["date"]),
}

ENROLLMENT_FILE: dict[str, Say] = {
    "bad_enrollment": lambda p: _(
        "This is not a valid enrollment file, or it was changed. Ask headquarters for a new "
        "enrollment file for this station."
    ),
    "enrollment_expired": lambda p: _(
        "This enrollment file expired on {date}. Ask headquarters for a new one."
    ).format(date=p["date"]),
}

SENTENCES: dict[str, Say] = {
    **ANY_FILE,
    **BUNDLE_FILE,
    **SNAPSHOT_FILE,
    **HOTLIST_FILE,
    **ENROLLMENT_FILE,
}
