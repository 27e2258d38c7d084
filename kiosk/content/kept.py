"""The validated content of a folder, kept from one start to the next.

Reading a content folder (parsing its TOML, converting and checking every value) and importing
the modules that do it is a good part of the kiosk's start. A start whose folder holds the very
bytes a previous start validated, checked by the very same code, reads that start's content back
instead: the key is a digest of the folder's path and content files, the names, sizes and times
of its other files (the images), this package's modules (the model, the loader and its rules)
and what the caller adds (the bundled resources that references are checked against). Any
other folder, any change and any damaged file loads and checks the folder as before.

The file is a pickle the kiosk writes in its own cache folder (anyone who can write there can
change the kiosk's settings too); only content that had no problem is kept.
"""

from __future__ import annotations

import contextlib
import pickle
from pathlib import Path

from kiosk.content.model import Content
from kiosk.system.digest import blake2b, folder_digest

_PACKAGE = Path(__file__).resolve().parent


def fingerprint(folder: Path, extra: bytes = b"", contents: str | None = None) -> str | None:
    """The key of the content of *folder* as this code validates it (None: unreadable).
    *contents*: the folder's :func:`~kiosk.system.digest.folder_digest`, when the caller has
    it already (the start picture's key reads the folder first)."""
    digest = blake2b(extra, digest_size=20)
    digest.update(str(folder).encode() + b"\0")
    try:
        for path in sorted(_PACKAGE.glob("*.py")):
            digest.update(path.name.encode() + b"\0")
            digest.update(path.read_bytes())
        digest.update((contents or folder_digest(folder)).encode())
    except OSError:
        return None
    return digest.hexdigest()


def read(path: Path, key: str) -> Content | None:
    """The content kept in *path* under *key*, or None."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header = key.encode() + b"\n"
    if not data.startswith(header):
        return None
    try:
        content = pickle.loads(data[len(header) :])  # the kiosk's own file (see above)
    except Exception:  # a damaged or outdated file: load the folder instead
        return None
    return content if isinstance(content, Content) else None


def write(path: Path, key: str, content: Content) -> None:
    """Keep *content* in *path* under *key* (a file that cannot be written is not an error)."""
    data = key.encode() + b"\n" + pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL)
    partial = path.with_suffix(".partial")
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        partial.replace(path)
