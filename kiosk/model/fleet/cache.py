"""Following the fleet's current release through a local cache.

:class:`ReleaseFollower` is what a kiosk does every heartbeat: read ``releases/current``, verify
that release, copy it to a local cache folder, verify the copy and load it with the kiosk's own
content check. Only then is it offered for display. In every other case (nothing published, the
fleet folder gone, a release half synchronised, refused or failing the check) the last good
content stays on screen and :attr:`ReleaseFollower.reason` says why.

A fleet folder on a share that goes away does not take the content with it: the kiosk shows its
cached copy, at start too.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir

from kiosk.content import Content, ContentError
from kiosk.model.fleet.manifest import (
    CURRENT,
    MANIFEST,
    atomic_write,
    read_current,
    releases_dir,
)
from kiosk.model.fleet.verify import verify

log = logging.getLogger("kiosk.fleet")

#: How many releases the local cache keeps (the one shown included).
CACHE_KEEP = 3

#: Where the kiosk stands: showing the current release, waiting for it, refusing it, or no
#: release / no fleet folder to follow.
FollowState = Literal["current", "waiting", "refused", "none", "unreachable"]


def default_cache_dir() -> Path:
    """``fleet-cache`` in the platform's data folder (not the cache folder: nobody may clear it)."""
    return Path(user_data_dir("kiosk", appauthor=False)) / "fleet-cache"


class ReleaseFollower:
    """Follows ``FLEET/releases/current``; Qt-free (the adapter calls :meth:`poll`).

    Args:
        fleet: the fleet folder.
        cache: the local cache folder (created when needed).
        load: loads and checks a content folder like the kiosk does; raises ContentError.
    """

    def __init__(self, fleet: Path, cache: Path, load: Callable[[Path], Content]):
        self.fleet = fleet
        self.cache = cache
        self._load = load
        #: The release whose content was last offered (None: the kiosk's own content).
        self.shown: str | None = None
        #: The id ``releases/current`` named at the last poll.
        self.current: str | None = None
        self.state: FollowState = "none"
        #: Why the current release is not shown (empty when it is).
        self.reason = ""
        self._refused: dict[str, str] = {}

    @property
    def is_current(self) -> bool:
        return self.shown is not None and self.shown == self.current

    def poll(self) -> Content | None:
        """Look at the fleet folder once; the new content to show, or None (keep what is shown)."""
        current = read_current(self.fleet)
        self.current = current
        if current is None:
            if not self.fleet.is_dir():
                self._set("unreachable", f"fleet folder {self.fleet} is not reachable")
            else:
                self._set("none", "no release published yet")
            return self._from_cache()
        if current == self.shown:
            self._set("current", "")
            return None
        if current in self._refused:
            self._set("refused", self._refused[current])
            return self._from_cache()
        verdict = verify(releases_dir(self.fleet) / current)
        if verdict.state == "refused":
            return self._refuse(current, verdict.reason)
        if not verdict.ok:
            self._set("waiting", verdict.reason)
            return self._from_cache()
        try:
            copy = self._cache_copy(current)
        except OSError as exc:
            self._set("waiting", f"release {current}: cannot be copied to the cache: {exc}")
            return self._from_cache()
        if copy is None:
            self._set("waiting", f"release {current}: changed while it was copied")
            return self._from_cache()
        return self._show(current, copy)

    # --- internals ----------------------------------------------------------------------------

    def _set(self, state: FollowState, reason: str) -> None:
        if (state, reason) != (self.state, self.reason) and reason:
            log.warning("fleet: %s", reason)
        self.state, self.reason = state, reason

    def _refuse(self, release: str, reason: str) -> Content | None:
        self._refused[release] = reason
        self._set("refused", reason)
        return self._from_cache()

    def _show(self, release: str, folder: Path) -> Content | None:
        try:
            content = self._load(folder)
        except ContentError as exc:
            lines = "; ".join(str(p) for p in exc.problems[:3])
            return self._refuse(release, f"release {release}: fails the kiosk's check: {lines}")
        except Exception as exc:  # a release never takes the kiosk down
            return self._refuse(release, f"release {release}: cannot be loaded: {exc!r}")
        try:
            atomic_write(self.cache / CURRENT, f"{release}\n".encode())
        except OSError as exc:
            log.warning("fleet: cannot note the cached release: %s", exc)
        self.shown = release
        self._set("current", "")
        self._prune_cache()
        log.info("fleet: release %s loaded", release)
        return content

    def _from_cache(self) -> Content | None:
        """At start (nothing shown yet): the release cached last time, if it still verifies."""
        if self.shown is not None:
            return None
        try:
            release = (self.cache / CURRENT).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return None
        folder = self.cache / release
        if not release or not verify(folder).ok:
            return None
        try:
            content = self._load(folder)
        except Exception as exc:
            log.warning("fleet: the cached release %s cannot be loaded: %r", release, exc)
            return None
        self.shown = release
        log.info("fleet: showing the cached release %s", release)
        return content

    def _cache_copy(self, release: str) -> Path | None:
        """The verified copy of *release* in the cache; None when the copy does not verify."""
        target = self.cache / release
        if verify(target).ok:
            return target
        source = releases_dir(self.fleet) / release
        self.cache.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=f".{release}.", dir=self.cache))
        try:
            verdict = verify(source)
            if verdict.manifest is None:
                return None
            for relative in verdict.manifest.files:
                (temp / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source / relative, temp / relative)
            shutil.copyfile(source / MANIFEST, temp / MANIFEST)
            shutil.rmtree(target, ignore_errors=True)
            temp.rename(target)
        finally:
            shutil.rmtree(temp, ignore_errors=True)
        return target if verify(target).ok else None

    def _prune_cache(self) -> None:
        ids = sorted(p.name for p in self.cache.iterdir() if p.is_dir() and p.name[0] != ".")
        for release in ids[:-CACHE_KEEP]:
            if release != self.shown:
                shutil.rmtree(self.cache / release, ignore_errors=True)
