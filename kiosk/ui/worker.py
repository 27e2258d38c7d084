"""One worker thread beside the main one, for work that lets go of Python's lock: drawings
rendered and photos decoded at the size shown, pictures written to disk.

A bundled illustration is an SVG drawn at the size it is shown: 3–14 ms at its size on a page,
30–55 ms across a page at 1080p, four times that at 4K. On the main thread that is a stall a
visitor sees: the page change stops moving and the next tap waits. ``QSvgRenderer.render`` holds
Python's lock while it draws, so a thread of ours gains nothing with it; Qt's SVG image reader
draws the same pixels and lets go of the lock while it does. So a figure asks one worker thread
for its picture (:meth:`Worker.draw`) as soon as it is shown at a size, and takes it
(:meth:`Job.image`) when it is first painted, mostly long done by then. A paint that comes before
the worker has started on it takes the job back and draws it itself; one that comes while the
worker draws waits for it. In every case the same pixels as before, never an empty frame.
An editor's photo is decoded the same way (Qt's decoders let go of the lock too; a
12-megapixel JPEG takes about 90 ms). Files written (:meth:`Worker.run`) go the same way:
Python lets go of its lock while it writes.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSize, Signal
from PySide6.QtGui import QImage, QImageReader

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

log = logging.getLogger("kiosk.ui")


def rasterise(path: str, size: QSize) -> QImage:
    """The drawing at *path* drawn at *size* on a transparent image (null if it cannot be)."""
    reader = QImageReader(path)
    reader.setScaledSize(size)
    image = reader.read()
    if image.isNull():
        log.warning("drawing %s could not be drawn: %s", path, reader.errorString())
    return image


def _reporting(work: Callable[[], object]) -> Callable[[], object]:
    """*work*, what it raises handed to ``threading.excepthook`` (the kiosk's logs it) as any
    thread's uncaught exception would be, and raised again (for the future's result)."""

    def run() -> object:
        try:
            return work()
        except Exception as error:
            args = (type(error), error, error.__traceback__, threading.current_thread())
            threading.excepthook(threading.ExceptHookArgs(args))  # type: ignore[arg-type]
            raise

    return run


class Job:
    """One drawing asked of the worker: its picture, from the worker or drawn here."""

    def __init__(
        self,
        path: str,
        size: QSize,
        future: Future[QImage] | None,
        decode: Callable[[str, QSize], QImage] = rasterise,
    ):
        self.path = path
        self.size = QSize(size)
        self._future = future
        self._decode = decode

    def image(self) -> QImage:
        """The picture: the worker's, or drawn here when the worker had not started on it."""
        future, self._future = self._future, None
        if future is None or future.cancel():
            return self._decode(self.path, self.size)
        return future.result()

    def drop(self) -> None:
        """Not wanted any more: the worker skips it if it has not started on it."""
        if self._future is not None:
            self._future.cancel()
            self._future = None


class Worker(QObject):
    """The application's one worker thread (:meth:`of_application`); it is waited for when the
    application quits, so no work outlives Qt."""

    NAME = "kioskWorker"

    #: A picture the worker finished (emitted on the main thread, for tests and benchmarks).
    finished = Signal(str, QSize)

    def __init__(self, app: QCoreApplication):
        # Made with the first drawing or file, after the first frame (the import is about 2 ms).
        from concurrent.futures import ThreadPoolExecutor

        super().__init__(app)
        self.setObjectName(self.NAME)
        self._pool: ThreadPoolExecutor | None = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="kiosk-worker"
        )
        app.aboutToQuit.connect(self.shut)

    @classmethod
    def of_application(cls) -> Worker:
        """The application's worker (made on first use)."""
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("the worker works for a running application")
        found = app.findChild(Worker, cls.NAME)
        return found if isinstance(found, Worker) else cls(app)

    def draw(
        self, path: str, size: QSize, decode: Callable[[str, QSize], QImage] = rasterise
    ) -> Job:
        """Start drawing *path* at *size* in the worker (after what it was asked before), by
        *decode* (a drawing by default; a photo: :func:`kiosk.ui.images.read_photo`)."""
        if self._pool is None:  # quitting: whoever paints draws it
            return Job(path, size, None, decode)
        future = self._pool.submit(decode, path, QSize(size))
        future.add_done_callback(lambda done: self._report(done, path, size))
        return Job(path, size, future, decode)

    def run(self, work: Callable[[], object]) -> Future[object]:
        """Do *work* in the worker (after what it was asked before; now when quitting). What it
        raises is reported as a thread's uncaught exception (``threading.excepthook``)."""
        if self._pool is None:
            from concurrent.futures import Future

            future: Future[object] = Future()
            future.set_result(work())
            return future
        return self._pool.submit(_reporting(work))

    def _report(self, future: Future[QImage], path: str, size: QSize) -> None:
        # On the worker thread: the signal reaches the main thread's receivers queued.
        if not future.cancelled():
            self.finished.emit(path, size)

    def shut(self) -> None:
        """Drop what the worker has not started and wait for what it draws."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
