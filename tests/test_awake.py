"""Keeping the display awake: D-Bus ScreenSaver (a real bus and a stand-in service), xset,
Windows, and doing nothing quietly where there is nothing."""

from __future__ import annotations

import ctypes
import logging
import os
import selectors
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.adapters.awake import (
    ES_CONTINUOUS,
    ES_DISPLAY_REQUIRED,
    ES_SYSTEM_REQUIRED,
    DisplayKeeper,
)

HERE = Path(__file__).resolve().parent


class Lines:
    """The output of a process, line by line, with a deadline (never a fixed sleep).

    Reads the pipe itself: a buffered reader could hold a second line where ``select`` cannot
    see it.
    """

    def __init__(self, proc: subprocess.Popen[bytes]):
        assert proc.stdout is not None
        self.fd = proc.stdout.fileno()
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.fd, selectors.EVENT_READ)
        self.buffer = b""

    def next(self, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            assert left > 0, f"no line in time (so far: {self.buffer!r})"
            if self.selector.select(timeout=left):
                chunk = os.read(self.fd, 4096)
                assert chunk, f"the process ended (so far: {self.buffer!r})"
                self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line.decode().strip()


@pytest.fixture
def session_bus(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A private D-Bus session bus for this test."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    address = Lines(daemon).next()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    yield address
    daemon.terminate()
    daemon.wait(timeout=10)
    assert daemon.stdout is not None
    daemon.stdout.close()


@pytest.fixture
def screensaver(session_bus: str) -> Iterator[Lines]:
    """A stand-in for the desktop's org.freedesktop.ScreenSaver on that bus."""
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "fake_screensaver.py")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    lines = Lines(proc)
    assert lines.next() == "ready"
    yield lines
    proc.terminate()
    proc.wait(timeout=10)
    assert proc.stdout is not None
    proc.stdout.close()


def test_dbus_inhibits_and_releases(qapp: object, screensaver: Lines) -> None:
    keeper = DisplayKeeper(reason="open to visitors")
    assert keeper.inhibit()
    assert keeper.backend == "dbus" and keeper.inhibited
    call = screensaver.next()
    assert call.startswith("Inhibit kiosk 'open to visitors' -> ")
    cookie = call.rsplit(" ", 1)[1]
    assert screensaver.next() == "SimulateUserActivity", "a dark display wakes at opening time"
    assert keeper.inhibit(), "twice is the same inhibition"
    keeper.release()
    assert screensaver.next() == f"gone {cookie}", "the service drops the inhibition"
    assert not keeper.inhibited and keeper.backend == ""
    assert keeper.inhibit(), "and it can inhibit again the next morning"
    assert screensaver.next().startswith("Inhibit kiosk")
    keeper.release()


def test_a_one_shot_command_could_not_hold_the_display(screensaver: Lines) -> None:
    """Why the keeper does not shell out to gdbus: the inhibition dies with the command."""
    if shutil.which("gdbus") is None:
        pytest.skip("gdbus is not installed")
    result = subprocess.run(
        ["gdbus", "call", "--session", "--dest", "org.freedesktop.ScreenSaver",
         "--object-path", "/org/freedesktop/ScreenSaver",
         "--method", "org.freedesktop.ScreenSaver.Inhibit", "x", "y"],
        capture_output=True, text=True, timeout=20,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    cookie = screensaver.next().rsplit(" ", 1)[1]
    assert screensaver.next() == f"gone {cookie}"


def test_without_a_bus_or_display_it_does_nothing_quietly(
    qapp: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    monkeypatch.delenv("DISPLAY", raising=False)
    keeper = DisplayKeeper()
    with caplog.at_level(logging.DEBUG, "kiosk.awake"):
        assert not keeper.inhibit()
        assert not keeper.inhibit()
        keeper.release()
    assert not keeper.inhibited
    assert [r.levelno for r in caplog.records if "no way" in r.getMessage()] == [logging.DEBUG]
    assert all(r.levelno < logging.WARNING for r in caplog.records)


def test_x11_without_the_service_uses_xset(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")
    commands: list[list[str]] = []
    keeper = DisplayKeeper(run=lambda command: commands.append(command) or 0)
    assert keeper.inhibit() and keeper.backend == "xset"
    keeper.release()
    assert commands == [["xset", "s", "off", "-dpms"], ["xset", "s", "default", "+dpms"]]


def test_windows_uses_set_thread_execution_state(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    class Kernel32:
        @staticmethod
        def SetThreadExecutionState(flags: int) -> int:  # noqa: N802 - the Win32 name
            calls.append(flags)
            return ES_CONTINUOUS

    class WinDLL:
        kernel32 = Kernel32()

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "windll", WinDLL(), raising=False)
    keeper = DisplayKeeper()
    assert keeper.inhibit() and keeper.backend == "windows"
    keeper.release()
    assert calls == [ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED, ES_CONTINUOUS]


def test_a_failing_platform_call_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delattr(ctypes, "windll", raising=False)  # no such thing here
    keeper = DisplayKeeper()
    assert not keeper.inhibit()
    keeper.release()


def test_turned_off_by_the_setting_it_does_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    commands: list[list[str]] = []
    keeper = DisplayKeeper(enabled=False, run=lambda command: commands.append(command) or 0)
    monkeypatch.setenv("DISPLAY", ":0")
    assert not keeper.inhibit()
    keeper.release()
    assert commands == [] and keeper.backend == ""
