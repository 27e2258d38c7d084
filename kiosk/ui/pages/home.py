"""Home: the forum at a glance and the five sections to explore."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.core.navigation import Route
from kiosk.core.routes import SECTIONS
from kiosk.ui.images import ImageFigure
from kiosk.ui.pages.base import Page, PageContext, figure_text
from kiosk.ui.tokens import SPACE
from kiosk.ui.widgets import Card, TapButton, label

#: The illustration beside the forum's name on Home.
HERO_PHOTO = "photo-exterior"

ICONS = {
    "themes": "mdi6.forum-outline",
    "achievements": "mdi6.rocket-launch-outline",
    "zone": "mdi6.map-marker-radius-outline",
    "beijing": "mdi6.chart-box-outline",
    "voices": "mdi6.account-voice",
}


class HomePage(Page):
    """The hub: name, theme, dates, key figures and large entry tiles."""

    def __init__(self, ctx: PageContext, route: Route, parent: QWidget | None = None):
        super().__init__(ctx, route, parent)
        lang = ctx.lang
        forum = ctx.content.forum
        outer = QVBoxLayout(self)
        side = ctx.px(SPACE.xl * 2 if not ctx.portrait else SPACE.xl)
        outer.setContentsMargins(side, ctx.px(SPACE.xl), side, ctx.px(SPACE.l))
        outer.setSpacing(ctx.px(SPACE.s))
        outer.addStretch(1)
        header = QHBoxLayout()
        header.setSpacing(ctx.px(SPACE.xl))
        text = QVBoxLayout()
        text.setSpacing(ctx.px(SPACE.s))
        text.addWidget(label(forum.name.get(lang), "eyebrow"))
        text.addWidget(label(forum.theme.get(lang), "display"))
        meta = f"{forum.dates.get(lang)}  ·  {forum.city.get(lang)}"
        text.addWidget(label(meta, "lead"))
        text.addWidget(label(forum.headline.get(lang), "muted"))
        about = TapButton(
            ctx.ui("about.title"), ctx.factor, icon="mdi6.information-outline", role="bar"
        )
        about.clicked.connect(lambda: ctx.go(Route("about")))
        text.addWidget(about, 0, Qt.AlignmentFlag.AlignLeft)
        text.addStretch(1)
        header.addLayout(text, 3)
        hero = next((p for p in ctx.content.photos if p.id == HERO_PHOTO), None)
        if hero is not None and not ctx.portrait:
            picture = ImageFigure(
                hero.image, lang, ctx.factor, ctx.content.folder, hero.stand_in, captions=False
            )
            picture.setMaximumWidth(ctx.px(520))
            header.addWidget(picture, 2, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(header)
        outer.addSpacing(ctx.px(SPACE.m))
        figures = QHBoxLayout()
        figures.setSpacing(ctx.px(SPACE.xl))
        for figure in forum.figures[:4]:
            box = QVBoxLayout()
            box.setSpacing(0)
            box.addWidget(label(figure_text(figure, lang), "figure"))
            box.addWidget(label(figure.caption.get(lang), "caption"))
            box.addStretch(1)
            figures.addLayout(box, 1)
        outer.addLayout(figures)
        outer.addStretch(1)
        outer.addWidget(label(ctx.ui("home.explore"), "eyebrow"))
        grid = QGridLayout()
        grid.setSpacing(ctx.px(SPACE.m))
        columns = 2 if ctx.portrait else len(SECTIONS)
        for i, section in enumerate(SECTIONS):
            card = Card(
                ctx.ui(f"section.{section}"),
                ctx.factor,
                text=ctx.ui(f"section.{section}.hint"),
                icon=ICONS[section],
            )
            card.setMinimumHeight(ctx.px(230))
            card.clicked.connect(lambda _=False, s=section: ctx.go(Route(s)))
            span = 2 if ctx.portrait and i == len(SECTIONS) - 1 else 1
            grid.addWidget(card, i // columns, i % columns, 1, span)
        for c in range(columns):
            grid.setColumnStretch(c, 1)
        outer.addLayout(grid)
