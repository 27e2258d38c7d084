"""A window destroyed by another program ends the kiosk with a restart status (X11, Xvfb)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import xvfb

from kiosk.ui.window_watch import EXIT_WINDOW_LOST

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool (Debian packages xvfb, xdotool) and Qt's xcb libraries",
)


@pytest.fixture
def display() -> Iterator[str]:
    """A virtual X11 screen."""
    with xvfb.display() as name:
        yield name


def test_a_destroyed_window_ends_the_kiosk_for_a_restart(display: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND"))}
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        PYTHONPATH=str(ROOT),
    )
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--windowed", "--size", "800x600"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--class", "kiosk"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        window = found.stdout.split()[0]
        subprocess.run(["xdotool", "windowclose", window], env=env, check=True, timeout=10)
        _out, err = kiosk.communicate(timeout=60)
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.communicate()
    assert kiosk.returncode == EXIT_WINDOW_LOST, err
    assert "took the kiosk's window away" in err, "said on the terminal (and in the log)"
