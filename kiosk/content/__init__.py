"""The kiosk's content: typed records, loading and validation. Imports nothing from Qt."""

from kiosk.content.glyphs import font_glyphs
from kiosk.content.loader import ContentError, Environment, Problem, check, load
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
