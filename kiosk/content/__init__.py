"""The kiosk's content: typed records, loading and validation. Imports nothing from Qt.

The loader (and the TOML parser and converter it brings) is imported when one of its names is
first used, not with the records: a start that reads back kept content never needs it.
"""

from typing import TYPE_CHECKING

from kiosk.content.model import (
    LANGS,
    Achievement,
    Content,
    Figure,
    Lang,
    Text,
    Theme,
    Voice,
)

if TYPE_CHECKING:
    from kiosk.content.glyphs import font_glyphs
    from kiosk.content.loader import ContentError, Environment, Problem, check, load

_LOADER = ("ContentError", "Environment", "Problem", "check", "load")


def __getattr__(name: str) -> object:
    """The loader's names and :func:`font_glyphs`, imported when first asked for."""
    if name in _LOADER:
        from kiosk.content import loader

        return getattr(loader, name)
    if name == "font_glyphs":
        from kiosk.content import glyphs

        return glyphs.font_glyphs
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "LANGS",
    "Achievement",
    "Content",
    "ContentError",
    "Environment",
    "Figure",
    "Lang",
    "Problem",
    "Text",
    "Theme",
    "Voice",
    "check",
    "font_glyphs",
    "load",
]
