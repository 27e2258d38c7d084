"""Section pages: the forum, its themes, achievements, voices, Beijing in figures and the zone."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtWidgets import QWidget

from kiosk.content import Figure, Text
from kiosk.model.navigation import Route
from kiosk.model.pages import Kind
from kiosk.ui import a11y
from kiosk.ui.chips import Chips
from kiosk.ui.figures import FigureWall, build_in_parts
from kiosk.ui.fmt import figure_with_unit
from kiosk.ui.labels import label
from kiosk.ui.pages.base import PageContext, ScrollPage
from kiosk.ui.quotes import first_sentence
from kiosk.ui.tokens import SIZE, SPACE
from kiosk.ui.widgets import Card
from kiosk.ui.zone import SitePlan, SpectrumDiagram, Timeline

#: A theme card shows up to this many lines of its summary (shortened at a sentence or a phrase).
THEME_LINES = 8


def _columns(ctx: PageContext, landscape: int) -> int:
    return ctx.columns(landscape)


class SectionPage(ScrollPage):
    """One section: a grid of cards, each opening its item page, or a designed overview."""

    def __init__(self, ctx: PageContext, route: Route, parent: QWidget | None = None):
        super().__init__(ctx, route, parent)
        self.walls: list[FigureWall] = []
        self.build_later(self._build())

    def build(self) -> Iterator[None] | None:
        """Fill the page (each section's page class does), yielding between its parts."""
        raise NotImplementedError

    def _build(self) -> Iterator[None]:
        parts = self.build()
        if parts is not None:
            yield from parts
        self.finish()

    # -- pieces --------------------------------------------------------------------------------

    def t(self, text: Text) -> str:
        return text.get(self.ctx.lang)

    def _header(self, title: str, summary: str = "", eyebrow: str = "") -> None:
        if eyebrow:
            self.head.addWidget(label(eyebrow, "eyebrow"))
        self.heading = a11y.heading(label(title, "title"))
        self.head.addWidget(self.heading)
        if summary:
            self.lead(summary)
        self.head.addSpacing(self.ctx.px(SPACE.s))

    def _heading(self, text: str) -> None:
        self.column.addSpacing(self.ctx.px(SPACE.m))
        self.column.addWidget(label(text, "heading"))

    def _chips(self, heading: str, items: Sequence[Text]) -> None:
        if items:
            self._heading(heading)
            self.column.addWidget(
                Chips([self.t(i) for i in items], self.ctx.factor, theme=self.ctx.theme)
            )

    def _wall(self, figures: Sequence[Figure]) -> Iterator[None]:
        """A wall of *figures* at the end of the column, a tile a part."""
        if not figures:
            return
        ctx = self.ctx
        wall = FigureWall(list(figures), ctx.lang, ctx.factor, theme=ctx.theme, whole=False)
        self.walls.append(wall)
        yield from build_in_parts(wall, self.column, self.scroll_area)

    def _card(
        self,
        route: Route,
        title: str,
        *,
        text: str = "",
        eyebrow: str = "",
        icon: str | None = None,
        figure: str = "",
        quote: str = "",
        text_lines: int = 3,
    ) -> Card:
        card = Card(
            title,
            self.ctx.factor,
            theme=self.ctx.theme,
            text=text,
            eyebrow=eyebrow,
            icon=icon,
            figure=figure,
            quote=quote,
            text_lines=text_lines,
        )
        card.setMinimumHeight(self.ctx.px(SIZE.card_min))
        self.ctx.link(card, route)
        return card


class AboutPage(SectionPage):
    """The forum at large: its name, figures, co-hosts, parts and report."""

    def build(self) -> Iterator[None]:
        ctx = self.ctx
        forum = ctx.content.forum
        self._header(self.t(forum.name), self.t(forum.summary), self.t(forum.headline))
        yield
        yield from self._wall(forum.figures)
        yield
        self._heading(f"{self.t(forum.theme)}  ·  {self.t(forum.dates)}  ·  {self.t(forum.city)}")
        self._chips(ctx.ui("about.cohosts"), forum.cohosts)
        yield
        self._chips(ctx.ui("about.parts"), forum.parts)
        yield
        self._heading(ctx.ui("about.report"))
        self.column.addWidget(label(self.t(forum.report_title), "lead"))
        self.column.addWidget(
            label(f"{self.t(forum.publication)}  ·  {self.t(forum.reporters)}", "muted")
        )
        self.column.addWidget(label(self.t(forum.editor_note), "body"))


class ThemesPage(SectionPage):
    """The forum's themes, one card each, and the way to the forum at large."""

    def build(self) -> Iterator[None]:
        ctx, lang = self.ctx, self.ctx.lang
        forum = ctx.content.forum
        self._header(ctx.ui("section.themes"), forum.theme.get(lang))
        yield
        cards = (
            self._card(
                Route(Kind.THEME, t.id),
                t.title.get(lang),
                eyebrow=f"{t.number:02d}",
                icon=t.icon or "mdi6.forum-outline",
                text=t.summary.get(lang),
                text_lines=THEME_LINES,
            )
            for t in sorted(ctx.content.themes, key=lambda t: t.number)
        )
        yield from self.grid_in_rows(cards, ctx.columns(3, card=520))  # long titles: wider cards
        yield
        about = self._card(
            Route(Kind.ABOUT),
            ctx.ui("about.title"),
            text=self.t(forum.summary),
            icon="mdi6.information-outline",
        )
        about.setMinimumHeight(0)
        self._heading(ctx.ui("about.title"))
        self.grid([about], 1)


class AchievementsPage(SectionPage):
    """The achievements released, one card each."""

    def build(self) -> Iterator[None]:
        ctx = self.ctx
        self._header(ctx.ui("section.achievements"), ctx.ui("section.achievements.hint"))
        yield
        yield from self.grid_in_rows(self._cards(), _columns(ctx, 3))

    def _cards(self) -> Iterator[Card]:
        ctx, lang = self.ctx, self.ctx.lang
        for a in ctx.content.achievements:
            figure = figure_with_unit(a.key_figure, lang) if a.key_figure else ""
            yield self._card(
                Route(Kind.ACHIEVEMENT, a.id),
                a.title.get(lang),
                eyebrow=a.category.get(lang),
                icon=a.icon or "mdi6.rocket-launch-outline",
                figure=figure,
                # Without a figure, what it is fills the card (no empty band above the title).
                text="" if figure or a.what is None else a.what.get(lang),
                text_lines=2,
            )


class VoicesPage(SectionPage):
    """What speakers said, one card per speaker."""

    def build(self) -> Iterator[None]:
        ctx, lang = self.ctx, self.ctx.lang
        self._header(ctx.ui("section.voices"), ctx.ui("section.voices.hint"))
        yield
        cards = (
            self._card(
                Route(Kind.VOICE, v.id),
                ctx.name(v.name),
                icon="mdi6.format-quote-open",
                text=v.role.get(lang),
                quote=first_sentence(v.quote.get(lang)),
            )
            for v in ctx.content.voices
        )
        yield from self.grid_in_rows(cards, _columns(ctx, 3))


class BeijingPage(SectionPage):
    """Beijing in figures: a wall of numbers and lists of benchmarks."""

    def build(self) -> Iterator[None]:
        ctx = self.ctx
        beijing = ctx.content.beijing
        self._header(self.t(beijing.title), self.t(beijing.summary))
        self.column.addWidget(label(ctx.ui("beijing.tap_hint"), "caption"))
        yield
        yield from self._wall(beijing.figures)
        yield
        self._chips(ctx.ui("beijing.benchmarks"), beijing.benchmark_cities)
        for item_list in beijing.lists:
            yield
            self._chips(self.t(item_list.title), item_list.items)


class ZonePage(SectionPage):
    """The bonded zone: its site plan, innovations, spectrum and timeline."""

    def build(self) -> Iterator[None]:
        ctx = self.ctx
        zone = ctx.content.zone
        self._header(self.t(zone.name), self.t(zone.tagline), self.t(zone.location))
        yield
        plan = self.plan = SitePlan(zone, ctx.lang, ctx.factor, theme=ctx.theme)
        plan.area_pressed.connect(lambda area_id: ctx.nav.expect(Route(Kind.ZONE_AREA, area_id)))
        plan.area_tapped.connect(lambda area_id: ctx.go(Route(Kind.ZONE_AREA, area_id)))
        self.column.addWidget(label(ctx.ui("zone.plan_hint"), "caption"))
        self.column.addWidget(plan)
        # The whole plan on the first screen: it takes no more than the height left under the
        # heading (followed as the viewport or the heading's place changes).
        self.scroll_area.viewport().installEventFilter(self)
        plan.installEventFilter(self)
        yield
        self.column.addWidget(label(self.t(zone.summary), "lead"))
        yield from self._wall(zone.figures)
        yield
        self._heading(ctx.ui("zone.innovations"))
        innovations = (
            self._card(
                Route(Kind.ZONE_INNOVATION, i.id),
                self.t(i.title),
                eyebrow=f"{i.number:02d}",
                icon="mdi6.lightbulb-on-outline",
                text=self.t(i.summary),
            )
            for i in sorted(zone.innovations, key=lambda i: i.number)
        )
        yield from self.grid_in_rows(innovations, _columns(ctx, 3))
        yield
        self._heading(self.t(zone.spectrum.title))
        self.column.addWidget(label(self.t(zone.spectrum.summary), "body"))
        self.column.addWidget(SpectrumDiagram(zone.spectrum, ctx.lang, ctx.factor, theme=ctx.theme))
        yield
        self._heading(ctx.ui("zone.timeline"))
        self.column.addWidget(Timeline(zone.timeline, ctx.lang, ctx.factor, theme=ctx.theme))
        yield
        self._heading(ctx.ui("zone.about"))
        for paragraph in zone.body:
            self.column.addWidget(label(self.t(paragraph), "body"))
        self._heading(ctx.ui("zone.next"))
        self.column.addWidget(label(self.t(zone.next_steps), "body"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self._fit_plan()
        return False

    def _fit_plan(self) -> None:
        """Let the site plan take at most the viewport's height under its top edge; when that
        would make it too small to read (large text, low reach), the visitor scrolls instead."""
        top = self.plan.mapTo(self.inner, QPoint(0, 0)).y()
        room = self.scroll_area.viewport().height() - top - self.ctx.px(SPACE.m)
        self.plan.fit_within(room if room >= self.ctx.px(SIZE.plan_fit) else 0)
