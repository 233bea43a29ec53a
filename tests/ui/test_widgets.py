"""Each kind of question, answered through prompt_toolkit's pipe input."""

from __future__ import annotations

import io

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from openness.ui.prompts import PlainPrompter, TerminalPrompter
from openness.ui.render import Display, make_console

DOWN, UP, ENTER, SPACE = "\x1b[B", "\x1b[A", "\r", " "


@pytest.fixture
def terminal():
    with create_pipe_input() as inp:
        display = Display(make_console(io.StringIO(), width=60))
        yield inp, TerminalPrompter(display, input=inp, output=DummyOutput())


OPTIONS = [("a", "Apple"), ("b", "Banana"), ("c", "Cherry")]


def test_choice_with_arrow_keys(terminal):
    inp, p = terminal
    inp.send_text(DOWN + DOWN + ENTER)
    assert p.choice("k", "Which?", OPTIONS) == "c"


def test_multi_with_space_to_tick(terminal):
    inp, p = terminal
    inp.send_text(SPACE + DOWN + DOWN + SPACE + ENTER)
    assert p.multi("k", "Which?", OPTIONS) == ["a", "c"]


def test_scale_starts_in_the_middle(terminal):
    inp, p = terminal
    inp.send_text(UP + ENTER)
    assert p.scale("k", "How much?", 0, 10, "none", "lots") == 4


def test_text(terminal):
    inp, p = terminal
    inp.send_text("a few words" + ENTER)
    assert p.text("k", "Say?", optional=False, multiline=False) == "a few words"


def test_optional_text_may_be_empty(terminal):
    inp, p = terminal
    inp.send_text(ENTER)
    assert p.text("k", "Say?", optional=True, multiline=False) == ""


def test_yesno(terminal):
    inp, p = terminal
    inp.send_text("n")
    assert p.yesno("k", "Keep?", default=True) is False


def test_ctrl_c_raises_keyboard_interrupt(terminal):
    inp, p = terminal
    inp.send_text("\x03")
    with pytest.raises(KeyboardInterrupt):
        p.choice("k", "Which?", OPTIONS)


def plain(lines: str):
    out = io.StringIO()
    p = PlainPrompter(Display(make_console(out, plain=True, width=60), plain=True), stdin=io.StringIO(lines))
    return p, out


def test_plain_prompter_numbers_every_choice_on_its_own_line():
    p, out = plain("9\n2\n")
    assert p.choice("k", "Which?", OPTIONS) == "b"
    lines = out.getvalue().splitlines()
    assert "1. Apple" in lines and "2. Banana" in lines and "3. Cherry" in lines
    assert any("1 to 3" in line for line in lines)  # asked again after 9
    assert "\x1b" not in out.getvalue()


def test_plain_prompter_other_kinds():
    p, _ = plain("1 3\n7\nsome words\n\n2\n")
    assert p.multi("k", "Which?", OPTIONS) == ["a", "c"]
    assert p.scale("k", "How much?", 0, 10, "none", "lots") == 7
    assert p.text("k", "Say?", optional=True, multiline=True) == "some words"
    assert p.yesno("k", "Keep?") is False


def test_plain_prompter_end_of_input_is_an_eof():
    p, _ = plain("")
    with pytest.raises(EOFError):
        p.choice("k", "Which?", OPTIONS)
