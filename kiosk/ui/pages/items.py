"""Item pages: one theme, achievement, voice, functional area or innovation, as an article."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content import Figure, Text
from kiosk.content.model import ItemList
from kiosk.core.navigation import Route
from kiosk.ui.pages.base import PageContext, ScrollPage, figure_text
from kiosk.ui.tokens import SPACE
from kiosk.ui.widgets import Card, icon_label, label


class ItemPage(ScrollPage):
    """An article for one item; the page kind picks what is shown."""

    def __init__(self, ctx: PageContext, route: Route, parent: QWidget | None = None):
        super().__init__(ctx, route, parent)
        build = {
            "theme": self._theme,
            "achievement": self._achievement,
            "voice": self._voice,
            "zone-area": self._area,
            "zone-innovation": self._innovation,
        }[route.page]
        assert route.item is not None
        build(route.item)
        self._position()
        self.finish()

    # -- pieces --------------------------------------------------------------------------------

    def t(self, text: Text) -> str:
        return text.get(self.ctx.lang)

    def _head(self, eyebrow: str, title: str, icon: str | None = None) -> None:
        row = QHBoxLayout()
        row.setSpacing(self.ctx.px(SPACE.m))
        if icon:
            row.addWidget(icon_label(icon, self.ctx.px(72)))
        box = QVBoxLayout()
        box.setSpacing(0)
        if eyebrow:
            box.addWidget(label(eyebrow, "eyebrow"))
        box.addWidget(label(title, "title"))
        row.addLayout(box, 1)
        self.column.addLayout(row)

    def _paragraphs(self, heading: str, texts: Sequence[Text], role: str = "body") -> None:
        if not texts:
            return
        if heading:
            self.column.addWidget(label(heading, "heading"))
        for text in texts:
            self.column.addWidget(label(self.t(text), role))

    def _figures(self, figures: Sequence[Figure]) -> None:
        if not figures:
            return
        tiles = []
        for f in figures:
            panel = QWidget()
            panel.setObjectName("panel")
            box = QVBoxLayout(panel)
            pad = self.ctx.px(SPACE.m)
            box.setContentsMargins(pad, pad, pad, pad)
            box.setSpacing(0)
            number = figure_text(f, self.ctx.lang)
            unit = self.t(f.unit) if f.unit else ""
            box.addWidget(label(number, "figure", wrap=False))
            if unit:
                box.addWidget(label(unit, "lead"))
            box.addWidget(label(self.t(f.caption), "caption"))
            box.addStretch(1)
            panel.setAccessibleName(f"{number} {unit} {self.t(f.caption)}")
            tiles.append(panel)
        self.grid(tiles, 2 if self.ctx.portrait else 3)

    def _lists(self, lists: Sequence[ItemList]) -> None:
        for item_list in lists:
            self.column.addWidget(label(self.t(item_list.title), "heading"))
            sep = "、" if self.ctx.lang == "zh" else " · "
            self.column.addWidget(label(sep.join(self.t(i) for i in item_list.items), "body"))

    def _related(self, heading: str, routes: Sequence[tuple[Route, str, str]]) -> None:
        if not routes:
            return
        self.column.addWidget(label(heading, "heading"))
        cards = []
        for route, title, text in routes:
            card = Card(title, self.ctx.factor, text=text)
            card.setMinimumHeight(self.ctx.px(150))
            card.clicked.connect(lambda _=False, r=route: self.ctx.go(r))
            cards.append(card)
        self.grid(cards, 2 if self.ctx.portrait else 3)

    def _voices(self, ids: Sequence[str]) -> None:
        content = self.ctx.content
        routes = []
        for voice_id in ids:
            v = content.voice(voice_id)
            routes.append((Route("voice", v.id), self._name(v.name), self.t(v.role)))
        self._related(self.ctx.ui("related.voices"), routes)

    def _name(self, name: Text) -> str:
        return name.zh if self.ctx.lang == "zh" else f"{name.en}  {name.zh}"

    def _position(self) -> None:
        group = self.ctx.nav.siblings(self.route)
        if self.route in group and len(group) > 1:
            where = f"{group.index(self.route) + 1} / {len(group)}    {self.ctx.ui('swipe_hint')}"
            self.column.addSpacing(self.ctx.px(SPACE.m))
            self.column.addWidget(label(where, "caption"))

    # -- page kinds ----------------------------------------------------------------------------

    def _theme(self, item: str) -> None:
        content = self.ctx.content
        theme = content.theme(item)
        self._head(
            f"{self.ctx.ui('section.themes')} {theme.number:02d}", self.t(theme.title), theme.icon
        )
        self.column.addWidget(label(self.t(theme.summary), "lead"))
        self._figures(theme.figures)
        self._paragraphs("", theme.body)
        self._lists(theme.lists)
        related = []
        for achievement_id in theme.achievements:
            a = content.achievement(achievement_id)
            related.append((Route("achievement", a.id), self.t(a.title), self.t(a.category)))
        self._related(self.ctx.ui("related.achievements"), related)
        self._voices(theme.voices)

    def _achievement(self, item: str) -> None:
        a = self.ctx.content.achievement(item)
        self._head(self.t(a.category), self.t(a.title), a.icon)
        figures = ([a.key_figure] if a.key_figure else []) + list(a.figures)
        self._figures(figures)
        self._paragraphs(self.ctx.ui("what"), [a.what], "lead")
        self._paragraphs(self.ctx.ui("who"), [a.who])
        self._paragraphs(self.ctx.ui("why"), [a.why])
        self._paragraphs(self.ctx.ui("details"), a.details)
        self._lists(a.lists)
        self._voices(a.voices)

    def _voice(self, item: str) -> None:
        v = self.ctx.content.voice(item)
        self._head(self.t(v.role), self._name(v.name), "mdi6.format-quote-open")
        heading = self.ctx.ui("voice.paraphrase" if v.paraphrase else "voice.quote")
        self._paragraphs(heading, [v.quote], "quote")
        if v.theme:
            theme = self.ctx.content.theme(v.theme)
            self._related(
                self.ctx.ui("section.themes"),
                [(Route("theme", theme.id), self.t(theme.title), self.t(theme.summary))],
            )

    def _area(self, item: str) -> None:
        zone = self.ctx.content.zone
        area = next(a for a in zone.areas if a.id == item)
        self._head(self.t(zone.short_name), self.t(area.name), area.icon)
        self.column.addWidget(label(self.t(area.summary), "lead"))
        self._paragraphs(self.ctx.ui("zone.what"), [area.what])
        self._paragraphs(self.ctx.ui("zone.who"), [area.who])
        self._paragraphs(self.ctx.ui("zone.link"), [area.link])

    def _innovation(self, item: str) -> None:
        zone = self.ctx.content.zone
        innovation = next(i for i in zone.innovations if i.id == item)
        eyebrow = f"{self.ctx.ui('zone.innovations')} {innovation.number:02d}"
        self._head(eyebrow, self.t(innovation.title), "mdi6.lightbulb-on-outline")
        self.column.addWidget(label(self.t(innovation.summary), "lead"))
        self._paragraphs("", innovation.points)
        if zone.speaker:
            self._voices([zone.speaker])
