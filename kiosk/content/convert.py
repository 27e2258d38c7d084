"""Turn parsed TOML into typed records, collecting every problem on the way.

The converter walks the records of :mod:`kiosk.content.model` and the raw data side by side.
It never stops at the first problem: each one is recorded with the field path where it was found
(``achievements[3].title.en``) so that an editor can fix them all in one pass.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from kiosk.content.model import RESOURCE, Number, Ref, Text

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ICON_RE = re.compile(r"^[a-z0-9]+\.[a-z0-9-]+$")
CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
CONTROL_RE = re.compile(
    r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]"
)
MAX_TEXT = 4000  # characters; longer text cannot be laid out on a panel


@dataclass
class Found:
    """What the converter saw besides the records: problems, ids, references and images."""

    problems: list[tuple[str, str]] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)  # id → path where it was defined
    refs: list[tuple[str, str, str]] = field(default_factory=list)  # (path, kind, id)
    resources: list[tuple[str, str]] = field(default_factory=list)  # (path, src)
    texts: list[tuple[str, str]] = field(default_factory=list)  # (path, text)

    def problem(self, path: str, message: str) -> None:
        self.problems.append((path, message))


class Invalid(Exception):
    """Raised inside the converter when a value cannot become its type (already recorded)."""


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@cache
def _marks(cls: type) -> dict[str, tuple[object, ...]]:
    """What each field of the record *cls* is marked with (``Annotated``: refs, resources)."""
    hints = typing.get_type_hints(cls, include_extras=True)
    return {name: getattr(hint, "__metadata__", ()) for name, hint in hints.items()}


def _is_record(tp: Any) -> bool:
    """Whether *tp* is a record type of the model (a named tuple)."""
    return isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields")


def _describe(value: object) -> str:
    names = {
        str: "text",
        int: "a whole number",
        float: "a number",
        bool: "true or false",
        dict: "a table",
        list: "an array",
    }
    return names.get(type(value), type(value).__name__)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class Converter:
    """Convert raw data into the record type *cls*, recording problems in :attr:`found`."""

    def __init__(self) -> None:
        self.found = Found()
        self._kinds: dict[type, Callable[[Any, str, Any], Any]] = {
            Text: self._text,
            Number: self._number,
            str: self._str,
            bool: self._bool,
            int: self._int,
            float: self._float,
        }

    def convert(self, tp: Any, value: Any, path: str) -> Any:
        """Convert *value* to *tp*; raises :class:`Invalid` after recording the problem."""
        origin = typing.get_origin(tp)
        if origin in (typing.Union, types.UnionType):
            inner = [a for a in typing.get_args(tp) if a is not type(None)]
            return self.convert(inner[0], value, path)
        if origin is tuple:
            return self._tuple(typing.get_args(tp)[0], value, path)
        handler = self._kinds.get(tp)
        if handler is not None:
            return handler(tp, value, path)
        if _is_record(tp):
            return self.record(tp, value, path)
        raise TypeError(f"unsupported field type {tp!r}")  # a bug in the model, not in content

    def record(self, cls: Any, raw: Any, path: str) -> Any:
        """Build the record *cls* (a named tuple) from the table *raw*."""
        if not isinstance(raw, dict):
            self._fail(path, f"expected a table, found {_describe(raw)}")
        hints, marks = _hints(cls), _marks(cls)
        fields: tuple[str, ...] = cls._fields
        defaults: dict[str, Any] = cls._field_defaults
        for key in raw:
            if key not in fields:
                known = ", ".join(sorted(fields))
                self.found.problem(_join(path, key), f"unknown key (known keys: {known})")
        values: dict[str, Any] = {}
        ok = True
        for name in fields:
            fpath = _join(path, name)
            if name not in raw:
                if name not in defaults:  # required
                    self.found.problem(fpath, "missing")
                    ok = False
                continue
            try:
                values[name] = self.convert(hints[name], raw[name], fpath)
            except Invalid:
                ok = False
                continue
            self._field_rules(name, marks[name], values[name], fpath)
        if not ok:
            raise Invalid(path)
        return cls(**values)

    def _field_rules(self, name: str, marks: tuple[object, ...], value: Any, path: str) -> None:
        if name == "id":
            self._id(value, path)
        elif name == "icon" and value is not None and not ICON_RE.match(value):
            self.found.problem(path, f"not an icon name like 'mdi6.atom': {value!r}")
        kind = next((mark.kind for mark in marks if isinstance(mark, Ref)), None)
        if kind and value is not None:
            targets = value if isinstance(value, tuple) else (value,)
            for i, target in enumerate(targets):
                tpath = f"{path}[{i}]" if isinstance(value, tuple) else path
                self.found.refs.append((tpath, kind, target))
        if RESOURCE in marks:
            self.found.resources.append((path, value))

    def _id(self, value: str, path: str) -> None:
        if not ID_RE.match(value):
            self.found.problem(path, f"id {value!r} must be lower-case letters, digits and '-'")
        elif value in self.found.ids:
            self.found.problem(path, f"duplicate id {value!r} (first at {self.found.ids[value]})")
        else:
            self.found.ids[value] = path

    def _fail(self, path: str, message: str) -> typing.NoReturn:
        self.found.problem(path, message)
        raise Invalid(path)

    def _tuple(self, item_tp: Any, value: Any, path: str) -> tuple[Any, ...]:
        if not isinstance(value, list):
            self._fail(path, f"expected an array, found {_describe(value)}")
        items = []
        ok = True
        for i, item in enumerate(value):
            try:
                items.append(self.convert(item_tp, item, f"{path}[{i}]"))
            except Invalid:
                ok = False
        if not ok:
            raise Invalid(path)
        return tuple(items)

    def _text(self, _tp: Any, value: Any, path: str) -> Text:
        if not isinstance(value, dict):
            self._fail(path, f'expected {{ zh = "…", en = "…" }}, found {_describe(value)}')
        ok = True
        for key in value:
            if key not in ("zh", "en"):
                self.found.problem(_join(path, key), "unknown language (use zh and en)")
        for lang, label in (("zh", "Chinese"), ("en", "English")):
            text = value.get(lang)
            lpath = _join(path, lang)
            if text is None:
                self.found.problem(lpath, f"missing {label} text")
                ok = False
            elif not isinstance(text, str):
                self.found.problem(lpath, f"expected text, found {_describe(text)}")
                ok = False
            elif not text.strip():
                self.found.problem(lpath, f"empty {label} text")
                ok = False
            else:
                self._check_text(lpath, text)
                if lang == "en" and CJK_RE.search(text):
                    self.found.problem(lpath, "English text contains Chinese characters")
        if not ok:
            raise Invalid(path)
        return Text(zh=value["zh"], en=value["en"])

    def _check_text(self, path: str, text: str) -> None:
        if len(text) > MAX_TEXT:
            self.found.problem(path, f"text too long ({len(text)} characters, at most {MAX_TEXT})")
        bad = CONTROL_RE.search(text)
        if bad is not None:
            code = ord(bad.group())
            self.found.problem(path, f"invisible control character U+{code:04X}")
        self.found.texts.append((path, text))

    def _number(self, _tp: Any, value: Any, path: str) -> Number:
        if isinstance(value, dict):
            zh = self._float(float, value.get("zh"), _join(path, "zh"))
            en = self._float(float, value.get("en"), _join(path, "en"))
            for key in value:
                if key not in ("zh", "en"):
                    self.found.problem(_join(path, key), "unknown language (use zh and en)")
            return Number(zh=zh, en=en)
        number = self._float(float, value, path)
        return Number(zh=number, en=number)

    def _str(self, _tp: Any, value: Any, path: str) -> str:
        if not isinstance(value, str):
            self._fail(path, f"expected text, found {_describe(value)}")
        if not value.strip():
            self._fail(path, "empty")
        self._check_text(path, value)
        return value

    def _bool(self, _tp: Any, value: Any, path: str) -> bool:
        if not isinstance(value, bool):
            self._fail(path, f"expected true or false, found {_describe(value)}")
        return value

    def _int(self, _tp: Any, value: Any, path: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            self._fail(path, f"expected a whole number, found {_describe(value)}")
        return value

    def _float(self, _tp: Any, value: Any, path: str) -> float:
        if value is None:
            self._fail(path, "missing")
        if isinstance(value, bool) or not isinstance(value, int | float):
            self._fail(path, f"expected a number, found {_describe(value)}")
        if value != value or value in (float("inf"), float("-inf")):
            self._fail(path, "expected a finite number")
        return float(value)
