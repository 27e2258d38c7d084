"""The application stylesheet, generated from one theme's tokens for one scale factor."""

from __future__ import annotations

from kiosk.ui.tokens import SIZE, Theme, scaled

#: Minimum size of anything a visitor taps, in design pixels (about 20 mm on a 32-inch screen).
#: Widgets enforce it with setMinimumSize (a stylesheet min-height would override their own).
TAP = SIZE.tap


def stylesheet(theme: Theme, factor: float) -> str:
    """The stylesheet in *theme* for widgets laid out at *factor* × the 1920×1080 design."""

    def px(value: int) -> int:
        return scaled(value, factor)

    p, ts, sp, rd = theme.palette, theme.type, theme.space, theme.radii
    line, hair = theme.elevation.raised, theme.elevation.hairline
    bar, handle = theme.sizes.scroll_bar, theme.sizes.scroll_handle
    return f"""
    QWidget {{ color: {p.text}; font-size: {px(ts.body)}px; }}
    QLabel {{ background: transparent; }}
    QLabel[role="eyebrow"] {{ color: {p.accent}; font-size: {px(ts.lead)}px; font-weight: bold; }}
    QLabel[role="display"] {{ font-size: {px(ts.display)}px; font-weight: bold; }}
    QLabel[role="displayLong"] {{ font-size: {px(ts.display * 2 // 3)}px; font-weight: bold; }}
    QLabel[role="title"] {{ font-size: {px(ts.title)}px; font-weight: bold; }}
    QLabel[role="heading"] {{
        color: {p.accent}; font-size: {px(ts.lead)}px; font-weight: bold;
        padding: {px(sp.m)}px 0 0 0;
    }}
    QLabel[role="lead"] {{ font-size: {px(ts.lead)}px; }}
    QLabel[role="body"] {{ font-size: {px(ts.body)}px; }}
    QLabel[role="muted"] {{ color: {p.text_muted}; font-size: {px(ts.body)}px; }}
    QLabel[role="caption"] {{ color: {p.text_muted}; font-size: {px(ts.caption)}px; }}
    QLabel[role="figure"] {{ color: {p.gold}; font-size: {px(ts.figure)}px; font-weight: bold; }}
    QLabel[role="quote"] {{ font-size: {px(ts.lead)}px; }}
    QLabel[role="cardTitle"] {{ font-size: {px(ts.lead)}px; font-weight: bold; }}
    QLabel[role="chip"] {{
        background: {p.surface_raised}; border-radius: {px(rd.s)}px;
        padding: {px(sp.xs)}px {px(sp.s)}px; font-size: {px(ts.caption)}px;
    }}
    QPushButton {{
        background: {p.surface}; border: {px(line)}px solid {p.outline};
        border-radius: {px(rd.m)}px; padding: {px(sp.s)}px {px(sp.m)}px;
        font-size: {px(ts.body)}px; font-weight: bold; text-align: left;
    }}
    QPushButton:pressed, QPushButton[pressedLook="true"] {{
        background: {p.surface_pressed}; border-color: {p.accent};
    }}
    QPushButton[role="bar"] {{
        background: {p.surface_raised}; border: {px(line)}px solid {p.control_outline};
        text-align: center;
        border-radius: {px(TAP // 2) - 1}px; padding: 0 {px(sp.m)}px;
    }}
    QPushButton[role="bar"]:pressed {{ background: {p.surface_pressed}; }}
    QPushButton[role="card"] {{ border-radius: {px(rd.l)}px; padding: {px(sp.m)}px; }}
    QPushButton[role="key"] {{
        font-size: {px(ts.title)}px; text-align: center; border-radius: {px(rd.l)}px;
    }}
    QPushButton[role="primary"] {{
        background: {p.primary}; border-color: {p.primary}; text-align: center;
        color: {p.on_primary};
    }}
    QPushButton[role="primary"]:pressed {{ background: {p.accent}; color: {p.on_primary}; }}
    QPushButton:checked {{
        background: {p.primary}; color: {p.on_primary}; border-color: {p.accent};
    }}
    QPushButton:disabled {{
        color: {p.text_muted}; background: transparent; border-style: dashed;
    }}
    QPushButton:focus {{ outline: none; }}
    QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
    QScrollBar:vertical {{ background: transparent; width: {px(bar)}px; margin: 0; }}
    QScrollBar::handle:vertical {{
        background: {p.outline}; border-radius: {px(bar // 2)}px; min-height: {px(handle)}px;
    }}
    QScrollBar::add-line, QScrollBar::sub-line, QScrollBar::add-page, QScrollBar::sub-page {{
        background: none; height: 0;
    }}
    QWidget#navBar {{
        background: {p.background_deep}; border-top: {px(hair)}px solid {p.outline};
    }}
    QWidget#panel {{
        background: {p.surface}; border: {px(line)}px solid {p.outline};
        border-radius: {px(rd.l)}px;
    }}
    """
