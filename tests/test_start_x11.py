"""The start picture on a real X11 server (Xvfb): a full-screen window that takes no keyboard
focus and does not stay on top (the offscreen platform focuses every window it shows, so only a
window system can say)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import xvfb

ROOT = Path(__file__).resolve().parent.parent
PROBE = Path(__file__).resolve().parent / "picture_probe.py"

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xprop")),
    reason="needs Xvfb and xprop (Debian packages xvfb, x11-utils) and Qt's xcb libraries",
)


def test_the_start_picture_takes_no_focus_and_does_not_stay_on_top(tmp_path: Path) -> None:
    with xvfb.display() as name:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND"))}
        env.update(DISPLAY=name, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT))
        probe = subprocess.Popen(
            [sys.executable, str(PROBE), str(tmp_path)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert probe.stdout is not None
            window = probe.stdout.readline().strip()
            assert window.isdigit(), probe.communicate(timeout=30)[1]
            shown = subprocess.run(
                ["xprop", "-id", window, "WM_HINTS", "_NET_WM_STATE"],
                env=env,
                capture_output=True,
                text=True,
                timeout=30,
                check=True,
            ).stdout
        finally:
            _out, err = probe.communicate(input="", timeout=30)
    assert probe.returncode == 0, err
    assert "Client accepts input or input focus: False" in shown, shown
    assert "_NET_WM_STATE_FULLSCREEN" in shown, shown
    assert "_NET_WM_STATE_ABOVE" not in shown and "STAYS_ON_TOP" not in shown, shown
