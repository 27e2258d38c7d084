"""Where lines break, judged and guided as a typesetter would: no word broken inside itself, no CJK
character alone on a line, no name split across lines, no number cut off from its word ("810亿元",
"2500余个"), no opening bracket at a line's end.

:func:`glue` joins, with the invisible U+2060 WORD JOINER (no break on either side, no width), the
characters of each name, each opening bracket to what follows it and the last two characters of
each paragraph, so that a layout breaks elsewhere.

Qt-free: it judges lines that a layout made (``kiosk check`` lays every screen out and hands the
lines of each text here). A problem is a short phrase; the caller adds the text and the screen.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence

#: Punctuation that may stand with a lone CJK character without making the line less lonely.
_PUNCTUATION = set("，。、；：？！…—·“”‘’（）《》「」『』【】,.;:?!()\"' ")


def is_cjk(ch: str) -> bool:
    """Whether *ch* is a CJK ideograph (or kana, hangul): text that breaks between characters."""
    return unicodedata.east_asian_width(ch) in ("W", "F") and unicodedata.category(ch)[0] == "L"


def _latin_letter(ch: str) -> bool:
    return ch.isalnum() and not is_cjk(ch)


def broken_words(lines: Sequence[str]) -> list[str]:
    """The words a line break cuts in two (``"Achievem-ents"``): a letter ends one line and a
    letter begins the next, with no space or hyphen between them (*lines* keep the space they
    were broken at)."""
    found = []
    for before, after in itertools.pairwise(lines):
        if before and after and _latin_letter(before[-1]) and _latin_letter(after[0]):
            head = before.split()[-1] if before.split() else before
            tail = after.split()[0] if after.split() else after
            found.append(f"{head}-{tail}")
    return found


def lonely_characters(lines: Sequence[str]) -> list[str]:
    """Lines of a paragraph of several lines that hold one CJK character and punctuation only."""
    if len(lines) < 2:
        return []
    found = []
    for line in lines:
        core = [ch for ch in line if ch not in _PUNCTUATION]
        if len(core) == 1 and is_cjk(core[0]):
            found.append(line.strip())
    return found


def split_names(lines: Sequence[str], names: Iterable[str]) -> list[str]:
    """The Chinese *names* that the text holds but that no single line holds whole (a name
    broken across two lines; a Latin name may break at its space, like any words)."""
    whole = "".join(lines)
    found = []
    for name in names:
        if len(name) < 2 or not any(is_cjk(ch) for ch in name) or name not in whole:
            continue
        if not any(name in line for line in lines):
            found.append(name)
    return found


#: Words that read as one and are never broken, like a name ("线上线下": online and offline):
#: the idioms and coined names of the content, and the words its titles must not split
#: ("新一/代", "触手/可及", "破解发/展难题" read as typos).
WORDS = (
    "线上线下",
    "触手可及",
    "新一代",
    "人造太阳",
    "克利夫兰",
    "霍华德·休斯",
    "研究员",
    "显微镜",
    "加速器",
    "回旋",
    "破解",
    "发展",
    "建设",
    "报告",
    "指数",
    "试验",
    "折叠",
    "网络",
    "科技",
    "中心",
    "地区",
    "审议",
    "正式",
)

#: A short term in Chinese quotes ("“人造太阳”", "“保税研发”"): read as one word, never broken.
_QUOTED = re.compile(r"(?<=“)[^“”\s]{2,6}(?=”)")


def quoted_terms(text: str) -> list[str]:
    """The short Chinese terms of *text* that stand in quotes (two to six characters)."""
    return [m.group() for m in _QUOTED.finditer(text) if all(is_cjk(ch) for ch in m.group())]


#: A number with what belongs to it: "超810亿元", "2500余个", "5月28日", "6.5%", "1.9倍".
_FIGURE = re.compile(
    r"[超约近逾第]?\d[\d.,]*%?[余多万亿千百兆]*[个项家名件场届条所次年月日天倍元岁]?"
)


#: The space between a number and the word after it ("2,500 projects"): never a line break.
_LATIN_FIGURE = re.compile(r"(?<=\d) (?=[^\W\d_])")


def split_figures(lines: Sequence[str]) -> list[str]:
    """The figures that a line break cuts off from their words ("810 | 亿元", "81 | billion")."""
    whole = "".join(lines)
    found = [
        f"{before.split()[-1]} {after.split()[0]}"
        for before, after in itertools.pairwise(lines)
        if before.endswith(" ")
        and before.rstrip()[-1:].isdigit()
        and after[:1].isalpha()
        and not is_cjk(after[0])
    ]
    for match in _FIGURE.finditer(whole):
        figure = match.group()
        if any(is_cjk(ch) for ch in figure) and not any(figure in line for line in lines):
            found.append(figure)
    return found


def break_problems(lines: Sequence[str], names: Iterable[str] = ()) -> list[str]:
    """Every problem of the line breaks of one text, as short phrases."""
    problems = [f"word broken inside ({w})" for w in broken_words(lines)]
    problems += [f"one character alone on a line ({c})" for c in lonely_characters(lines)]
    words = list(dict.fromkeys([*names, *WORDS, *quoted_terms("".join(lines))]))  # each once
    problems += [f"name split across lines ({n})" for n in split_names(lines, words)]
    problems += [f"number split from its word ({f})" for f in split_figures(lines)]
    return problems


#: Opening brackets and quotes: never left at the end of a line.
_OPENING = set("（《“「『【〈‘")

#: No line break on either side, and nothing drawn.
JOINER = "\u2060"

#: A break opportunity that draws nothing (the zero-width space).
BREAK = "\u200b"

#: A space that never breaks: between a number and its word in Latin text.
NO_BREAK_SPACE = "\u00a0"


def glue(text: str, names: Sequence[str] = ()) -> str:
    """*text* with its CJK names and short quoted terms, each opening bracket or quote and what
    follows it, and the last two characters of each paragraph joined by :data:`JOINER` (the
    layout breaks elsewhere); in Latin text, a number joined to the word after it ("81 billion
    yuan"). Remembered: a page built again glues the same texts again."""
    return _glued(text, tuple(names))


@functools.lru_cache(maxsize=2048)
def _glued(text: str, names: tuple[str, ...]) -> str:
    text = _LATIN_FIGURE.sub(NO_BREAK_SPACE, text)
    if not any(is_cjk(ch) for ch in text):
        return text
    for name in (*names, *WORDS, *quoted_terms(text)):
        if len(name) > 1 and any(is_cjk(ch) for ch in name) and name in text:
            text = text.replace(name, JOINER.join(name))
    text = _FIGURE.sub(lambda match: _joined(match.group()), text)
    text = "".join(
        f"{ch}{JOINER}" if ch in _OPENING and i + 1 < len(text) and text[i + 1] != JOINER else ch
        for i, ch in enumerate(text)
    )
    # A line may break before an opening quote after a Chinese character ("新一代|“人造太阳”"):
    # the quote itself forbids it (UAX #14), which moved whole phrases to the next line.
    text = "".join(
        f"{BREAK}{ch}" if ch in "“‘" and i > 0 and is_cjk(text[i - 1]) else ch
        for i, ch in enumerate(text)
    )
    return "\n".join(_glue_end(paragraph) for paragraph in text.split("\n"))


def _joined(figure: str) -> str:
    """*figure* with a joiner wherever a Chinese character meets another character."""
    out = figure[:1]
    for before, ch in itertools.pairwise(figure):
        out += f"{JOINER}{ch}" if is_cjk(before) or is_cjk(ch) else ch
    return out


def _glue_end(paragraph: str) -> str:
    """Join a paragraph's last CJK character (before closing punctuation) to the one before it."""
    last = len(paragraph) - 1
    while last >= 0 and not is_cjk(paragraph[last]):
        if paragraph[last].isalnum():
            return paragraph  # it ends in Latin letters or digits: their words break at spaces
        last -= 1
    before = last - 1
    while before >= 0 and paragraph[before] == JOINER:
        before -= 1
    if before < 0 or before != last - 1 or paragraph[before].isspace():
        return paragraph
    return f"{paragraph[:last]}{JOINER}{paragraph[last:]}"


def plain(text: str) -> str:
    """*text* without the joiners, breaks (and no-break spaces) :func:`glue` added."""
    return text.replace(JOINER, "").replace(BREAK, "").replace(NO_BREAK_SPACE, " ")
