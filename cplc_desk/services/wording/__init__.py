"""The services' wording of what the libraries below them report by code.

``sync/`` raises refusals and fills import outcomes with a wording key and parameters, never a
sentence; the sentences are here, one table per kind of file, looked up when an edge reads a
refusal's ``message``. Importing any service installs them (see :mod:`cplc_desk.services`).

A sentence says what is wrong and what to do in words a volunteer can follow. A command to type
is the command line's own advice (``cli/advice.py``), added by code at that edge only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cplc_desk.services.wording import bundles, files
from cplc_desk.services.wording.table import Say

TABLES: tuple[Mapping[str, Say], ...] = (files.SENTENCES, bundles.SENTENCES)


def wording(key: str, params: Mapping[str, Any]) -> str | None:
    """The sentence for ``key`` filled from ``params``; None when no table words ``key``, or
    when the refusal was raised without a parameter its sentence names."""
    for table in TABLES:
        say = table.get(key)
        if say is not None:
            try:
                return say(params)
            except KeyError:
                return None
    return None
