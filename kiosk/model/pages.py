"""The page registry: every kind of screen of the kiosk, declared once.

One :class:`PageKind` per route kind says what the screen is (its :class:`Role`), which section it
belongs to, which class builds it, its icon and UI string keys and, for item pages, which items of
the content it shows. Everything else derives from :data:`REGISTRY`: the routes and swipe siblings
(:mod:`kiosk.model.routes`), Home's tiles, the bar's "where am I" label and the page factory.

Adding a section is one entry here (and one for its item pages) plus one builder module.

The builders are named by dotted path (``"package.module:Class"``), so this module stays Qt-free
and the page modules are imported only when a page of their kind is first built.

This module imports nothing from Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, StrEnum
from typing import NamedTuple

from kiosk.content import Content


class Kind(StrEnum):
    """The route kinds (the ``page`` of a :class:`~kiosk.model.navigation.Route`)."""

    ATTRACT = "attract"
    HOME = "home"
    ABOUT = "about"
    THEMES = "themes"
    THEME = "theme"
    ACHIEVEMENTS = "achievements"
    ACHIEVEMENT = "achievement"
    ZONE = "zone"
    ZONE_AREA = "zone-area"
    ZONE_INNOVATION = "zone-innovation"
    BEIJING = "beijing"
    VOICES = "voices"
    VOICE = "voice"


class Role(Enum):
    """What a kind of screen is to the visitor."""

    START = "start"  # the attract loop, before anyone touches the screen
    HUB = "hub"  # Home
    OVERVIEW = "overview"  # one tap from Home besides the tiles (the forum at large)
    SECTION = "section"  # a tile on Home
    ITEM = "item"  # one item of a section; its siblings are paged by a swipe


class PageKind(NamedTuple):
    """The declaration of one kind of screen.

    Attributes:
        kind: The route kind.
        role: What the screen is.
        builder: The page class, as ``"package.module:Class"``; it is imported on first use.
        section: The section the screen belongs to (shown in the bar): itself for a section or
            an overview, its section for an item page, None for the attract loop and Home.
        icon: The icon of its tile on Home (sections).
        title: The UI string key of its name.
        hint: The UI string key of the line under its name on its Home tile (sections).
        items: For item pages: the ids of the items of this kind in *content*, in swipe order.
    """

    kind: Kind
    role: Role
    builder: str
    section: Kind | None = None
    icon: str = ""
    title: str = ""
    hint: str = ""
    items: Callable[[Content], list[str]] | None = None

    def item_ids(self, content: Content) -> list[str]:
        """The ids of this kind's items in *content* (none for a page that is not an item)."""
        return self.items(content) if self.items is not None else []


_SECTIONS = "kiosk.ui.pages.sections"
_ITEMS = "kiosk.ui.pages.items"


def _themes(content: Content) -> list[str]:
    return [t.id for t in sorted(content.themes, key=lambda t: t.number)]


def _achievements(content: Content) -> list[str]:
    return [a.id for a in content.achievements]


def _areas(content: Content) -> list[str]:
    return [a.id for a in content.zone.areas]


def _innovations(content: Content) -> list[str]:
    return [i.id for i in sorted(content.zone.innovations, key=lambda i: i.number)]


def _voices(content: Content) -> list[str]:
    return [v.id for v in content.voices]


#: Every kind of screen. Sections come in the order of Home's tiles; each item kind follows its
#: section, in the reading order of :func:`kiosk.model.routes.all_routes`.
REGISTRY: tuple[PageKind, ...] = (
    PageKind(Kind.ATTRACT, Role.START, "kiosk.ui.pages.attract:AttractPage"),
    PageKind(Kind.HOME, Role.HUB, "kiosk.ui.pages.home:HomePage"),
    PageKind(Kind.ABOUT, Role.OVERVIEW, f"{_SECTIONS}:AboutPage", Kind.ABOUT, title="about.title"),
    PageKind(
        Kind.THEMES,
        Role.SECTION,
        f"{_SECTIONS}:ThemesPage",
        Kind.THEMES,
        icon="mdi6.forum-outline",
        title="section.themes",
        hint="section.themes.hint",
    ),
    PageKind(Kind.THEME, Role.ITEM, f"{_ITEMS}:ThemePage", Kind.THEMES, items=_themes),
    PageKind(
        Kind.ACHIEVEMENTS,
        Role.SECTION,
        f"{_SECTIONS}:AchievementsPage",
        Kind.ACHIEVEMENTS,
        icon="mdi6.rocket-launch-outline",
        title="section.achievements",
        hint="section.achievements.hint",
    ),
    PageKind(
        Kind.ACHIEVEMENT,
        Role.ITEM,
        f"{_ITEMS}:AchievementPage",
        Kind.ACHIEVEMENTS,
        items=_achievements,
    ),
    PageKind(
        Kind.ZONE,
        Role.SECTION,
        f"{_SECTIONS}:ZonePage",
        Kind.ZONE,
        icon="mdi6.map-marker-radius-outline",
        title="section.zone",
        hint="section.zone.hint",
    ),
    PageKind(Kind.ZONE_AREA, Role.ITEM, f"{_ITEMS}:AreaPage", Kind.ZONE, items=_areas),
    PageKind(
        Kind.ZONE_INNOVATION,
        Role.ITEM,
        f"{_ITEMS}:InnovationPage",
        Kind.ZONE,
        items=_innovations,
    ),
    PageKind(
        Kind.BEIJING,
        Role.SECTION,
        f"{_SECTIONS}:BeijingPage",
        Kind.BEIJING,
        icon="mdi6.chart-box-outline",
        title="section.beijing",
        hint="section.beijing.hint",
    ),
    PageKind(
        Kind.VOICES,
        Role.SECTION,
        f"{_SECTIONS}:VoicesPage",
        Kind.VOICES,
        icon="mdi6.account-voice",
        title="section.voices",
        hint="section.voices.hint",
    ),
    PageKind(Kind.VOICE, Role.ITEM, f"{_ITEMS}:VoicePage", Kind.VOICES, items=_voices),
)

_BY_KIND: dict[str, PageKind] = {entry.kind: entry for entry in REGISTRY}


def page_kind(kind: str) -> PageKind | None:
    """The declaration of the route kind *kind*, or None for an unknown kind."""
    return _BY_KIND.get(kind)


def declared(kind: Kind) -> PageKind:
    """The declaration of *kind* (every :class:`Kind` has one)."""
    return _BY_KIND[kind]


def with_role(role: Role) -> tuple[PageKind, ...]:
    """The kinds of screen of *role*, in registry order."""
    return tuple(entry for entry in REGISTRY if entry.role is role)


def where_key(kind: str) -> str:
    """The UI string key naming where a screen of *kind* is (its section), or ``""``."""
    entry = page_kind(kind)
    if entry is None or entry.section is None:
        return ""
    section = page_kind(entry.section)
    return section.title if section is not None else ""
