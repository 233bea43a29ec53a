"""Crisis lines: every shown number comes from the data file, only confirmed
entries are shown, the copy fits the region, and the person's own lines come
first. `openness crisis` works whatever state openness is in."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from openness.cli import run
from openness.flows import safety
from openness.flows.crisis import build_panel
from openness.safety import resources
from openness.safety.resources import OwnLine

SHARED = Path("/work/shared/safety/resources.yaml")
REGIONS = ("US", "CA", "GB", "IE", "AU", "NZ", "IN", "PK", "GLOBAL")
NUMBER = re.compile(r"\+?\d(?:[\d -]*\d)?")


def cli(capsys, *args):
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def flat(text: str) -> str:
    return " ".join(text.split())


def raw_book():
    import yaml

    return yaml.safe_load(resources.DATA.read_text(encoding="utf-8"))


def allowed_numbers(region: str) -> set[str]:
    """Values and displays of the region's confirmed entries, as written in the file."""
    out = set()
    for r in raw_book()["regions"][region]["resources"]:
        if r["confidence"] != "confirmed-in-source":
            continue
        for c in r["contact"]:
            out.add(str(c["value"]))
            if c.get("display"):
                out.add(str(c["display"]))
    return out


def numbers_in(text: str) -> list[str]:
    # resource names may hold digits ("Rescue 1122", "1800RESPECT"): judge the contact part only
    for name in sorted({r.name for reg in resources.book().regions.values() for r in reg.resources}, key=len, reverse=True):
        text = text.replace(name, "")
    text = re.sub(r"https?://\S+|\S+@\S+", "", text)  # web and email addresses are not numbers
    return [m.strip() for m in NUMBER.findall(text)]


@dataclass(frozen=True)
class Fake:
    categories: frozenset
    language: str = "en"
    concern_for_other: bool = False

    @property
    def fired(self) -> bool:
        return bool(self.categories)


CONCERNS = [
    Fake(frozenset({"suicide"})),
    Fake(frozenset({"hopeless"})),
    Fake(frozenset({"abuse"})),
    Fake(frozenset({"abuse", "self_harm"})),
    Fake(frozenset(), concern_for_other=True),
    Fake(frozenset({"abuse"}), concern_for_other=True),
    Fake(frozenset({"suicide"}), language="ur"),
    Fake(frozenset({"abuse"}), language="roman_ur"),
]


def every_card(region: str):
    for fake in CONCERNS:
        for ui in ("en", "ur"):
            concern = safety.combine([fake])
            yield safety.build_card(concern, region=region, ui_lang=ui)


def test_the_packaged_file_is_the_sourced_research_byte_for_byte():
    if not SHARED.exists():
        pytest.skip("the shared research folder is not on this machine")
    assert resources.DATA.read_bytes() == SHARED.read_bytes()


def test_every_region_of_the_research_is_loaded_and_each_entry_cites_a_source():
    book = resources.book()
    assert set(REGIONS) <= set(book.regions)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", book.compiled_on)
    for code in REGIONS:
        shown = resources.everything(code)
        assert shown, code
        for r in shown:
            assert r.sources, r.id  # nothing without a source is ever shown


@pytest.mark.parametrize("region", REGIONS)
def test_every_number_any_panel_or_card_shows_is_in_the_data_file(region):
    allowed = allowed_numbers(region)
    assert allowed <= resources.data_numbers()
    seen = []
    for lang in ("en", "ur"):
        for full in (False, True):
            for line in build_panel(region, full=full, lang=lang).lines:
                seen += numbers_in(line.how)
        for card in every_card(region):
            for line in card.lines:
                seen += numbers_in(line)
    assert seen or region == "GLOBAL"
    for number in seen:
        assert number in allowed, (region, number)


@pytest.mark.parametrize("region", REGIONS)
def test_nothing_unconfirmed_is_ever_shown(region):
    hidden = [r for r in raw_book()["regions"][region]["resources"] if r["confidence"] != "confirmed-in-source"]
    texts = []
    for lang in ("en", "ur"):
        for full in (False, True):
            p = build_panel(region, full=full, lang=lang)
            texts += [f"{x.name} {x.how}" for x in p.lines]
        texts += [c.text() for c in every_card(region)]
    everything = "\n".join(texts)
    for r in hidden:
        assert r["name"] not in everything, r["id"]
        for c in r["contact"]:
            if len(str(c["value"])) > 4:  # short numbers (112, 15) are shared with confirmed entries
                assert str(c["value"]) not in everything, r["id"]
    assert all(r.confidence == "confirmed-in-source" for r in resources.everything(region))


def test_the_service_name_fits_the_country(capsys):
    ca = flat("\n".join(c.text() for c in every_card("CA")))
    assert "9-8-8: Suicide Crisis Helpline" in ca and "Lifeline" not in ca
    us = safety.build_card(safety.combine([CONCERNS[0]]), region="US", ui_lang="en").text()
    assert "988 Suicide & Crisis Lifeline" in us
    code, out, _ = cli(capsys, "crisis", "--region", "CA")
    assert "9-8-8: Suicide Crisis Helpline" in flat(out)


def test_region_names_in_the_catalog_match_the_data():
    from openness import i18n

    en = i18n.strings("en")
    ur = i18n.strings("ur")
    for code in REGIONS:
        assert f"crisis.region.{code}" in ur
        if code != "GLOBAL":
            assert en[f"crisis.region.{code}"] == resources.book().regions[code].name


def test_all_shows_each_entrys_sources_and_dates(capsys):
    code, out, _ = cli(capsys, "crisis", "--region", "CA", "--all")
    text = flat(out)
    assert code == 0
    assert "Checked on 2026-11-22 against (source dated 2023-11-30):" in text
    assert "newswire.ca" in out.replace("\n", "").replace(" ", "").replace("│", "")
    for r in resources.everything("CA"):
        assert r.name in text


@pytest.mark.parametrize("region", sorted(resources.TRY_ANOTHER))
def test_try_another_line_where_the_data_says_lines_go_unanswered(region):
    assert "If one line doesn't answer, please try another." in build_panel(region, lang="en").footer
    card = safety.build_card(safety.combine([CONCERNS[0]]), region=region, ui_lang="en")
    assert "If one line doesn't answer, please try another." in card.notes


def test_no_try_another_line_where_the_data_does_not_say_so():
    assert "IN" in resources.TRY_ANOTHER  # the guidelines name India
    for region in ("US", "GB", "CA"):
        assert "try another" not in build_panel(region, lang="en").footer
        assert not any("try another" in n for n in safety.build_card(safety.combine([CONCERNS[0]]), region=region, ui_lang="en").notes)


def test_urdu_readers_are_told_which_lines_speak_urdu():
    pk = build_panel("PK", lang="ur")
    umang = next(x for x in pk.lines if "Umang" in x.name)
    assert umang.extra and "اردو" in umang.extra
    assert not any(x.extra for x in pk.lines if "Umang" not in x.name)
    gb = build_panel("GB", lang="ur")
    assert "ان میں سے کسی لائن" in gb.footer  # none says it speaks Urdu
    us = build_panel("US", lang="ur")
    lifeline = next(x for x in us.lines if "988" in x.name)
    assert lifeline.extra and "ترجمان" in lifeline.extra  # interpreters on request
    assert "Urdu" not in " ".join(str(x.extra) for x in build_panel("PK", lang="en").lines)
    # Tele-MANAS says "Urdu availability not confirmed": never claimed
    tele = next(r for r in resources.everything("IN") if r.id == "in-tele-manas")
    assert not tele.speaks("Urdu")


# -- the person's own lines ----------------------------------------------------------


def test_own_lines_are_added_shown_first_and_kept_private(capsys, home):
    code, out, _ = cli(capsys, "crisis", "add", "Dr Khan", "0300 1234567", "--note", "weekdays")
    assert code == 0
    f = home / resources.OWN_FILE
    assert (f.stat().st_mode & 0o777) == 0o600
    code, out, _ = cli(capsys, "crisis", "--region", "GB")
    lines = [x.strip("│ ").strip() for x in out.splitlines()]
    first = next(i for i, x in enumerate(lines) if x.startswith("- "))
    assert lines[first] == "- Dr Khan (your own): 0300 1234567"
    assert out.index("Dr Khan") < out.index("Samaritans")
    # the same name replaces, ignoring case; removing works by name
    assert cli(capsys, "crisis", "add", "dr khan", "0300 7654321")[0] == 0
    assert [x.contact for x in resources.load_own(f)] == ["0300 7654321"]
    code, out, err = cli(capsys, "crisis", "remove", "Nobody")
    assert code == 2 and "Nobody" not in err
    assert cli(capsys, "crisis", "remove", "DR KHAN")[0] == 0
    assert resources.load_own(f) == []


def test_own_lines_come_first_in_the_card_and_in_flows(library, scripted):
    own = [OwnLine(name="Sara", contact="0301 1111111")]
    card = safety.build_card(safety.combine([CONCERNS[0]]), region="US", ui_lang="en", own=own)
    assert card.lines[0] == "Sara (your own): 0301 1111111"
    from openness.flows.guided import run_guided

    class Memory:
        def add(self, record):
            return record.id

    p = scripted({"feeling": {"pleasantness": "pleasant", "energy": "low", "words": [], "intensity": 2},
                  "naming_felt": "mixed", "note": ""})
    run_guided(library.exercises["checkin"], library, p, lang="en", region="US", journal_on=False,
               open_journal=Memory, save=False, own_lines=own)
    panel = p.shown[0][1]
    assert panel.lines[0].name == "Sara (your own)" and panel.lines[0].how == "0301 1111111"


def test_own_line_checks(home):
    from openness.errors import UsageError

    f = home / resources.OWN_FILE
    with pytest.raises(UsageError):
        resources.add_own(f, "  ", "123")
    with pytest.raises(UsageError):
        resources.add_own(f, "A", "x" * 500)
    for i in range(resources.OWN_MAX):
        resources.add_own(f, f"n{i}", "1")
    with pytest.raises(UsageError):
        resources.add_own(f, "one more", "1")


# -- openness crisis works whatever the state ------------------------------------------


def test_crisis_works_with_the_check_off_the_journal_off_and_no_first_run(capsys, home):
    home.mkdir(parents=True, exist_ok=True)
    (home / "settings.json").write_text(json.dumps({"safety_check": False, "journal": False, "first_run_done": False}))
    code, out, _ = cli(capsys, "crisis")
    assert code == 0 and "988" in out and "Welcome" not in out  # shows the lines, asks nothing


def test_crisis_works_with_broken_settings_and_a_broken_own_lines_file(capsys, home):
    home.mkdir(parents=True, exist_ok=True)
    (home / "settings.json").write_text("{nope", encoding="utf-8")
    code, out, err = cli(capsys, "crisis")
    assert code == 0 and "988" in out and "usual settings" in flat(out) and "settings file" in flat(out)
    (home / "settings.json").unlink()
    (home / resources.OWN_FILE).write_text("[{broken", encoding="utf-8")
    code, out, err = cli(capsys, "crisis")
    assert code == 0 and "988" in out and "could not be read" in flat(out)


def test_crisis_in_urdu(capsys):
    code, out, _ = cli(capsys, "--lang", "ur", "crisis", "--region", "PK")
    assert code == 0
    assert "0311-7786264" in out and "پاکستان" in out and "1122" in out
