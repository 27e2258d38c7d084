"""The application stylesheet, generated from the design tokens for one scale factor."""

from __future__ import annotations

from kiosk.ui.tokens import PALETTE, RADII, SIZE, SPACE, TYPE, scaled

#: Minimum size of anything a visitor taps, in design pixels (about 20 mm on a 32-inch screen).
#: Widgets enforce it with setMinimumSize (a stylesheet min-height would override their own).
TAP = SIZE.tap


def stylesheet(factor: float) -> str:
    """The stylesheet for widgets laid out at *factor* × the 1920×1080 design."""

    def px(value: int) -> int:
        return scaled(value, factor)

    p = PALETTE
    return f"""
    QWidget {{ color: {p.text}; font-size: {px(TYPE.body)}px; }}
    QLabel {{ background: transparent; }}
    QLabel[role="eyebrow"] {{ color: {p.accent}; font-size: {px(TYPE.lead)}px; font-weight: bold; }}
    QLabel[role="display"] {{ font-size: {px(TYPE.display)}px; font-weight: bold; }}
    QLabel[role="displayLong"] {{ font-size: {px(TYPE.display * 2 // 3)}px; font-weight: bold; }}
    QLabel[role="title"] {{ font-size: {px(TYPE.title)}px; font-weight: bold; }}
    QLabel[role="heading"] {{
        color: {p.accent}; font-size: {px(TYPE.lead)}px; font-weight: bold;
        padding: {px(SPACE.m)}px 0 0 0;
    }}
    QLabel[role="lead"] {{ font-size: {px(TYPE.lead)}px; }}
    QLabel[role="body"] {{ font-size: {px(TYPE.body)}px; }}
    QLabel[role="muted"] {{ color: {p.text_muted}; font-size: {px(TYPE.body)}px; }}
    QLabel[role="caption"] {{ color: {p.text_muted}; font-size: {px(TYPE.caption)}px; }}
    QLabel[role="figure"] {{ color: {p.gold}; font-size: {px(TYPE.figure)}px; font-weight: bold; }}
    QLabel[role="quote"] {{ font-size: {px(TYPE.lead)}px; }}
    QLabel[role="cardTitle"] {{ font-size: {px(TYPE.lead)}px; font-weight: bold; }}
    QLabel[role="chip"] {{
        background: {p.surface_raised}; border-radius: {px(RADII.s)}px;
        padding: {px(SPACE.xs)}px {px(SPACE.s)}px; font-size: {px(TYPE.caption)}px;
    }}
    QPushButton {{
        background: {p.surface}; border: {px(2)}px solid {p.outline};
        border-radius: {px(RADII.m)}px; padding: {px(SPACE.s)}px {px(SPACE.m)}px;
        font-size: {px(TYPE.body)}px; font-weight: bold; text-align: left;
    }}
    QPushButton:pressed, QPushButton[pressedLook="true"] {{
        background: {p.surface_pressed}; border-color: {p.accent};
    }}
    QPushButton[role="bar"] {{
        background: {p.surface_raised}; border: none; text-align: center;
        border-radius: {px(TAP // 2) - 1}px; padding: 0 {px(SPACE.m)}px;
    }}
    QPushButton[role="bar"]:pressed {{ background: {p.surface_pressed}; }}
    QPushButton[role="card"] {{ border-radius: {px(RADII.l)}px; padding: {px(SPACE.m)}px; }}
    QPushButton[role="key"] {{
        font-size: {px(TYPE.title)}px; text-align: center; border-radius: {px(RADII.l)}px;
    }}
    QPushButton[role="primary"] {{
        background: {p.primary}; border-color: {p.primary}; text-align: center;
        color: {p.on_primary};
    }}
    QPushButton[role="primary"]:pressed {{ background: {p.accent}; color: {p.on_primary}; }}
    QPushButton:checked {{
        background: {p.primary}; color: {p.on_primary}; border-color: {p.accent};
    }}
    QPushButton:disabled {{ color: {p.text_muted}; background: transparent; }}
    QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
    QScrollBar:vertical {{ background: transparent; width: {px(10)}px; margin: 0; }}
    QScrollBar::handle:vertical {{
        background: {p.outline}; border-radius: {px(5)}px; min-height: {px(60)}px;
    }}
    QScrollBar::add-line, QScrollBar::sub-line, QScrollBar::add-page, QScrollBar::sub-page {{
        background: none; height: 0;
    }}
    QWidget#navBar {{ background: {p.background_deep}; border-top: {px(1)}px solid {p.outline}; }}
    QWidget#panel {{
        background: {p.surface}; border: {px(2)}px solid {p.outline};
        border-radius: {px(RADII.l)}px;
    }}
    """
