"""Text in either script, or both, laid out for a PDF: Urdu right to left and joined, Latin runs
(receipt numbers, CNICs, plates, dates, English names) left to right inside it.

ReportLab's own paragraphs shape Urdu (``reportlab[shaping]``) but write each line's glyphs in
visual order, so a PDF reader copying the text gets the words of an Urdu line backwards, and the
Arabic-script fonts have no Latin letters or "/" for the runs inside. :class:`MixedText` does the
part of the Unicode bidirectional algorithm a receipt needs, at the level of words:

- the text is cut into runs of one script (Arabic-script letters, or anything else), keeping
  where the spaces were;
- a line's base direction is right to left if its first letter is Arabic-script, else left to
  right (or as asked);
- a Latin or digit run inside right-to-left text is one left-to-right run (a run of such words
  with the spaces and signs between them stays together); signs between runs of different
  directions take the base direction;
- lines wrap at spaces; each Urdu run is shaped by HarfBuzz and drawn in Noto Naskh Arabic, each
  other run in the Latin font;
- runs are drawn in logical order at their visual places, so the text a reader extracts (or a
  person copies) comes back in reading order.

Urdu and Arabic-Indic digits are printed as Latin digits, as on Pakistani forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr
from reportlab.platypus import Flowable

from cplc_desk.domain.folding import has_arabic_script

_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc\u200c\u200d]+")
_DIGITS = str.maketrans(
    {0x06F0 + i: str(i) for i in range(10)} | {0x0660 + i: str(i) for i in range(10)}
)
# Direction marks and isolates only steer a screen's layout; the runs here decide it.
_INVISIBLE = str.maketrans(
    {c: None for c in "\u200e\u200f\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e"}
)

_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")

LEFT, RIGHT, CENTRE = "left", "right", "centre"


@dataclass(frozen=True)
class ScriptFonts:
    """The fonts of one weight: ``latin`` for Latin runs, ``arabic`` (shaped) for Urdu runs."""

    latin: str
    arabic: str


@dataclass
class _Run:
    text: str
    arabic: bool
    space_before: bool
    width: float = 0.0
    shaped: Any = None
    level: int = 0
    gap: float = 0.0  # the space before it (when not first on its line)


def is_rtl_text(text: str) -> bool:
    """True if the first letter of ``text`` is Arabic-script (Urdu): it reads right to left."""
    for ch in text:
        if ch.isalpha():
            return has_arabic_script(ch)
    return False


def clean(text: str) -> str:
    return text.translate(_INVISIBLE).translate(_DIGITS)


# Opening signs before, and closing signs and punctuation after, the letters of a Latin run are
# neutrals of their own (UBA rules N1/N2): inside Urdu text the ")" after "CLIF-P-12" takes the
# paragraph's direction and is mirrored, instead of riding along inside the number.
_LATIN_EDGES = re.compile(r"([(\[{«‹]*)(.*?)([)\]}»›.,;:!?]*)", re.S)


def _latin(text: str, space_before: bool) -> list[_Run]:
    opening, body, closing = _LATIN_EDGES.fullmatch(text).groups()  # type: ignore[union-attr]
    if not any(ch.isalnum() for ch in body):
        return [_Run(text, False, space_before)]
    pieces = [piece for piece in (opening, body, closing) if piece]
    return [_Run(piece, False, space_before and i == 0) for i, piece in enumerate(pieces)]


def _runs(text: str) -> list[_Run]:
    runs: list[_Run] = []
    for word in text.split():
        first = True
        position = 0
        for match in _ARABIC.finditer(word):
            if match.start() > position:
                runs += _latin(word[position : match.start()], first)
                first = False
            runs.append(_Run(match.group(0), True, first))
            first = False
            position = match.end()
        if position < len(word):
            runs += _latin(word[position:], first)
    return runs


def _strong(run: _Run) -> str | None:
    """'R' for Urdu, 'L' for Latin letters or digits, None for signs only."""
    if run.arabic:
        return "R"
    if any(ch.isalnum() for ch in run.text):
        return "L"
    return None


def _levels(runs: list[_Run], rtl: bool) -> None:
    """Embedding levels per run (0/2 left to right, 1 right to left), as the UBA would give at
    word level: signs between two runs of one direction take it, others the base direction."""
    base = 1 if rtl else 0
    kinds = [_strong(r) for r in runs]
    for i, run in enumerate(runs):
        kind = kinds[i]
        if kind is None:
            before = next((k for k in reversed(kinds[:i]) if k), None)
            after = next((k for k in kinds[i + 1 :] if k), None)
            kind = before if before == after and before is not None else ("R" if rtl else "L")
        run.level = 1 if kind == "R" else base + 1 if rtl else base


def _visual(runs: list[_Run]) -> list[_Run]:
    """Runs of one line in display order, left to right (UBA rule L2)."""
    order = list(runs)
    if not order:
        return order
    top = max(r.level for r in order)
    lowest_odd = min((r.level for r in order if r.level % 2), default=top + 1)
    for level in range(top, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if order[i].level >= level:
                j = i
                while j < len(order) and order[j].level >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return order


# Glyphs that stand for more than one letter (lam-alef and the like) have no code point of their
# own, so ReportLab gives them one from the Private Use Area and the PDF's text layer would say
# nothing for them: "بلاک" would copy as "بک". Each such glyph is recorded here with the letters
# it stands for (per font face), and the text layer (ToUnicode) maps it back to them.
_LIGATURES: dict[bytes, dict[int, str]] = {}


def _record_ligatures(text: str, shaped: Any, font: str) -> None:
    data = shaped.__shapeData__
    clusters = sorted({d.cluster for d in data})
    face = pdfmetrics.getFont(font).face.name
    for char, d in zip(shaped, data, strict=False):
        code = ord(char)
        if 0xE000 <= code <= 0xF8FF:
            later = [c for c in clusters if c > d.cluster]
            letters = text[d.cluster : later[0] if later else len(text)]
            if letters:
                _LIGATURES.setdefault(face, {})[code] = letters


def _to_unicode_with_ligatures(fontname: str, subset: Any) -> str:
    cmap: str = _plain_to_unicode(fontname, subset)
    for face, mapping in _LIGATURES.items():
        if face.decode("latin-1") not in fontname:
            continue
        for index, code in enumerate(subset):
            letters = mapping.get(code)
            if letters:
                utf16 = letters.encode("utf-16-be").hex().upper()
                cmap = cmap.replace(f"<{index:02X}> <{code:04X}>", f"<{index:02X}> <{utf16}>")
    return cmap


_plain_to_unicode = ttfonts.makeToUnicodeCMap
ttfonts.makeToUnicodeCMap = _to_unicode_with_ligatures


@lru_cache(maxsize=4096)
def _shape(text: str, font: str, size: float) -> tuple[Any, float]:
    shaped = shapeStr(text, font, size)
    if isinstance(shaped, ShapedStr):
        _record_ligatures(text, shaped, font)
        width = sum(d.x_advance for d in shaped.__shapeData__) * size / 1000
    else:
        width = stringWidth(text, font, size)
    return shaped, width


class MixedText(Flowable):  # type: ignore[misc]
    """A paragraph of Urdu, English or both (see the module's docstring).

    ``align`` is left, right or centre; None aligns to the base direction (right for Urdu).
    ``rtl`` forces the base direction; None takes it from the first letter.
    """

    def __init__(
        self,
        text: str,
        fonts: ScriptFonts,
        size: float,
        *,
        leading: float | None = None,
        align: str | None = None,
        rtl: bool | None = None,
        arabic_scale: float = 1.0,
        space_before: float = 0.0,
    ) -> None:
        super().__init__()
        self.text = clean(text)
        self.fonts = fonts
        self.size = size
        self.arabic_size = size * arabic_scale
        self.leading = leading or round(size * 1.45, 1)
        self.rtl = is_rtl_text(self.text) if rtl is None else rtl
        self.align = align or (RIGHT if self.rtl else LEFT)
        self.spaceBefore = space_before
        self._lines: list[list[_Run]] = []
        self._space = {
            False: stringWidth(" ", fonts.latin, size),
            True: _shape(" ", fonts.arabic, self.arabic_size)[1],
        }
        self._runs = _runs(self.text)
        for run in self._runs:
            self._fill(run)
        _levels(self._runs, self.rtl)
        for before, run in zip([None, *self._runs], self._runs, strict=False):
            if run.space_before and before is not None:
                # A space between Latin words is the Latin font's; next to Urdu, Naskh's.
                run.gap = self._space[run.arabic or before.arabic]

    def _gap(self, run: _Run, first: bool) -> float:
        return 0.0 if first else run.gap

    def _words(self) -> list[list[_Run]]:
        """Runs grouped into words: a word is a run after a space and the runs joined to it
        ("Samsungکا" is one word of two runs)."""
        words: list[list[_Run]] = []
        for run in self._runs:
            if run.space_before or not words:
                words.append([run])
            else:
                words[-1].append(run)
        return words

    def _split(self, run: _Run, width: float) -> list[_Run]:
        """A run wider than a whole line, cut into pieces that fit (a URL, Urdu typed without
        spaces): nothing may run off the paper."""
        pieces: list[_Run] = []
        text = run.text
        first = True
        while text:
            cut = len(text)
            while cut > 1 and self._measure(text[:cut], run.arabic) > width:
                cut -= 1
            piece = _Run(text[:cut], run.arabic, run.space_before and first, level=run.level)
            piece.gap = run.gap if first else 0.0
            self._fill(piece)
            pieces.append(piece)
            text, first = text[cut:], False
        return pieces

    def _measure(self, text: str, arabic: bool) -> float:
        if arabic:
            return float(_shape(text, self.fonts.arabic, self.arabic_size)[1])
        return float(stringWidth(text, self.fonts.latin, self.size))

    def _fill(self, run: _Run) -> None:
        if run.arabic:
            run.shaped, run.width = _shape(run.text, self.fonts.arabic, self.arabic_size)
        else:
            run.width = stringWidth(run.text, self.fonts.latin, self.size)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._avail = availWidth
        lines: list[list[_Run]] = []
        line: list[_Run] = []
        used = 0.0
        for word in self._words():
            runs: list[_Run] = []
            for run in word:
                runs += self._split(run, availWidth) if run.width > availWidth else [run]
            width = sum(r.width for r in runs) + sum(r.gap for r in runs[1:])
            if line and used + runs[0].gap + width > availWidth:
                lines.append(line)
                line, used = [], 0.0
            for run in runs:
                step = self._gap(run, not line) + run.width
                if line and used + step > availWidth:  # a piece of an over-wide word
                    lines.append(line)
                    line, used = [], 0.0
                    step = run.width
                line.append(run)
                used += step
        if line:
            lines.append(line)
        self._lines = lines or [[]]
        self.width = availWidth
        self.height = self.leading * len(self._lines)
        return availWidth, self.height

    def line_widths(self) -> list[float]:
        return [
            sum(self._gap(r, i == 0) + r.width for i, r in enumerate(line)) for line in self._lines
        ]

    def _placed(self, line: list[_Run]) -> list[tuple[_Run, float]]:
        """Each run of ``line`` with its x offset from the line's left end, in reading order.

        Spaces are items of their own for the reordering: between two runs of one level they
        take it, between different levels the base level (UBA rule W/N at word level)."""
        base = 1 if self.rtl else 0
        items: list[tuple[_Run | None, int, float]] = []
        for i, run in enumerate(line):
            if i and run.space_before:
                before = line[i - 1].level
                items.append((None, before if before == run.level else base, run.gap))
            items.append((run, run.level, run.width))
        proxies = [_Run("", False, False, level=level) for _run, level, _w in items]
        order = _visual(proxies)
        where = {id(p): k for k, p in enumerate(proxies)}
        x = 0.0
        place: dict[int, float] = {}
        for proxy in order:
            item, _level, width = items[where[id(proxy)]]
            if item is not None:
                place[id(item)] = x
            x += width
        return [(run, place[id(run)]) for run in line]

    def _flush(self, pending: list[str], x: float, y: float) -> None:
        if pending:
            self.canv.setFont(self.fonts.latin, self.size)
            self.canv.drawString(x, y, "".join(pending))
            pending.clear()

    def draw(self) -> None:
        canvas = self.canv
        # The baseline sits a little above the line's bottom: room for Naskh's descenders.
        y = self.height - self.leading + self.leading * 0.3
        for line, width in zip(self._lines, self.line_widths(), strict=True):
            if self.align == RIGHT:
                x = self._avail - width
            elif self.align == CENTRE:
                x = (self._avail - width) / 2
            else:
                x = 0.0
            # Drawn in reading order at their visual places, so extracted text reads right; a
            # left-to-right stretch of Latin words is drawn as one string ("Ali Raza", not
            # "Ali" and "Raza"), so readers copy it as one.
            pending: list[str] = []
            start = end = 0.0
            for run, offset in self._placed(line):
                if run.arabic:
                    self._flush(pending, x + start, y)
                    canvas.setFont(self.fonts.arabic, self.arabic_size)
                    canvas.drawString(x + offset, y, run.shaped)
                    continue
                if run.level % 2:
                    # Signs only, read right to left (between Urdu words): drawn in visual
                    # order, with brackets mirrored as the bidi algorithm does (rule L4).
                    self._flush(pending, x + start, y)
                    canvas.setFont(self.fonts.latin, self.size)
                    canvas.drawString(x + offset, y, run.text[::-1].translate(_MIRROR))
                    continue
                if pending and abs(end + run.gap - offset) < 0.01:
                    pending.append(" " + run.text if run.space_before else run.text)
                else:
                    self._flush(pending, x + start, y)
                    pending, start = [run.text], offset
                end = offset + run.width
            self._flush(pending, x + start, y)
            y -= self.leading
