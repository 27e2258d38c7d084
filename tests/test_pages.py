"""The page registry: every route kind declared once, and everything derived from it."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.content import Content
from kiosk.model.navigation import Navigation, Route
from kiosk.model.pages import REGISTRY, Kind, Role, declared, page_kind, where_key, with_role
from kiosk.model.routes import ITEM_SECTION, OVERVIEWS, SECTIONS, all_routes
from kiosk.ui.images import ImageFigure
from kiosk.ui.pages.base import Page, PageContext
from kiosk.ui.pages.factory import _builder, build_page
from kiosk.ui.pages.home import HomePage
from kiosk.ui.strings import SOURCES
from kiosk.ui.tokens import THEME


def test_every_kind_is_declared_once() -> None:
    kinds = [entry.kind for entry in REGISTRY]
    assert sorted(kinds) == sorted(Kind)
    assert len(set(kinds)) == len(kinds)
    for kind in Kind:
        assert declared(kind).kind is kind
    assert page_kind("no-such-page") is None


def test_every_builder_is_a_page_class() -> None:
    for entry in REGISTRY:
        cls = _builder(entry)
        assert isinstance(cls, type) and issubclass(cls, Page), entry.builder


def test_sections_have_a_tile_and_items_a_section() -> None:
    for entry in with_role(Role.SECTION):
        assert entry.icon and entry.section is entry.kind, entry
        assert entry.title in SOURCES and entry.hint in SOURCES, entry
    for entry in with_role(Role.OVERVIEW):
        assert entry.title in SOURCES and entry.section is entry.kind, entry
    for entry in with_role(Role.ITEM):
        assert entry.items is not None, entry
        assert entry.section is not None and declared(entry.section).role is Role.SECTION


def test_the_route_tables_follow_the_registry() -> None:
    assert SECTIONS == ("themes", "achievements", "zone", "beijing", "voices")
    assert OVERVIEWS == ("about",)
    assert ITEM_SECTION["zone-innovation"] == "zone"
    assert set(ITEM_SECTION) == {e.kind for e in with_role(Role.ITEM)}


def test_the_bar_names_the_section_of_a_screen() -> None:
    assert where_key("theme") == "section.themes"
    assert where_key("zone-area") == "section.zone"
    assert where_key("zone") == "section.zone"
    assert where_key("about") == "about.title"
    assert where_key("home") == "" and where_key("attract") == "" and where_key("nope") == ""


def test_every_item_of_the_content_has_a_route(content: Content) -> None:
    routes = set(all_routes(content))
    for entry in with_role(Role.ITEM):
        ids = entry.item_ids(content)
        assert ids, f"no {entry.kind} in the bundled content"
        assert {Route(entry.kind, item) for item in ids} <= routes


@pytest.mark.parametrize(
    "route",
    [
        Route("theme", "no-such-theme"),
        Route("zone-area", "no-such-area"),
        Route("theme"),
        Route("nowhere"),
    ],
)
def test_a_route_that_cannot_be_built_shows_home(
    qtbot: QtBot, content: Content, route: Route
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    ctx = PageContext(content, "en", 0.5, Navigation(), THEME.still())
    page = build_page(ctx, route, parent=parent)
    assert isinstance(page, HomePage) and page.route == Route("home")


def test_each_kind_builds_its_own_page(qtbot: QtBot, content: Content) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    ctx = PageContext(content, "en", 0.5, Navigation(), THEME.still())
    for entry in with_role(Role.ITEM):
        route = Route(entry.kind, entry.item_ids(content)[0])
        page = build_page(ctx, route, parent=parent)
        assert type(page).__name__ == entry.builder.rpartition(":")[2]
        assert page.route == route


@pytest.mark.parametrize("photo", ["photo-vr", None])
def test_home_shows_the_hero_photo_the_content_names(
    qtbot: QtBot, content: Content, photo: str | None
) -> None:
    forum = content.forum._replace(hero_photo=photo)
    ctx = PageContext(
        dataclasses.replace(content, forum=forum), "en", 0.5, Navigation(), THEME.still()
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    page = build_page(ctx, Route("home"), parent=parent)
    shown = [figure.image.src for figure in page.findChildren(ImageFigure)]
    assert shown == ([content.photo(photo).image.src] if photo else [])
