"""Wording rules of the content: one quote style per language, no stray spaces in Chinese figures,
and no section that only repeats another or answers its heading with shared filler.

Qt-free. :func:`wording_problems` reads the texts the converter saw, as ``(path, text)`` pairs
(``achievements[3].why.zh``), and returns ``(path, message)`` problems like the loader's others.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

#: Fields that answer a heading of their own on an item's page ("Why it matters").
SECTION_FIELDS = ("what", "who", "why", "link")

#: Quotes that English text writes curly (’ “ ”) and Chinese text as “ ” (as the report does).
_WRONG_QUOTES = {"'": "’", '"': "“ ”", "「": "“", "」": "”", "『": "‘", "』": "’"}

#: A space between a digit and a Chinese character: "2500余 个项目", "超 810亿元".
_ZH_DIGIT_SPACE = re.compile(
    r"[0-9][\u3400-\u9fff]{0,2}[ \u00a0\u3000]+[\u3400-\u9fff]|[\u3400-\u9fff][ \u00a0\u3000]+[0-9]"
)

_SECTION_PATH = re.compile(rf"^(?P<record>.+\[\d+\])\.(?P<field>{'|'.join(SECTION_FIELDS)})\.zh$")
_CLAUSE_END = re.compile(r"[。；！？，：;!?,:]")
_NOT_WORD = re.compile(r"[\s\W_]+")
_MIN_CLAUSE = 6  # characters: shorter clauses ("论坛期间") repeat by chance
#: An ellipsis in Chinese is six dots ("……"), never one "…" or three full stops.
_ZH_SHORT_ELLIPSIS = re.compile(r"(?<!…)…(?!…)|\.{3}")


def wording_problems(texts: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Every wording problem of the content's *texts* (field path → text)."""
    pairs = [(path, text) for path, text in texts if path.endswith((".zh", ".en"))]
    return _quotes(pairs) + _spaces(pairs) + _repeats(pairs) + _shared(pairs)


def _quotes(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out = []
    for path, text in pairs:
        language = "English" if path.endswith(".en") else "Chinese"
        for char, right in _WRONG_QUOTES.items():
            if char in text:
                out.append((path, f"quote {char!r}: {language} text writes {right}"))
    return out


#: English dashes and ellipses stand without spaces: "six dimensions—economic", "AI… Over".
_EN_SPACED_MARKS = (" — ", " … ")


def _spaces(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out = []
    for path, text in pairs:
        spaced = [mark for mark in _EN_SPACED_MARKS if mark in text]
        if path.endswith(".en") and spaced:
            out.append((path, f"write {spaced[0].strip()} without a space before it"))
        if path.endswith(".zh"):
            found = _ZH_DIGIT_SPACE.search(text)
            if found is not None:
                out.append((path, f"stray space between a number and its word: {found.group()!r}"))
            if _ZH_SHORT_ELLIPSIS.search(text):
                out.append((path, "Chinese text writes its ellipsis as …… (six dots)"))
    return out


def _normal(text: str) -> str:
    return _NOT_WORD.sub("", text)


def _clauses(text: str) -> list[str]:
    return [c for c in (_normal(part) for part in _CLAUSE_END.split(text)) if len(c) >= _MIN_CLAUSE]


def _repeats(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Sections (what / who / why / link) that mostly say what another text of their record says."""
    chinese = [(path, _normal(text), text) for path, text in pairs if path.endswith(".zh")]
    out = []
    for path, _, text in chinese:
        match = _SECTION_PATH.match(path)
        if match is None:
            continue
        record = match["record"] + "."
        own = re.compile(re.escape(record) + r"\w+(\[\d+\])?\.zh$")  # not a figure's source
        others = [(p, n) for p, n, _ in chinese if own.match(p) and p != path]
        clauses = _clauses(text)
        total = sum(len(c) for c in clauses)
        for other, normal in others:
            covered = sum(len(c) for c in clauses if c in normal)
            if total and covered * 2 >= total:
                field = path.removeprefix(record).removesuffix(".zh")
                again = other.removeprefix(record).removesuffix(".zh")
                out.append((path, f"'{field}' repeats '{again}': say it once"))
                break
    return out


def _shared(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Sections whose text is word for word another record's: filler, not what the report says."""
    first: dict[str, str] = {}
    holders: defaultdict[str, list[str]] = defaultdict(list)
    for path, text in pairs:
        match = _SECTION_PATH.match(path)
        if match is not None:
            key = _normal(text)
            first.setdefault(key, path)
            holders[key].append(path)
    out = []
    for key, paths in holders.items():
        for path in paths[1:]:
            out.append((path, f"same text as {first[key]}: give only what the report says of it"))
    return out
