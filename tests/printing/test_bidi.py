"""The word-level bidi layout of printing/bidi.py: what goes where on a line, with the real fonts
(HarfBuzz shaping) and a canvas that records what is drawn where."""

from __future__ import annotations

import pytest

from cplc_desk.printing.bidi import MixedText, ScriptFonts
from cplc_desk.printing.fonts import bilingual_fonts


class Recorder:
    """Stands in for a ReportLab canvas: (x, text) of every string drawn, in drawing order."""

    def __init__(self) -> None:
        self.drawn: list[tuple[float, str]] = []

    def setFont(self, name: str, size: float) -> None:
        pass

    def drawString(self, x: float, y: float, text: object) -> None:
        self.drawn.append((x, str(text)))


@pytest.fixture(scope="module")
def fonts() -> ScriptFonts:
    faces = bilingual_fonts()
    return ScriptFonts(faces.regular, faces.arabic)


def drawn(text: str, fonts: ScriptFonts, width: float = 300) -> tuple[MixedText, Recorder]:
    para = MixedText(text, fonts, 10)
    para.wrap(width, 1000)
    para.canv = Recorder()
    para.draw()
    return para, para.canv


def test_urdu_reads_right_to_left_with_numbers_left_to_right(fonts: ScriptFonts) -> None:
    para, canvas = drawn("شکایت نمبر KHI-2026-000123 درج ہوئی", fonts)
    assert para.rtl
    xs = {text: x for x, text in canvas.drawn}
    assert "KHI-2026-000123" in xs  # one string, in its own order
    # Drawn in reading order; placed right to left: the first word is the rightmost.
    order = [x for x, _text in canvas.drawn]
    assert order == sorted(order, reverse=True)


def test_latin_words_are_one_string_in_english_text(fonts: ScriptFonts) -> None:
    _para, canvas = drawn("Ali Raza s/o Muhammad Raza", fonts)
    assert [text for _x, text in canvas.drawn] == ["Ali Raza s/o Muhammad Raza"]


def test_brackets_between_urdu_words_are_mirrored(fonts: ScriptFonts) -> None:
    _para, canvas = drawn("محمد علی (رضا) خان", fonts)
    # Logically "(" comes first, so it stands right of رضا; mirrored, it looks like "(" from
    # the left: on paper, left to right, "(" then ")", enclosing the word as printed Urdu does.
    signs = sorted((x, text) for x, text in canvas.drawn if text in "()")
    assert [text for _x, text in signs] == ["(", ")"]
    between = [x for x, text in canvas.drawn if text not in "()" and signs[0][0] < x < signs[1][0]]
    assert len(between) == 1  # رضا, and nothing else, inside the brackets


@pytest.mark.parametrize(
    "text",
    [
        "https://example.org/a/very/long/address/that/no/receipt/column/can/hold/on/one/line",
        "موبائلفونچھینلیاگیاموبائلفونچھینلیاگیاموبائلفونچھینلیاگیاموبائلفونچھینلیاگیا",
        "aaaaaaaaaa bbbbbbبببببب cccccccc دددددد",
    ],
)
def test_nothing_runs_past_the_column(fonts: ScriptFonts, text: str) -> None:
    para = MixedText(text, fonts, 10)
    para.wrap(100, 1000)
    assert all(width <= 100.01 for width in para.line_widths())
    assert "".join(r.text for line in para._lines for r in line) == text.replace(" ", "")


def test_brackets_around_a_latin_number_in_urdu_enclose_it(fonts: ScriptFonts) -> None:
    # Logically "(" opens before رپورٹ and ")" closes after the number: in a right-to-left line
    # the closing one takes the line's direction (it is not part of the number's run), so on
    # paper, left to right, "(" then the number then رپورٹ then ")".
    _para, canvas = drawn("موبائل (رپورٹ CLIF-P-000123) واپس ملا", fonts)
    texts = [text for _x, text in sorted(canvas.drawn)]
    assert "CLIF-P-000123" in texts  # the number alone, no bracket riding inside it
    signs = sorted((x, text) for x, text in canvas.drawn if text in "()")
    assert [text for _x, text in signs] == ["(", ")"]
    inside = [text for x, text in sorted(canvas.drawn) if signs[0][0] < x < signs[1][0]]
    assert inside[0] == "CLIF-P-000123" and len(inside) == 2  # the number, then رپورٹ


def test_brackets_and_stops_stay_with_latin_text_in_english(fonts: ScriptFonts) -> None:
    _para, canvas = drawn("Report (KHI-2026-000123) registered, thank you.", fonts)
    assert [text for _x, text in canvas.drawn] == [
        "Report (KHI-2026-000123) registered, thank you."
    ]
