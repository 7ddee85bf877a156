"""Sentences for a file that arrived from outside and was refused before anything was read from
it into the store: any file, a bundle's envelope and container, a snapshot, a hotlist and an
enrollment file."""

from __future__ import annotations

from cplc_desk.domain.i18n import N_
from cplc_desk.services.wording.table import Say, reason, said

# Why a file is damaged, as the readers name it (filled from the same refusal's parameters).
REASONS: dict[str, Say] = {
    "header_too_long": said(N_("its header is too long")),
    "header_unreadable": said(N_("its header is not readable")),
    "header_changed": said(N_("its header was changed")),
    "key_block_unreadable": said(N_("its key block is not readable")),
    "part_too_long": said(N_("a part is too long")),
    "trailing_data": said(N_("extra data after its end")),
    "member_unlisted": said(N_("the manifest does not list {name}")),
    "member_unreadable": said(N_("{name} cannot be read")),
    "member_mismatch": said(N_("{name} does not match its signed manifest")),
    "line_too_long": said(N_("a line is far too long")),
    "line_invalid": said(N_("line {n} of {member} is not valid")),
    "too_many_parts": said(N_("it holds more parts than any such file")),
    "parts_unexpected": said(N_("unexpected or missing parts: {names}")),
    "parts_missing": said(N_("unexpected or missing parts")),
    "part_unsupported": said(N_("unsupported part")),
    "part_too_large": said(N_("a part is too large")),
    "zip_bomb": said(N_("a part expands suspiciously (a 'zip bomb')")),
    "seal_mismatch": said(N_("its content does not match its seal")),
    "snapshot_too_large": said(N_("it is larger than any snapshot can be")),
    "not_a_station_snapshot": said(N_("it is not a station snapshot")),
    "not_a_snapshot_manifest": said(N_("not a station snapshot manifest")),
    "unreadable manifest": said(N_("unreadable manifest")),
    "times_without_zone": said(N_("times without a time zone")),
    "bad_sequence_or_count": said(N_("bad sequence or count")),
    "list_cut_short": said(N_("the list is too large or cut short")),
    "list_invalid": said(N_("the list is not valid")),
    "list_not_decompressible": said(N_("the list cannot be decompressed")),
    "entry_count_mismatch": said(N_("the number of vehicles or handsets does not match")),
    "line_not_entry": said(N_("a line is not a hotlist entry")),
    "entry_wrong_field": said(N_("an entry has a wrong field")),
    "entry_not_theft": said(N_("an entry is not a theft")),
}


def _why(field: str) -> Say:
    """The reason the refusal's ``field`` names, worded (see :data:`REASONS`)."""
    return lambda p: reason(p, REASONS, field)


SENTENCES: dict[str, Say] = {
    # Any file.
    "file.too_large": said(
        N_(
            "{name} is larger than any file of this kind can be, so it was not read. Check that "
            "you chose the right file."
        )
    ),
    "file.missing": said(N_("{name} does not exist. Check the file's name and the USB stick.")),
    "file.not_a_file": said(
        N_(
            "{name} is not a file (it is a folder, a device or a pipe), so it was not read. "
            "Choose the file itself."
        )
    ),
    "file.unreadable": said(
        N_("Cannot read {name}: {reason}. Check the USB stick and copy the file again."),
        reason="detail",
    ),
    # A bundle's envelope and container.
    "bundle.truncated": said(
        N_(
            "The file ends too early ({what}): it was not copied completely. Copy it again "
            "from the station's stick, or ask the station to write the bundle again."
        ),
        what=_why("what"),
    ),
    "bundle.truncated_length": said(
        N_(
            "The file ends too early: it was not copied completely. Copy it again, or "
            "ask the station to write the bundle again."
        )
    ),
    "bundle.damaged": said(
        N_(
            "The bundle is damaged ({what}). Copy it again from the station's stick, or ask the "
            "station to write the bundle again."
        ),
        what=_why("what"),
    ),
    "not_a_bundle": said(
        N_("This file is not a CPLC Desk bundle. Check that you chose the right file.")
    ),
    "bundle.too_large": said(
        N_("The bundle is larger than this desk accepts. Do not import it; call the station.")
    ),
    "bundle.file_too_large": said(
        N_(
            "The file is larger than any bundle can be, so it was not read. Check that "
            "you chose the right file."
        )
    ),
    "bundle.seal_mismatch": said(
        N_(
            "The bundle is damaged: its content does not match its seal (a changed or "
            "corrupted byte). Copy it again from the station's stick."
        )
    ),
    "bundle.envelope_too_new": said(
        N_(
            "This bundle was made by a newer version of CPLC Desk (envelope format {n}), or "
            "its first bytes are damaged. Update CPLC Desk here, then import it again; if it "
            "is still refused, copy it again from the station's stick."
        )
    ),
    "wrong_recipient": said(
        N_(
            "This bundle was encrypted for another headquarters key ({kid}). It cannot "
            "be opened here; check that the station was enrolled by this headquarters."
        )
    ),
    "bundle.bad_signature": said(
        N_(
            "The bundle's signature does not match the station's key: it was changed "
            "after the station signed it, or signed by someone else. Do not import it; "
            "ask the station to write the bundle again."
        )
    ),
    "bundle.member_changed": said(
        N_(
            "The bundle's {member} does not match its signed manifest: it was "
            "changed after the station signed it. Do not import it; call the station."
        )
    ),
    "bundle.content_invalid": said(
        N_(
            "The bundle's content is not a valid CPLC Desk bundle ({reason}). It was not "
            "imported. Ask the station to write the bundle again; if the new copy is refused "
            "too, call the station."
        ),
        reason=_why("reason"),
    ),
    "bundle.part_too_large": said(
        N_(
            "A part of the bundle ({name}) is larger than allowed, so it was not opened. "
            "Do not import it; call the station."
        )
    ),
    # A station snapshot.
    "snapshot.damaged": said(
        N_(
            "The snapshot file is damaged or was changed ({reason}). Nothing was restored. "
            "Copy it again from headquarters' stick, or ask headquarters to write it again."
        ),
        reason=_why("reason"),
    ),
    "snapshot.truncated": said(
        N_(
            "The snapshot file ends too early ({what}): it was not copied completely. Copy "
            "it again from headquarters' stick."
        ),
        what=_why("what"),
    ),
    "not_a_snapshot": said(
        N_(
            "This file is not a CPLC Desk station snapshot (they end in {suffix}). Check "
            "that you chose the right file."
        )
    ),
    "snapshot.format_too_new": said(
        N_(
            "This snapshot was made by a newer version of CPLC Desk. Install the version "
            "headquarters uses, then restore it again."
        )
    ),
    "snapshot.bad_signature": said(
        N_(
            "The snapshot is not signed by the headquarters that wrote the enrollment file. "
            "Nothing was restored. Use the snapshot and the enrollment file headquarters "
            "wrote together."
        )
    ),
    # A hotlist.
    "hotlist.not_hotlist": said(
        N_(
            "This is not a CPLC Desk hotlist file, or it is damaged. Nothing was imported; the "
            "hotlist this desk holds is unchanged. Copy the newest hotlist-NNNNNN.cplchot file "
            "from headquarters again."
        )
    ),
    "hotlist.foreign": said(
        N_(
            "This hotlist was signed by a different headquarters key than the one this desk "
            "was enrolled with. Nothing was imported; the hotlist this desk holds is unchanged. "
            "Use a hotlist from your own headquarters, or enroll this desk again if "
            "headquarters changed its keys."
        )
    ),
    "hotlist.bad_signature": said(
        N_(
            "This hotlist file was changed after headquarters signed it, or headquarters did "
            "not make it. Nothing was imported; the hotlist this desk holds is unchanged. Do not "
            "use this file: ask headquarters for a new copy."
        )
    ),
    "hotlist.damaged": said(
        N_(
            "The hotlist file is signed by headquarters but its content is not valid ({reason}). "
            "Nothing was imported; the hotlist this desk holds is unchanged. Ask headquarters "
            "for a new copy."
        ),
        reason=_why("reason"),
    ),
    "hotlist.newer_format": said(
        N_(
            "This hotlist was written by a newer CPLC Desk. Nothing was imported. Update "
            "this desk's CPLC Desk, then import the hotlist again."
        )
    ),
    "hotlist.expired": said(
        N_(
            "This hotlist (number {seq}) expired on {date}, so it was not imported: it "
            "would hide thefts reported since. Ask headquarters for a new hotlist."
        )
    ),
    # An enrollment file.
    "bad_enrollment": said(
        N_(
            "This is not a valid enrollment file, or it was changed. Ask headquarters for a new "
            "enrollment file for this station."
        )
    ),
    "enrollment_expired": said(
        N_("This enrollment file expired on {date}. Ask headquarters for a new one.")
    ),
}
