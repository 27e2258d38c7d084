"""Start-up order: the first frame comes first; icons, statistics and watchers load after it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import isolated

ROOT = Path(__file__).resolve().parent.parent
PROBE = Path(__file__).resolve().parent / "startup_probe.py"


def _start(tmp_path: Path, windowed: bool = True) -> dict[str, Any]:
    """What the probe saw of a start of the kiosk with its folders in *tmp_path*: in a window,
    or full screen (a screen of 960×540)."""
    config = tmp_path / "kiosk.toml"
    config.write_text('opening_hours = "mon-sun 00:00-24:00"\n', encoding="utf-8")
    env = isolated.environment(tmp_path)
    if not windowed:
        screen = tmp_path / "screen.json"
        spec = {"name": "booth", "x": 0, "y": 0, "width": 960, "height": 540}
        screen.write_text(json.dumps({"screens": [spec]}), encoding="utf-8")
        env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    command = [sys.executable, str(PROBE)]
    command += ["--windowed", "--size", "960x540"] if windowed else []
    command += ["--config", str(config)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def test_the_first_frame_waits_for_nothing_it_does_not_show(tmp_path: Path) -> None:
    report = _start(tmp_path)
    assert report["page"] == "attract"
    first = report["first_paint"]
    assert first["modules"] == [], f"loaded before the first frame: {first['modules']}"
    assert not first["hours"] and not first["analytics"], "booth services before the first frame"
    assert not first["input_filters"], "application-wide event filters before the first frame"
    assert first["sources_read"] == [], "PySide's question read the modules' lines (linecache)"
    assert not first["collector"], "the cycle collector ran during the start (nothing to collect)"
    made = [name for name in first["qt_classes"] if name != "QFile"]  # it checks the content
    assert made == [], f"Qt classes made before the first frame: {first}"
    after = report["after"]
    assert after["hours"] and after["analytics"], "booth services never started"
    assert after["input_filters"], "touch and keys are watched from the first frame on"
    assert after["collector"], "the cycle collector is back once the first frame is on screen"
    assert after["frozen"] > 10_000, "the start's objects are set aside from the collector's runs"
    assert "kiosk.adapters.content_watch" in after["modules"]
    assert "kiosk.adapters.heartbeat" in after["modules"], "the watchdog's heartbeat started"
    assert "segno.encoder" in after["modules"], "the QR encoder is ready before an item page"
    assert "segno" not in after["modules"], "segno's writers (9 MB) are never imported"
    assert "qtawesome" not in after["modules"], "the bundled icons need no qtawesome"


def test_the_next_start_neither_paints_the_first_slide_nor_loads_the_content_again(
    tmp_path: Path,
) -> None:
    first = _start(tmp_path)  # paints the first slide, loads and checks the content; keeps both
    again_needless = {"kiosk.ui.figures", "kiosk.ui.zone", "kiosk.content.wording"}
    assert again_needless | {"kiosk.content.loader"} <= set(first["painted"])
    assert len(list((tmp_path / "cache").rglob("*.pixels"))) == 2, "slide and background kept"
    assert len(list((tmp_path / "cache").rglob("content.pickle"))) == 1, "the content kept"
    again = _start(tmp_path)
    assert again["page"] == "attract"
    assert again["painted"] == [], f"imported for the first frame: {again['painted']}"
    made = again["first_paint"]["qt_classes"]
    assert made == [], f"Qt classes made before the first frame: {made}"


def test_a_full_screen_start_shows_the_start_screen_the_start_before_kept(tmp_path: Path) -> None:
    first = _start(tmp_path, windowed=False)
    assert first["page"] == "attract"
    assert "picture_painted" not in first, "nothing kept yet: no picture"
    assert len(list((tmp_path / "cache").rglob("start-screen-960x540.pixels"))) == 1, "kept"
    again = _start(tmp_path, windowed=False)
    assert again["page"] == "attract"
    assert again["picture_painted"] is True, "the picture is on screen before the window paints"
    assert again["loaded_for_picture"] == [], "painted before the kiosk's own modules load"
    assert again["picture_matches"] is True, "the window paints what the picture showed"
    assert again["first_paint"]["pictures"] == ["startPicture"], "under the window's first frame"
    assert again["after"]["pictures"] == [], "closed once the window painted its first frame"
    windowed = _start(tmp_path)
    assert "picture_painted" not in windowed, "a window on a desktop has no start picture"
