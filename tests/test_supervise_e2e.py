"""End to end: ``kiosk supervise`` runs the real kiosk (offscreen), survives SIGKILL and SIGSTOP.

The supervisor runs as its own process, as at the booth, and the kiosk under it is the real one
(``python -m kiosk --windowed``, its heartbeat started by ``kiosk.app.run``). The test reads the
supervisor's log lines as they come and waits on them, each wait bounded.
"""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import isolated
import pytest

ROOT = Path(__file__).resolve().parent.parent
LINE = re.compile(r"kiosk\.supervise: (?P<kind>[a-z-]+)(?: pid=(?P<pid>\d+))?")

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="POSIX signals")


class Lines:
    """The supervisor's stderr, line by line, read by a thread."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.queue: queue.Queue[tuple[float, str]] = queue.Queue()
        self.all: list[str] = []
        assert proc.stderr is not None
        stream = proc.stderr
        self.thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.thread.start()

    def _read(self, stream: object) -> None:
        try:
            for line in stream:  # type: ignore[attr-defined]
                self.queue.put((time.monotonic(), line.rstrip("\n")))
        except ValueError:  # the fixture closed the stream (a kiosk left holding the pipe)
            pass

    def wait(self, kind: str, timeout: float, pid: int | None = None) -> tuple[float, int]:
        """The time and pid of the next supervisor event *kind* (for *pid*)."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                at, line = self.queue.get(timeout=left)
            except queue.Empty:
                break
            self.all.append(line)
            match = LINE.search(line)
            found = match and match["kind"] == kind and match["pid"]
            if match and found and (pid is None or int(match["pid"]) == pid):
                return at, int(match["pid"])
        tail = "\n".join(self.all[-30:])
        raise AssertionError(f"no {kind!r} within {timeout} s; last lines:\n{tail}")


@pytest.fixture
def booth(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Lines, Path]]:
    env = isolated.environment(tmp_path)
    command = [
        sys.executable, "-m", "kiosk", "supervise",
        "--heartbeat-timeout", "2", "--startup-timeout", "60", "--supervisor-verbose",
        "--", "--windowed", "--size", "960x540",
    ]  # fmt: skip
    proc = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    lines = Lines(proc)
    try:
        yield proc, lines, tmp_path / "state" / "kiosk" / "log"
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        assert proc.stderr is not None
        lines.thread.join(timeout=15)  # the end of the output: every writer has gone
        proc.stderr.close()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_the_real_kiosk_is_restarted_after_sigkill_and_sigstop(
    booth: tuple[subprocess.Popen[str], Lines, Path],
) -> None:
    proc, lines, log_dir = booth
    _, first = lines.wait("up", timeout=60)

    killed = time.monotonic()
    os.kill(first, signal.SIGKILL)
    started, second = lines.wait("start", timeout=10)
    assert second != first
    assert started - killed < 3.0, "restarted within 3 s"
    lines.wait("up", timeout=60, pid=second)

    os.kill(second, signal.SIGSTOP)  # frozen: its main thread's heartbeat stops
    frozen, _ = lines.wait("frozen", timeout=15, pid=second)
    started, third = lines.wait("start", timeout=10)
    assert started - frozen < 3.0
    lines.wait("up", timeout=60, pid=third)
    assert not _alive(first) and not _alive(second)

    # The third kiosk found the crash log of the second: the supervisor's note and the stacks
    # the frozen kiosk wrote on SIGUSR1; it logged them and set them aside.
    log = (log_dir / "kiosk.log").read_text(encoding="utf-8")
    assert "the previous run crashed" in log
    assert f"the kiosk (pid {second}) stopped answering" in log
    assert "most recent call first" in log, "faulthandler's stacks of the frozen kiosk"
    assert (log_dir / "crash.log.1").exists()

    proc.send_signal(signal.SIGTERM)  # the booth shuts down
    assert proc.wait(timeout=15) == 0
    assert not _alive(third)
