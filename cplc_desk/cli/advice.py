"""What the command line adds to a refusal: the command to run next, chosen by the refusal's code.

The libraries and services say what is wrong; a command to type is advice only the command line
can give (the window offers a button instead), so it lives here, keyed by the error's ``code``
and filled from its ``params``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cplc_desk.domain.errors import DeskError
from cplc_desk.domain.i18n import _

Advice = Callable[[dict[str, Any]], str]

ADVICE: dict[str, Advice] = {
    "not_set_up": lambda p: _(
        "Command: cplc-desk init-station --code CODE, or cplc-desk init-hq --name NAME."
    ),
    "not_enrolled": lambda p: _("Command: cplc-desk init-station --enrollment FILE"),
    "behind_headquarters": lambda p: _(
        "Commands: at headquarters cplc-desk export-station-snapshot --code {code}; here "
        "cplc-desk init-station --enrollment FILE --snapshot SNAPSHOT."
    ).format(code=p["station"]),
    "store_tampered": lambda p: _(
        "'cplc-desk check' lists every problem; 'cplc-desk restore' puts a backup back."
    ),
    "bundle_unwritten": lambda p: _(
        "Command: cplc-desk export-bundle --out DIR --again {seq}"
    ).format(seq=p["sequence"]),
    "unknown_police_station": lambda p: _("'cplc-desk stations' lists the codes."),
    "backup_key_needed": lambda p: _("Command: cplc-desk restore FILE --key CODE"),
    "hq_keys_lost": lambda p: _(
        "Commands: cplc-desk restore FILE --key CODE; only if the keys are lost for good, "
        "cplc-desk init-hq --name NAME --new-keys."
    ),
    "no_pending_enrollment": lambda p: _(
        "Command: cplc-desk enroll-station --code {code} --out FILE"
    ).format(code=p["station"]),
    "no_held_bundle": lambda p: _("'cplc-desk sync-status' lists the bundles waiting."),
    "unknown_station": lambda p: _(
        "Command: cplc-desk enroll-station --code {code}, then import again."
    ).format(code=p["station"]),
    "revoked_key": lambda p: _("Command: cplc-desk enroll-station --code {code}").format(
        code=p["station"]
    ),
    "choose_sheet": lambda p: _(
        'Name it with --sheet, for example: cplc-desk import {register} {file} --sheet "{sheet}"'
    ).format(
        register=p["register"], file=p["file"], sheet=p["sheets"][0] if p["sheets"] else "Sheet1"
    ),
    "bad_store_config": lambda p: _(
        "Command: cplc-desk join-hq --db-url postgresql+psycopg://USER@HOST/DATABASE"
    ),
    "server_set_up": lambda p: _("Command: cplc-desk join-hq --db-url URL"),
    "bad_read_replica": lambda p: _(
        "Commands: cplc-desk set-read-url postgresql+psycopg://USER@STANDBY/DATABASE, or "
        "cplc-desk set-read-url --clear"
    ),
    "hq_keys_elsewhere": lambda p: _(
        "Commands: at a workstation with the keys cplc-desk export-hq-keys --out FILE; here "
        "cplc-desk join-hq --db-url URL --keys FILE"
    ),
    "forked_held": lambda p: _(
        "Command: cplc-desk discard-held --station {code} --sequence {seq}"
    ).format(code=p["station"], seq=p["sequence"]),
}


def advise(code: str | None, params: dict[str, Any], message: str) -> str:
    """A sentence as the command line prints it: the sentence, then the command's advice."""
    extra = ADVICE.get(code or "")
    if extra is None:
        return message
    try:
        hint = extra(params)
    except KeyError:  # a refusal raised without the parameters its advice names
        return message
    return f"{message} {hint}"


def sentence(exc: DeskError) -> str:
    """A refusal as the command line prints it."""
    return advise(exc.code, exc.params, exc.message)
