"""The desk's languages, and the translation of text produced outside the GUI.

The domain, services and command line use GNU gettext (stdlib) so that their messages can be
translated without Qt; the GUI translates its own strings with Qt's tr() and switches this
catalogue at the same moment (gui/shell/language.py). Catalogues live in
``resources/translations/<lang>/LC_MESSAGES/cplc_desk.mo``.

English is the source language; Urdu is the other. Which one a process speaks:
``CPLC_DESK_LANG`` (``en`` or ``ur``), else the usual locale variables in gettext's order
(``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else English. In the window, the signed-in
account's own language wins (docs/urdu.md).
"""

from __future__ import annotations

import gettext
import os
import sys
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "cplc_desk"
ENGLISH = "en"
URDU = "ur"
LANGUAGES = (ENGLISH, URDU)
RIGHT_TO_LEFT = frozenset({URDU})
ENV_LANG = "CPLC_DESK_LANG"
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def _shipped_catalogues() -> Path:
    """resources/translations beside the package (or in a frozen build's bundle folder), as
    cplc_desk.paths.resource_path finds it; the domain keeps to the standard library."""
    frozen = getattr(sys, "_MEIPASS", None)
    root = Path(frozen) if frozen else Path(__file__).resolve().parent.parent.parent
    return root / "resources" / "translations"


_localedir: Path | None = _shipped_catalogues()
_language = ENGLISH
_translation: gettext.NullTranslations = gettext.NullTranslations()
_catalogues: dict[str, gettext.NullTranslations] = {}
# The catalogue wraps each placeholder in Unicode isolates (U+2068 ... U+2069) so a number stays a
# left-to-right run inside Urdu text in the window and on paper; a terminal shows them as junk.
_ISOLATES = str.maketrans({c: None for c in "\u2066\u2067\u2068\u2069"})
_keep_isolates = True


def normalise_language(value: str | None) -> str | None:
    """``ur``, ``ur_PK.UTF-8``, ``ur-PK`` -> ``ur``; ``en_GB`` -> ``en``; anything else None."""
    if not value:
        return None
    code = value.strip().replace("-", "_").split(".", 1)[0].split("@", 1)[0].split("_", 1)[0]
    code = code.lower()
    return code if code in LANGUAGES else None


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language a command speaks: ``CPLC_DESK_LANG``, else the locale variables, else English.

    The first locale variable that is set decides, as in gettext: a desk whose ``LANG`` is
    ``fr_FR`` speaks English, not the Urdu of a variable further down. ``LANGUAGE`` may list
    several languages (``ur:en``); the first one the desk speaks is taken.
    """
    env = os.environ if environ is None else environ
    chosen = normalise_language(env.get(ENV_LANG))
    if chosen:
        return chosen
    for name in LOCALE_VARIABLES:
        value = env.get(name, "").strip()
        if not value:
            continue
        if name == "LANGUAGE":
            for item in value.split(":"):
                found = normalise_language(item)
                if found:
                    return found
            continue  # nothing usable in the list: the next variable decides
        return normalise_language(value) or ENGLISH
    return ENGLISH


def configure(localedir: Path | None) -> None:
    """Where the compiled catalogues are (the app passes its resources folder at start-up)."""
    global _localedir
    _localedir = localedir
    _catalogues.clear()


def catalogue(language: str) -> gettext.NullTranslations:
    """The catalogue of one language, whatever the active one is (a bilingual receipt prints
    both). English, an unknown language or a missing file give the source text."""
    if language not in _catalogues:
        if language == ENGLISH or _localedir is None:
            _catalogues[language] = gettext.NullTranslations()
        else:
            _catalogues[language] = gettext.translation(
                DOMAIN, localedir=str(_localedir), languages=[language], fallback=True
            )
    return _catalogues[language]


def set_language(language: str, *, isolates: bool = True) -> None:
    """Switch the active catalogue (falls back to English, the source text). ``isolates=False``
    (the command line) leaves the direction isolates out of translated text."""
    global _language, _translation, _keep_isolates
    _keep_isolates = isolates
    _language = language if language in LANGUAGES else ENGLISH
    _translation = catalogue(_language)


def install(localedir: Path | None, languages: list[str] | None = None) -> None:
    """Configure the catalogues and switch to the first of ``languages`` the desk speaks."""
    configure(localedir)
    first = next((c for c in map(normalise_language, languages or []) if c), ENGLISH)
    set_language(first)


def current_language() -> str:
    return _language


def is_right_to_left(language: str | None = None) -> bool:
    return (language or _language) in RIGHT_TO_LEFT


def _(message: str) -> str:
    """Translate a user-visible message into the active language."""
    text = _translation.gettext(message)
    return text if _keep_isolates else text.translate(_ISOLATES)


def N_(message: str) -> str:
    """Mark a message for the catalogue without translating it yet (it is translated where it is
    shown, possibly into more than one language)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    text = _translation.ngettext(singular, plural, n)
    return text if _keep_isolates else text.translate(_ISOLATES)


def in_language(language: str, message: str) -> str:
    """``message`` (a source text marked with ``N_``) in the given language."""
    return catalogue(language).gettext(message)
