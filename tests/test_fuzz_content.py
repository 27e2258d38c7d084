"""Fuzzed content: whatever an editor (or a broken USB stick) puts in the folder, ``kiosk check``
says what is wrong in one line per problem and exits 1, never with a traceback; the content
watcher reports the same lines and keeps the last good content.

Every damage below is sure to make the content invalid (a syntax error, a wrong type, a missing
required key, a text over the length limit, an invisible control character, an unknown key, bytes
that are not UTF-8), so "exit 1" is the only right answer, and the test can tell a silent pass.
"""

from __future__ import annotations

import copy
import functools
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import rtoml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication

from kiosk.adapters import fonts, resources
from kiosk.adapters.content_watch import ContentWatcher
from kiosk.commands import check
from kiosk.content import Content, Environment, load
from kiosk.content.lines import MAX_LINE
from kiosk.system.paths import bundled_content_dir

BUNDLED = bundled_content_dir()
FILES = sorted(p.name for p in BUNDLED.glob("*.toml"))
RAW = {name: (BUNDLED / name).read_bytes() for name in FILES}
TEXT = {name: RAW[name].decode("utf-8") for name in FILES}
DATA = {name: rtoml.loads(TEXT[name]) for name in FILES}

#: Characters the content must never hold (zero-width, bidi overrides, BOM, C0/C1 controls).
HIDDEN = [
    chr(c) for c in (*range(0x200B, 0x2010), *range(0x2028, 0x202F), *range(0x2060, 0x2065), 0xFEFF)
] + ["\x01", "\x1b", "\x7f", "\x85", "\x00"]
#: Odd but printable company for them: isolates, combining marks, emoji, CJK extension B.
ODD = ["\u2066", "\u2069", "\u0301", "\U0001f600", "\U00020000", "\u00a0", "\ufffd"]
SYNTAX = ['"', "'", "[", "]", "=", "{", "}", "\\", '"""', "\n=", "[[", "\n[", ",", "\n\n[x"]

Path_ = tuple[str | int, ...]


def _walk(node: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, (*path, i))


def _is_text(node: Any) -> bool:
    return isinstance(node, dict) and set(node) == {"zh", "en"}


NODES = {name: list(_walk(DATA[name])) for name in FILES}
SCALAR = str | int | float | bool
LEAVES = {n: [(p, v) for p, v in NODES[n] if isinstance(v, SCALAR)] for n in FILES}
RECORDS = {n: [p for p, v in NODES[n] if isinstance(v, dict) and "id" in v] for n in FILES}
TEXTS = {n: [p for p, v in NODES[n] if _is_text(v)] for n in FILES}
#: Where a one-line basic string starts (just after its opening quote) in each file.
STRINGS = {n: [m.end() for m in re.finditer(r'^\w+ = "(?!"")', TEXT[n], re.M)] for n in FILES}


class Damage:
    """A damaged content file: what was done to which file, and its new bytes."""

    def __init__(self, kind: str, file: str, raw: bytes, where: object = "") -> None:
        self.kind, self.file, self.raw, self.where = kind, file, raw, where

    def __repr__(self) -> str:  # short: the bytes can be hundreds of kilobytes
        where = repr(self.where)[:200]
        return f"Damage({self.kind!r}, {self.file!r}, {len(self.raw)} bytes, {where})"


def _set(data: Any, path: Path_, value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def _get(data: Any, path: Path_) -> Any:
    for key in path:
        data = data[key]
    return data


def _pick(draw: st.DrawFn, items: list[Any]) -> Any:
    """One of *items* (by index: ``sampled_from`` would put the whole list in reprs)."""
    return items[draw(st.integers(0, len(items) - 1))]


def _parses(text: str) -> bool:
    try:
        rtoml.loads(text)
    except rtoml.TomlParsingError:
        return False
    return True


@st.composite
def syntax_damage(draw: st.DrawFn) -> Damage:
    name = draw(st.sampled_from(FILES))
    text = TEXT[name]
    at = draw(st.integers(0, len(text)))
    how = draw(st.sampled_from(["insert", "delete", "truncate"]))
    if how == "insert":
        damaged = text[:at] + draw(st.sampled_from(SYNTAX)) + text[at:]
    elif how == "delete":
        damaged = text[:at] + text[at + draw(st.integers(1, 200)) :]
    else:
        damaged = text[:at]
    assume(not _parses(damaged))
    return Damage("syntax", name, damaged.encode("utf-8"), (how, at))


@st.composite
def data_damage(draw: st.DrawFn) -> Damage:
    name = draw(st.sampled_from(FILES))
    data = copy.deepcopy(DATA[name])
    how = draw(st.sampled_from(["wrong type", "missing", "huge", "hidden", "unknown key"]))
    if how == "wrong type":
        path, value = _pick(draw, LEAVES[name])
        if isinstance(value, str):
            wrong: Any = draw(
                st.one_of(st.integers(), st.booleans(), st.lists(st.integers(), min_size=1),
                          st.just({"x": 1}))
            )  # fmt: skip
        else:
            wrong = draw(st.text(max_size=20))
        _set(data, path, wrong)
    elif how == "missing":
        table = _pick(draw, RECORDS[name] + TEXTS[name])
        key = "id" if "id" in _get(data, table) else draw(st.sampled_from(["zh", "en"]))
        del _get(data, table)[key]
        path = (*table, key)
    elif how == "huge":
        path = (*_pick(draw, TEXTS[name]), draw(st.sampled_from(["zh", "en"])))
        _set(data, path, "中a " * draw(st.integers(1400, 70_000)))
    elif how == "hidden":
        texts = [(*p, lang) for p in TEXTS[name] for lang in ("zh", "en")]
        ids = [(*p, "id") for p in RECORDS[name]]
        # Only text is damaged here (a number written per language, {zh = 1, en = 1}, is not).
        path = _pick(draw, [p for p in texts + ids if isinstance(_get(data, p), str)])
        value = _get(data, path)
        at = draw(st.integers(0, len(value)))
        odd = draw(st.lists(st.sampled_from(ODD), max_size=3))
        _set(data, path, value[:at] + draw(st.sampled_from(HIDDEN)) + "".join(odd) + value[at:])
        path = (*path, at)
    else:
        path = _pick(draw, RECORDS[name])
        key = draw(st.text(max_size=10)) + draw(st.sampled_from([*HIDDEN, "\n", " ", "."]))
        _get(data, path)[key] = draw(st.one_of(st.integers(), st.text(max_size=30)))
        path = (*path, key)
    return Damage(how, name, rtoml.dumps(data).encode("utf-8"), path)


@st.composite
def byte_damage(draw: st.DrawFn) -> Damage:
    name = draw(st.sampled_from(FILES))
    text = TEXT[name]
    how = draw(st.sampled_from(["garbage file", "garbage inside", "surrogate", "escape"]))
    if how == "garbage file":
        return Damage(how, name, draw(st.binary(max_size=2048)))
    at = draw(st.integers(0, len(text)))
    if how == "garbage inside":
        raw = text[:at].encode("utf-8") + b"\xff" + draw(st.binary(max_size=64))
        return Damage(how, name, raw + text[at:].encode("utf-8"), at)
    if how == "surrogate":  # a lone surrogate, as a broken converter writes it
        lone = chr(draw(st.integers(0xD800, 0xDFFF)))
        raw = (text[:at] + lone + text[at:]).encode("utf-8", "surrogatepass")
        return Damage(how, name, raw, at)
    # an escaped surrogate inside a string value: not a character TOML allows
    quote = _pick(draw, STRINGS[name])
    escape = f"\\u{draw(st.integers(0xD800, 0xDFFF)):04X}"
    raw = (text[:quote] + escape + text[quote:]).encode("utf-8")
    return Damage(how, name, raw, (quote, escape))


DAMAGE = st.one_of(syntax_damage(), data_damage(), byte_damage())
LINE = re.compile(r"^(?P<file>[^:]+)(?::\d+)?: \S")


@functools.cache
def glyphs() -> frozenset[int]:
    """The bundled font's characters (read once; a plain function, not a fixture: Hypothesis
    prints a failing example's fixtures, and this one is large)."""
    return fonts.glyphs()


@functools.cache
def good_content() -> Content:
    return load(BUNDLED, Environment(resource_exists=resources.exists, glyphs=glyphs()))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(BUNDLED, target)
    return target


def _damage(folder: Path, damage: Damage) -> None:
    for name in FILES:
        (folder / name).write_bytes(RAW[name])
    (folder / damage.file).write_bytes(damage.raw)


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(damage=DAMAGE)
def test_check_reports_every_damage_in_one_line_per_problem(
    damage: Damage,
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(check, "_glyphs", glyphs)  # read once, not per example
    _damage(folder, damage)
    capsys.readouterr()
    code = check.check_command(folder)
    out, err = capsys.readouterr()
    assert code == 1, f"{damage} passed the check"
    lines = out.splitlines()
    assert lines, "no problem named"
    assert "Traceback" not in out + err
    assert "cannot be checked" not in out, "the loader raised instead of reporting a problem"
    assert err.strip() == f"{len(lines)} problem(s) in {folder}", "one line per problem"
    for line in lines:
        match = LINE.match(line)
        assert match, f"not a problem line: {line!r}"
        assert match["file"] in (*FILES, str(folder)), line
        assert len(line) <= MAX_LINE + 40
        assert line.isprintable(), f"hidden characters in {line!r}"


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(damage=DAMAGE)
def test_the_watcher_keeps_the_last_good_content(
    damage: Damage,
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    qapp: QApplication,
) -> None:
    monkeypatch.setattr(check, "_glyphs", glyphs)
    content = good_content()
    env = Environment(resource_exists=resources.exists, glyphs=glyphs())
    watcher = ContentWatcher(folder, lambda: load(folder, env), content, debounce_ms=60_000)
    seen: list[object] = []
    watcher.ready.connect(seen.append)
    reported: list[list[str]] = []
    watcher.problems.connect(reported.append)
    try:
        _damage(folder, damage)
        assert watcher.check_now() is False
    finally:
        watcher.stop()
        watcher.deleteLater()
    assert seen == [] and watcher.content is content
    capsys.readouterr()
    check.check_command(folder)
    assert reported == [capsys.readouterr().out.splitlines()], "the lines of `kiosk check`"
