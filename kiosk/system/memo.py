"""Keys remembered from one start to the next in a small text file (one key a line).

The kiosk remembers, for instance, the digests of content whose wording was found clean, so a
start with the same content need not run the wording rules again. A missing or unreadable file
remembers nothing; a file that cannot be written is not an error (the work is done again).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

#: The most keys kept (the newest).
LIMIT = 16


class FileMemo:
    """The keys kept in *path*, read when first asked."""

    def __init__(self, path: Path, limit: int = LIMIT):
        self.path = path
        self.limit = limit
        self._keys: list[str] | None = None

    def _read(self) -> list[str]:
        if self._keys is None:
            try:
                text = self.path.read_text(encoding="ascii")
            except (OSError, UnicodeDecodeError):
                text = ""
            self._keys = [line for line in text.splitlines() if line]
        return self._keys

    def known(self, key: str) -> bool:
        """Whether *key* is remembered."""
        return key in self._read()

    def add(self, key: str) -> None:
        """Remember *key* (forgetting the oldest beyond the limit)."""
        keys = [k for k in self._read() if k != key] + [key]
        self._keys = keys[-self.limit :]
        partial = self.path.with_suffix(".partial")
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial.write_text("".join(f"{k}\n" for k in self._keys), encoding="ascii")
            partial.replace(self.path)
