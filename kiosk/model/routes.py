"""Which screens exist for a given content, and which of them are siblings (paged by a swipe).

All of it derives from the page registry (:mod:`kiosk.model.pages`).
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.content import Content
from kiosk.model.navigation import ATTRACT, HOME, Route
from kiosk.model.pages import Kind, Role, with_role

#: The sections reachable from Home, in the order of its tiles.
SECTIONS: tuple[Kind, ...] = tuple(entry.kind for entry in with_role(Role.SECTION))

#: Overview pages one tap from Home besides the tiles (the forum at large).
OVERVIEWS: tuple[Kind, ...] = tuple(entry.kind for entry in with_role(Role.OVERVIEW))

#: Item page kind → the section it belongs to.
ITEM_SECTION: dict[Kind, Kind] = {
    entry.kind: entry.section for entry in with_role(Role.ITEM) if entry.section is not None
}


def _groups(content: Content) -> dict[Kind, list[Route]]:
    """Item page kind → its routes in *content*, in swipe order."""
    return {
        entry.kind: [Route(entry.kind, item) for item in entry.item_ids(content)]
        for entry in with_role(Role.ITEM)
    }


def siblings_for(content: Content) -> Callable[[Route], list[Route]]:
    """A function giving the swipe siblings of a route (its group), for :class:`Navigation`."""
    groups: dict[str, list[Route]] = {str(kind): group for kind, group in _groups(content).items()}

    def siblings(route: Route) -> list[Route]:
        return groups.get(route.page, [])

    return siblings


def all_routes(content: Content) -> list[Route]:
    """Every screen of the kiosk, in a sensible reading order."""
    routes = [ATTRACT, HOME, *(Route(page) for page in OVERVIEWS)]
    groups = _groups(content)
    for section in SECTIONS:
        routes.append(Route(section))
        for kind, owner in ITEM_SECTION.items():
            if owner == section:
                routes.extend(groups[kind])
    return routes
