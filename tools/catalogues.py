"""Keep the translation catalogues in step with the code: extract, compile and check.

Two catalogues per language, because two layers speak to people (resources/translations/README.md):

- the window's strings, marked with ``tr()`` / ``QCoreApplication.translate`` in ``cplc_desk/gui``:
  Qt Linguist's ``cplc_desk_<lang>.ts``, compiled by ``lrelease`` to ``.qm``;
- every other message (domain, services, storage, sync, printing, command line), marked with
  ``cplc_desk.domain.i18n._`` / ``N_`` / ``ngettext``: GNU gettext ``<lang>/LC_MESSAGES/cplc_desk.po``,
  compiled to ``.mo``;
- and Qt's own standard buttons and dialogs, which Qt ships no Urdu for: ``qtbase_<lang>.ts``, kept
  by hand (its source texts come from Qt, not from our code), compiled like ours.

    python tools/catalogues.py update    # new strings into the catalogues (keeps translations)
    python tools/catalogues.py compile   # .ts -> .qm, .po -> .mo
    python tools/catalogues.py check     # fails when a catalogue is stale or incomplete

``make translations`` runs update then compile; ``make test`` runs check. No line numbers are kept
in the catalogues, so moving code does not make them stale; changing a string does.
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "cplc_desk"
GUI = PACKAGE / "gui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("ur",)
DOMAIN = "cplc_desk"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
PLURAL_FORMS = {"ur": "nplurals=2; plural=(n != 1);"}

# {name}, {0}, {n:,}, %1, %n, %L1: what a translation must keep from its source.
_PLACEHOLDER = re.compile(r"\{[A-Za-z_0-9]*(?:[:!][^{}]*)?\}|%L?\d|%n|%\([A-Za-z_]+\)[sdr]|%[sdr]")
# The Unicode isolates that keep a number or code a left-to-right run inside Urdu text.
ISOLATES = "\u2066\u2067\u2068\u2069"
_NO_ISOLATES = str.maketrans({c: None for c in ISOLATES})


def _bin(tool: str) -> str:
    """A Qt tool from the PySide6 wheel, in the same environment as this Python."""
    here = Path(sys.executable).parent / f"pyside6-{tool}"
    return str(here) if here.exists() else f"pyside6-{tool}"


def gui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in GUI.rglob("*.py"))


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"{DOMAIN}_{lang}.ts"


def qtbase_ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"qtbase_{lang}.ts"


def po_path(lang: str) -> Path:
    return TRANSLATIONS / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


# ------------------------------------------------------------------------ extraction


def run_lupdate(ts: Path) -> None:
    subprocess.run(
        [_bin("lupdate"), *gui_sources(), "-ts", str(ts), "-no-obsolete", "-locations", "none"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def extract_messages() -> Catalog:
    """Every gettext message outside the GUI, as a template catalogue."""
    template = Catalog(project="CPLC Desk", domain=DOMAIN, charset="utf-8")
    for folder in sorted(p for p in PACKAGE.iterdir() if p.is_dir() and p.name != "gui"):
        for _file, _line, message, comments, context in extract_from_dir(
            folder,
            method_map=[("**.py", "python")],
            keywords=KEYWORDS,
            comment_tags=("Translators:",),
        ):
            template.add(message, None, auto_comments=comments, context=context)
    for _file, _line, message, comments, context in _extract_top_level():
        template.add(message, None, auto_comments=comments, context=context)
    return template


def _extract_top_level() -> Iterator[tuple[str, int, str | tuple[str, ...], list[str], str | None]]:
    from babel.messages.extract import extract

    for path in sorted(PACKAGE.glob("*.py")):
        with path.open("rb") as fh:
            for lineno, message, comments, context in extract(
                "python", fh, keywords=KEYWORDS, comment_tags=("Translators:",)
            ):
                yield str(path), lineno, message, comments, context


def read_catalog(path: Path, lang: str) -> Catalog:
    if not path.exists():
        return Catalog(locale=lang, domain=DOMAIN, project="CPLC Desk", charset="utf-8")
    with path.open("rb") as fh:
        return read_po(fh, locale=lang)


def updated_catalog(lang: str) -> Catalog:
    catalog = read_catalog(po_path(lang), lang)
    catalog.update(extract_messages(), no_fuzzy_matching=True)
    catalog.obsolete.clear()
    catalog.project = "CPLC Desk"
    catalog.language_team = "CPLC Desk <cplc-desk@cplc.org.pk>"
    catalog.msgid_bugs_address = ""
    catalog.fuzzy = False
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, no_location=True, omit_header=False, sort_output=True, width=100)
    # Dates in the header change on every run and say nothing: keep them fixed.
    text = out.getvalue().decode("utf-8")
    fixed = {
        "POT-Creation-Date": "2026-12-05 00:00+0500",
        "PO-Revision-Date": "2026-12-05 00:00+0500",
        "Plural-Forms": PLURAL_FORMS[lang_of(catalog)],
    }
    for field, value in fixed.items():
        text = re.sub(rf'"{field}: [^"]*"', lambda _m, f=field, v=value: f'"{f}: {v}\\n"', text)
    return text.encode("utf-8")


def lang_of(catalog: Catalog) -> str:
    return str(catalog.locale) if catalog.locale else "ur"


def update() -> None:
    for lang in LANGUAGES:
        run_lupdate(ts_path(lang))
        path = po_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(po_bytes(updated_catalog(lang)))
        print(f"updated {ts_path(lang).relative_to(ROOT)} and {path.relative_to(ROOT)}")


# ------------------------------------------------------------------------ compiling


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [_bin("lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)],
        cwd=ROOT,
        check=True,
    )


def mo_bytes(lang: str) -> bytes:
    catalog = read_catalog(po_path(lang), lang)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def compiled_targets(lang: str) -> list[tuple[Path, Path]]:
    """(source .ts, compiled .qm) pairs."""
    pairs = [(ts_path(lang), ts_path(lang).with_suffix(".qm"))]
    if qtbase_ts_path(lang).exists():
        pairs.append((qtbase_ts_path(lang), qtbase_ts_path(lang).with_suffix(".qm")))
    return pairs


def compile_all() -> None:
    for lang in LANGUAGES:
        for ts, qm in compiled_targets(lang):
            lrelease(ts, qm)
        po_path(lang).with_suffix(".mo").write_bytes(mo_bytes(lang))
        print(f"compiled the {lang} catalogues")


# ------------------------------------------------------------------------ checking


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


def _text(node: ET.Element | None) -> str:
    return "" if node is None else "".join(node.itertext())


def ts_problems(ts: Path) -> list[str]:
    """Untranslated messages and translations that lost or invented a placeholder."""
    problems: list[str] = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = _text(context.find("name"))
        for message in context.iter("message"):
            source = _text(message.find("source"))
            translation = message.find("translation")
            where = f"{ts.name}: [{name}] {source!r}"
            if translation is None or translation.get("type") in (
                "unfinished",
                "vanished",
                "obsolete",
            ):
                problems.append(f"{where}: not translated")
                continue
            forms = translation.findall("numerusform") or [translation]
            for form in forms:
                text = _text(form)
                if not text.translate(_NO_ISOLATES).strip():
                    problems.append(f"{where}: not translated")
                elif placeholders(text.replace("%n", "")) != placeholders(source.replace("%n", "")):
                    problems.append(f"{where}: placeholders differ in {text!r}")
    return problems


def po_problems(lang: str) -> list[str]:
    problems: list[str] = []
    catalog = read_catalog(po_path(lang), lang)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        where = f"{po_path(lang).name}: {ids[0]!r}"
        if message.fuzzy or not all(s and s.translate(_NO_ISOLATES).strip() for s in strings):
            problems.append(f"{where}: not translated")
            continue
        for s in strings:
            if placeholders(s) != placeholders(ids[-1]) and placeholders(s) != placeholders(ids[0]):
                problems.append(f"{where}: placeholders differ in {s!r}")
    return problems


def check() -> int:
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGUAGES:
            ts = ts_path(lang)
            if not ts.exists():
                problems.append(f"{ts.relative_to(ROOT)} is missing")
                continue
            # Stale: extracting again would change the catalogue.
            copy = Path(tmp) / ts.name
            shutil.copy(ts, copy)
            run_lupdate(copy)
            if copy.read_bytes() != ts.read_bytes():
                problems.append(
                    f"{ts.relative_to(ROOT)} is out of date with the code (strings were added "
                    "or changed)"
                )
            if po_path(lang).read_bytes() != po_bytes(updated_catalog(lang)):
                problems.append(f"{po_path(lang).relative_to(ROOT)} is out of date with the code")
            for source, _qm in compiled_targets(lang):
                problems += ts_problems(source)
            problems += po_problems(lang)
            for source, qm in compiled_targets(lang):
                fresh = Path(tmp) / qm.name
                lrelease(source, fresh)
                if not qm.exists() or fresh.read_bytes() != qm.read_bytes():
                    problems.append(f"{qm.relative_to(ROOT)} was not compiled from {source.name}")
            mo = po_path(lang).with_suffix(".mo")
            if not mo.exists() or mo.read_bytes() != mo_bytes(lang):
                problems.append(f"{mo.relative_to(ROOT)} was not compiled from its .po")
    for line in problems[:60]:
        print(line)
    if problems:
        more = f" (first 60 shown of {len(problems)})" if len(problems) > 60 else ""
        print(
            f"catalogues: {len(problems)} problem(s){more}. Run `make translations`, translate "
            "what is new (docs/urdu-glossary.md keeps the terms), then `make translations` again."
        )
        return 1
    print("catalogues: complete and up to date")
    return 0


# ------------------------------------------------------------------------ translating in bulk


def wrap_isolates(text: str) -> str:
    """Each placeholder in an Urdu string inside FSI ... PDI, so a receipt number, CNIC, plate or
    date put there stays one left-to-right run (and an Urdu name stays right to left)."""

    def wrap(match: re.Match[str]) -> str:
        start, end = match.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if before in ISOLATES and after == "\u2069":
            return match.group(0)
        return "\u2068" + match.group(0) + "\u2069"

    return _PLACEHOLDER.sub(wrap, text)


def dump(out: Path, lang: str, everything: bool = False) -> None:
    """Untranslated messages (``everything``: all of them, to review) as JSON, for translating
    outside Qt Linguist."""
    import json

    rows: list[dict[str, object]] = []
    for ts in (ts_path(lang), qtbase_ts_path(lang)):
        if not ts.exists():
            continue
        for context in ET.parse(ts).getroot().iter("context"):
            name = _text(context.find("name"))
            for message in context.iter("message"):
                translation = message.find("translation")
                done = translation is not None and translation.get("type") is None
                if done and _text(translation).strip() and not everything:
                    continue
                forms = [] if translation is None else translation.findall("numerusform")
                rows.append(
                    {
                        "file": ts.name,
                        "context": name,
                        "source": _text(message.find("source")),
                        "comment": _text(message.find("comment")),
                        "plural": message.get("numerus") == "yes",
                        "translation": [_text(f) for f in forms] if forms else _text(translation),
                    }
                )
    for message in read_catalog(po_path(lang), lang):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        done = bool(message.string) and not message.fuzzy and all(strings)
        if not message.id or (done and not everything):
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        rows.append(
            {
                "file": po_path(lang).name,
                "context": message.context or "",
                "source": ids[0],
                "source_plural": ids[1] if len(ids) > 1 else "",
                "comment": " ".join(message.auto_comments),
                "plural": len(ids) > 1,
                "translation": list(strings) if len(ids) > 1 else (strings[0] or ""),
            }
        )
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(rows)} message(s) written to {out}")


def load(files: list[Path], lang: str) -> None:
    """Translations from JSON files written by ``dump`` (plural forms as a list) into the
    catalogues; placeholders are wrapped in isolates on the way."""
    import json

    rows = [row for f in files for row in json.loads(f.read_text(encoding="utf-8"))]

    def forms(row: dict[str, object]) -> list[str]:
        value = row.get("translation") or ""
        items = value if isinstance(value, list) else [value]
        # Not stripped: argparse's "usage: " keeps its space, indented lines their indent.
        return [wrap_isolates(str(v)) for v in items if str(v).strip()]

    qt = {
        (str(r["file"]), str(r["context"]), str(r["source"]), str(r.get("comment") or "")): forms(r)
        for r in rows
        if str(r["file"]).endswith(".ts") and forms(r)
    }
    gt = {
        (str(r.get("context") or ""), str(r["source"])): forms(r)
        for r in rows
        if str(r["file"]).endswith(".po") and forms(r)
    }
    done = 0
    for ts in (ts_path(lang), qtbase_ts_path(lang)):
        if not ts.exists():
            continue
        tree = ET.parse(ts)
        for context in tree.getroot().iter("context"):
            name = _text(context.find("name"))
            for message in context.iter("message"):
                key = (ts.name, name, _text(message.find("source")), _text(message.find("comment")))
                if key not in qt:
                    continue
                translation = message.find("translation")
                if translation is None:
                    translation = ET.SubElement(message, "translation")
                translation.attrib.pop("type", None)
                for child in list(translation):
                    translation.remove(child)
                values = qt[key]
                if message.get("numerus") == "yes":
                    translation.text = None
                    for value in (values * 2)[:2] if len(values) < 2 else values[:2]:
                        ET.SubElement(translation, "numerusform").text = value
                else:
                    translation.text = values[0]
                done += 1
        _write_ts(tree, ts)
    catalog = read_catalog(po_path(lang), lang)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        values = gt.get((message.context or "", ids[0]))
        if not values:
            continue
        if isinstance(message.id, tuple):
            message.string = tuple((values * 2)[:2] if len(values) < 2 else values[:2])
        else:
            message.string = values[0]
        message.flags.discard("fuzzy")
        done += 1
    po_path(lang).write_bytes(po_bytes(catalog))
    print(f"{done} translation(s) taken in")


def _write_ts(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    # lupdate rewrites the file in its own layout, so a later check compares like with like.
    if path == ts_path(path.stem.rsplit("_", 1)[-1]):
        run_lupdate(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "compile", "check", "dump", "load"))
    parser.add_argument(
        "files", nargs="*", type=Path, help="dump: the JSON to write; load: JSON files"
    )
    parser.add_argument("--lang", default="ur", choices=LANGUAGES)
    parser.add_argument("--all", action="store_true", help="dump: translated messages too")
    args = parser.parse_args(argv)
    if args.command == "dump":
        dump(args.files[0], args.lang, args.all)
    elif args.command == "load":
        load(args.files, args.lang)
    elif args.command == "update":
        update()
    elif args.command == "compile":
        compile_all()
    else:
        return check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
