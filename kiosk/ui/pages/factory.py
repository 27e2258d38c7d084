"""Build the page widget for a route, from the page registry (:mod:`kiosk.model.pages`).

Page modules are imported when a page of their kind is first built: the first screen, the
attract loop, needs none of the others (nor qtawesome or segno, which they pull in).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from kiosk.model.navigation import HOME, Route
from kiosk.model.pages import REGISTRY, Kind, PageKind, Role, declared, page_kind
from kiosk.ui.pages.base import Page, PageContext


def build_page(
    ctx: PageContext,
    route: Route,
    attract_seconds: float = 8.0,
    parent: QWidget | None = None,
    *,
    in_parts: bool = False,
) -> Page:
    """A new page for *route* (a hidden child of *parent*); unknown routes show Home.

    An item page whose item is not in the content (it was reloaded without it) shows Home too.
    The page is whole, unless *in_parts*: then what it builds in parts is left to
    :meth:`Page.build_part` (the page host's turns).
    """
    entry = _entry(ctx, route)
    if entry is None:
        entry, route = declared(Kind.HOME), HOME
    builder = _builder(entry)
    if entry.kind is Kind.ATTRACT:
        page: Page = builder(ctx, route, seconds=attract_seconds, parent=parent)
        return page
    page = builder(ctx, route, parent)
    if not in_parts:
        page.build_rest()
    return page


def _entry(ctx: PageContext, route: Route) -> PageKind | None:
    """The declaration that builds *route*, or None if it cannot be built."""
    entry = page_kind(route.page)
    if entry is None:
        return None
    if entry.role is not Role.ITEM:
        return entry
    return entry if route.item in entry.item_ids(ctx.content) else None


def _builder(entry: PageKind) -> Callable[..., Page]:
    """The page class of *entry*, imported now if it was not yet."""
    module, _, name = entry.builder.partition(":")
    cls = getattr(importlib.import_module(module), name)
    if not (isinstance(cls, type) and issubclass(cls, Page)):
        raise TypeError(f"{entry.builder} (the builder of {entry.kind!r}) is not a page class")
    return cls


def warm_up() -> None:
    """Import every page module now (after the first frame), so the first touch is quick; the
    QR encoder too (its import alone took 65 ms of the first item page's turn)."""
    from kiosk.ui import icons, qr

    for entry in REGISTRY:
        if entry.kind is not Kind.ATTRACT:
            _builder(entry)
    icons.warm_up()
    qr.warm_up()
