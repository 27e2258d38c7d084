"""The Qt-free navigation model and the routes of the content."""

from __future__ import annotations

from kiosk.content import Content
from kiosk.model.navigation import ATTRACT, HOME, Change, Navigation, Route
from kiosk.model.routes import OVERVIEWS, SECTIONS, all_routes, siblings_for


def test_starts_in_the_attract_loop_and_a_touch_goes_home() -> None:
    nav = Navigation()
    changes: list[Change] = []
    nav.changed.connect(changes.append)
    assert nav.current == ATTRACT and nav.attracting
    nav.home()
    assert nav.stack == [HOME]
    assert changes[-1].direction == "home"


def test_go_back_home_and_reset() -> None:
    nav = Navigation()
    nav.go(Route("themes"))  # from the attract loop, Home goes under it
    assert nav.stack == [HOME, Route("themes")]
    nav.go(Route("theme", "frontier"))
    nav.go(Route("theme", "frontier"))  # the same route twice is one step
    assert len(nav.stack) == 3
    nav.back()
    assert nav.current == Route("themes")
    nav.back()
    nav.back()  # at Home, Back does nothing
    assert nav.stack == [HOME]
    nav.go(Route("voices"))
    nav.home()
    assert nav.stack == [HOME]
    nav.reset()
    assert nav.stack == [ATTRACT]


def test_siblings_page_within_their_group(content: Content) -> None:
    nav = Navigation(siblings=siblings_for(content))
    nav.home()
    nav.go(Route("themes"))
    nav.go(Route("theme", "consensus"))
    assert nav.sibling(-1) is False  # the first theme has no previous one
    assert nav.sibling(1) is True
    assert nav.current == Route("theme", "frontier")
    assert len(nav.stack) == 3  # a swipe replaces, it does not stack up
    nav.go(Route("voices"))
    assert nav.sibling(1) is False  # a section page has no siblings


def test_every_screen_is_at_most_two_taps_from_home(content: Content) -> None:
    routes = all_routes(content)
    assert {Route(s) for s in SECTIONS} <= set(routes)
    for route in routes:
        if route in (ATTRACT, HOME):
            continue
        section = route.page if route.item is None else None
        # A section or overview is one tap from Home; an item is one tap from its section.
        assert section in SECTIONS + OVERVIEWS or route.item is not None
    assert len(routes) == len(set(routes))
    assert Route.parse("theme/frontier") == Route("theme", "frontier")
    assert str(Route("theme", "frontier")) == "theme/frontier"
