"""Digests for the keys of what the kiosk keeps from one start to the next.

``hashlib`` loads OpenSSL when imported (about 10 ms of a start); its BLAKE2 comes from the
standard library's own ``_blake2`` module, imported here directly where it exists.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # a Python built without it: hashlib's
    from hashlib import blake2b

__all__ = ["blake2b", "digest"]


def digest(*chunks: bytes) -> str:
    """The hex digest (40 digits) of *chunks*, in order."""
    hashed = blake2b(digest_size=20)
    for chunk in chunks:
        hashed.update(chunk)
    return hashed.hexdigest()
