"""--plain in Urdu: one numbered line per choice, no boxes or colour, 60 columns, answers in any script."""

from __future__ import annotations

import io

from rich.cells import cell_len

from openness import i18n
from openness.ui.prompts import PlainPrompter
from openness.ui.render import Display, make_console

BOX = set("─│╭╮╰╯┃━╇┏┓┗┛")


class Typed(io.StringIO):
    """Input that shows up in the output, as a terminal echoes what is typed."""

    def __init__(self, text: str, out: io.StringIO) -> None:
        super().__init__(text)
        self.out = out

    def readline(self, *args):
        line = super().readline(*args)
        self.out.write(line)
        return line


def _prompter(answers: str):
    out = io.StringIO()
    console = make_console(out, plain=True, width=60)
    return PlainPrompter(Display(console, plain=True), stdin=Typed(answers, out)), out


def test_an_urdu_checkin_in_plain_mode(library):
    from openness.flows.runner import run

    i18n.set_language("ur")
    p, out = _prompter("۲\n٢\n1 ۳\n۷\n1\n\n")
    ex = library.exercises["checkin"]
    outcome = run(ex, library.vocabulary, p, "ur")
    feeling = outcome.answers["feeling"]
    assert feeling["pleasantness"] == "unpleasant" and feeling["energy"] == "low"
    words = [w.id for w in library.vocabulary.quadrant("unpleasant", "low")]
    assert feeling["words"] == [words[0], words[2]] and feeling["intensity"] == 7
    assert outcome.answers["naming_felt"] == "uneasy"
    text = out.getvalue()
    lines = text.splitlines()
    assert all(cell_len(line) <= 60 for line in lines)
    assert not BOX & set(text) and "\x1b" not in text
    # no trailing spaces, except after a prompt left unanswered ("> " then Enter)
    assert all(line == line.rstrip() or line.rstrip().endswith((":", ">")) for line in lines)
    # every choice on its own line, numbered, in Urdu
    for n, w in enumerate(library.vocabulary.quadrant("unpleasant", "low"), 1):
        assert f"{n}. {w.label.get('ur')}" in lines


def test_yes_and_no_in_urdu_and_roman_urdu():
    i18n.set_language("ur")
    for typed, expected in (("ہاں", True), ("nahi", False), ("۱", True), ("2", False), ("Ji", True)):
        p, out = _prompter(typed + "\n")
        assert p.yesno("k", "کیا یہ ٹھیک ہے؟") is expected
        assert "1. ہاں" in out.getvalue() and "2. نہیں" in out.getvalue()


def test_an_answer_it_cannot_read_is_asked_again():
    i18n.set_language("ur")
    p, out = _prompter("شاید\n2\n")
    assert p.choice("k", "سوال", [("a", "پہلا"), ("b", "دوسرا")]) == "b"
    assert "براہِ کرم 1 سے 2 تک" in out.getvalue()


def test_long_choices_wrap_under_their_number():
    i18n.set_language("en")
    p, out = _prompter("1\n")
    long = "Feeling uneasy when loved ones are away or seem distant, and more words to wrap"
    p.choice("k", "Which?", [("a", long), ("b", "short")])
    lines = out.getvalue().splitlines()
    first = lines.index(next(line for line in lines if line.startswith("1. ")))
    assert lines[first + 1].startswith("   ") and not lines[first + 1].startswith("    ")
    assert all(len(line) <= 60 for line in lines)


def test_the_plain_crisis_panel_is_lines_not_a_box():
    from openness.flows.crisis import build_panel

    i18n.set_language("ur")
    out = io.StringIO()
    Display(make_console(out, plain=True, width=60), plain=True).crisis(build_panel("PK"))
    text = out.getvalue()
    assert not BOX & set(text)
    assert "0311-7786264" in text
    assert all(cell_len(line) <= 60 for line in text.splitlines())
