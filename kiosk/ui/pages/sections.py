"""Section pages: the list of themes, achievements, voices, Beijing figures and the zone."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.core.navigation import Route
from kiosk.ui.pages.base import PageContext, ScrollPage, figure_text
from kiosk.ui.tokens import SPACE
from kiosk.ui.widgets import Card, label


def _header(page: ScrollPage, title: str, summary: str = "") -> None:
    page.column.addWidget(label(title, "title"))
    if summary:
        page.column.addWidget(label(summary, "muted"))
    page.column.addSpacing(page.ctx.px(SPACE.s))


def _columns(ctx: PageContext, landscape: int) -> int:
    return 2 if ctx.portrait else landscape


class SectionPage(ScrollPage):
    """A grid of cards for one section, each opening its item page."""

    def __init__(self, ctx: PageContext, route: Route, parent: QWidget | None = None):
        super().__init__(ctx, route, parent)
        build = {
            "themes": self._themes,
            "achievements": self._achievements,
            "voices": self._voices,
            "beijing": self._beijing,
            "zone": self._zone,
        }[route.page]
        build()
        self.finish()

    def _card(
        self,
        route: Route,
        title: str,
        *,
        text: str = "",
        eyebrow: str = "",
        icon: str | None = None,
        figure: str = "",
    ) -> Card:
        card = Card(title, self.ctx.factor, text=text, eyebrow=eyebrow, icon=icon, figure=figure)
        card.setMinimumHeight(self.ctx.px(220))
        card.clicked.connect(lambda _=False, r=route: self.ctx.go(r))
        return card

    def _themes(self) -> None:
        ctx, lang = self.ctx, self.ctx.lang
        forum = ctx.content.forum
        _header(self, ctx.ui("section.themes"), forum.theme.get(lang))
        cards = [
            self._card(
                Route("theme", t.id),
                t.title.get(lang),
                eyebrow=f"{t.number:02d}",
                icon=t.icon or "mdi6.forum-outline",
                text=t.summary.get(lang),
            )
            for t in sorted(ctx.content.themes, key=lambda t: t.number)
        ]
        self.grid(cards, _columns(ctx, 3))

    def _achievements(self) -> None:
        ctx, lang = self.ctx, self.ctx.lang
        _header(self, ctx.ui("section.achievements"), ctx.ui("section.achievements.hint"))
        cards = []
        for a in ctx.content.achievements:
            figure = figure_text(a.key_figure, lang) if a.key_figure else ""
            unit = a.key_figure.unit.get(lang) if a.key_figure and a.key_figure.unit else ""
            cards.append(
                self._card(
                    Route("achievement", a.id),
                    a.title.get(lang),
                    eyebrow=a.category.get(lang),
                    icon=a.icon or "mdi6.rocket-launch-outline",
                    figure=f"{figure} {unit}".strip() if figure else "",
                )
            )
        self.grid(cards, _columns(ctx, 3))

    def _voices(self) -> None:
        ctx, lang = self.ctx, self.ctx.lang
        _header(self, ctx.ui("section.voices"), ctx.ui("section.voices.hint"))
        cards = []
        for v in ctx.content.voices:
            name = v.name.get(lang) if lang == "zh" else f"{v.name.en}  {v.name.zh}"
            cards.append(
                self._card(
                    Route("voice", v.id), name, icon="mdi6.format-quote-open", text=v.role.get(lang)
                )
            )
        self.grid(cards, _columns(ctx, 3))

    def _beijing(self) -> None:
        ctx, lang = self.ctx, self.ctx.lang
        beijing = ctx.content.beijing
        _header(self, beijing.title.get(lang), beijing.summary.get(lang))
        tiles = []
        for f in beijing.figures:
            panel = QWidget()
            panel.setObjectName("panel")
            box = QVBoxLayout(panel)
            pad = ctx.px(SPACE.m)
            box.setContentsMargins(pad, pad, pad, pad)
            row = QHBoxLayout()
            row.addWidget(label(figure_text(f, lang), "figure", wrap=False))
            if f.unit:
                row.addWidget(label(f.unit.get(lang), "lead"), 1)
            else:
                row.addStretch(1)
            box.addLayout(row)
            box.addWidget(label(f.caption.get(lang), "body"))
            box.addStretch(1)
            box.addWidget(label(f"{ctx.ui('source')}: {f.source.get(lang)}", "caption"))
            panel.setAccessibleName(f"{figure_text(f, lang)} {f.caption.get(lang)}")
            tiles.append(panel)
        self.grid(tiles, _columns(ctx, 3))

    def _zone(self) -> None:
        ctx, lang = self.ctx, self.ctx.lang
        zone = ctx.content.zone
        _header(self, zone.name.get(lang), zone.tagline.get(lang))
        self.column.addWidget(label(zone.summary.get(lang), "lead"))
        self.column.addWidget(label(ctx.ui("zone.areas"), "heading"))
        areas = [
            self._card(
                Route("zone-area", a.id),
                a.name.get(lang),
                icon=a.icon or "mdi6.office-building-outline",
                text=a.summary.get(lang),
            )
            for a in zone.areas
        ]
        self.grid(areas, _columns(ctx, 3))
        self.column.addWidget(label(ctx.ui("zone.innovations"), "heading"))
        innovations = [
            self._card(
                Route("zone-innovation", i.id),
                i.title.get(lang),
                eyebrow=f"{i.number:02d}",
                text=i.summary.get(lang),
            )
            for i in sorted(zone.innovations, key=lambda i: i.number)
        ]
        self.grid(innovations, _columns(ctx, 3))
        self.column.addWidget(label(ctx.ui("zone.timeline"), "heading"))
        for entry in zone.timeline:
            self.column.addWidget(label(f"{entry.date.get(lang)}  {entry.title.get(lang)}", "lead"))
            self.column.addWidget(label(entry.text.get(lang), "muted"))
        self.column.addWidget(label(zone.spectrum.title.get(lang), "heading"))
        for tier in zone.spectrum.tiers:
            items = (
                "、".join(i.zh for i in tier.items)
                if lang == "zh"
                else ", ".join(i.en for i in tier.items)
            )
            self.column.addWidget(label(f"{tier.label.get(lang)}  {tier.title.get(lang)}", "lead"))
            self.column.addWidget(label(items, "muted"))
