"""Answers typed in English, Urdu or Roman Urdu, with any digits."""

from __future__ import annotations

import pytest

from openness.i18n import words

OPTIONS = [("sad", "اداس"), ("lonely", "تنہا"), ("at_ease", "بےتکلف"), ("not_sure", "معلوم نہیں")]


@pytest.mark.parametrize("typed, oid", [
    ("2", "lonely"), ("۲", "lonely"), ("٢", "lonely"), (" 2. ", "lonely"),
    ("تنہا", "lonely"), ("lonely", "lonely"), ("LONELY", "lonely"),
    ("at ease", "at_ease"), ("بے تکلف", "at_ease"), ("بے\u200cتکلف", "at_ease"),
    ("معلوم نہیں۔", "not_sure"), ("not sure", "not_sure"),
])
def test_pick_reads_numbers_ids_and_labels(typed, oid):
    assert words.pick(typed, OPTIONS) == oid


@pytest.mark.parametrize("typed", ["5", "۰", "0", "maybe", ""])
def test_pick_refuses_what_names_no_option(typed):
    assert words.pick(typed, OPTIONS) is None


@pytest.mark.parametrize("typed, ids", [
    ("1 2", ["sad", "lonely"]), ("۱، ۲", ["sad", "lonely"]), ("1,2,1", ["sad", "lonely"]),
    ("sad, lonely", ["sad", "lonely"]), ("اداس تنہا", ["sad", "lonely"]), ("", []),
    ("at ease", ["at_ease"]),
])
def test_pick_many(typed, ids):
    assert words.pick_many(typed, OPTIONS) == ids


def test_pick_many_refuses_a_part_it_cannot_read():
    assert words.pick_many("1 9", OPTIONS) is None
    assert words.pick_many("sad, angry", OPTIONS) is None


@pytest.mark.parametrize("typed", ["yes", "Y", "ہاں", "جی ہاں", "haan", "Han", "ji", "1", "۱"])
def test_yes(typed):
    assert words.yes_no(typed) is True


@pytest.mark.parametrize("typed", ["no", "N", "نہیں", "nahi", "nahin", "na", "2", "۲"])
def test_no(typed):
    assert words.yes_no(typed) is False


def test_yes_no_without_numbers_and_unknown_words():
    assert words.yes_no("1", numbers=False) is None
    assert words.yes_no("perhaps") is None


def test_numbers_in_three_digit_sets():
    assert words.number("۱۰") == 10 and words.number("١٠") == 10 and words.number("10") == 10
    assert words.number("-3") == -3
    assert words.number("ten") is None and words.number("1 0") is None


def test_arabic_letter_forms_match_urdu_ones():
    # ي/ك typed on an Arabic keyboard meet Urdu ی/ک
    assert words.pick("بےتكلف", OPTIONS) == "at_ease"
    assert words.pick("معلوم نهيں", OPTIONS) == "not_sure"
