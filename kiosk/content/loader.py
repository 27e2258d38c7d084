"""Load and validate a content folder.

:func:`check` returns every problem of a folder as :class:`Problem` lines; :func:`load` returns the
validated :class:`~kiosk.content.model.Content` or raises :class:`ContentError` with those lines.
Nothing here raises anything else for bad content: garbage bytes, a truncated file or an empty
folder are problems like any other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import rtoml

from kiosk.content.convert import Converter, Invalid
from kiosk.content.model import SECTIONS, Content
from kiosk.system.digest import blake2b

#: Records of these kinds (paths of arrays) may be named by a ``ref`` field of the same kind
#: name, and what they are called in a problem line.
_KINDS = {
    "themes": "the themes",
    "voices": "the voices",
    "achievements": "the achievements",
    "photos": "the photos",
    "zone.figures": "the zone's figures",
}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a content folder."""

    file: str
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class ContentError(Exception):
    """A content folder has problems; :attr:`problems` lists them."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} content problem(s); first: {problems[0]}")
        self.problems = problems


@dataclass(frozen=True)
class Environment:
    """What validation needs from outside the content folder.

    Attributes:
        resource_exists: tells whether a bundled resource path (``:/illustrations/x.svg``) exists;
            ``None`` skips the check of such paths.
        glyphs: the characters the bundled font can draw; ``None`` skips the glyph check.
        wording_known: tells whether texts of this digest (and these wording rules) were found
            clean before, so the wording rules need not run again (``None``: they always run).
        wording_clean: is told the digest of texts the wording rules found clean.
    """

    resource_exists: Callable[[str], bool] | None = None
    glyphs: Container[int] | None = None
    wording_known: Callable[[str], bool] | None = None
    wording_clean: Callable[[str], object] | None = None


@dataclass
class _Read:
    data: dict[str, Any] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)  # section → file name
    problems: list[Problem] = field(default_factory=list)


def _read_folder(folder: Path) -> _Read:
    read = _Read()
    if not folder.is_dir():
        read.problems.append(Problem(str(folder), "", "not a folder"))
        return read
    files = sorted(folder.glob("*.toml"))
    if not files:
        read.problems.append(Problem(str(folder), "", "no content files (*.toml) in this folder"))
        return read
    for path in files:
        _read_file(path, read)
    return read


def _read_file(path: Path, read: _Read) -> None:
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        read.problems.append(Problem(name, "", f"cannot be read: {exc.strerror or exc}"))
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
        read.problems.append(Problem(name, "", message, line))
        return
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        read.problems.append(Problem(name, "", "contains a NUL byte: not a text file", line))
        return
    try:
        data = rtoml.loads(text)
    except rtoml.TomlParsingError as exc:
        message = " ".join(str(exc).split())
        read.problems.append(Problem(name, "", f"syntax error: {message}", _line_of(message)))
        return
    for key, value in data.items():
        if key not in SECTIONS:
            known = ", ".join(SECTIONS)
            read.problems.append(Problem(name, key, f"unknown section (known: {known})"))
        elif key in read.data:
            message = f"section also defined in {read.origin[key]}"
            read.problems.append(Problem(name, key, message))
        else:
            read.data[key] = value
            read.origin[key] = name


_LINE_RE = re.compile(r"\bline (\d+)")


def _line_of(message: str) -> int | None:
    match = _LINE_RE.search(message)
    return int(match.group(1)) if match else None


def _file_of(path: str, origin: dict[str, str], default: str) -> str:
    section = path.split("[", 1)[0].split(".", 1)[0]
    return origin.get(section, default)


def check(folder: Path, env: Environment | None = None) -> tuple[Content | None, list[Problem]]:
    """Validate *folder*; returns the content (``None`` if it cannot be built) and the problems."""
    env = env or Environment()
    read = _read_folder(folder)
    problems = list(read.problems)
    if problems and not read.data:
        return None, sorted(problems)
    converter = Converter()
    values: dict[str, Any] = {}
    for section, (cls, many) in SECTIONS.items():
        if section not in read.data:
            if not any(p.file.endswith(".toml") and not p.path for p in problems):
                problems.append(Problem(str(folder), section, "missing section (in no file)"))
            continue
        tp: Any = tuple.__class_getitem__((cls, ...)) if many else cls
        try:
            values[section] = converter.convert(tp, read.data[section], section)
        except Invalid:
            continue
    found = converter.found
    default = str(folder)
    located = [(path, message) for path, message in found.problems]
    # References into a section that could not be read are not checked: they would all fail.
    readable = [r for r in found.refs if r[1].split(".")[0] in read.data]
    located += _cross_references(readable, found.ids)
    located += _resources(found.resources, folder, env)
    located += _glyphs(found.texts, env)
    located += _wording(found.texts, env)
    for path, message in located:
        problems.append(Problem(_file_of(path, read.origin, default), path, message))
    content = None
    if not problems and len(values) == len(SECTIONS):
        content = Content(**values, folder=folder, origin=dict(read.origin))
        content.index.update(_index(content))
    return content, sorted(set(problems), key=_order)


def _wording(texts: list[tuple[str, str]], env: Environment) -> list[tuple[str, str]]:
    """The wording problems of *texts*; none without running the rules when the environment
    knows these very texts (and rules) were found clean."""
    digest = ""
    if env.wording_known is not None or env.wording_clean is not None:
        digest = _wording_digest(texts)
        if env.wording_known is not None and env.wording_known(digest):
            return []
    from kiosk.content.wording import wording_problems  # its rules load when they run

    problems = wording_problems(texts)
    if not problems and digest and env.wording_clean is not None:
        env.wording_clean(digest)
    return problems


def _wording_digest(texts: list[tuple[str, str]]) -> str:
    """A digest of *texts* and of the wording rules' source (a change to either checks again)."""
    digest = blake2b(Path(__file__).with_name("wording.py").read_bytes(), digest_size=20)
    for path, text in texts:
        digest.update(f"{path}\0{text}\0".encode())
    return digest.hexdigest()


def _order(problem: Problem) -> tuple[str, int, str, str]:
    return (problem.file, problem.line or 0, problem.path, problem.message)


def load(folder: Path, env: Environment | None = None) -> Content:
    """The validated content of *folder*; raises :class:`ContentError` when it has problems."""
    content, problems = check(folder, env)
    if problems or content is None:
        raise ContentError(problems or [Problem(str(folder), "", "no content")])
    return content


def _cross_references(refs: Iterable[tuple[str, str, str]], ids: dict[str, str]) -> list[Any]:
    out = []
    for path, kind, target in refs:
        defined = ids.get(target)
        if defined is None:
            out.append((path, f"refers to {target!r}, which does not exist"))
        elif kind in _KINDS and not defined.startswith(f"{kind}["):
            out.append((path, f"refers to {target!r}, which is not one of {_KINDS[kind]}"))
    return out


def _resources(resources: Iterable[tuple[str, str]], folder: Path, env: Environment) -> list[Any]:
    out = []
    for path, src in resources:
        if src.startswith(":/"):
            if env.resource_exists is not None and not env.resource_exists(src):
                out.append((path, f"no bundled resource {src}"))
            continue
        rel = PurePosixPath(src)
        if rel.is_absolute() or ".." in rel.parts:
            out.append((path, f"image path must stay inside the content folder: {src}"))
        elif not (folder / rel).is_file():
            out.append((path, f"image file not found: {src}"))
    return out


def _glyphs(texts: Iterable[tuple[str, str]], env: Environment) -> list[Any]:
    if env.glyphs is None:
        return []
    out = []
    reported: set[str] = set()
    for path, text in texts:
        for char in text:
            if char in reported or char == "\n" or ord(char) in env.glyphs:
                continue
            reported.add(char)
            out.append((path, f"character {char!r} (U+{ord(char):04X}) is not in the bundled font"))
    return out


def _index(content: Content) -> dict[str, object]:
    index: dict[str, object] = {
        content.forum.id: content.forum,
        content.beijing.id: content.beijing,
        content.zone.id: content.zone,
    }
    records: list[Any] = [*content.themes, *content.voices, *content.achievements]
    for record in (*records, *content.photos):
        index[record.id] = record
    zone = content.zone
    subs: list[Any] = [*zone.areas, *zone.innovations, *zone.timeline, *zone.spectrum.tiers]
    for sub in subs:
        index[sub.id] = sub
    for figure in content.beijing.figures:
        index[figure.id] = figure
    return index
