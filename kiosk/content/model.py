"""Typed, immutable records of the kiosk's content.

Every record is a named tuple built by :mod:`kiosk.content.convert` from the TOML files of a
content folder (the whole :class:`Content` is a frozen dataclass). What a field refers to is
marked on its type (``Annotated``):

* :class:`Ref`: the field holds the id (or ids) of another record of that kind;
* :data:`RESOURCE`: the field names an image file.

Named tuples, not frozen dataclasses: the records' classes are made at every start before the
first frame (the kept content is read back into them), and as dataclasses they took 9 ms there,
each of their methods compiled from generated source.

This module imports nothing from Qt; views read these records and never change them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal, NamedTuple, TypeVar

T = TypeVar("T")

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


class Ref(NamedTuple):
    """Marks a field holding the id (or a tuple of ids) of records of *kind*."""

    kind: str


#: Marks a field naming an image file.
RESOURCE = "resource"


class Text(NamedTuple):
    """A piece of visible text in both languages."""

    zh: str
    en: str

    def get(self, lang: Lang) -> str:
        """The text in *lang*."""
        return self.zh if lang == "zh" else self.en


class Number(NamedTuple):
    """A number that may be counted differently per language (810 亿元 = 81 billion yuan)."""

    zh: float
    en: float

    def get(self, lang: Lang) -> float:
        return self.zh if lang == "zh" else self.en


class Figure(NamedTuple):
    """A number shown large: value, unit and caption, with its source."""

    id: str
    value: Number
    caption: Text
    source: Text
    prefix: Text | None = None
    suffix: Text | None = None
    unit: Text | None = None


class Image(NamedTuple):
    """An image with its alternative text, caption and credit."""

    src: Annotated[str, RESOURCE]
    alt: Text
    caption: Text | None = None
    credit: Text | None = None


class ItemList(NamedTuple):
    """A titled list of short items (topics, forums, initiatives …)."""

    id: str
    title: Text
    items: tuple[Text, ...]


class Forum(NamedTuple):
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
    hero_photo: Annotated[str | None, Ref("photos")] = None


class Theme(NamedTuple):
    id: str
    number: int
    title: Text
    summary: Text
    body: tuple[Text, ...]
    lists: tuple[ItemList, ...] = ()
    figures: tuple[Figure, ...] = ()
    achievements: Annotated[tuple[str, ...], Ref("achievements")] = ()
    voices: Annotated[tuple[str, ...], Ref("voices")] = ()
    icon: str | None = None


class Voice(NamedTuple):
    id: str
    name: Text
    role: Text
    quote: Text
    paraphrase: bool = False
    theme: Annotated[str | None, Ref("themes")] = None
    zone: bool = False


class Achievement(NamedTuple):
    """An achievement released at the forum.

    ``what``, ``who`` and ``why`` are shown only where the report says it: an achievement the
    report names without its maker leaves ``who`` out rather than answer it with filler.
    """

    id: str
    title: Text
    category: Text
    theme: Annotated[str, Ref("themes")]
    what: Text | None = None
    who: Text | None = None
    why: Text | None = None
    details: tuple[Text, ...] = ()
    voices: Annotated[tuple[str, ...], Ref("voices")] = ()
    key_figure: Figure | None = None
    figures: tuple[Figure, ...] = ()
    lists: tuple[ItemList, ...] = ()
    image: Image | None = None
    icon: str | None = None


class Beijing(NamedTuple):
    id: str
    title: Text
    summary: Text
    benchmark_cities: tuple[Text, ...]
    figures: tuple[Figure, ...]
    lists: tuple[ItemList, ...] = ()


class TimelineEntry(NamedTuple):
    id: str
    date: Text
    title: Text
    text: Text


class Tier(NamedTuple):
    id: str
    label: Text
    title: Text
    items: tuple[Text, ...]


class Spectrum(NamedTuple):
    title: Text
    summary: Text
    tiers: tuple[Tier, ...]


class Area(NamedTuple):
    id: str
    name: Text
    summary: Text
    what: Text
    who: Text
    link: Text
    icon: str | None = None


class Innovation(NamedTuple):
    id: str
    number: int
    title: Text
    summary: Text
    points: tuple[Text, ...]


class Zone(NamedTuple):
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
    speaker: Annotated[str | None, Ref("voices")] = None
    figures: tuple[Figure, ...] = ()
    #: The figure of :attr:`figures` shown on the site plan (none: the plan shows no figure).
    plan_figure: Annotated[str | None, Ref("zone.figures")] = None


class Photo(NamedTuple):
    id: str
    image: Image
    stand_in: bool = False
    theme: Annotated[str | None, Ref("themes")] = None


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
