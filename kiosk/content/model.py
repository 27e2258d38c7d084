"""Typed, immutable records of the kiosk's content.

Every record is a frozen dataclass built by :mod:`kiosk.content.convert` from the TOML files of a
content folder. Field metadata tells the converter what a field refers to:

* ``ref``: the field holds the id (or ids) of another record of that kind;
* ``resource``: the field names an image file.

This module imports nothing from Qt; views read these records and never change them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

T = TypeVar("T")

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


def ref(kind: str, *, optional: bool = False) -> Any:
    """Field metadata marking a cross-reference to records of *kind* (``None`` when optional)."""
    if optional:
        return field(default=None, metadata={"ref": kind})
    return field(metadata={"ref": kind})


def refs(kind: str) -> Any:
    """Field metadata marking a list of cross-references to records of *kind*."""
    return field(default=(), metadata={"ref": kind})


@dataclass(frozen=True)
class Text:
    """A piece of visible text in both languages."""

    zh: str
    en: str

    def get(self, lang: Lang) -> str:
        """The text in *lang*."""
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Number:
    """A number that may be counted differently per language (810 亿元 = 81 billion yuan)."""

    zh: float
    en: float

    def get(self, lang: Lang) -> float:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Figure:
    """A number shown large: value, unit and caption, with its source."""

    id: str
    value: Number
    caption: Text
    source: Text
    prefix: Text | None = None
    suffix: Text | None = None
    unit: Text | None = None


@dataclass(frozen=True)
class Image:
    """An image with its alternative text, caption and credit."""

    src: str = field(metadata={"resource": True})
    alt: Text
    caption: Text | None = None
    credit: Text | None = None


@dataclass(frozen=True)
class ItemList:
    """A titled list of short items (topics, forums, initiatives …)."""

    id: str
    title: Text
    items: tuple[Text, ...]


@dataclass(frozen=True)
class Forum:
    id: str
    name: Text
    theme: Text
    dates: Text
    city: Text
    headline: Text
    report_title: Text
    reporters: Text
    publication: Text
    editor_note: Text
    summary: Text
    cohosts: tuple[Text, ...]
    parts: tuple[Text, ...]
    figures: tuple[Figure, ...] = ()
    website: str | None = None
    #: The photo beside the forum's name on Home (none: no picture there).
    hero_photo: str | None = ref("photos", optional=True)


@dataclass(frozen=True)
class Theme:
    id: str
    number: int
    title: Text
    summary: Text
    body: tuple[Text, ...]
    lists: tuple[ItemList, ...] = ()
    figures: tuple[Figure, ...] = ()
    achievements: tuple[str, ...] = refs("achievements")
    voices: tuple[str, ...] = refs("voices")
    icon: str | None = None


@dataclass(frozen=True)
class Voice:
    id: str
    name: Text
    role: Text
    quote: Text
    paraphrase: bool = False
    theme: str | None = ref("themes", optional=True)
    zone: bool = False


@dataclass(frozen=True)
class Achievement:
    """An achievement released at the forum.

    ``what``, ``who`` and ``why`` are shown only where the report says it: an achievement the
    report names without its maker leaves ``who`` out rather than answer it with filler.
    """

    id: str
    title: Text
    category: Text
    theme: str = ref("themes")
    what: Text | None = None
    who: Text | None = None
    why: Text | None = None
    details: tuple[Text, ...] = ()
    voices: tuple[str, ...] = refs("voices")
    key_figure: Figure | None = None
    figures: tuple[Figure, ...] = ()
    lists: tuple[ItemList, ...] = ()
    image: Image | None = None
    icon: str | None = None


@dataclass(frozen=True)
class Beijing:
    id: str
    title: Text
    summary: Text
    benchmark_cities: tuple[Text, ...]
    figures: tuple[Figure, ...]
    lists: tuple[ItemList, ...] = ()


@dataclass(frozen=True)
class TimelineEntry:
    id: str
    date: Text
    title: Text
    text: Text


@dataclass(frozen=True)
class Tier:
    id: str
    label: Text
    title: Text
    items: tuple[Text, ...]


@dataclass(frozen=True)
class Spectrum:
    title: Text
    summary: Text
    tiers: tuple[Tier, ...]


@dataclass(frozen=True)
class Area:
    id: str
    name: Text
    summary: Text
    what: Text
    who: Text
    link: Text
    icon: str | None = None


@dataclass(frozen=True)
class Innovation:
    id: str
    number: int
    title: Text
    summary: Text
    points: tuple[Text, ...]


@dataclass(frozen=True)
class Zone:
    id: str
    name: Text
    short_name: Text
    tagline: Text
    summary: Text
    location: Text
    body: tuple[Text, ...]
    next_steps: Text
    timeline: tuple[TimelineEntry, ...]
    spectrum: Spectrum
    areas: tuple[Area, ...]
    innovations: tuple[Innovation, ...]
    speaker: str | None = ref("voices", optional=True)
    figures: tuple[Figure, ...] = ()
    #: The figure of :attr:`figures` shown on the site plan (none: the plan shows no figure).
    plan_figure: str | None = ref("zone.figures", optional=True)


@dataclass(frozen=True)
class Photo:
    id: str
    image: Image
    stand_in: bool = False
    theme: str | None = ref("themes", optional=True)


@dataclass(frozen=True)
class Content:
    """The whole content of a folder, validated and cross-referenced."""

    forum: Forum
    themes: tuple[Theme, ...]
    voices: tuple[Voice, ...]
    achievements: tuple[Achievement, ...]
    beijing: Beijing
    zone: Zone
    photos: tuple[Photo, ...]
    index: dict[str, object] = field(default_factory=dict, compare=False, repr=False)
    #: The folder the content was read from (relative image paths are inside it).
    folder: Path | None = field(default=None, compare=False, repr=False)
    #: Which file each section came from (``{"themes": "themes.toml"}``).
    origin: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def get(self, item_id: str) -> object:
        """The record with *item_id* (any kind). Raises ``KeyError`` when there is none."""
        return self.index[item_id]

    def theme(self, item_id: str) -> Theme:
        return _typed(self.index[item_id], Theme)

    def voice(self, item_id: str) -> Voice:
        return _typed(self.index[item_id], Voice)

    def achievement(self, item_id: str) -> Achievement:
        return _typed(self.index[item_id], Achievement)

    def photo(self, item_id: str) -> Photo:
        return _typed(self.index[item_id], Photo)

    def area(self, item_id: str) -> Area:
        return _typed(self.index[item_id], Area)

    def innovation(self, item_id: str) -> Innovation:
        return _typed(self.index[item_id], Innovation)

    def speaker_names(self) -> list[str]:
        """The speakers' names in both languages (a line never breaks one in two)."""
        return [name for voice in self.voices for name in (voice.name.zh, voice.name.en)]


def _typed(obj: object, cls: type[T]) -> T:
    if not isinstance(obj, cls):
        raise KeyError(f"not a {cls.__name__}")
    return obj


#: The sections of a content folder: top-level key → record type, and whether it is an array.
SECTIONS: dict[str, tuple[type, bool]] = {
    "forum": (Forum, False),
    "themes": (Theme, True),
    "voices": (Voice, True),
    "achievements": (Achievement, True),
    "beijing": (Beijing, False),
    "zone": (Zone, False),
    "photos": (Photo, True),
}
