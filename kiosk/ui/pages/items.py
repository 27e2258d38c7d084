"""Item pages: one theme, achievement, voice, functional area or innovation, as an article."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content import Figure, Text
from kiosk.content.model import ItemList
from kiosk.model.navigation import Route
from kiosk.model.pages import Kind
from kiosk.ui import a11y
from kiosk.ui.chips import Chips
from kiosk.ui.figures import FigureTile, FigureWall, build_in_parts
from kiosk.ui.images import ImageFigure
from kiosk.ui.labels import label
from kiosk.ui.pages.base import PageContext, ScrollPage
from kiosk.ui.pictures import field_picture
from kiosk.ui.qr import QrBadge
from kiosk.ui.separated import SeparatedLabel
from kiosk.ui.tokens import SIZE, SPACE
from kiosk.ui.widgets import Card, TapButton, icon_label
from kiosk.ui.zone import SitePlan

#: A card to a related item: where it leads, its title, its text and its icon.
Related = tuple[Route, str, str, str | None]

#: Where "scan to read more" leads when the content names no page of its own.
_FALLBACK_URL = "https://www.zgcforum.com"


class ItemPage(ScrollPage):
    """An article for one item; the page kind picks what is shown."""

    def __init__(self, ctx: PageContext, route: Route, parent: QWidget | None = None):
        super().__init__(ctx, route, parent)
        self.walls: list[FigureWall] = []
        self.hero_tile: FigureTile | None = None
        #: The drawing that stands in for a key figure (a field's picture, an area's plan).
        self.picture: QWidget | None = None
        self.previous: TapButton | None = None
        self.next: TapButton | None = None
        if route.item is None:
            raise ValueError(f"{route}: an item page needs an item")
        self.build_later(self._build(route.item))

    def build(self, item: str) -> Iterator[None] | None:
        """Fill the page for *item* (each page kind's class does), yielding between its parts."""
        raise NotImplementedError

    def _build(self, item: str) -> Iterator[None]:
        self._pager()
        yield
        parts = self.build(item)
        if parts is not None:
            yield from parts
        yield
        self._footer()
        self.finish()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.hero_tile is not None:
            self.hero_tile.start_count()

    # -- pieces --------------------------------------------------------------------------------

    def t(self, text: Text) -> str:
        return text.get(self.ctx.lang)

    def _head(self, eyebrow: str, title: str, icon: str | None = None) -> None:
        row = QHBoxLayout()
        row.setSpacing(self.ctx.px(SPACE.m))
        if icon:
            self.head_icon = icon
            row.addWidget(
                icon_label(icon, self.ctx.px(SIZE.icon_l), self.ctx.theme.palette.accent),
                0,
                Qt.AlignmentFlag.AlignTop,
            )
        box = QVBoxLayout()
        box.setSpacing(self.ctx.px(SPACE.xs))
        if eyebrow:
            box.addWidget(label(eyebrow, "eyebrow"))
        self.heading = a11y.heading(label(title, "title"))
        box.addWidget(self.heading)
        row.addLayout(box, 1)
        self.head.addLayout(row)

    def _paragraphs(
        self,
        heading: str,
        texts: Sequence[Text],
        role: str = "body",
        into: QVBoxLayout | None = None,
    ) -> None:
        column = into if into is not None else self.column
        if not texts:
            return
        if heading:
            column.addWidget(label(heading, "heading"))
        for text in texts:
            column.addWidget(label(self.t(text), role))

    def _wall(self, figures: Sequence[Figure]) -> Iterator[None]:
        if figures:  # a tile a part
            ctx = self.ctx
            wall = FigureWall(list(figures), ctx.lang, ctx.factor, theme=ctx.theme, whole=False)
            self.walls.append(wall)
            yield from build_in_parts(wall, self.column, self.scroll_area)

    def _lists(self, lists: Sequence[ItemList]) -> None:
        for item_list in lists:
            self.column.addWidget(label(self.t(item_list.title), "heading"))
            self.column.addWidget(
                Chips([self.t(i) for i in item_list.items], self.ctx.factor, theme=self.ctx.theme)
            )

    def _related(self, heading: str, routes: Sequence[Related]) -> Iterator[None]:
        """Cards to the items *routes* lead to under *heading*, a row of cards a part."""
        if routes:
            self.column.addWidget(label(heading, "heading"))
            yield from self.grid_in_rows(map(self._card, routes), self.ctx.columns(3))

    def _card(self, related: Related) -> Card:
        route, title, text, icon = related
        ctx = self.ctx
        card = Card(title, ctx.factor, theme=ctx.theme, text=text, icon=icon, text_lines=2)
        ctx.link(card, route)
        return card

    def _voices(self, ids: Sequence[str]) -> Iterator[None]:
        voices = [self.ctx.content.voice(voice_id) for voice_id in ids]
        quote = "mdi6.format-quote-open"
        routes = [
            (Route(Kind.VOICE, v.id), self.ctx.name(v.name), self.t(v.role), quote) for v in voices
        ]
        yield from self._related(self.ctx.ui("related.voices"), routes)

    def _photos(self, theme_id: str) -> None:
        photos = [p for p in self.ctx.content.photos if p.theme == theme_id]
        if not photos:
            return
        grid = QGridLayout()
        grid.setSpacing(self.ctx.px(SPACE.l))
        columns = 1 if self.ctx.portrait else 2
        for i, photo in enumerate(photos):
            figure = ImageFigure(
                photo.image,
                self.ctx.lang,
                self.ctx.factor,
                self.ctx.content.folder,
                photo.stand_in,
                theme=self.ctx.theme,
            )
            grid.addWidget(figure, i // columns, i % columns)
        for c in range(columns):
            grid.setColumnStretch(c, 1)
        self.column.addSpacing(self.ctx.px(SPACE.m))
        self.column.addLayout(grid)

    def _pager(self) -> None:
        """At the top: Previous, where the item stands among its siblings (swipe), Next."""
        group = self.ctx.nav.siblings(self.route)
        if self.route not in group or len(group) < 2:
            return
        index = group.index(self.route)
        row = QHBoxLayout()
        row.setSpacing(self.ctx.px(SPACE.m))
        buttons = []
        for key, icon, step in (
            ("item.previous", "mdi6.arrow-left", -1),
            ("item.next", "mdi6.arrow-right", 1),
        ):
            button = TapButton(self.ctx.ui(key), self.ctx.factor, icon, "bar", theme=self.ctx.theme)
            button.setEnabled(0 <= index + step < len(group))
            button.pressed.connect(lambda s=step: self.ctx.nav.expect_sibling(s))
            button.clicked.connect(lambda _=False, s=step: self.ctx.nav.sibling(s))
            buttons.append(button)
        self.previous, self.next = buttons
        # It wraps, so that the buttons keep their labels: a part a line, never inside "Swipe
        # to browse" or "左右滑动切换".
        count, swipe = f"{index + 1} / {len(group)}", self.ctx.ui("swipe_hint")
        hint = SeparatedLabel([count, swipe], "   ·   ", "caption")
        row.addWidget(self.previous)
        row.addWidget(hint, 1)
        row.addWidget(self.next)
        self.column.addLayout(row)

    def _footer(self) -> None:
        """A QR code to read more at home."""
        row = QHBoxLayout()
        row.addStretch(1)
        url = self.ctx.content.forum.website or _FALLBACK_URL
        row.addWidget(
            QrBadge(url, self.ctx.ui("qr.caption"), self.ctx.factor, theme=self.ctx.theme)
        )
        self.column.addSpacing(self.ctx.px(SPACE.l))
        self.column.addLayout(row)

    def _hero(
        self,
        figure: Figure | None,
        blocks: Sequence[tuple[str, Text, str]],
        picture: QWidget | None = None,
    ) -> None:
        """The key number large beside what / who / why (stacked in portrait).

        Without a number, a *picture* (a drawing of the item) stands in its place; without
        either, the text takes the whole width.
        """
        beside = not self.ctx.portrait and (figure is not None or picture is not None)
        row = QHBoxLayout() if beside else QVBoxLayout()
        row.setSpacing(self.ctx.px(SPACE.l))
        if figure is None and picture is not None:
            row.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
            self.picture = picture
        if figure is not None:
            tile = FigureTile(figure, self.ctx.lang, self.ctx.factor, theme=self.ctx.theme)
            tile.setMinimumWidth(self.ctx.px(SIZE.hero_width))
            row.addWidget(tile, 0, Qt.AlignmentFlag.AlignTop)
            self.hero_tile = tile
            if self.isVisible():  # built on a page already shown (in parts)
                tile.start_count()
        text = QVBoxLayout()
        text.setSpacing(self.ctx.px(SPACE.xs))
        for heading, body, role in blocks:
            self._paragraphs(heading, [body], role, into=text)
        text.addStretch(1)
        row.addLayout(text, 1)
        self.column.addLayout(row)

    def _field_picture(self, icon: str | None) -> QLabel:
        """A drawing of the item's field (beside the text; above it, full width, in portrait)."""
        ctx = self.ctx
        width = ctx.px(SIZE.hero_width)
        height = round(width * 0.62)
        if ctx.portrait:
            width = ctx.width - 2 * ctx.px(SPACE.xl)
        picture = QLabel()
        picture.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        picture.setPixmap(field_picture(icon, width, height, ctx.theme))
        picture.setFixedSize(width, height)
        a11y.decorative(picture)  # the eyebrow above names the field
        return picture


class ThemePage(ItemPage):
    """One theme: its summary, figures, body, photos and related items."""

    def build(self, item: str) -> Iterator[None]:
        content = self.ctx.content
        theme = content.theme(item)
        eyebrow = f"{self.ctx.ui('section.themes')} {theme.number:02d}"
        self._head(eyebrow, self.t(theme.title), theme.icon)
        self.lead(self.t(theme.summary))
        yield
        yield from self._wall(theme.figures)
        yield
        for i in range(0, len(theme.body), 2):  # two paragraphs a part, a list a part
            self._paragraphs("", theme.body[i : i + 2])
            yield
        for item_list in theme.lists:
            self._lists([item_list])
            yield
        self._photos(theme.id)
        yield
        related = []
        for achievement_id in theme.achievements:
            a = content.achievement(achievement_id)
            related.append(
                (Route(Kind.ACHIEVEMENT, a.id), self.t(a.title), self.t(a.category), a.icon)
            )
        yield from self._related(self.ctx.ui("related.achievements"), related)
        yield
        yield from self._voices(theme.voices)


class AchievementPage(ItemPage):
    """One achievement: its key figure beside what, who and why."""

    def build(self, item: str) -> Iterator[None]:
        ui = self.ctx.ui
        a = self.ctx.content.achievement(item)
        self._head(self.t(a.category), self.t(a.title), a.icon)
        yield
        # Only the sections the content gives this achievement (none is answered with filler).
        sections = [("what", a.what, "lead"), ("who", a.who, "body"), ("why", a.why, "body")]
        blocks = [(ui(key), text, role) for key, text, role in sections if text is not None]
        details = list(a.details)
        if not blocks and details:  # nothing of its own to say: the details stand beside it
            blocks = [(ui("details") if i == 0 else "", d, "body") for i, d in enumerate(details)]
            details = []
        picture = None if a.key_figure else self._field_picture(a.icon)
        self._hero(a.key_figure, blocks, picture=picture)
        yield
        yield from self._wall(a.figures)
        yield
        self._paragraphs(ui("details"), details)
        yield
        for item_list in a.lists:
            self._lists([item_list])
            yield
        yield from self._voices(a.voices)
        theme = self.ctx.content.theme(a.theme)
        yield from self._related(
            ui("section.themes"),
            [(Route(Kind.THEME, theme.id), self.t(theme.title), self.t(theme.summary), theme.icon)],
        )


class VoicePage(ItemPage):
    """One speaker's words, with their name and role."""

    def build(self, item: str) -> Iterator[None]:
        v = self.ctx.content.voice(item)
        heading = self.ctx.ui("voice.paraphrase" if v.paraphrase else "voice.quote")
        self.heading = a11y.heading(label(heading, "eyebrow"))
        self.head.addWidget(self.heading)
        row = QHBoxLayout()
        row.setSpacing(self.ctx.px(SPACE.m))
        row.addWidget(
            icon_label(
                "mdi6.format-quote-open",
                self.ctx.px(SIZE.icon_mark),
                self.ctx.theme.palette.accent,
            ),
            0,
            Qt.AlignmentFlag.AlignTop,
        )
        # The heading says whose words these are (its text on screen first).
        self.heading.setAccessibleName(f"{heading}  ·  {self.ctx.name(v.name)}")
        quote = label(self.t(v.quote), "quote")
        row.addWidget(quote, 1)
        self.head.addLayout(row)
        self.head.addSpacing(self.ctx.px(SPACE.m))
        self.head.addWidget(label(self.ctx.name(v.name), "title"))
        self.head.addWidget(label(self.t(v.role), "muted"))
        if v.theme:
            yield
            theme = self.ctx.content.theme(v.theme)
            yield from self._related(
                self.ctx.ui("section.themes"),
                [
                    (
                        Route(Kind.THEME, theme.id),
                        self.t(theme.title),
                        self.t(theme.summary),
                        theme.icon,
                    )
                ],
            )


class AreaPage(ItemPage):
    """One functional area of the bonded zone."""

    def build(self, item: str) -> Iterator[None]:
        ui = self.ctx.ui
        zone = self.ctx.content.zone
        area = self.ctx.content.area(item)
        self._head(self.t(zone.short_name), self.t(area.name), area.icon)
        self.lead(self.t(area.summary))
        yield
        # Where the area lies: the site plan with this area marked.
        plan = SitePlan(zone, self.ctx.lang, self.ctx.factor, theme=self.ctx.theme, marked=area.id)
        if not self.ctx.portrait:
            plan.setFixedWidth(self.ctx.px(SIZE.plan_min_width))
        self.plan = plan
        self._hero(
            None,
            [
                (ui("zone.what"), area.what, "body"),
                (ui("zone.who"), area.who, "body"),
                (ui("zone.link"), area.link, "body"),
            ],
            picture=plan,
        )


class InnovationPage(ItemPage):
    """One innovation of the bonded zone, point by point."""

    def build(self, item: str) -> Iterator[None]:
        zone = self.ctx.content.zone
        innovation = self.ctx.content.innovation(item)
        eyebrow = f"{self.ctx.ui('zone.innovations')} {innovation.number:02d}"
        self._head(eyebrow, self.t(innovation.title), "mdi6.lightbulb-on-outline")
        self.lead(self.t(innovation.summary))
        yield
        for i in range(0, len(innovation.points), 2):
            self._paragraphs("", innovation.points[i : i + 2])
            yield
        if zone.speaker:
            yield from self._voices([zone.speaker])
