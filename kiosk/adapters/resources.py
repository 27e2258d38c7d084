"""Register the compiled resources (``:/icons``, ``:/illustrations`` …) with Qt."""

from __future__ import annotations

import logging

from PySide6.QtCore import QResource

from kiosk.system.paths import RESOURCES_RCC

log = logging.getLogger("kiosk.resources")

_registered = False


class ResourcesMissing(RuntimeError):
    """The compiled resource file is missing or unreadable."""


def register() -> None:
    """Register ``kiosk/_generated/resources.rcc`` once; later calls do nothing."""
    global _registered
    if _registered:
        return
    if not RESOURCES_RCC.is_file():
        raise ResourcesMissing(f"{RESOURCES_RCC} is missing: run `python tools/build_resources.py`")
    if not QResource.registerResource(str(RESOURCES_RCC)):
        raise ResourcesMissing(f"{RESOURCES_RCC} is not a valid Qt resource file")
    _registered = True
    log.debug("registered %s", RESOURCES_RCC)


def read_bytes(path: str) -> bytes:
    """The bytes of the resource *path* (``:/icons/…``, or a file's path); raises
    ``FileNotFoundError``."""
    from PySide6.QtCore import QFile, QIODevice  # not before the first frame (their 11 enums)

    register()
    file = QFile(path)
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(path)
    try:
        return bytes(file.readAll().data())
    finally:
        file.close()


def exists(path: str) -> bool:
    """Whether the resource *path* exists."""
    from PySide6.QtCore import QFile

    register()
    return QFile.exists(path)
