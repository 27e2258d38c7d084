"""Releases in a fleet folder: the manifest, release ids, the ``current`` pointer and pruning."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

#: The manifest's format; a newer one is refused.
FORMAT = 1
#: The manifest's file name inside a release.
MANIFEST = "manifest.json"
#: The folder of the releases inside the fleet folder.
RELEASES = "releases"
#: The pointer file inside :data:`RELEASES`: one line, the id of the current release.
CURRENT = "current"
#: How many releases ``kiosk publish`` keeps by default.
DEFAULT_KEEP = 5


class ManifestError(ValueError):
    """A manifest that cannot be read or does not describe a release."""


@dataclass(frozen=True)
class FileEntry:
    """One file of a release: its size in bytes and its SHA-256 (hex)."""

    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """What a release holds and who made it.

    Attributes:
        release: the release id (the folder's name).
        kiosk_version: the version of the kiosk that checked the content.
        published_by: ``user@host`` of whoever published it.
        published_at: when, ISO 8601 in UTC.
        files: relative POSIX path → entry, every content file of the release.
    """

    release: str
    kiosk_version: str
    published_by: str
    published_at: str
    files: dict[str, FileEntry]

    def to_json(self) -> str:
        """The manifest as ``manifest.json`` holds it."""
        document = {
            "format": FORMAT,
            "release": self.release,
            "kiosk_version": self.kiosk_version,
            "published_by": self.published_by,
            "published_at": self.published_at,
            "files": {
                name: {"size": entry.size, "sha256": entry.sha256}
                for name, entry in sorted(self.files.items())
            },
        }
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        """The manifest in *text*.

        Raises:
            ManifestError: not JSON, a newer format, or a field missing or of the wrong type.
        """
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise ManifestError(f"not JSON: {exc}") from None
        if not isinstance(data, dict):
            raise ManifestError("not a JSON object")
        if data.get("format") != FORMAT:
            raise ManifestError(f"format {data.get('format')!r} is not {FORMAT}")
        texts = {}
        for key in ("release", "kiosk_version", "published_by", "published_at"):
            value = data.get(key)
            if not isinstance(value, str):
                raise ManifestError(f"{key!r} is missing or not a string")
            texts[key] = value
        raw = data.get("files")
        if not isinstance(raw, dict) or not raw:
            raise ManifestError("'files' is missing or empty")
        files: dict[str, FileEntry] = {}
        for name, entry in raw.items():
            if not safe_relative(name):
                raise ManifestError(f"file name {name!r} leaves the release folder")
            if not isinstance(entry, dict):
                raise ManifestError(f"entry of {name!r} is not an object")
            size, digest = entry.get("size"), entry.get("sha256")
            if not isinstance(size, int) or isinstance(size, bool) or size < 0:
                raise ManifestError(f"size of {name!r} is not a whole number")
            if not isinstance(digest, str) or len(digest) != 64:
                raise ManifestError(f"sha256 of {name!r} is not a SHA-256")
            files[name] = FileEntry(size, digest.lower())
        return cls(files=files, **texts)


def safe_relative(name: str) -> bool:
    """Whether *name* is a relative POSIX path that stays inside its folder."""
    parts = name.split("/")
    return bool(name) and not name.startswith("/") and all(p not in ("", ".", "..") for p in parts)


def sha256_of(path: Path) -> str:
    """The SHA-256 of the file at *path* (hex)."""
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def content_files(folder: Path) -> list[str]:
    """The files of a content folder, relative POSIX paths, sorted.

    Hidden files and folders (``.git``, ``.stfolder``, ``.stversions``, Syncthing's temporary
    files) and editors' backups (``name~``) are not content.
    """
    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") or part.endswith("~") for part in relative.parts):
            continue
        if path.is_file():
            found.append(relative.as_posix())
    return sorted(found)


def build_manifest(
    folder: Path, release: str, kiosk_version: str, published_by: str, published_at: datetime
) -> Manifest:
    """The manifest of the content files of *folder*."""
    files = {}
    for name in content_files(folder):
        path = folder / name
        files[name] = FileEntry(path.stat().st_size, sha256_of(path))
    when = published_at.astimezone(UTC).isoformat(timespec="seconds")
    return Manifest(release, kiosk_version, published_by, when, files)


def release_id(when: datetime, files: dict[str, FileEntry]) -> str:
    """A new release's id: the UTC time, sortable, and the start of a digest of its files.

    ``20230525T083000Z-1a2b3c4d``.
    """
    digest = hashlib.sha256()
    for name, entry in sorted(files.items()):
        digest.update(f"{name}\0{entry.size}\0{entry.sha256}\n".encode())
    return f"{when.astimezone(UTC):%Y%m%dT%H%M%SZ}-{digest.hexdigest()[:8]}"


def atomic_write(path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file in the same folder and a rename.

    A reader (or Syncthing) sees the old file or the new one, never a part of it. The temporary
    file's name starts with a dot, so it is no content and no status.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        Path(temp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temp).unlink()
        raise


def releases_dir(fleet: Path) -> Path:
    """The folder of the releases of the fleet folder *fleet*."""
    return fleet / RELEASES


def read_current(fleet: Path) -> str | None:
    """The id ``releases/current`` names, or None when there is none (or it is unreadable)."""
    try:
        text = (releases_dir(fleet) / CURRENT).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    line = text.strip()
    return line if line and safe_relative(line) and "/" not in line else None


def write_current(fleet: Path, release: str) -> None:
    """Point ``releases/current`` at *release* (atomically)."""
    atomic_write(releases_dir(fleet) / CURRENT, f"{release}\n".encode())


def list_releases(fleet: Path) -> list[str]:
    """The ids of the release folders, oldest first (ids sort by time)."""
    folder = releases_dir(fleet)
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))


def prune(fleet: Path, keep: int) -> list[str]:
    """Delete all but the newest *keep* releases, never the current one; returns those deleted."""
    current = read_current(fleet)
    ids = list_releases(fleet)
    kept = set(ids[-keep:]) if keep > 0 else set()
    removed = [i for i in ids if i not in kept and i != current]
    for release in removed:
        shutil.rmtree(releases_dir(fleet) / release, ignore_errors=True)
    return removed
