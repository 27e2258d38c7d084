"""The attract loop's first picture, kept on disk from one start to the next.

Painting the first slide (its figure tiles, its text in the bundled font) and the gradient behind
it is most of the work of the kiosk's first frame. The pictures painted at one start are written
to the user's cache folder once that frame is on screen; the next start reads them back instead
of painting them again, when everything they were painted from is the same: the slide's own
values, the window's size and pixel ratio, the language, the scale, the theme, the font, the
Qt version and the kiosk's code and resources (their sizes and modification times). Anything
else, and any unreadable file, paints the picture as before.

The files hold the picture's raw pixels (a few megabytes, one file per picture and window
size), drawn straight from the file mapped into memory (decoding a PNG would take tens of
milliseconds). The pixels are Qt's own, so what is drawn from the file is exactly what was
painted.

The kiosk turns this on by giving the application the dynamic property :data:`PROPERTY` (the
folder); without it (proof sheets, checks, tests) nothing is read or written.
"""

from __future__ import annotations

import functools
import logging
import mmap
import os
import struct
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QImage, QPixmap

from kiosk.system.digest import digest
from kiosk.system.paths import PACKAGE, RESOURCES_RCC
from kiosk.ui.worker import Worker

if TYPE_CHECKING:  # the start page imports this module: concurrent.futures comes with the worker
    from concurrent.futures import Future

log = logging.getLogger("kiosk.attract")

#: The application's dynamic property naming the cache folder (unset: no cache).
PROPERTY = "kioskPictureCache"
_MAGIC = b"KIOSKPX1"
#: Magic, key (40 hex digits), width, height, bytes per line, image format, pixel ratio.
_HEADER = struct.Struct("<8s40siiiid")


def cache_folder() -> Path | None:
    """The folder the application names for the pictures, or None (no cache)."""
    app = QCoreApplication.instance()
    value = app.property(PROPERTY) if app is not None else None
    return Path(value) if isinstance(value, str) and value else None


def can_keep(folder: Path) -> bool:
    """Whether pictures can be written into *folder* (made if need be): where they cannot, a
    picture is not grabbed or copied for a write that would fail at every start."""
    for place in (folder, *folder.parents):
        if place.exists():
            return place.is_dir() and os.access(place, os.W_OK | os.X_OK)
    return False


@functools.cache
def code_stamp() -> str:
    """What the pictures are painted by: the Qt version and the kiosk's modules and resources
    (names, sizes, modification times); any change there paints them anew."""
    parts = [qVersion()]
    for root, dirs, files in os.walk(PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        where = os.path.relpath(root, PACKAGE)
        for name in sorted(files):
            if name.endswith(".py"):
                stat = os.stat(os.path.join(root, name))  # noqa: PTH116, PTH118 - fast
                parts.append(f"{where}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    if RESOURCES_RCC.exists():
        stat = RESOURCES_RCC.stat()
        parts.append(f"rcc:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts)


def picture_key(*parts: object) -> str:
    """The key of a picture painted from *parts* (their ``repr``) by this code."""
    return digest(code_stamp().encode(), repr(parts).encode())


def _path(folder: Path, name: str, width: int, height: int) -> Path:
    return folder / f"{name}-{width}x{height}.pixels"


def load(folder: Path, name: str, key: str, width: int, height: int) -> QImage | None:
    """The picture *name* of *width* × *height* device pixels stored under *key*, or None.

    The image is the file itself, mapped into memory: nothing is copied, and its pages come from
    the system's file cache as they are drawn (reading them into fresh memory, then copying them
    into a pixmap, cost 10-30 ms of page faults at 1080p). The mapping lasts as long as the image
    (PySide keeps it until Qt releases the image's data); :func:`save` replaces a file rather
    than writing into it, so a mapped picture never changes under the kiosk.
    """
    try:
        with _path(folder, name, width, height).open("rb") as file:
            pixels = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # no file, or an empty one
        return None
    if len(pixels) < _HEADER.size:
        return None
    magic, stored, w, h, line, fmt, ratio = _HEADER.unpack_from(pixels)
    if magic != _MAGIC or stored != key.encode() or (w, h) != (width, height):
        return None
    if line <= 0 or len(pixels) != _HEADER.size + line * h:
        return None
    try:
        image = QImage(memoryview(pixels)[_HEADER.size :], w, h, line, QImage.Format(fmt))
    except ValueError:  # not a format this Qt knows
        return None
    if image.isNull() or image.bytesPerLine() != line:
        return None
    if ratio != image.devicePixelRatio():
        image.setDevicePixelRatio(ratio)
    return image


def save(folder: Path, name: str, key: str, pixmap: QPixmap) -> Future[object]:
    """Store *pixmap* as the picture *name* under *key*, written by the worker thread (8 MB at
    1080p: 5-40 ms on the main thread): done when the future is. A failure is logged, not
    raised."""
    image = pixmap.toImage()
    w, h, line = image.width(), image.height(), image.bytesPerLine()
    header = _HEADER.pack(
        _MAGIC, key.encode(), w, h, line, image.format().value, pixmap.devicePixelRatio()
    )
    path = _path(folder, name, w, h)
    return Worker.of_application().run(lambda: _write(path, header, image))


def _write(path: Path, header: bytes, image: QImage) -> None:
    partial = path.with_suffix(".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as file:
            file.write(header)
            file.write(image.constBits())
        partial.replace(path)
    except OSError as exc:
        log.warning("could not keep the attract loop's first picture: %s", exc)
