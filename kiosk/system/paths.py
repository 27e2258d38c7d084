"""Where the kiosk's bundled files are, in a source checkout and in an installed wheel."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Literal

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


def content_dir(setting: str) -> Path:
    """The content folder the setting ``content`` names (the bundled one when it is empty)."""
    return Path(setting).expanduser() if setting else bundled_content_dir()


def cache_dir() -> Path:
    """The kiosk's cache folder (pictures kept from one start to the next; safe to delete)."""
    return user_dir("cache")


def pictures_dir() -> Path:
    """Where the pictures of the first frame are kept (:mod:`kiosk.ui.pages.attract_cache`)."""
    return cache_dir() / "pictures"


#: The XDG variable and its default of each of the user's folders the kiosk starts with.
_XDG = {
    "config": ("XDG_CONFIG_HOME", "~/.config"),
    "cache": ("XDG_CACHE_HOME", "~/.cache"),
    "state": ("XDG_STATE_HOME", "~/.local/state"),
}


def user_dir(kind: Literal["config", "cache", "state"]) -> Path:
    """The kiosk's folder of *kind* for this user (not created): platformdirs' ``user_*_dir``.

    On Linux it is worked out here the way platformdirs does (``$XDG_CONFIG_HOME/kiosk`` when
    that variable holds an absolute path, else ``~/.config/kiosk``): platformdirs and what it
    imports (tempfile, random …) took 3 ms of every start, for the settings, the log and the
    cache folder. Elsewhere, on Android and without an absolute home folder, platformdirs answers.
    """
    variable, default = _XDG[kind]
    base = Path(os.environ.get(variable, ""))
    home = os.environ.get("HOME")
    linux = sys.platform.startswith("linux") and "ANDROID_DATA" not in os.environ
    if linux and (home is None or Path(home).is_absolute()):
        if not base.is_absolute():
            with contextlib.suppress(RuntimeError):  # no home folder: platformdirs says so
                base = Path(default).expanduser()
        if base.is_absolute():
            return base / "kiosk"
    import platformdirs

    dirs = platformdirs.PlatformDirs("kiosk", appauthor=False)
    return Path(getattr(dirs, f"user_{kind}_dir"))
