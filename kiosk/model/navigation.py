"""The navigation model: one stack of routes decides what is on screen.

Views follow it: they subscribe to :attr:`Navigation.changed` and show the current route. The model
knows nothing of Qt, so tests and the monkey can drive it directly.

The start state is the attract loop, which is not on the stack. A touch on it goes to Home; Home is
the bottom of the stack from then on, so Home and Back are always one tap away.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, NamedTuple

from kiosk.model.events import Emitter

Direction = Literal["forward", "back", "sibling-next", "sibling-previous", "home", "reset"]


class Route(NamedTuple):
    """A screen: a page kind and, for item pages, the item's id."""

    page: str
    item: str | None = None

    def __str__(self) -> str:
        return f"{self.page}/{self.item}" if self.item else self.page

    @classmethod
    def parse(cls, text: str) -> Route:
        page, _, item = text.partition("/")
        return cls(page, item or None)


ATTRACT = Route("attract")
HOME = Route("home")


class Change(NamedTuple):
    """What changed: the new current route and how the visitor got there."""

    route: Route
    direction: Direction
    depth: int


class Navigation:
    """A stack of routes with Home at the bottom, or the attract loop on its own.

    The stack changes only through the methods below, which emit :attr:`changed`; :attr:`stack`
    is a copy for reading.

    Args:
        siblings: the ordered routes among which *route* can be paged by a swipe (or ``[]``).
    """

    def __init__(self, siblings: Callable[[Route], list[Route]] | None = None) -> None:
        self._siblings: Callable[[Route], list[Route]] = siblings or (lambda route: [])
        self._stack: list[Route] = [ATTRACT]
        self.changed: Emitter[Change] = Emitter()
        #: A route a visitor is about to open (see :meth:`expect`).
        self.expected: Emitter[Route] = Emitter()

    def __repr__(self) -> str:
        return f"Navigation({' > '.join(map(str, self._stack))})"

    @property
    def stack(self) -> list[Route]:
        """The routes from the bottom (Home) to the current one (a copy)."""
        return list(self._stack)

    def siblings(self, route: Route) -> list[Route]:
        """The routes among which *route* is paged by a swipe (``[]`` for none)."""
        return self._siblings(route)

    @property
    def current(self) -> Route:
        return self._stack[-1]

    @property
    def depth(self) -> int:
        """How many routes are on the stack (1 at Home and in the attract loop)."""
        return len(self._stack)

    @property
    def attracting(self) -> bool:
        return self.current == ATTRACT

    def _emit(self, direction: Direction) -> None:
        self.changed.emit(Change(self.current, direction, len(self._stack)))

    def expect(self, route: Route) -> None:
        """A visitor's finger is down on something that opens *route* when lifted: views may get
        it ready meanwhile (nothing changes; nothing is emitted for the current route)."""
        if route != self.current:
            self.expected.emit(route)

    def expect_sibling(self, step: int) -> None:
        """As :meth:`expect`, for the current route's neighbour *step* places away, if any."""
        route = self.neighbour(step)
        if route is not None:
            self.expected.emit(route)

    def neighbour(self, step: int) -> Route | None:
        """The current route's neighbour *step* places away among its siblings, or None."""
        group = self.siblings(self.current)
        if self.current not in group:
            return None
        index = group.index(self.current) + step
        return group[index] if 0 <= index < len(group) else None

    def go(self, route: Route) -> None:
        """Open *route* on top of the current one (nothing happens if it is already shown)."""
        if route == self.current:
            return
        if route in (HOME, ATTRACT):
            self.home() if route == HOME else self.reset()
            return
        if self.attracting:
            self._stack = [HOME]
        self._stack.append(route)
        self._emit("forward")

    def back(self) -> None:
        """Go one step back; at Home nothing happens."""
        if len(self._stack) > 1:
            self._stack.pop()
            self._emit("back")

    def home(self) -> None:
        """Go straight to Home (from the attract loop too)."""
        if self._stack == [HOME]:
            return
        self._stack = [HOME]
        self._emit("home")

    def reset(self) -> None:
        """Back to the start state: the attract loop."""
        if self._stack == [ATTRACT]:
            return
        self._stack = [ATTRACT]
        self._emit("reset")

    def show(self, route: Route) -> None:
        """Show *route* directly, as if just opened from Home (Home and the attract loop alone).

        The change is always emitted, as a ``"reset"`` (for proof sheets and layout checks).
        """
        self._stack = [route] if route in (HOME, ATTRACT) else [HOME, route]
        self._emit("reset")

    def set_siblings(self, siblings: Callable[[Route], list[Route]]) -> None:
        """Page among *siblings* from now on (new content has new groups)."""
        self._siblings = siblings

    def sibling(self, step: int) -> bool:
        """Replace the current route by its neighbour *step* places away; False if there is none."""
        route = self.neighbour(step)
        if route is None:
            return False
        self._stack[-1] = route
        self._emit("sibling-next" if step > 0 else "sibling-previous")
        return True
