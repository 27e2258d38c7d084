"""Whether a release folder holds exactly what its manifest says.

A synchronised folder fills file by file: a release can be seen before all of it has arrived, or
with a file still being replaced. Such a release is *waiting* (shown later, once it verifies); a
release whose manifest cannot be read is *refused*. Files the manifest does not name (Syncthing's
temporary files, a stray note) are ignored: only the manifest's files are ever copied or loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kiosk.model.fleet.manifest import MANIFEST, Manifest, ManifestError, sha256_of

#: ``ok``: every file matches; ``waiting``: half synchronised; ``refused``: never usable.
State = Literal["ok", "waiting", "refused"]


@dataclass(frozen=True)
class Verdict:
    """The outcome of :func:`verify`: the state, why (empty when ok) and the manifest if read."""

    state: State
    reason: str = ""
    manifest: Manifest | None = None

    @property
    def ok(self) -> bool:
        return self.state == "ok"


def read_manifest(folder: Path) -> Manifest:
    """The manifest of the release in *folder*.

    Raises:
        FileNotFoundError: there is no manifest (yet).
        ManifestError: it does not parse.
    """
    try:
        text = (folder / MANIFEST).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ManifestError(f"not UTF-8: {exc}") from None
    return Manifest.from_json(text)


def verify(folder: Path) -> Verdict:
    """Check every file the manifest of *folder* names: present, same size, same SHA-256."""
    name = folder.name
    if not folder.is_dir():
        return Verdict("waiting", f"release {name}: not synchronised yet (no folder)")
    try:
        manifest = read_manifest(folder)
    except FileNotFoundError:
        return Verdict("waiting", f"release {name}: half synchronised (no {MANIFEST} yet)")
    except OSError as exc:
        return Verdict("waiting", f"release {name}: {MANIFEST} cannot be read: {exc}")
    except ManifestError as exc:
        return Verdict("refused", f"release {name}: {MANIFEST} refused: {exc}")
    if manifest.release != name:
        message = f"{MANIFEST} names release {manifest.release!r}, not the folder's"
        return Verdict("refused", f"release {name}: {message}", manifest)
    missing, different = [], []
    for relative, entry in sorted(manifest.files.items()):
        path = folder / relative
        try:
            size = path.stat().st_size
        except OSError:
            missing.append(relative)
            continue
        try:
            if size != entry.size or sha256_of(path) != entry.sha256:
                different.append(relative)
        except OSError:
            missing.append(relative)
    if missing or different:
        parts = []
        if missing:
            parts.append(f"{len(missing)} file(s) missing ({_names(missing)})")
        if different:
            parts.append(f"{len(different)} file(s) different ({_names(different)})")
        reason = f"release {name}: waiting, half synchronised: " + "; ".join(parts)
        return Verdict("waiting", reason, manifest)
    return Verdict("ok", "", manifest)


def _names(names: list[str], shown: int = 3) -> str:
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more
