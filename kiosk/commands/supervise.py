"""The watchdog: ``kiosk supervise [kiosk args…]`` runs the kiosk and restarts it when it fails.

The kiosk runs as a child process (``python -m kiosk …``). The supervisor restarts it, within a
second, when it

* ends with any exit code but 0 (a crash, a native crash, ``SIGKILL``, an error storm's
  :data:`EXIT_RESTART`), or
* stops answering: no heartbeat (:mod:`kiosk.heartbeat`) for :attr:`Policy.heartbeat_timeout`
  seconds, or none at all within :attr:`Policy.startup_timeout` of its start. Such a kiosk first
  gets ``SIGUSR1`` (its :mod:`faulthandler` writes every thread's stack to the crash log), then
  ``SIGTERM`` and, after :attr:`Policy.term_grace`, ``SIGKILL``.

A clean exit (code 0: the admin menu's Exit) ends the supervisor. A crash loop is slowed down:
more than :attr:`Policy.crash_limit` crashes within :attr:`Policy.crash_window` seconds make the
restarts wait 2, 4, 8 … seconds; after :attr:`Policy.out_of_order_after` quick crashes in a row
the supervisor shows the calm "out of order" screen (``--out-of-order``) and tries the kiosk again
now and then (after :attr:`Policy.retry_after` seconds, doubling up to :attr:`Policy.retry_max`).

Each failure is noted in the kiosk's crash log, so the next kiosk shows it in the admin menu.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from kiosk.system.supervision import ENV, EXIT_RESTART, OUT_OF_ORDER_FLAG

log = logging.getLogger("kiosk.supervise")

__all__ = ["ENV", "EXIT_RESTART", "OUT_OF_ORDER_FLAG", "Policy", "Supervisor", "main"]


@dataclass(frozen=True)
class Policy:
    """When the supervisor restarts, and how it slows down a crash loop (times in seconds).

    Attributes:
        heartbeat_timeout: no heartbeat for this long: the kiosk is frozen.
        startup_timeout: a new kiosk must send its first heartbeat within this time.
        term_grace: time between ``SIGTERM`` and ``SIGKILL``.
        dump_grace: time the kiosk gets to write its stacks after ``SIGUSR1``.
        restart_delay: wait before an ordinary restart.
        crash_window: crashes within this time count towards a crash loop.
        crash_limit: this many crashes within *crash_window* is a crash loop: restarts then wait
            *backoff_first*, doubled at every further crash, up to *backoff_max*.
        backoff_first: the first wait in a crash loop.
        backoff_max: the longest wait in a crash loop.
        quick_run: a kiosk that fails within this time of its start had a quick crash.
        out_of_order_after: this many quick crashes in a row show the out-of-order screen.
        retry_after: out of order, try the kiosk again after this time (doubled each time the
            retry fails, up to *retry_max*; reset when the kiosk runs again).
        retry_max: the longest time between two retries.
        poll: time between two looks at the child and its heartbeat.
    """

    heartbeat_timeout: float = 5.0
    startup_timeout: float = 30.0
    term_grace: float = 2.0
    dump_grace: float = 0.5
    restart_delay: float = 0.5
    crash_window: float = 60.0
    crash_limit: int = 5
    backoff_first: float = 2.0
    backoff_max: float = 60.0
    quick_run: float = 30.0
    out_of_order_after: int = 8
    retry_after: float = 300.0
    retry_max: float = 3600.0
    poll: float = 0.1


@dataclass(frozen=True)
class Event:
    """Something the supervisor did or saw (for the log, tests and a status display).

    Attributes:
        kind: ``start``, ``up`` (first heartbeat), ``exit``, ``frozen``, ``wait``,
            ``out-of-order``, ``retry``, ``stop`` or ``done``.
        pid: the child's process id, if any.
        detail: the exit code, the delay, the mode … as text.
    """

    kind: str
    pid: int | None = None
    detail: str = ""


@dataclass(frozen=True)
class _Outcome:
    reason: str  # "exit", "frozen", "retry" or "stop"
    code: int | None
    lifetime: float


def kiosk_command(args: Sequence[str] = ()) -> list[str]:
    """The command that runs the kiosk with *args* in this Python."""
    return [sys.executable, "-m", "kiosk", *args]


def default_heartbeat_path() -> Path:
    """A heartbeat file in memory where the platform offers it (no flash wear), else in /tmp."""
    folder = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    return Path(folder) / f"kiosk-heartbeat-{os.getpid()}"


class Supervisor:
    """Runs *command* and restarts it by :class:`Policy` until it exits with 0 or :meth:`stop`.

    Args:
        command: the kiosk's command line (see :func:`kiosk_command`).
        policy: the timings.
        heartbeat: the heartbeat file (default: :func:`default_heartbeat_path`).
        crash_log: the kiosk's crash log, where failures are noted (None: not noted).
        env: the child's environment (default: this process's), plus :data:`ENV`.
        output: where the child's stdout and stderr go (default: this process's).
        on_event: called with every :class:`Event`, from the thread that runs :meth:`run`.
        clock: a monotonic clock.
    """

    def __init__(
        self,
        command: Sequence[str],
        policy: Policy | None = None,
        *,
        heartbeat: Path | None = None,
        crash_log: Path | None = None,
        env: Mapping[str, str] | None = None,
        output: IO[bytes] | int | None = None,
        on_event: Callable[[Event], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.command = list(command)
        self.policy = policy or Policy()
        self.heartbeat = heartbeat or default_heartbeat_path()
        self.crash_log = crash_log
        self.env = dict(os.environ if env is None else env)
        self.output = output
        self.on_event = on_event
        self.clock = clock
        self.child: subprocess.Popen[bytes] | None = None
        self.out_of_order = False
        self.quick_streak = 0
        self.restarts = 0
        self._crashes: list[float] = []
        self._retry_wait = self.policy.retry_after
        self._stop = threading.Event()

    # -- control -------------------------------------------------------------------------------

    def stop(self) -> None:
        """Ask :meth:`run` to end the child (gracefully) and return (thread- and signal-safe)."""
        self._stop.set()

    def run(self) -> int:
        """Supervise until the kiosk exits cleanly (0) or :meth:`stop` is called; returns 0."""
        try:
            while not self._stop.is_set():
                outcome = self._run_child()
                if outcome.reason == "stop":
                    break
                if outcome.reason == "exit" and outcome.code == 0:
                    self._emit("done", detail="the kiosk exited cleanly")
                    return 0
                if outcome.reason == "retry":
                    self.out_of_order = False
                    continue
                delay = self._after_failure(outcome)
                self.restarts += 1
                self._emit("wait", detail=f"{delay:g}")
                self._stop.wait(delay)
            self._emit("stop")
            return 0
        finally:
            if self.child is not None and self.child.poll() is None:
                self._terminate(self.child, dump=False)
            with contextlib.suppress(OSError):
                self.heartbeat.unlink()

    # -- one child -----------------------------------------------------------------------------

    def _run_child(self) -> _Outcome:
        argv = [*self.command, OUT_OF_ORDER_FLAG] if self.out_of_order else self.command
        with contextlib.suppress(OSError):
            self.heartbeat.unlink()
        env = {**self.env, ENV: str(self.heartbeat)}
        started = self.clock()
        try:
            child = subprocess.Popen(
                argv, env=env, stdin=subprocess.DEVNULL, stdout=self.output, stderr=self.output
            )
        except OSError as exc:
            log.error("cannot start %s: %s", argv[0], exc)
            self._note(f"the kiosk could not be started: {exc}")
            return _Outcome("exit", 127, 0.0)
        self.child = child
        self._emit("start", child.pid, "out-of-order" if self.out_of_order else "kiosk")
        reason = self._watch(child, started)
        return _Outcome(reason, child.returncode, self.clock() - started)

    def _watch(self, child: subprocess.Popen[bytes], started: float) -> str:
        policy = self.policy
        last_count: str | None = None
        last_change: float | None = None
        while True:
            code = child.poll()
            if code is not None:
                self._emit("exit", child.pid, str(code))
                if code != 0:
                    self._note(f"the kiosk (pid {child.pid}) {_ending(code)}")
                return "exit"
            if self._stop.is_set():
                self._terminate(child, dump=False)
                return "stop"
            now = self.clock()
            count = self._read_beat(child.pid)
            if count is not None and count != last_count:
                if last_change is None:
                    self._emit("up", child.pid, f"{now - started:.1f}")
                last_count, last_change = count, now
            silent = None
            if last_change is None and now - started > policy.startup_timeout:
                silent = f"sent no heartbeat within {policy.startup_timeout:g} s of its start"
            elif last_change is not None and now - last_change > policy.heartbeat_timeout:
                silent = f"sent no heartbeat for {now - last_change:.1f} s"
            if silent is not None:
                self._emit("frozen", child.pid, silent)
                self._note(f"the kiosk (pid {child.pid}) stopped answering: it {silent}")
                self._terminate(child, dump=True)
                return "frozen"
            if self.out_of_order and now - started > self._retry_wait:
                self._emit("retry", child.pid, f"{self._retry_wait:g}")
                self._terminate(child, dump=False)
                return "retry"
            self._stop.wait(policy.poll)

    def _read_beat(self, pid: int) -> str | None:
        """The beat count in the heartbeat file if *pid* wrote it, else None."""
        try:
            parts = self.heartbeat.read_text("ascii").split()
        except (OSError, UnicodeDecodeError):
            return None
        if len(parts) != 3 or parts[2] != str(pid):
            return None
        return parts[0]

    def _terminate(self, child: subprocess.Popen[bytes], dump: bool) -> None:
        """Stack dump (if *dump*), then SIGTERM, then SIGKILL after the grace time."""
        policy = self.policy
        if dump and hasattr(signal, "SIGUSR1"):
            _signal(child, signal.SIGUSR1)
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(policy.dump_grace)
        if child.poll() is not None:
            return
        _signal(child, signal.SIGTERM)
        try:
            child.wait(policy.term_grace)
        except subprocess.TimeoutExpired:
            log.warning("the kiosk (pid %d) ignored SIGTERM; killing it", child.pid)
            child.kill()
            child.wait()

    # -- policy --------------------------------------------------------------------------------

    def _after_failure(self, outcome: _Outcome) -> float:
        """Count the failure; switch to or from out-of-order; the delay before the next start."""
        policy = self.policy
        now = self.clock()
        self._crashes = [t for t in self._crashes if now - t < policy.crash_window] + [now]
        if not self.out_of_order:
            if outcome.lifetime < policy.quick_run:
                self.quick_streak += 1
            else:
                self.quick_streak = 0
                self._retry_wait = policy.retry_after
            if self.quick_streak >= policy.out_of_order_after:
                if self.quick_streak > policy.out_of_order_after:  # a retry failed: wait longer
                    self._retry_wait = min(policy.retry_max, self._retry_wait * 2)
                self.out_of_order = True
                self._emit("out-of-order", detail=f"{self.quick_streak} quick crashes in a row")
                self._note(
                    f"{self.quick_streak} quick crashes in a row: showing the out-of-order "
                    f"screen; trying the kiosk again in {self._retry_wait:g} s"
                )
                return policy.restart_delay
        excess = len(self._crashes) - policy.crash_limit
        if excess < 0:
            return policy.restart_delay
        return float(min(policy.backoff_max, policy.backoff_first * 2**excess))

    # -- reporting -----------------------------------------------------------------------------

    def _emit(self, kind: str, pid: int | None = None, detail: str = "") -> None:
        event = Event(kind, pid, detail)
        who = f" pid={pid}" if pid is not None else ""
        log.info("%s%s%s", kind, who, f" {detail}" if detail else "")
        if self.on_event is not None:
            self.on_event(event)

    def _note(self, text: str) -> None:
        """Append a line to the kiosk's crash log (the next kiosk shows it)."""
        if self.crash_log is None:
            return
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        try:
            with self.crash_log.open("a", encoding="utf-8") as file:
                file.write(f"{stamp} supervisor: {text}\n")
        except OSError as exc:
            log.error("cannot write the crash log %s: %s", self.crash_log, exc)


def _signal(child: subprocess.Popen[bytes], sig: int) -> None:
    """Send *sig* to *child*, and SIGCONT so that a stopped child receives it at once."""
    with contextlib.suppress(OSError):
        child.send_signal(sig)
        if hasattr(signal, "SIGCONT"):
            child.send_signal(signal.SIGCONT)


def _ending(code: int) -> str:
    if code == EXIT_RESTART:
        return "asked for a restart (an error storm)"
    if code < 0:
        with contextlib.suppress(ValueError):
            return f"was ended by signal {signal.Signals(-code).name}"
        return f"was ended by signal {-code}"
    return f"exited with code {code}"


def main(
    kiosk_args: Sequence[str],
    policy: Policy | None = None,
    program: Sequence[str] = (),
    verbose: bool = False,
) -> int:
    """``kiosk supervise``: log to ``supervise.log``, stop gracefully on SIGTERM/SIGINT/SIGHUP.

    Args:
        kiosk_args: the kiosk's command-line arguments.
        policy: the timings (default: :class:`Policy`).
        program: the command to run instead of ``python -m kiosk`` (a wrapper script).
        verbose: log to stderr too.
    """
    from kiosk.system import logs

    folder = logs.setup(verbose=verbose, filename="supervise.log", crash_log=False)
    command = [*program, *kiosk_args] if program else kiosk_command(kiosk_args)
    supervisor = Supervisor(command, policy, crash_log=folder / logs.CRASH_LOG)
    log.info("supervising %s", " ".join(command))
    names = ("SIGTERM", "SIGINT", "SIGHUP")
    signals = [getattr(signal, name) for name in names if hasattr(signal, name)]
    previous = {sig: signal.signal(sig, lambda *_: supervisor.stop()) for sig in signals}
    try:
        return supervisor.run()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
