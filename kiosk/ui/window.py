"""The kiosk's first window: the forum at a glance, drawn from the content with the bundled font."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content import Content, Lang, Text
from kiosk.ui.tokens import PALETTE, RADII, SPACE, TYPE, scale_for, scaled

#: Entry tiles of the hub: id, icon, title, what a visitor finds there.
_TILES: tuple[tuple[str, str, Text], ...] = (
    ("themes", "mdi6.forum-outline", Text("论坛主题", "Forum themes")),
    ("achievements", "mdi6.rocket-launch-outline", Text("重要成果", "Achievements")),
    ("zone", "mdi6.map-marker-radius-outline", Text("中关村综保区", "Bonded zone")),
    ("beijing", "mdi6.chart-box-outline", Text("数说北京", "Beijing in figures")),
    ("voices", "mdi6.account-voice", Text("嘉宾观点", "Voices")),
)


def _label(text: str, role: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(role)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


class MainWindow(QWidget):
    """A full-window page with the forum's name, theme, dates and the sections to explore."""

    def __init__(self, content: Content, lang: Lang = "zh", parent: QWidget | None = None):
        super().__init__(parent)
        self.content = content
        self.lang: Lang = lang
        self.setObjectName("kioskWindow")
        self.setWindowTitle(content.forum.name.get(lang))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._icons: list[tuple[QLabel, str]] = []
        self._build()
        self._apply_scale(1.0)

    def _tile_caption(self, tile_id: str) -> str:
        c = self.content
        counts = {
            "themes": len(c.themes),
            "achievements": len(c.achievements),
            "zone": len(c.zone.areas),
            "beijing": len(c.beijing.figures),
            "voices": len(c.voices),
        }
        words = {
            "themes": Text("个主题", "threads"),
            "achievements": Text("项成果", "highlights"),
            "zone": Text("个功能区", "functional areas"),
            "beijing": Text("组数据", "key figures"),
            "voices": Text("位嘉宾", "speakers"),
        }
        sep = "" if self.lang == "zh" else " "
        return f"{counts[tile_id]}{sep}{words[tile_id].get(self.lang)}"

    def _build(self) -> None:
        lang = self.lang
        forum = self.content.forum
        outer = QVBoxLayout(self)
        self._outer = outer
        outer.addStretch(2)
        outer.addWidget(_label(forum.name.get(lang), "eyebrow", self))
        outer.addWidget(_label(forum.theme.get(lang), "display", self))
        meta = f"{forum.dates.get(lang)} · {forum.city.get(lang)}"
        outer.addWidget(_label(meta, "lead", self))
        outer.addWidget(_label(forum.headline.get(lang), "muted", self))
        outer.addStretch(1)
        figures = QHBoxLayout()
        self._figures = figures
        for figure in forum.figures[:4]:
            box = QVBoxLayout()
            number = figure.value.get(lang)
            shown = f"{number:g}"
            prefix = figure.prefix.get(lang) + " " if figure.prefix and lang == "en" else ""
            if figure.prefix and lang == "zh":
                prefix = figure.prefix.zh
            suffix = figure.suffix.get(lang) if figure.suffix else ""
            box.addWidget(_label(f"{prefix}{shown}{suffix}", "figure", self))
            box.addWidget(_label(figure.caption.get(lang), "caption", self))
            figures.addLayout(box)
        figures.addStretch(1)
        outer.addLayout(figures)
        outer.addStretch(1)
        grid = QGridLayout()
        self._grid = grid
        for column, (tile_id, icon, title) in enumerate(_TILES):
            tile = QWidget(self)
            tile.setObjectName("tile")
            tile.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
            box = QVBoxLayout(tile)
            glyph = QLabel(tile)
            glyph.setObjectName("tileIcon")
            self._icons.append((glyph, icon))
            box.addWidget(glyph)
            box.addStretch(1)
            box.addWidget(_label(title.get(lang), "tileTitle", tile))
            box.addWidget(_label(self._tile_caption(tile_id), "caption", tile))
            tile.setAccessibleName(title.get(lang))
            grid.addWidget(tile, 0, column)
        outer.addLayout(grid)
        outer.addStretch(1)

    def _apply_scale(self, factor: float) -> None:
        def px(value: int) -> int:
            return scaled(value, factor)

        margin = px(SPACE.xl * 2)
        self._outer.setContentsMargins(margin, px(SPACE.xl), margin, px(SPACE.xl))
        self._outer.setSpacing(px(SPACE.s))
        self._grid.setSpacing(px(SPACE.m))
        self._figures.setSpacing(px(SPACE.xl))
        icon_size = px(64)
        for glyph, name in self._icons:
            glyph.setPixmap(
                qta.icon(name, color=PALETTE.accent).pixmap(QSize(icon_size, icon_size))
            )
            glyph.setFixedSize(icon_size, icon_size)
        p = PALETTE
        self.setStyleSheet(
            f"""
            QLabel {{ color: {p.text}; font-size: {px(TYPE.body)}px; }}
            QLabel#eyebrow {{ color: {p.accent}; font-size: {px(TYPE.lead)}px; font-weight: bold; }}
            QLabel#display {{ font-size: {px(TYPE.display)}px; font-weight: bold; }}
            QLabel#lead {{ font-size: {px(TYPE.lead)}px; }}
            QLabel#muted {{ color: {p.text_muted}; font-size: {px(TYPE.body)}px; }}
            QLabel#figure {{ color: {p.gold}; font-size: {px(TYPE.figure)}px; font-weight: bold; }}
            QLabel#caption {{ color: {p.text_muted}; font-size: {px(TYPE.caption)}px; }}
            QLabel#tileTitle {{ font-size: {px(TYPE.lead)}px; font-weight: bold; }}
            QWidget#tile {{
                background: {p.surface}; border: {px(2)}px solid {p.outline};
                border-radius: {px(RADII.l)}px; min-height: {px(240)}px;
                padding: {px(SPACE.m)}px;
            }}
            """
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        size = event.size()
        self._apply_scale(scale_for(size.width(), size.height()))
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        gradient = QLinearGradient(0, 0, self.width(), self.height())
        gradient.setColorAt(0.0, QColor(PALETTE.background))
        gradient.setColorAt(1.0, QColor(PALETTE.background_deep))
        painter.fillRect(self.rect(), gradient)
        painter.end()
