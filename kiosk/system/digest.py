"""Digests for the keys of what the kiosk keeps from one start to the next.

``hashlib`` loads OpenSSL when imported (about 10 ms of a start); its BLAKE2 comes from the
standard library's own ``_blake2`` module, imported here directly where it exists.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

try:
    from _blake2 import blake2b
except ImportError:  # a Python built without it: hashlib's
    from hashlib import blake2b

__all__ = ["blake2b", "digest", "digest_folder", "folder_digest"]


class Hash(Protocol):
    """What :func:`digest_folder` feeds (a BLAKE2 hash)."""

    def update(self, data: bytes, /) -> None: ...


def digest(*chunks: bytes) -> str:
    """The hex digest (40 digits) of *chunks*, in order."""
    hashed = blake2b(digest_size=20)
    for chunk in chunks:
        hashed.update(chunk)
    return hashed.hexdigest()


def digest_folder(hashed: Hash, folder: Path, read: str = "*.toml") -> None:
    """Feed *hashed* with a content folder: the names and bytes of its files matching *read*,
    and the names, sizes and modification times of its other files (the images: reading them
    would take longer than any use of the key saves).

    Raises:
        OSError: The folder or one of its files cannot be read.
    """
    for path in sorted(folder.glob(read)):
        hashed.update(path.name.encode() + b"\0")
        hashed.update(path.read_bytes())
    for path in sorted(p for p in folder.rglob("*") if not p.match(read)):
        stat = path.stat()
        hashed.update(f"{path.relative_to(folder)}:{stat.st_size}:{stat.st_mtime_ns}\0".encode())


def folder_digest(folder: Path) -> str:
    """The hex digest (40 digits) of a content folder as :func:`digest_folder` reads it.

    Raises:
        OSError: The folder or one of its files cannot be read.
    """
    hashed = blake2b(digest_size=20)
    digest_folder(hashed, folder)
    return hashed.hexdigest()
