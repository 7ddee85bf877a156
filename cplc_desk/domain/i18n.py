"""Translation marker for text produced outside the GUI.

The domain, services and command line use GNU gettext (stdlib) so that their messages can be
translated without Qt; the GUI translates its own strings with Qt's tr(). Catalogues live in
resources/translations/<lang>/LC_MESSAGES/cplc_desk.mo.
"""

from __future__ import annotations

import gettext
from pathlib import Path

DOMAIN = "cplc_desk"
_translation: gettext.NullTranslations = gettext.NullTranslations()


def install(localedir: Path | None, languages: list[str] | None = None) -> None:
    """Switch the active catalogue; falls back to English (the source text) when none is found."""
    global _translation
    if localedir is None:
        _translation = gettext.NullTranslations()
        return
    _translation = gettext.translation(
        DOMAIN, localedir=str(localedir), languages=languages, fallback=True
    )


def _(message: str) -> str:
    """Translate a user-visible message."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)
