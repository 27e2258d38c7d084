"""The worker thread: what it does is done beside the main thread, and what fails is reported."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.ui.worker import Worker


@pytest.fixture
def worker(qapp: QApplication) -> Iterator[Worker]:
    """A worker of its own (the application's is left to the other tests)."""
    made = Worker(qapp)
    made.setObjectName("testWorker")
    yield made
    made.shut()
    made.setParent(None)


def test_work_is_done_beside_the_main_thread(worker: Worker) -> None:
    threads: list[threading.Thread] = []
    worker.run(lambda: threads.append(threading.current_thread())).result(timeout=10)
    assert threads and threads[0] is not threading.main_thread()


def test_what_the_work_raises_is_reported_as_a_threads_exception(
    worker: Worker, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported: list[threading.ExceptHookArgs] = []
    seen = threading.Event()

    def hook(args: threading.ExceptHookArgs) -> None:
        reported.append(args)
        seen.set()

    monkeypatch.setattr(threading, "excepthook", hook)

    def fail() -> None:
        raise OSError("disk full")

    worker.run(fail)
    assert seen.wait(10)
    (args,) = reported
    assert args.exc_type is OSError and str(args.exc_value) == "disk full"
    assert args.thread is not threading.main_thread()


def test_once_shut_work_is_done_at_once(worker: Worker) -> None:
    worker.shut()
    threads: list[threading.Thread] = []
    done = worker.run(lambda: threads.append(threading.current_thread()))
    assert done.done() and threads == [threading.main_thread()]
