"""Home: the forum at a glance and the five sections to explore."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.model.navigation import Route
from kiosk.model.pages import Kind, Role, with_role
from kiosk.ui import a11y
from kiosk.ui.fmt import figure_text
from kiosk.ui.images import ImageFigure
from kiosk.ui.pages.base import PageContext, ScrollPage
from kiosk.ui.tokens import SIZE, SPACE
from kiosk.ui.widgets import Card, TapButton, label


class HomePage(ScrollPage):
    """The hub: name, theme, dates, key figures and large entry tiles."""

    def __init__(self, ctx: PageContext, route: Route, parent: QWidget | None = None):
        super().__init__(ctx, route, parent)
        lang = ctx.lang
        forum = ctx.content.forum
        # A scroll page: when a large text mode or a small screen makes it too tall, it scrolls
        # rather than squeezing its widgets on top of each other.
        outer = self.column
        side = ctx.px(SPACE.xl * 2 if not ctx.portrait else SPACE.xl)
        outer.setContentsMargins(side, ctx.px(SPACE.l), side, ctx.px(SPACE.m))
        outer.setSpacing(ctx.px(SPACE.s))
        outer.addStretch(1)
        header = QHBoxLayout()
        header.setSpacing(ctx.px(SPACE.xl))
        text = QVBoxLayout()
        text.setSpacing(ctx.px(SPACE.s))
        text.addWidget(label(forum.name.get(lang), "eyebrow"))
        theme = forum.theme.get(lang)
        self.heading = a11y.heading(label(theme, "display" if len(theme) <= 16 else "displayLong"))
        text.addWidget(self.heading)
        meta = f"{forum.dates.get(lang)}  ·  {forum.city.get(lang)}"
        text.addWidget(label(meta, "lead"))
        row = QHBoxLayout()
        row.setSpacing(ctx.px(SPACE.m))
        row.addWidget(label(forum.headline.get(lang), "muted"), 1)
        about = TapButton(
            ctx.ui("about.title"),
            ctx.factor,
            icon="mdi6.information-outline",
            role="bar",
            theme=ctx.theme,
        )
        about.clicked.connect(lambda: ctx.go(Route(Kind.ABOUT)))
        row.addWidget(about)
        text.addLayout(row)
        text.addStretch(1)
        header.addLayout(text, 1)
        hero = ctx.content.photo(forum.hero_photo) if forum.hero_photo else None
        picture = None
        if hero is not None:
            picture = ImageFigure(
                hero.image,
                lang,
                ctx.factor,
                ctx.content.folder,
                hero.stand_in,
                captions=False,
                theme=ctx.theme,
            )
            picture.setFixedWidth(ctx.px(SIZE.picture_width))
            if not ctx.portrait:
                header.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(header)
        if picture is not None and ctx.portrait:
            outer.addSpacing(ctx.px(SPACE.m))
            centred = QHBoxLayout()
            centred.addStretch(1)
            centred.addWidget(picture)
            centred.addStretch(1)
            outer.addLayout(centred)
        outer.addSpacing(ctx.px(SPACE.m))
        figures = QGridLayout()
        figures.setHorizontalSpacing(ctx.px(SPACE.xl))
        figures.setVerticalSpacing(ctx.px(SPACE.m))
        per_row = 2 if ctx.portrait else 4
        for i, figure in enumerate(forum.figures[:4]):
            box = QVBoxLayout()
            box.setSpacing(0)
            box.addWidget(label(figure_text(figure, lang), "figure"))
            box.addWidget(label(figure.caption.get(lang), "caption"))
            box.addStretch(1)
            figures.addLayout(box, i // per_row, i % per_row)
        for c in range(per_row):
            figures.setColumnStretch(c, 1)
        outer.addLayout(figures)
        outer.addStretch(1)
        outer.addWidget(label(ctx.ui("home.explore"), "eyebrow"))
        grid = QGridLayout()
        grid.setSpacing(ctx.px(SPACE.m))
        sections = with_role(Role.SECTION)
        columns = 2 if ctx.portrait else len(sections)
        for i, section in enumerate(sections):
            card = Card(
                ctx.ui(section.title),
                ctx.factor,
                theme=ctx.theme,
                text=ctx.ui(section.hint),
                icon=section.icon,
            )
            card.setMinimumHeight(ctx.px(SIZE.tile_min_portrait if ctx.portrait else SIZE.tile_min))
            card.clicked.connect(lambda _=False, s=section.kind: ctx.go(Route(s)))
            span = 2 if ctx.portrait and i == len(sections) - 1 else 1
            grid.addWidget(card, i // columns, i % columns, 1, span)
        for c in range(columns):
            grid.setColumnStretch(c, 1)
        outer.addLayout(grid)
