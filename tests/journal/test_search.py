"""Search: ranked, with the matching words marked, plain and encrypted alike."""

from __future__ import annotations

from openness.journal.search import search, snippet
from openness.journal.store import Journal

from journal_helpers import PASS, checkin, note


def _fill(j):
    rs = [
        note("A long day at work; nothing about family."),
        note("My sister called. My sister and I laughed about our sister's cat."),
        note("I wrote to my sister."),
        checkin(["anxious"], "before the interview"),
        note("میں نے آج اپنی بہن سے بات کی اور دل ہلکا ہوا"),
        note("Café au lait with Zoë, and then a walk."),
    ]
    for r in rs:
        j.add(r)
    return rs


def _check(j, rs):
    hits = search(j, "sister")
    assert [h.record.id for h in hits] == [rs[1].id, rs[2].id]  # more mentions rank higher
    for h in hits:
        assert h.highlights
        for s, e in h.highlights:
            assert h.snippet[s:e].lower().startswith("sister")
    assert [h.record.id for h in search(j, "anxious")] == [rs[3].id]  # the emotion words chosen
    assert [h.record.id for h in search(j, "بہن")] == [rs[4].id]
    assert [h.record.id for h in search(j, "cafe zoe")] == [rs[5].id]  # accents and case do not matter
    assert [h.record.id for h in search(j, "inter")] == [rs[3].id]  # the start of a word
    assert search(j, "sister interview") == []  # every word must be there
    assert search(j, '" OR * NEAR(') == []  # query syntax is not passed through


def test_plain_search(journal):
    _check(journal, _fill(journal))


def test_encrypted_search_finds_the_same(jpath):
    with Journal.open(jpath) as j:
        rs = _fill(j)
        j.encrypt(PASS)
    with Journal.open(jpath, passphrase=lambda: PASS) as j:
        _check(j, rs)


def test_snippet_is_a_window_around_the_first_match():
    text = "word " * 60 + "the needle is here " + "word " * 60
    shown, marks = snippet(text, ["needle"], width=60)
    assert shown.startswith("…") and shown.endswith("…") and len(shown) <= 62
    (s, e), = marks
    assert shown[s:e] == "needle"
