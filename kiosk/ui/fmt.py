"""Numbers, figures and lists written for a visitor in the screen's language.

Every page and painted widget writes numbers through these functions, so that one place decides
how Chinese and English screens write them.
"""

from __future__ import annotations

from kiosk.content import Figure, Lang


def decimals(value: float) -> int:
    """How many decimals *value* is written with (6.5 → 1, 320.23 → 2, 10 → 0)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return len(text.split(".", 1)[1]) if "." in text else 0


def number(value: float, places: int, lang: Lang) -> str:
    """*value* with *places* decimals (thousands separators in English)."""
    return f"{value:,.{places}f}" if lang == "en" else f"{value:.{places}f}"


def figure_text(figure: Figure, lang: Lang) -> str:
    """A figure as a visitor reads it: prefix, number, suffix (the unit is shown apart)."""
    value = figure.value.get(lang)
    prefix = figure.prefix.get(lang) if figure.prefix else ""
    suffix = figure.suffix.get(lang) if figure.suffix else ""
    gap = " " if prefix and lang == "en" else ""
    return f"{prefix}{gap}{number(value, decimals(value), lang)}{suffix}"
