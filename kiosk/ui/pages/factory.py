"""Build the page widget for a route."""

from __future__ import annotations

from kiosk.core.navigation import Route
from kiosk.core.routes import ITEM_SECTION, OVERVIEWS, SECTIONS
from kiosk.ui.pages.attract import AttractPage
from kiosk.ui.pages.base import Page, PageContext
from kiosk.ui.pages.home import HomePage
from kiosk.ui.pages.items import ItemPage
from kiosk.ui.pages.sections import SectionPage


def build_page(ctx: PageContext, route: Route, attract_seconds: float = 8.0) -> Page:
    """A new page for *route*; unknown routes show Home rather than fail."""
    if route.page == "attract":
        return AttractPage(ctx, route, seconds=attract_seconds)
    if route.page in SECTIONS or route.page in OVERVIEWS:
        return SectionPage(ctx, route)
    if route.page in ITEM_SECTION and route.item is not None:
        try:
            return ItemPage(ctx, route)
        except (KeyError, StopIteration):
            pass  # the item is gone (content reloaded): fall back to Home
    return HomePage(ctx, Route("home"))
