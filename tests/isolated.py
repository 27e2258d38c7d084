"""The environment for a kiosk started as its own process in a test: offscreen, every platform
folder (settings, logs, statistics, caches) inside the test's temporary folder."""

from __future__ import annotations

import os
from pathlib import Path


def environment(folder: Path) -> dict[str, str]:
    """``os.environ`` with the offscreen platform and the XDG folders under *folder*."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_STATE_HOME": str(folder / "state"),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_DATA_HOME": str(folder / "data"),
        "XDG_CACHE_HOME": str(folder / "cache"),
        "XDG_RUNTIME_DIR": str(folder),
    }
