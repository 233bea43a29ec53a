"""The HTML page: self-contained, no scripts, nothing loaded from anywhere, escaped, private."""

from __future__ import annotations

import re
import stat
from datetime import datetime
from html.parser import HTMLParser

import pytest

from openness import i18n
from openness.cli import run
from openness.insights import build
from openness.journal.store import Journal
from openness.ui.report import build_report
from openness.ui.review_labels import Labels

import handmade as hm

SECTIONS = ["about", "summary", "feelings", "intensity", "calendar", "ladder", "self-compassion", "guardedness"]
MADE = datetime(2026, 3, 12, 18, 30, tzinfo=hm.PK)


class Page(HTMLParser):
    """Every tag with its attributes, and the ids, in order."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def ids(self) -> list[str]:
        return [a["id"] for _, a in self.tags if "id" in a]

    def first(self, tag: str) -> dict:
        return next(a for t, a in self.tags if t == tag)


def page(library, include_notes=False, lang="en", rows=None) -> str:
    i18n.set_language(lang)
    rv = build(hm.entries() if rows is None else rows, now=hm.NOW, include_notes=include_notes)
    return build_report(rv, Labels(library, lang), lang=lang, generated=MADE)


def test_one_self_contained_page_with_every_section(library):
    html = page(library)
    p = Page(html)
    ids = p.ids()
    for sid in SECTIONS:
        assert sid in ids
    assert "notes" not in ids
    assert html.startswith("<!DOCTYPE html>")
    # nothing runs and nothing is fetched: no scripts, no external addresses, no link or img tags
    assert "<script" not in html.lower().replace("&lt;script", "")
    assert not re.search(r"https?://", html) and "//" not in re.sub(r"<style>.*?</style>", "", html, flags=re.S).replace("://", "")
    for tag, attrs in p.tags:
        assert tag not in ("script", "link", "img", "iframe", "object", "embed", "base")
        assert "src" not in attrs and "href" not in attrs
        assert not any(k.startswith("on") for k in attrs)  # no inline event handlers
    assert "@import" not in html and "url(" not in html
    csp = next(a for t, a in p.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp["content"]
    assert "@media print" in html


def test_header_says_what_the_page_holds_and_that_free_text_is_left_out(library):
    html = page(library)
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "What this page contains" in text
    assert "Left out: everything written in the person's own words" in text
    assert "It is not a test, a score, a diagnosis or an assessment." in text
    assert "loads nothing and sends nothing" in text
    # free text really is absent, and so are the names in plans
    for secret in ("Told nobody", "alert(1)", hm.THOUGHT, "Ayesha", "Sam"):
        assert secret not in html


def test_the_figures_on_the_page_match_the_hand_worked_answers(library):
    text = " ".join(re.sub(r"<[^>]+>", " ", page(library)).split())
    assert "Average strength: 5.2 of 10 (ratings: 5)." in text
    assert "On average it went 1.0 points easier than you expected (from 3 shares)." in text
    assert "6.0 → 5.0" in text  # all steps: expected → actual
    assert "8 → 5" in text and "7 → 8" in text  # self-compassion before → after
    assert "No one right now" in text and "One person" in text  # guardedness, side by side
    assert "Days with an entry: 12 of 12." in text


def test_include_notes_adds_the_words_escaped(library):
    html = page(library, include_notes=True)
    assert "notes" in Page(html).ids()
    assert "Included: the words written in the person's own words" in html
    assert "Told nobody &lt;script&gt;alert(1)&lt;/script&gt; [red]about it[/red]" in html
    assert "<script>" not in html
    assert hm.THOUGHT in html


def test_everything_from_the_journal_is_escaped(library):
    from openness.records import Record

    nasty = '"><svg onload=alert(1)>'
    rows = [
        Record(kind="checkin", exercise="checkin", created=hm.at(2), text=nasty,
               answers={"feeling": {"pleasantness": "pleasant", "energy": "high", "words": [nasty], "intensity": 5}}),
        Record(kind="exercise", exercise="start-small", created=hm.at(3), text="",
               answers={"mode": "followup", "level_done": "opinion", "expected": 5, "actual": 3, "response": nasty}),
        Record(kind="exercise", exercise="guardedness-check", created=hm.at(4), text="", answers={"basis": nasty}),
    ]
    html = page(library, include_notes=True, rows=rows)
    assert "<svg onload" not in html and "onload=" not in [a for _, attrs in Page(html).tags for a in attrs]
    assert html.count("&lt;svg onload=alert(1)&gt;") >= 3


def test_urdu_page_is_right_to_left_with_an_urdu_font(library):
    html = page(library, lang="ur")
    root = Page(html).first("html")
    assert root == {"lang": "ur", "dir": "rtl"}
    assert '"Noto Nastaliq Urdu", "Noto Naskh Arabic", "Jameel Noori Nastaleeq", serif' in html
    assert "پیچھے مڑ کر دیکھنا" in html
    assert '<bdi dir="ltr">--include-notes</bdi>' in html  # an option keeps its direction in Urdu text
    english = Page(page(library)).first("html")
    assert english == {"lang": "en", "dir": "ltr"}


def test_empty_review_page_is_still_a_page(library):
    html = page(library, rows=[])
    assert "Your journal has no entries yet." in html
    assert {"about", "summary"} <= set(Page(html).ids())


def test_report_command_writes_a_private_file(capsys, home, tmp_path):
    with Journal.open(home / "journal.sqlite3") as j:
        for r in hm.entries():
            j.add(r)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "review.html"
    code = run(["review", "--report", str(target)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "Saved the review page to" in out and "left out" in out
    assert "feelings" in Page(target.read_text(encoding="utf-8")).ids()
    assert [p.name for p in target.parent.iterdir()] == ["review.html"]  # no temporary file left behind
    # an existing, world-readable file is replaced by a private one
    target.write_text("old")
    target.chmod(0o644)
    assert run(["review", "--report", str(target), "--include-notes"]) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "Told nobody &lt;script&gt;" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("where, message", [("missing/review.html", "does not exist"), (".", "is a folder")])
def test_report_to_a_bad_place_is_a_usage_error(capsys, home, tmp_path, where, message):
    code = run(["review", "--report", str(tmp_path / where)])
    _, err = capsys.readouterr()
    assert code == 2 and message in err


def test_report_never_overwrites_the_journal(capsys, home):
    with Journal.open(home / "journal.sqlite3") as j:
        j.add(hm.entries()[0])
    before = (home / "journal.sqlite3").read_bytes()
    code = run(["review", "--report", str(home / "journal.sqlite3")])
    _, err = capsys.readouterr()
    assert code == 2 and "journal file itself" in err
    assert (home / "journal.sqlite3").read_bytes() == before
