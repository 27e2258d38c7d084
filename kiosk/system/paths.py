"""Where the kiosk's bundled files are, in a source checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent

#: The compiled resources (icons, illustrations, the translation), made from resources.qrc by the
#: package build (``tools/build_resources.py`` in a checkout).
RESOURCES_RCC = PACKAGE / "_generated" / "resources.rcc"


def bundled_fonts_dir() -> Path:
    """The folder of the bundled fonts (``assets/fonts``).

    Files, not resources: Qt copies a font it reads from the compiled resources into memory for
    good (6 MB for the two Chinese faces, and the pages of the resource file it read them from),
    while FreeType maps a font file and keeps in memory only the parts it draws.
    """
    installed = PACKAGE / "assets" / "fonts"
    if installed.is_dir():
        return installed
    return PACKAGE.parent / "assets" / "fonts"


def bundled_content_dir() -> Path:
    """The folder of the bundled content (``assets/content``)."""
    installed = PACKAGE / "assets" / "content"
    if installed.is_dir():
        return installed
    return PACKAGE.parent / "assets" / "content"


def cache_dir() -> Path:
    """The kiosk's cache folder (pictures kept from one start to the next; safe to delete)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("kiosk", appauthor=False))
