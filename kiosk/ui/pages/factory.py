"""Build the page widget for a route.

Page modules are imported when a page of their kind is first built: the first screen, the
attract loop, needs none of the others (nor qtawesome or segno, which they pull in).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.model.navigation import Route
from kiosk.model.routes import ITEM_SECTION, OVERVIEWS, SECTIONS
from kiosk.ui.pages.base import Page, PageContext


def build_page(
    ctx: PageContext, route: Route, attract_seconds: float = 8.0, parent: QWidget | None = None
) -> Page:
    """A new page for *route* (a hidden child of *parent*); unknown routes show Home."""
    if route.page == "attract":
        from kiosk.ui.pages.attract import AttractPage

        return AttractPage(ctx, route, seconds=attract_seconds, parent=parent)
    if route.page in SECTIONS or route.page in OVERVIEWS:
        from kiosk.ui.pages.sections import SectionPage

        return SectionPage(ctx, route, parent)
    if route.page in ITEM_SECTION and route.item is not None:
        from kiosk.ui.pages.items import ItemPage

        try:
            return ItemPage(ctx, route, parent)
        except (KeyError, StopIteration):
            pass  # the item is gone (content reloaded): fall back to Home
    from kiosk.ui.pages.home import HomePage

    return HomePage(ctx, Route("home"), parent)


def warm_up() -> None:
    """Import every page module now (after the first frame), so the first touch is quick."""
    from kiosk.ui import icons
    from kiosk.ui.pages import home, items, sections  # noqa: F401

    icons.warm_up()
