"""Watch the content folder: validate every change, offer good content, report bad content.

Editors change the content while the kiosk runs (a USB stick, a synced folder). Whatever they
save, the kiosk keeps showing the last good content: :class:`ContentWatcher` validates the folder
after each change (debounced: an editor's save is several file events) and emits

* :attr:`ContentWatcher.ready` with the new :class:`~kiosk.content.Content` when it is clean;
* :attr:`ContentWatcher.problems` with one line per problem (the lines ``kiosk check`` prints,
  :func:`kiosk.content.lines.problem_line`) when it is not; :attr:`ContentWatcher.content` stays the
  last good content.

Loading runs on the main thread: the bundled content loads in about 15 ms.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kiosk.content import Content, ContentError
from kiosk.content.lines import problem_line

log = logging.getLogger("kiosk.content_watch")

#: How many files and folders are watched at most (inotify watches are a limited resource).
MAX_WATCHED = 2000


class ContentWatcher(QObject):
    """Validates *folder* whenever something in it changes.

    Args:
        folder: the content folder.
        load: loads and validates the folder; raises :class:`~kiosk.content.ContentError`.
        content: the content on screen now (the last good one), if known.
        debounce_ms: quiet time after the last file event before the folder is validated.
        parent: the owner.
    """

    ready = Signal(object)  # Content
    problems = Signal(list)  # list[str]

    def __init__(
        self,
        folder: Path,
        load: Callable[[], Content],
        content: Content | None = None,
        debounce_ms: int = 500,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.folder = Path(folder)
        self.content = content
        self.last_problems: list[str] = []
        self.checks = 0
        self._load = load
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._changed)
        self._watcher.fileChanged.connect(self._changed)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.check_now)
        self._existed = self.folder.is_dir()
        self._watch()

    @property
    def watched(self) -> list[str]:
        """The paths being watched."""
        return [*self._watcher.directories(), *self._watcher.files()]

    def stop(self) -> None:
        """Stop watching (a pending check is dropped)."""
        self._debounce.stop()
        paths = self.watched
        if paths:
            self._watcher.removePaths(paths)

    def check_now(self) -> bool:
        """Validate the folder now; emits :attr:`ready` or :attr:`problems`. True if good."""
        self._debounce.stop()
        self.checks += 1
        self._existed = self.folder.is_dir()
        self._watch()  # an editor that saves by renaming replaces the watched file
        try:
            content = self._load()
        except ContentError as exc:
            return self._bad([str(problem) for problem in exc.problems])
        except Exception as exc:  # a bug or an OS error must not reach the event loop
            log.exception("content: loading %s failed", self.folder)
            return self._bad([f"{self.folder}: cannot be checked: {type(exc).__name__}: {exc}"])
        self.content = content
        self.last_problems = []
        log.info("content: %s changed and is good", self.folder)
        self.ready.emit(content)
        return True

    def _bad(self, lines: list[str]) -> bool:
        lines = [problem_line(line) for line in lines] or [f"{self.folder}: has problems"]
        self.last_problems = lines
        for line in lines:
            log.error("content: %s", line)
        log.error("content in %s has problems; the last good content stays", self.folder)
        self.problems.emit(lines)
        return False

    def _changed(self, path: str) -> None:
        if path == str(self.folder.parent):  # only the folder's coming and going matters there
            exists = self.folder.is_dir()
            if exists == self._existed:
                return
            self._existed = exists
        self._debounce.start()

    def _watch(self) -> None:
        """Watch the folder, its files and folders, the files in those, and the folder's parent
        (where the folder itself is renamed, removed or put back)."""
        wanted: list[str] = []
        if self.folder.parent.is_dir():
            wanted.append(str(self.folder.parent))
        if self.folder.is_dir():
            wanted.append(str(self.folder))
            try:
                for child in sorted(self.folder.iterdir()):
                    wanted.append(str(child))
                    if child.is_dir():
                        wanted += [str(grandchild) for grandchild in sorted(child.iterdir())]
            except OSError as exc:
                log.warning("content: cannot list %s: %s", self.folder, exc)
        present = set(self.watched)
        new = [path for path in wanted[:MAX_WATCHED] if path not in present]
        if new:
            self._watcher.addPaths(new)
