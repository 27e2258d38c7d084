"""Which screens exist for a given content, and which of them are siblings (paged by a swipe)."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.content import Content
from kiosk.model.navigation import ATTRACT, HOME, Route

#: The sections reachable from Home, in the order of its tiles.
SECTIONS: tuple[str, ...] = ("themes", "achievements", "zone", "beijing", "voices")

#: Overview pages one tap from Home besides the tiles (the forum at large).
OVERVIEWS: tuple[str, ...] = ("about",)

#: Item page kind → the section it belongs to.
ITEM_SECTION = {
    "theme": "themes",
    "achievement": "achievements",
    "voice": "voices",
    "zone-area": "zone",
    "zone-innovation": "zone",
}


def _groups(content: Content) -> dict[str, list[Route]]:
    themes = sorted(content.themes, key=lambda t: t.number)
    innovations = sorted(content.zone.innovations, key=lambda i: i.number)
    return {
        "theme": [Route("theme", t.id) for t in themes],
        "achievement": [Route("achievement", a.id) for a in content.achievements],
        "voice": [Route("voice", v.id) for v in content.voices],
        "zone-area": [Route("zone-area", a.id) for a in content.zone.areas],
        "zone-innovation": [Route("zone-innovation", i.id) for i in innovations],
    }


def siblings_for(content: Content) -> Callable[[Route], list[Route]]:
    """A function giving the swipe siblings of a route (its group), for :class:`Navigation`."""
    groups = _groups(content)

    def siblings(route: Route) -> list[Route]:
        return groups.get(route.page, [])

    return siblings


def all_routes(content: Content) -> list[Route]:
    """Every screen of the kiosk, in a sensible reading order."""
    routes = [ATTRACT, HOME, *(Route(page) for page in OVERVIEWS)]
    groups = _groups(content)
    item_pages = {
        section: [k for k, v in ITEM_SECTION.items() if v == section] for section in SECTIONS
    }
    for section in SECTIONS:
        routes.append(Route(section))
        for kind in item_pages[section]:
            routes.extend(groups[kind])
    return routes
