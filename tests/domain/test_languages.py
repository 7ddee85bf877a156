"""Which language a command speaks, and the catalogues behind it (the real compiled Urdu one)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cplc_desk.domain import i18n
from cplc_desk.domain.i18n import N_, _
from cplc_desk.paths import resource_path


@pytest.fixture
def catalogues() -> Iterator[None]:
    i18n.configure(resource_path("translations"))
    yield
    i18n.set_language(i18n.ENGLISH)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"CPLC_DESK_LANG": "ur"}, "ur"),
        ({"CPLC_DESK_LANG": "ur", "LANG": "en_US.UTF-8"}, "ur"),
        ({"CPLC_DESK_LANG": "xx", "LANG": "ur_PK.UTF-8"}, "ur"),  # unknown: the locale decides
        ({"LANG": "ur_PK.UTF-8"}, "ur"),
        ({"LC_ALL": "ur_PK", "LANG": "en_GB.UTF-8"}, "ur"),
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "ur_PK.UTF-8"}, "en"),  # the first one set decides
        ({"LANGUAGE": "fr:ur", "LANG": "en_US"}, "ur"),
        ({"LANGUAGE": "fr:de", "LANG": "ur_PK"}, "ur"),  # nothing usable listed: next variable
        ({"LANG": "C"}, "en"),
        ({"LANG": "ur-PK"}, "ur"),
    ],
)
def test_language_from_the_environment(environ: dict[str, str], expected: str) -> None:
    assert i18n.language_from_environment(environ) == expected


def test_urdu_catalogue_translates_and_falls_back(catalogues: None) -> None:
    i18n.set_language(i18n.URDU)
    assert _("Keep this receipt.") == "یہ رسید سنبھال کر رکھیں۔"
    assert _("a message no catalogue has") == "a message no catalogue has"
    i18n.set_language(i18n.ENGLISH)
    assert _("Keep this receipt.") == "Keep this receipt."


def test_both_languages_at_once_for_bilingual_paper(catalogues: None) -> None:
    i18n.set_language(i18n.ENGLISH)
    message = N_("Receipt number")
    assert i18n.in_language(i18n.URDU, message) == "رسید نمبر"
    assert i18n.in_language(i18n.ENGLISH, message) == "Receipt number"
    assert i18n.current_language() == i18n.ENGLISH


def test_placeholders_sit_in_isolates_except_on_a_terminal(catalogues: None) -> None:
    message = "Printed {when} at the CPLC desk {code}."
    i18n.set_language(i18n.URDU)
    shown = _(message).format(when="5 Dec", code="CLIF")
    assert "\u2068CLIF\u2069" in shown
    i18n.set_language(i18n.URDU, isolates=False)
    printed = _(message).format(when="5 Dec", code="CLIF")
    assert "CLIF" in printed and not set(printed) & set("\u2066\u2067\u2068\u2069")
