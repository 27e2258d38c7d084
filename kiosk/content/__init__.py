"""The kiosk's content: typed records, loading and validation. Imports nothing from Qt."""

from kiosk.content.glyphs import font_glyphs
from kiosk.content.loader import ContentError, Environment, Problem, check, load
from kiosk.content.model import LANGS, Content, Lang, Text

__all__ = [
    "LANGS",
    "Content",
    "ContentError",
    "Environment",
    "Lang",
    "Problem",
    "Text",
    "check",
    "font_glyphs",
    "load",
]
