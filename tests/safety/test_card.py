"""The calm card after an entry: category-aware, in the entry's language, after
the entry is saved, once, never quoting, never scoring, never blocking.

The screen itself is another module's job; here it is replaced by a fake
whose answers each test chooses.
"""

from __future__ import annotations

import io
import json
import sys
import types
from dataclasses import dataclass

import pytest

from openness.cli import run
from openness.flows import safety, safety_plan
from openness.flows.safety import Session, build_card, check_and_card, combine
from openness.safety.resources import OwnLine

WRITTEN = "I wrote something private here [red]with markup[/red] and a secret word zebrafish"


@dataclass(frozen=True)
class Fake:
    categories: frozenset = frozenset()
    language: str = "en"
    concern_for_other: bool = False

    @property
    def fired(self) -> bool:
        return bool(self.categories)


def fake(categories=(), language="en", other=False):
    return Fake(frozenset(categories), language, other)


def screen_by(mapping: dict[str, Fake], calls: list | None = None):
    def screen(text: str) -> Fake:
        if calls is not None:
            calls.append(text)
        for key, value in mapping.items():
            if key in text:
                return value
        return Fake()

    return screen


def card(categories, region="US", ui="en", language="en", other=False, **kw):
    return build_card(combine([fake(categories, language, other)]), region=region, ui_lang=ui, **kw)


def lines_of(c) -> list[str]:
    return c.text().splitlines()


# -- what the card says ------------------------------------------------------------


def test_suicide_card_us_has_crisis_text_and_emergency_lines_and_is_short():
    c = card({"suicide"})
    text = c.text()
    assert c.kind == "self"
    assert "Thank you for writing this down" in text
    assert "Call or text 988 (988 Suicide & Crisis Lifeline)" in text
    assert "Text HOME to 741741 (Crisis Text Line)" in text
    assert "In immediate danger: call 911" in text
    assert "Your entry is saved" in text and "isn't a crisis service" in text
    assert "Domestic" not in text  # the abuse line only when abuse was noticed
    assert sum(len(x) // 80 + 1 for x in lines_of(c)) <= 12  # about 8 lines at 80 columns


def test_hopeless_alone_gets_the_softer_lead():
    text = card({"hopeless"}).text()
    assert "don't have to be in crisis to reach out" in text
    assert "ending your life" not in text
    assert "988" in text


def test_abuse_card_gb_says_not_your_fault_with_abuse_line_emergency_and_privacy_tip():
    c = card({"abuse"}, region="GB")
    text = c.text()
    assert c.kind == "abuse"
    assert "not your fault" in text and "deserve to be safe" in text
    assert "0808 2000 247" in text and "999" in text
    assert "anyone using this computer" in text and "openness journal encrypt" in text
    assert "Samaritans" not in text
    no_tip = card({"abuse"}, region="GB", privacy_tip=False).text()
    assert "anyone using this computer" not in no_tip


def test_abuse_and_self_harm_together_get_both():
    text = card({"abuse", "self_harm"}, region="US").text()
    assert "not your fault" in text
    assert "988" in text and "1-800-799-7233" in text and "911" in text
    assert "anyone using this computer" in text


def test_worried_about_someone_gets_the_softer_card():
    c = card((), other=True)  # the screen reports worry about someone with no category of the writer's own
    text = c.text()
    assert c.kind == "other"
    assert "worried about someone" in text and "friends and family too" in text
    assert "Thank you for writing this down" not in text and "ending your life" not in text
    assert "988" in text and "911" in text
    assert "anyone using this computer" not in text
    assert "Domestic" not in text  # the abuse line only when abuse was noticed
    abuse_other = card({"abuse"}, region="AU", other=True)
    assert abuse_other.kind == "other"
    text = abuse_other.text()
    assert "1800 737 732" in text and "000" in text
    assert "If someone is hurting you too, that is not your fault" in text
    assert "anyone using this computer" in text  # they may live with the person they wrote about


def test_the_writers_own_concern_outweighs_worry_about_someone():
    assert combine([fake((), other=True), fake({"suicide"})]).kind == "self"
    assert combine([fake({"self_harm"}, other=True)]).kind == "self"  # the screen's categories are the writer's own
    assert combine([fake({"abuse", "hopeless"}, other=True)]).kind == "both"


def test_worry_about_someone_alone_still_gets_a_card():
    screen = screen_by({"friend": fake((), other=True)})
    c = check_and_card(["my friend"], screen=screen, region="US", ui_lang="en")
    assert c is not None and c.kind == "other"


def test_fallback_region_points_to_the_directory_and_the_local_emergency_number():
    text = card({"suicide"}, region="GLOBAL").text()
    assert "findahelpline.com" in text
    assert "call your local emergency number" in text
    assert "112" not in text  # the fallback's 112 is unconfirmed


def test_urdu_entry_gets_urdu_copy_with_urdu_speaking_lines_marked():
    c = card({"suicide"}, region="PK", language="ur")
    text = c.text()
    assert c.lang == "ur"
    assert "یہ لکھنے کا شکریہ" in text
    assert "0311-7786264" in text and "اردو" in text
    assert "15 یا 1122" in text
    assert "Thank you" not in text


def test_roman_urdu_follows_the_ui_language():
    en = card({"suicide"}, region="PK", ui="en", language="roman_ur")
    assert en.lang == "en" and "Thank you" in en.text()
    assert "speaks Urdu" in en.text()  # English copy, but the Urdu-speaking line is named
    ur = card({"suicide"}, region="PK", ui="ur", language="roman_ur")
    assert ur.lang == "ur"
    gb = card({"suicide"}, region="GB", ui="en", language="roman_ur")
    assert "None of these lines says it speaks Urdu." in gb.notes


def test_an_english_entry_gets_english_copy_even_with_urdu_menus():
    assert card({"suicide"}, ui="ur", language="en").lang == "en"


def test_own_lines_come_first():
    c = card({"abuse"}, own=[OwnLine("Aunt Rubina", "0300 0000000")])
    assert c.lines[0] == "Aunt Rubina (your own): 0300 0000000"


def test_the_card_shows_the_safety_plan_when_there_is_one():
    plan = safety_plan.SafetyPlan(parts={"people": ("Ali, 0300 1111111",), "on_my_own": ("a walk",)})
    c = card({"suicide"}, plan=plan)
    text = c.text()
    assert "Your safety plan" in text and "Ali, 0300 1111111" in text and "a walk" in text
    assert "openness safety-plan show" in text
    locked = card({"suicide"}, plan=safety_plan.LOCKED).text()
    assert "openness safety-plan show" in locked and "Ali" not in locked
    assert "safety plan" not in card({"suicide"}).text()
    assert "Ali" not in card((), other=True, plan=plan).text()


@pytest.mark.parametrize("cats,other,region,lang", [
    ({"suicide"}, False, "US", "en"), ({"abuse"}, False, "GB", "en"), ({"self_harm", "abuse"}, False, "IN", "ur"),
    ({"hopeless"}, True, "PK", "roman_ur"), ({"suicide"}, False, "GLOBAL", "ur"), ((), True, "CA", "en"),
])
def test_no_card_quotes_the_entry_scores_or_diagnoses(cats, other, region, lang):
    screen = screen_by({"private": fake(cats, lang, other)})
    c = check_and_card([WRITTEN], screen=screen, region=region, ui_lang="en")
    text = c.text().lower()
    for word in ("zebrafish", "private", "markup", "secret"):
        assert word not in text
    for word in ("score", "risk", "level", "depress", "symptom", "diagnos", "detected", "keyword", "matched"):
        assert word not in text


# -- when it is shown ------------------------------------------------------------------


def test_nothing_fires_no_card_and_off_means_not_even_checked():
    calls: list[str] = []
    screen = screen_by({"zzz": fake({"suicide"})}, calls)
    assert check_and_card(["a calm day"], screen=screen, region="US", ui_lang="en") is None
    assert calls == ["a calm day"]
    calls.clear()
    assert check_and_card(["zzz"], screen=screen, region="US", ui_lang="en", enabled=False) is None
    assert calls == []
    assert check_and_card(["", "   "], screen=screen, region="US", ui_lang="en") is None
    assert calls == []


def test_once_per_run_unless_the_concern_changes():
    s = Session()
    screen = screen_by({"a": fake({"suicide"}), "b": fake({"abuse"})})
    kw = dict(screen=screen, region="US", ui_lang="en", session=s)
    assert check_and_card(["a"], **kw) is not None
    assert check_and_card(["a"], **kw) is None
    assert check_and_card(["b"], **kw) is not None
    assert check_and_card(["a", "b"], **kw) is None


def test_many_texts_in_one_entry_give_one_card():
    screen = screen_by({"one": fake({"suicide"}), "two": fake({"abuse"})})
    c = check_and_card(["one", "two", "calm"], screen=screen, region="US", ui_lang="en")
    assert c.kind == "both"


def test_the_plan_is_read_only_when_a_personal_card_is_due():
    calls = []

    def load():
        calls.append(1)
        return None

    screen = screen_by({"x": fake((), other=True)})
    assert check_and_card(["x"], screen=screen, region="US", ui_lang="en", load_plan=load).kind == "other"
    check_and_card(["nothing"], screen=screen, region="US", ui_lang="en", load_plan=load)
    assert calls == []


# -- in the flows and on the command line ------------------------------------------------


@pytest.fixture
def fake_screen(monkeypatch):
    """Install a fake `openness.safety.screen` whose answers the test sets."""
    state = {"mapping": {}, "calls": []}
    module = types.ModuleType("openness.safety.screen")
    module.screen = lambda text: screen_by(state["mapping"], state["calls"])(text)
    monkeypatch.setitem(sys.modules, "openness.safety.screen", module)
    return state


def cli(capsys, *args):
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def checkin_answers(tmp_path, note: str):
    f = tmp_path / "answers.yaml"
    f.write_text(
        "feeling: {pleasantness: unpleasant, energy: low, words: [], intensity: 7}\n"
        f"naming_felt: mixed\nnote: {json.dumps(note)}\n",
        encoding="utf-8",
    )
    return f


def test_run_guided_saves_first_then_calls_the_check(library, scripted):
    from openness.flows.guided import run_guided

    events = []

    class Journal:
        def add(self, record):
            events.append(("saved", record.text))
            return record.id

    p = scripted({"feeling": {"pleasantness": "unpleasant", "energy": "low", "words": [], "intensity": 7},
                  "naming_felt": "mixed", "note": WRITTEN})
    run_guided(library.exercises["checkin"], library, p, lang="en", region="US", journal_on=True,
               open_journal=Journal, save=True, after_entry=lambda texts, saved: events.append(("check", texts, saved)))
    assert events == [("saved", WRITTEN), ("check", [WRITTEN], True)]


def test_checkin_note_that_fires_shows_the_card_after_saving_exactly_as_written(capsys, tmp_path, fake_screen):
    fake_screen["mapping"] = {"secret": fake({"suicide"})}
    code, out, err = cli(capsys, "checkin", "--answers", str(checkin_answers(tmp_path, WRITTEN)), "--save")
    assert code == 0, err
    flat = " ".join(out.split())
    assert flat.index("Kept in your journal") < flat.index("Thank you for writing this down")
    assert "Call or text 988" in flat
    assert "[Enter] continue" not in out  # piped: it just prints, nothing waits
    assert flat.count("Thank you for writing this down") == 1
    assert fake_screen["calls"] == [WRITTEN]
    code, out, _ = cli(capsys, "journal", "list", "--json")
    assert json.loads(out)[0]["answers"]["note"] == WRITTEN


def test_the_check_off_means_no_card_and_no_screening(capsys, tmp_path, fake_screen):
    fake_screen["mapping"] = {"secret": fake({"suicide"})}
    assert cli(capsys, "config", "set", "safety_check", "off")[0] == 0
    code, out, _ = cli(capsys, "checkin", "--answers", str(checkin_answers(tmp_path, WRITTEN)), "--no-save")
    assert code == 0 and "Thank you for writing" not in out and fake_screen["calls"] == []


def test_not_kept_entries_still_get_the_card_without_saying_saved(capsys, tmp_path, fake_screen):
    fake_screen["mapping"] = {"secret": fake({"abuse"})}
    code, out, _ = cli(capsys, "checkin", "--answers", str(checkin_answers(tmp_path, WRITTEN)), "--no-save")
    flat = " ".join(out.split())
    assert code == 0 and "not your fault" in flat and "Your entry is saved" not in flat


def test_a_broken_check_never_becomes_an_error_after_saving(capsys, tmp_path, monkeypatch):
    module = types.ModuleType("openness.safety.screen")

    def broken(text):
        raise RuntimeError(text)  # even the message must not be shown

    module.screen = broken
    monkeypatch.setitem(sys.modules, "openness.safety.screen", module)
    code, out, err = cli(capsys, "checkin", "--answers", str(checkin_answers(tmp_path, WRITTEN)), "--save")
    assert code == 0 and "could not run this time" in " ".join(out.split())
    assert "zebrafish" not in out[out.index("Kept in your journal"):] and "zebrafish" not in err


def test_the_card_shows_the_saved_safety_plan(capsys, tmp_path, fake_screen):
    plan = tmp_path / "plan.yaml"
    plan.write_text("people: [\"Ali, 0300 1111111\"]\non_my_own: [a walk]\n", encoding="utf-8")
    assert cli(capsys, "safety-plan", "--answers", str(plan))[0] == 0
    fake_screen["mapping"] = {"secret": fake({"self_harm"})}
    code, out, _ = cli(capsys, "checkin", "--answers", str(checkin_answers(tmp_path, WRITTEN)), "--save")
    after = out[out.index("Thank you for writing"):]
    assert "Ali, 0300 1111111" in after and "Your safety plan" in after


# -- the terminal: it may wait, and never gates ----------------------------------------------


def display():
    from openness.ui.render import Display, make_console

    buf = io.StringIO()
    return Display(make_console(buf, plain=True, width=60), plain=True), buf


@pytest.mark.parametrize("typed,more", [("\n", False), ("r\n", True), ("", False), ("anything\n", False)])
def test_waiting_in_a_terminal_offers_more_and_never_blocks(typed, more):
    from openness.flows.crisis import build_panel
    from openness.ui.card import show_card

    d, buf = display()
    c = card({"suicide"}, region="GB")
    show_card(d, c, wait=True, stdin=io.StringIO(typed), more=lambda: build_panel("GB", full=True))
    out = buf.getvalue()
    assert "[Enter] continue   [r] more support" in out
    assert ("NHS 111" in out) == more  # the full list only when asked


def test_the_card_reads_plainly_at_60_columns_with_no_colour():
    from openness.ui.card import show_card

    d, buf = display()
    show_card(d, card({"abuse"}, region="IN", own=[OwnLine("\x1b[31mme", "1")]), wait=False)
    out = buf.getvalue()
    assert "\x1b" not in out and "^[[31mme" in out
    assert all(len(x) <= 60 for x in out.splitlines())
    assert "  - " in out and "181" in out and "112" in out


def test_a_journal_entry_is_saved_then_gets_the_card(capsys):
    from openness.cli import run

    code = run(["journal", "add", "I", "want", "to", "die"])
    out, err = capsys.readouterr()
    assert code == 0
    first_line = out.strip().splitlines()[0]
    assert "988" not in first_line and "988" in out  # saved first, then the card
    assert "want to die" not in out  # never quoted back
    code = run(["journal", "list", "--json"])
    out, _ = capsys.readouterr()
    assert json.loads(out)[0]["text"] == "I want to die"


def test_with_json_the_card_goes_to_stderr_and_stdout_stays_json(capsys):
    from openness.cli import run

    code = run(["journal", "add", "--json", "I", "want", "to", "die"])
    out, err = capsys.readouterr()
    assert code == 0 and "id" in json.loads(out) and "988" in err


def test_an_ordinary_entry_gets_no_card(capsys):
    from openness.cli import run

    run(["journal", "add", "lonely", "and", "tired", "after", "work"])
    out, err = capsys.readouterr()
    assert "988" not in out and "988" not in err
