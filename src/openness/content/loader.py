"""Read exercise YAML into validated models.

Every problem names the file, the line and the field. A broken file in the
user's own folder is reported and skipped; the rest still load.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openness.i18n import t

BUILTIN_NAMES = ("emotions.yaml", "sources.yaml")


def builtin_dir() -> Path:
    """The exercises shipped with openness (inside the wheel, or the repo's folder)."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "exercises"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "exercises"


@dataclass
class Library:
    exercises: dict[str, Any]  # id -> Exercise
    vocabulary: Any  # Vocabulary
    sources: Any  # Sources
    problems: list[str] = field(default_factory=list)  # one line each, for the user
    origin: dict[str, Path] = field(default_factory=dict)

    def get(self, exercise_id: str) -> Any:
        from openness.errors import UsageError

        try:
            return self.exercises[exercise_id]
        except KeyError:
            raise UsageError(t("content.unknown_exercise", id=exercise_id)) from None

    def listed(self) -> list[Any]:
        """Exercises a person chooses from (the check-in has its own command)."""
        return [e for k, e in sorted(self.exercises.items()) if k != "checkin"]


class ContentError(Exception):
    def __init__(self, path: Path, line: int | None, where: str, message: str) -> None:
        self.path, self.line, self.where, self.message = path, line, where, message
        loc = t("content.at_line", file=path.name, line=line) if line else path.name
        text = f"{loc}: {where}: {message}" if where else f"{loc}: {message}"
        super().__init__(text)


def _yaml():
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml, loader


def _compose(path: Path) -> tuple[Any, Any]:
    """Return (node, data) for a YAML file, or raise ContentError."""
    yaml, loader = _yaml()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ContentError(path, None, "", t("content.not_utf8")) from None
    except OSError as exc:
        raise ContentError(path, None, "", exc.strerror or str(exc)) from None
    try:
        ldr = loader(text)
        try:
            node = ldr.get_single_node()
            data = ldr.construct_document(node) if node is not None else None
        finally:
            ldr.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        message = t("content.bad_yaml", problem=problem)
        context = getattr(exc, "context_mark", None)
        if context is not None and line is not None and context.line + 1 != line:
            message += " " + t("content.bad_yaml_started", line=context.line + 1)
        raise ContentError(path, line, "", message) from None
    if not isinstance(data, dict):
        raise ContentError(path, 1, "", t("content.not_mapping"))
    return node, data


def _line_of(node: Any, loc: tuple[Any, ...]) -> int | None:
    """The line (1-based) of the deepest node of `loc` that exists."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if node is None:
            break
        tag = type(node).__name__
        nxt = None
        if tag == "MappingNode":
            key = {"is_": "is", "all_": "all", "any_": "any", "not_": "not"}.get(part, part)
            for k, v in node.value:
                if getattr(k, "value", None) == key:
                    nxt = v
                    line = k.start_mark.line + 1
                    break
        elif tag == "SequenceNode" and isinstance(part, int) and part < len(node.value):
            nxt = node.value[part]
            line = nxt.start_mark.line + 1
        node = nxt
    return line


def _validate(path: Path, node: Any, data: Any, model: Any) -> Any:
    from pydantic import ValidationError

    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        # pydantic adds union member names (e.g. "Condition") to loc; keep keys and indexes
        loc = tuple(p for p in loc if isinstance(p, int) or (p[:1].islower() and "[" not in p))
        where = ".".join(str(p) for p in loc)
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            msg = t("content.unknown_key")
        elif msg.startswith("Value error, "):
            msg = msg[len("Value error, ") :]
        raise ContentError(path, _line_of(node, loc), where, msg) from None


def _load_model(path: Path, model: Any) -> tuple[Any, Any]:
    node, data = _compose(path)
    return _validate(path, node, data, model), node


def _check_exercise(path: Path, node: Any, ex: Any, vocab: Any, sources: Any, strict: bool) -> None:
    from openness.content.model import placeholders

    def fail(loc: tuple[Any, ...], message: str) -> None:
        raise ContentError(path, _line_of(node, loc), ".".join(map(str, loc)), message)

    if path.stem != ex.id:
        fail(("id",), t("content.id_matches_file", id=ex.id, file=path.name))
    for i, src in enumerate(ex.sources()):
        art = sources.articles.get(src.article)
        if art is None:
            if strict:
                fail(("source", "article"), t("content.unknown_article", article=src.article))
            continue
        if src.section not in art.sections:
            loc = ("source", "section") if i == 0 else ("steps",)
            fail(loc, t("content.unknown_section", section=src.section, article=src.article))
    seen: dict[str, Any] = {}
    for i, step in enumerate(ex.steps):
        if step.id in seen:
            fail(("steps", i, "id"), t("content.duplicate_step", id=step.id))
        if step.when is not None:
            for ref in step.when.steps():
                if ref not in seen:
                    fail(("steps", i, "when"), t("content.condition_forward", id=ref))
            _check_condition(step.when, seen, lambda m: fail(("steps", i, "when"), m))
        if step.text is not None:
            for lang_text in _all_langs(step.text):
                for name in placeholders(lang_text):
                    if name.split(".")[0] not in seen:
                        fail(("steps", i, "text"), t("content.placeholder_forward", id=name))
        if step.example is not None:
            problem = example_problem(step, step.example, vocab)
            if problem:
                fail(("steps", i, "example"), problem)
        seen[step.id] = step
    for j, sug in enumerate(ex.suggest):
        if sug.when is not None:
            for ref in sug.when.steps():
                if ref not in seen:
                    fail(("suggest", j, "when"), t("content.condition_forward", id=ref))


def _all_langs(text: Any) -> list[str]:
    return [text.en, *[v for v in (text.model_extra or {}).values()]]


def _check_condition(cond: Any, seen: dict[str, Any], fail: Any) -> None:
    for sub in (cond.all_ or []) + (cond.any_ or []) + ([cond.not_] if cond.not_ else []):
        _check_condition(sub, seen, fail)
    if cond.step is None:
        return
    head, _, part = cond.step.partition(".")
    step = seen[head]
    if step.kind == "info":
        fail(t("content.condition_on_info", id=head))
    if part and (step.kind != "emotion" or part not in ("pleasantness", "energy", "words", "intensity")):
        fail(t("content.condition_bad_part", path=cond.step))
    opts = step.option_ids()
    if cond.is_ is not None and step.kind == "choice" and cond.is_ not in opts:
        fail(t("content.condition_bad_option", value=cond.is_, id=head))
    if cond.has is not None and step.kind == "multi" and cond.has not in opts:
        fail(t("content.condition_bad_option", value=cond.has, id=head))


def example_problem(step: Any, value: Any, vocab: Any) -> str | None:
    """Why `value` is not a valid answer to `step`, or None if it is."""
    k = step.kind
    if k == "choice":
        return None if value in step.option_ids() else t("content.example_option", options=", ".join(step.option_ids()))
    if k == "multi":
        if not isinstance(value, list) or any(v not in step.option_ids() for v in value):
            return t("content.example_options", options=", ".join(step.option_ids()))
        return None
    if k == "scale":
        lo, hi = step.scale_range
        ok = isinstance(value, int) and not isinstance(value, bool) and lo <= value <= hi
        return None if ok else t("content.example_scale", low=lo, high=hi)
    if k == "text":
        return None if isinstance(value, str) else t("content.example_text")
    if k == "yesno":
        return None if isinstance(value, bool) else t("content.example_yesno")
    if k == "emotion":
        return emotion_problem(value, vocab)
    return None


def emotion_problem(value: Any, vocab: Any) -> str | None:
    if not isinstance(value, dict) or set(value) - {"pleasantness", "energy", "words", "intensity"}:
        return t("content.emotion_shape")
    p, e = value.get("pleasantness"), value.get("energy")
    if p not in ("pleasant", "unpleasant") or e not in ("high", "low"):
        return t("content.emotion_shape")
    words = value.get("words", [])
    allowed = {w.id for w in vocab.quadrant(p, e)}
    if not isinstance(words, list) or any(w not in allowed for w in words):
        return t("content.emotion_words", quadrant=f"{p}-{e}")
    intensity = value.get("intensity")
    if not isinstance(intensity, int) or isinstance(intensity, bool) or not 0 <= intensity <= 10:
        return t("content.emotion_intensity")
    return None


def load_library(user_dir: Path | None = None, base: Path | None = None) -> Library:
    from openness.content.model import Exercise, Sources, Vocabulary
    from openness.errors import DataError

    base = base or builtin_dir()
    try:
        sources, _ = _load_model(base / "sources.yaml", Sources)
        vocab, _ = _load_model(base / "emotions.yaml", Vocabulary)
    except ContentError as exc:
        raise DataError(t("content.broken_builtin", problem=str(exc))) from None
    lib = Library(exercises={}, vocabulary=vocab, sources=sources)
    files = [(p, True) for p in sorted(base.glob("*.yaml")) if p.name not in BUILTIN_NAMES]
    if user_dir is not None and user_dir.is_dir():
        files += [(p, False) for p in sorted(user_dir.glob("*.y*ml"))]
    for path, builtin in files:
        try:
            node, data = _compose(path)
            ex = _validate(path, node, data, Exercise)
            _check_exercise(path, node, ex, vocab, sources, strict=builtin)
            if ex.id in lib.exercises:
                raise ContentError(path, _line_of(node, ("id",)), "id", t("content.duplicate_exercise", id=ex.id))
        except ContentError as exc:
            if builtin:
                raise DataError(t("content.broken_builtin", problem=str(exc))) from None
            lib.problems.append(t("content.user_file_skipped", problem=str(exc)))
            continue
        lib.exercises[ex.id] = ex
        lib.origin[ex.id] = path
    for ex in list(lib.exercises.values()):
        for sug in ex.suggest:
            if sug.exercise not in lib.exercises:
                lib.problems.append(t("content.unknown_suggestion", id=ex.id, target=sug.exercise))
    return lib
