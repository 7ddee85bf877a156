"""The real command in Urdu: CPLC_DESK_LANG, else the locale variables; argparse's own words
too, and no direction marks on a terminal."""

from __future__ import annotations

from pathlib import Path

ISOLATES = set("\u2066\u2067\u2068\u2069")


def test_cplc_desk_lang_urdu_speaks_urdu(cli, tmp_path: Path) -> None:
    result = cli("stats", data_dir=tmp_path / "desk", env={"CPLC_DESK_LANG": "ur"})
    assert result.returncode == 1
    assert "یہ ڈیسک ابھی سیٹ اپ نہیں ہوا" in result.stderr
    assert "cplc-desk init-station --code CODE" in result.stderr  # the command stays as typed
    assert not ISOLATES & set(result.stderr)


def test_the_locale_decides_when_cplc_desk_lang_is_unset(cli, tmp_path: Path) -> None:
    urdu = cli(
        "stats", data_dir=tmp_path / "a", env={"CPLC_DESK_LANG": None, "LANGUAGE": None,
                                               "LC_ALL": None, "LANG": "ur_PK.UTF-8"},
    )  # fmt: skip
    english = cli(
        "stats", data_dir=tmp_path / "b", env={"CPLC_DESK_LANG": None, "LANGUAGE": None,
                                               "LC_ALL": "en_GB.UTF-8", "LANG": "ur_PK.UTF-8"},
    )  # fmt: skip
    assert "سیٹ اپ" in urdu.stderr
    assert "This desk is not set up yet" in english.stderr


def test_help_and_usage_errors_are_in_urdu(cli) -> None:
    helped = cli("--help", env={"CPLC_DESK_LANG": "ur"})
    assert helped.returncode == 0
    assert helped.stdout.startswith("استعمال: cplc-desk")
    assert "یہ مدد دکھائیں اور بند کریں" in helped.stdout
    wrong = cli("--no-such-option", env={"CPLC_DESK_LANG": "ur"})
    assert wrong.returncode == 2
    assert "نامعلوم آرگیومنٹس: --no-such-option" in wrong.stderr
