"""Urdu in terminals with and without bidi support (ui/bidi.py)."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len

from openness.ui import bidi


@pytest.mark.parametrize("env, plain, expected", [
    ({"TMUX": "/tmp/x,1,0", "TERM": "screen"}, False, "visual"),
    ({"TERM": "tmux-256color"}, False, "visual"),
    ({"TERM": "xterm-256color", "VTE_VERSION": "7600"}, False, "logical"),
    ({"TERM": "xterm-256color", "KONSOLE_VERSION": "230805"}, False, "logical"),
    ({"TERM": "mlterm"}, False, "logical"),
    ({"TERM": "xterm-256color"}, False, "visual"),
    ({"TERM": "dumb"}, False, "logical"),
    ({"TMUX": "x", "OPENNESS_BIDI": "logical"}, False, "logical"),
    ({"VTE_VERSION": "7600", "OPENNESS_BIDI": "visual"}, False, "visual"),
    ({"TMUX": "x"}, True, "logical"),  # --plain: screen readers need logical order
    ({"TMUX": "x", "OPENNESS_BIDI": "visual"}, True, "visual"),  # unless asked
])
def test_choose_on_a_terminal(env, plain, expected):
    assert bidi.choose(None, env, terminal=True, plain=plain, rtl=True) == expected


def test_never_visual_for_a_pipe_or_english():
    env = {"TMUX": "x", "OPENNESS_BIDI": "visual"}
    assert bidi.choose("visual", env, terminal=False, plain=False, rtl=True) == "logical"
    assert bidi.choose("visual", env, terminal=True, plain=False, rtl=False) == "logical"
    assert bidi.choose("visual", {"VTE_VERSION": "1"}, terminal=True, plain=False, rtl=True) == "visual"


def test_visual_reverses_urdu_and_keeps_numbers_in_order():
    line = "فون 0808 2000 247 پر کال کریں، تاریخ 2026-11-22 14:03"
    out = bidi.visual(line)
    assert "0808 2000 247" in out and "2026-11-22 14:03" in out
    # the first word of the sentence is at the right end, the last at the left
    assert out.index("14:03") < out.index("0808")
    assert cell_len(out) == cell_len(line)


def test_visual_keeps_english_lines_as_they_are():
    assert bidi.visual("openness crisis --all") == "openness crisis --all"


def test_visual_mirrors_brackets_and_box_edges():
    out = bidi.visual("╭─ عنوان ─────╮")
    assert out[0] == "╭" and out[-1] == "╮"
    out = bidi.visual("(اردو)")
    assert out[0] == "(" and out[-1] == ")"  # the opening bracket, mirrored, on the right


def test_visual_box_lines_keep_their_width():
    for line in ["│ اگر آپ کو ابھی کسی سے بات کرنی ہو (پاکستان)      │", "┃ ترتیب ┃ قدر  ┃", "━━━━╇━━━━━"]:
        assert cell_len(bidi.visual(line)) == cell_len(line)


def test_visual_right_aligns_a_plain_urdu_line():
    out = bidi.visual("سلام", 20)
    assert cell_len(out) == 20 and out.startswith(" " * 16)


def test_logical_adds_only_invisible_helpers():
    line = "- 988 Lifeline: 0808 2000 247 پر کال کریں"
    out = bidi.logical(line)
    assert out.startswith(bidi.RLM)
    assert bidi.LRI + "0808 2000 247" + bidi.PDI in out
    stripped = out.replace(bidi.RLM, "").replace(bidi.LRI, "").replace(bidi.PDI, "")
    assert stripped == line
    assert bidi.logical("plain English") == "plain English"


class FakeTTY(io.StringIO):
    def isatty(self):
        return True


def test_console_on_a_terminal_in_tmux_prints_display_order(monkeypatch):
    from openness import i18n
    from openness.ui.render import Display, make_console

    i18n.set_language("ur")
    out = FakeTTY()
    console = make_console(out, width=60, environ={"TMUX": "x", "TERM": "screen"})
    assert console.openness_bidi == "visual"
    d = Display(console)
    d.say("اگر ایک لائن جواب نہ دے تو براہِ کرم دوسری آزمائیں۔ " * 3)
    from openness.flows.crisis import build_panel

    d.crisis(build_panel("PK"))
    text = out.getvalue()
    assert text.startswith(bidi.EXPLICIT_ON)
    lines = text.replace(bidi.EXPLICIT_ON, "").splitlines()
    assert all(cell_len(line) <= 60 for line in lines)
    assert "0311-7786264" in text  # Umang's number, in order
    panel = [line for line in lines if line.startswith(("╭", "│", "╰"))]
    assert panel and all(line.rstrip()[-1] in "╮│╯" for line in panel)


def test_console_in_a_pipe_is_untouched():
    from openness import i18n
    from openness.ui.render import Display, make_console

    i18n.set_language("ur")
    out = io.StringIO()
    console = make_console(out, width=60, environ={"TMUX": "x", "OPENNESS_BIDI": "visual"})
    Display(console).say("سلام 0808 2000 247")
    assert out.getvalue() == "سلام 0808 2000 247\n"
