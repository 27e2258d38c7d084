"""The upper part of a page in low reach: the page's reading matter, set as a masthead.

In low reach everything a visitor acts on lies below :data:`kiosk.ui.pages.base.REACH_TOP`; the
band above it holds what is only read: the forum's name in both languages and its dates at the
top, the section's (or item's) icon drawn large and faint behind, and the page's title, set
large, with its lead text at the bottom, just above the controls. :func:`fit` sets the title as
large as the band allows and moves the lead text down into the scrolling column when the band
cannot hold it (small screens, large text).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QIcon, QPainter
from PySide6.QtWidgets import QBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

from kiosk.content import Content, Lang
from kiosk.model.pages import page_kind
from kiosk.ui.icons import icon
from kiosk.ui.labels import label
from kiosk.ui.tokens import Theme

#: The title's roles, largest first: the upper part sets the title as large as it can.
TITLE_ROLES = ("display", "displayLong", "title")

#: How strongly the large icon behind the upper part shows (it is a texture, not a picture).
MARK_OPACITY = 0.07

#: The icon of the upper part when neither the page nor its section names one (the overview).
MARK_FALLBACK = "mdi6.information-outline"


def brand(content: Content, lang: Lang) -> list[QLabel]:
    """The masthead's two lines: the forum's name in both languages, then its dates and city."""
    forum = content.forum
    names = f"{forum.name.zh}  ·  {forum.name.en}"
    when = f"{forum.dates.get(lang)}  ·  {forum.city.get(lang)}"
    lines = [label(names, "muted"), label(when, "muted")]
    for line in lines:
        line.setObjectName("reachBrand")
    return lines


def mark_icon(route_page: str) -> str:
    """The icon of a page's section in the page registry (or :data:`MARK_FALLBACK`)."""
    kind = page_kind(route_page)
    section = page_kind(kind.section) if kind is not None and kind.section else None
    for entry in (kind, section):
        if entry is not None and entry.icon:
            return entry.icon
    return MARK_FALLBACK


def mark(name: str, theme: Theme) -> QIcon | None:
    """The icon *name* for the faint mark behind the upper part, in the accent colour (none in
    high contrast, whose surfaces carry no tints)."""
    return None if theme.flat else icon(name, QColor(theme.palette.accent).name())


def paint_mark(painter: QPainter, area: QRect, mark: QIcon) -> None:
    """*mark* (see :func:`mark`) drawn large and faint at the right of *area*."""
    if area.height() <= 0:
        return
    side = min(round(area.height() * 0.8), round(area.width() * 0.34))
    x = area.right() - side - area.width() // 40
    y = area.top() + (area.height() - side) // 2
    painter.save()
    painter.setOpacity(MARK_OPACITY)
    mark.paint(painter, QRect(x, y, side, side))
    painter.restore()


def _set_role(widget: QLabel, role: str) -> None:
    if widget.property("role") != role:
        widget.setProperty("role", role)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def _invalidate(layout: QLayout) -> None:
    """Forgets the sizes *layout* and the layouts in it computed (nested ones keep theirs)."""
    layout.invalidate()
    for i in range(layout.count()):
        item = layout.itemAt(i)
        inner = item.layout() if item is not None else None
        if inner is not None:
            _invalidate(inner)


def _fits(head: QWidget, width: int, band: int) -> bool:
    layout = head.layout()
    assert layout is not None
    _invalidate(layout)
    return layout.totalHeightForWidth(width) <= band


def fit(
    head: QWidget,
    width: int,
    band: int,
    titles: Sequence[QLabel],
    leads: list[QLabel],
    column: QVBoxLayout,
) -> None:
    """Sets *titles* as large as *band* (the height of the upper part, *width* wide) allows
    with the *leads* in it; when even the smallest title leaves no room, moves the *leads* to
    the top of *column* (for good: *leads* is emptied) and tries again; as a last resort hides
    the brand line."""
    lines = head.findChildren(QLabel, "reachBrand")
    for line in lines:
        line.setHidden(False)
    for role in TITLE_ROLES:
        for title in titles:
            _set_role(title, role)
        if _fits(head, width, band):
            return
    if leads:
        layout = head.layout()
        assert isinstance(layout, QBoxLayout)
        for i, lead in enumerate(leads):
            layout.removeWidget(lead)
            column.insertWidget(i, lead)
        leads.clear()
        fit(head, width, band, titles, leads, column)
        return
    for line in lines:
        line.setHidden(True)


def titles_in(head: QWidget) -> list[QLabel]:
    """The labels in *head* styled as a page title (the ones :func:`fit` sets larger)."""
    return [widget for widget in head.findChildren(QLabel) if widget.property("role") == "title"]
