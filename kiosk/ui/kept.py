"""The pages the page host keeps hidden for a return visit (Home and the section overviews)."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import Qt

from kiosk.model.navigation import Route
from kiosk.ui.pages.base import Page


def discard(page: Page) -> None:
    """Delete *page* (hidden now, deleted when the turn ends) where it is: taking it out of the
    tree (setParent(None)) would re-polish and re-lay out every widget of it first, for nothing."""
    page.dispose()
    page.hide()
    page.deleteLater()


class KeptPages:
    """Hidden pages by route, each with what it was built for (*context_key*: language, size,
    content …): one is shown again only while that is unchanged. *keep* says which routes'
    pages are kept."""

    def __init__(self, keep: Callable[[Route], bool], context_key: Callable[[], Hashable]):
        self.keep = keep
        self.context_key = context_key
        self._pages: dict[Route, tuple[Page, Hashable]] = {}

    @property
    def routes(self) -> list[Route]:
        return list(self._pages)

    def __contains__(self, route: Route) -> bool:
        return route in self._pages

    def has(self, route: Route) -> bool:
        """A page is kept for *route*, built for what pages are built for now."""
        kept = self._pages.get(route)
        return kept is not None and kept[1] == self.context_key()

    def wants(self, page: Page) -> bool:
        """*page*, being left whole, is one to keep (and none is kept for its route yet)."""
        return self.keep(page.route) and not page.building and page.route not in self._pages

    def add(self, page: Page) -> None:
        page.hide()
        page.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, False)
        self._pages[page.route] = (page, self.context_key())

    def take(self, route: Route) -> tuple[Page | None, Page | None]:
        """The kept page for *route* to show again, and one built for something else (to let
        go)."""
        kept = self._pages.pop(route, None)
        if kept is None:
            return None, None
        page, key = kept
        return (page, None) if key == self.context_key() else (None, page)

    def take_all(self) -> list[Page]:
        pages = [page for page, _ in self._pages.values()]
        self._pages.clear()
        return pages
