"""The watchdog: restarts after SIGKILL and SIGSTOP, backs off a crash loop, ends on a clean exit.

These drive :class:`kiosk.supervise.Supervisor` with a stand-in child (tests/fake_child.py, no Qt,
starts in milliseconds) and short timings; tests/test_supervise_e2e.py runs the real kiosk.
Every wait is on an event of the supervisor, bounded in time.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kiosk.commands import cli
from kiosk.commands.supervise import OUT_OF_ORDER_FLAG, Event, Policy, Supervisor
from kiosk.system import logs

FAKE = Path(__file__).resolve().parent / "fake_child.py"
FAST = Policy(
    heartbeat_timeout=1.0,
    startup_timeout=3.0,
    term_grace=1.0,
    dump_grace=0.2,
    restart_delay=0.1,
    crash_limit=3,
    backoff_first=0.2,
    backoff_max=0.8,
    quick_run=10.0,
    out_of_order_after=6,
    retry_after=60.0,
    poll=0.05,
)

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="POSIX signals")


@dataclass
class Running:
    """A supervisor running in a thread, with its events in a queue."""

    supervisor: Supervisor
    thread: threading.Thread
    events: queue.Queue[tuple[float, Event]] = field(default_factory=queue.Queue)
    seen: list[tuple[float, Event]] = field(default_factory=list)
    result: list[int] = field(default_factory=list)

    def next(self, kind: str, timeout: float = 5.0, pid: int | None = None) -> tuple[float, Event]:
        """The next event of *kind* (for *pid*, if given) and when it came; fails after timeout."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                kinds = [f"{e.kind}:{e.pid}:{e.detail}" for _, e in self.seen]
                raise AssertionError(f"no {kind!r} event within {timeout} s; saw {kinds}")
            try:
                at, event = self.events.get(timeout=left)
            except queue.Empty:
                continue
            self.seen.append((at, event))
            if event.kind == kind and (pid is None or event.pid == pid):
                return at, event


@pytest.fixture
def supervise(tmp_path: Path) -> Iterator[Callable[..., Running]]:
    running: list[Running] = []

    def start(mode: str, policy: Policy = FAST, **env: str) -> Running:
        child_env = {**os.environ, "FAKE_CHILD_LOG": str(tmp_path / "starts.txt"), **env}
        holder: list[Running] = []

        def on_event(event: Event) -> None:
            holder[0].events.put((time.monotonic(), event))

        supervisor = Supervisor(
            [sys.executable, str(FAKE), mode],
            policy,
            heartbeat=tmp_path / "heartbeat",
            crash_log=tmp_path / "crash.log",
            env=child_env,
            output=subprocess.DEVNULL,
            on_event=on_event,
        )
        run = Running(supervisor, threading.Thread(target=lambda: None))
        holder.append(run)
        run.thread = threading.Thread(target=lambda: run.result.append(supervisor.run()))
        run.thread.start()
        running.append(run)
        return run

    yield start
    for run in running:
        run.supervisor.stop()
        run.thread.join(timeout=10)
        assert not run.thread.is_alive(), "the supervisor did not stop"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_killed_kiosk_is_restarted_within_3_s(supervise: Callable[..., Running]) -> None:
    run = supervise("beat")
    _, first = run.next("up")
    assert first.pid is not None
    killed = time.monotonic()
    os.kill(first.pid, signal.SIGKILL)
    _, ended = run.next("exit", pid=first.pid)
    assert ended.detail == str(-signal.SIGKILL)
    started, second = run.next("start")
    assert second.pid != first.pid
    assert started - killed < 3.0
    run.next("up", pid=second.pid)
    assert "ended by signal SIGKILL" in Path(run.supervisor.crash_log or "").read_text()


def test_a_frozen_kiosk_is_killed_and_restarted(supervise: Callable[..., Running]) -> None:
    run = supervise("beat")
    _, first = run.next("up")
    assert first.pid is not None
    os.kill(first.pid, signal.SIGSTOP)  # the main thread stops: no more heartbeats
    stopped = time.monotonic()
    frozen_at, frozen = run.next("frozen", timeout=FAST.heartbeat_timeout + 3)
    assert frozen.pid == first.pid
    assert frozen_at - stopped >= FAST.heartbeat_timeout * 0.9
    started, second = run.next("start")
    assert started - frozen_at < 3.0
    assert not _alive(first.pid), "the frozen kiosk must be gone"
    run.next("up", pid=second.pid)
    note = Path(run.supervisor.crash_log or "").read_text()
    assert f"the kiosk (pid {first.pid}) stopped answering" in note


def test_a_kiosk_that_never_beats_counts_as_frozen(supervise: Callable[..., Running]) -> None:
    run = supervise("silent")
    _, start = run.next("start")
    _, frozen = run.next("frozen", timeout=FAST.startup_timeout + 3)
    assert frozen.pid == start.pid
    assert "no heartbeat within" in frozen.detail


def test_a_crash_loop_backs_off_then_shows_out_of_order(
    supervise: Callable[..., Running], tmp_path: Path
) -> None:
    run = supervise("crash")
    _, calm = run.next("out-of-order", timeout=15)
    waits = [float(e.detail) for _, e in run.seen if e.kind == "wait"]
    # two ordinary restarts, then 0.2, 0.4, 0.8 (the cap) as the loop goes on
    assert waits[:2] == [FAST.restart_delay] * 2
    assert waits[2:5] == [0.2, 0.4, 0.8]
    assert len(waits) == FAST.out_of_order_after - 1
    assert calm.detail.startswith(f"{FAST.out_of_order_after} quick crashes")
    _, shown = run.next("start")
    assert shown.detail == "out-of-order"
    run.next("up", pid=shown.pid)
    starts = (tmp_path / "starts.txt").read_text().splitlines()
    assert starts[-1].endswith(OUT_OF_ORDER_FLAG)
    assert not any(OUT_OF_ORDER_FLAG in line for line in starts[:-1])


def test_out_of_order_retries_the_kiosk_and_a_healthy_one_stays(
    supervise: Callable[..., Running], tmp_path: Path
) -> None:
    healthy = tmp_path / "healthy"
    policy = Policy(**{**FAST.__dict__, "out_of_order_after": 2, "retry_after": 0.5})
    run = supervise("crash", policy, FAKE_CHILD_HEALTHY=str(healthy))
    run.next("out-of-order")
    _, shown = run.next("start")
    assert shown.detail == "out-of-order"
    run.next("up", pid=shown.pid)
    healthy.touch()  # someone fixed it
    _, retry = run.next("retry", timeout=5)
    assert retry.pid == shown.pid
    _, again = run.next("start")
    assert again.detail == "kiosk"
    run.next("up", pid=again.pid)
    assert not run.supervisor.out_of_order


def test_a_clean_exit_ends_the_supervisor(supervise: Callable[..., Running]) -> None:
    run = supervise("exit0")
    _, exited = run.next("exit")
    assert exited.detail == "0"
    run.next("done")
    run.thread.join(timeout=5)
    assert run.result == [0]
    assert not any(e.kind == "start" for _, e in run.seen[1:])


def test_stop_ends_the_kiosk_gracefully(supervise: Callable[..., Running]) -> None:
    run = supervise("beat")
    _, up = run.next("up")
    assert up.pid is not None
    run.supervisor.stop()
    run.next("stop")
    run.thread.join(timeout=5)
    assert run.result == [0]
    assert not _alive(up.pid)


def test_cli_supervise_passes_the_kiosk_arguments_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "setup", lambda **kw: tmp_path)
    monkeypatch.setenv("FAKE_CHILD_LOG", str(tmp_path / "starts.txt"))
    program = f"{sys.executable} {FAKE} exit0"
    argv = ["supervise", "--program", program, "--windowed", "--lang", "en", "--", "--verbose"]
    assert cli.main(argv) == 0
    (start,) = (tmp_path / "starts.txt").read_text().splitlines()
    assert start.split(" ", 2)[2] == "--windowed --lang en --verbose"
