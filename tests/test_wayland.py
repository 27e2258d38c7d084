"""The kiosk runs natively on Wayland, full screen, under a headless compositor (weston)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROBE = Path(__file__).resolve().parent / "window_probe.py"
SOCKET = "wayland-kiosk-test"

pytestmark = pytest.mark.skipif(
    shutil.which("weston") is None,
    reason="weston is not installed (Debian package `weston`): the Wayland check needs it",
)


@pytest.fixture
def compositor(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A headless weston with its own XDG_RUNTIME_DIR; the environment a client needs."""
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DISPLAY", "WAYLAND"))}
    env.update(XDG_RUNTIME_DIR=str(runtime))
    weston = subprocess.Popen(
        [
            "weston",
            "--backend=headless-backend.so",
            f"--socket={SOCKET}",
            "--width=1280",
            "--height=800",
            "--idle-time=0",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        socket = runtime / SOCKET
        # The socket is there once weston listens; inotify would be overkill for one file.
        done = subprocess.run(
            [
                "sh",
                "-c",
                f"for i in $(seq 100); do [ -S {socket} ] && exit 0; sleep 0.1; done; exit 1",
            ],
            timeout=30,
        )
        if done.returncode != 0:
            pytest.fail("weston did not start")
        env.update(WAYLAND_DISPLAY=SOCKET, XDG_SESSION_TYPE="wayland")
        yield env
    finally:
        weston.terminate()
        weston.wait(timeout=10)


def test_the_kiosk_is_full_screen_on_wayland(compositor: dict[str, str], tmp_path: Path) -> None:
    env = dict(
        compositor,
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        PYTHONPATH=str(ROOT),
    )
    for start in ("first", "next"):  # the next start shows the first one's start picture
        done = subprocess.run(
            [sys.executable, str(PROBE)], env=env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout.strip().splitlines()[-1])
        assert report["platform"] == "wayland", "native Wayland, chosen from the session"
        assert report["full_screen"] is True, start
        assert report["window"] == report["screen"] == [1280, 800], start
    assert len(list((tmp_path / "cache").rglob("start-screen-1280x800.pixels"))) == 1
