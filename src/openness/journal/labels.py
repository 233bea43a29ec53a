"""What a journal listing shows about entries (exercise titles, emotion words),
without loading and validating the whole exercise library on every run.

`journal list` and `journal search` need only names: the full library (YAML
and model validation) costs more than the query itself. The names are kept in
a small cache beside the journal, rebuilt whenever any exercise file changes
(its name, size or time). It holds only the shipped names, never what anyone
chose, and is stored compressed, so a search of the data folder's bytes for a
feeling word finds nothing that could be mistaken for an entry. The shim answers the few questions the views ask:
`exercises.get(id).title.get(lang)` and `vocabulary.word(id).label.get(lang)`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Callable

VERSION = 1


class _Text:
    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def get(self, lang: str) -> str:  # noqa: ARG002 - already in the cache's language
        return self.text


class _Exercise:
    __slots__ = ("title",)

    def __init__(self, title: str) -> None:
        self.title = _Text(title)


class _Word:
    __slots__ = ("label",)

    def __init__(self, label: str) -> None:
        self.label = _Text(label)


class _Vocabulary:
    def __init__(self, words: dict[str, str]) -> None:
        self._words = {k: _Word(v) for k, v in words.items()}

    def word(self, word_id: str):
        return self._words.get(word_id)


class Labels:
    def __init__(self, titles: dict[str, str], words: dict[str, str]) -> None:
        self.exercises = {k: _Exercise(v) for k, v in titles.items()}
        self.vocabulary = _Vocabulary(words)


def _fingerprint(folders: list[Path]) -> list:
    out = []
    for folder in folders:
        try:
            with os.scandir(folder) as it:
                for e in sorted(it, key=lambda e: e.name):
                    if e.name.endswith((".yaml", ".yml")):
                        st = e.stat()
                        out.append([str(folder), e.name, st.st_size, st.st_mtime_ns])
        except OSError:
            out.append([str(folder), None])
    return out


def labels(cache: Path, folders: list[Path], lang: str, load_library: Callable[[], Any]) -> Labels:
    """Names for `lang`, from the cache when the exercise files are unchanged."""
    from openness import __version__

    key = [VERSION, __version__, lang, _fingerprint(folders)]
    import zlib

    try:
        data = json.loads(zlib.decompress(cache.read_bytes()))
        if data.get("key") == key:
            return Labels(data["titles"], data["words"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError, zlib.error):
        pass
    lib = load_library()
    titles = {ex_id: ex.title.get(lang) for ex_id, ex in lib.exercises.items()}
    words = {w.id: w.label.get(lang) for ws in lib.vocabulary.quadrants.values() for w in ws}
    try:
        from openness.paths import write_private_file

        doc = json.dumps({"key": key, "titles": titles, "words": words}, ensure_ascii=False).encode()
        write_private_file(cache, zlib.compress(doc))
    except OSError:
        pass  # a cache that cannot be written only costs time
    return Labels(titles, words)
