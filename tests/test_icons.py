"""The bundled icon subset: complete, up to date, drawn like qtawesome, qtawesome for the rest."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kiosk.ui import icons

ROOT = Path(__file__).resolve().parent.parent


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("subset_icons", ROOT / "tools/subset_icons.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_icon_the_code_and_content_name_is_bundled(qtbot: QtBot) -> None:
    names = _tool().used_names()
    assert len(names) > 20
    missing = sorted(n for n in names if not icons.bundled(n))
    assert not missing, f"run tools/subset_icons.py: {missing}"


def test_the_bundled_subset_is_what_the_tool_makes(tmp_path: Path) -> None:
    tool = _tool()
    tool.build(tool.used_names(), tmp_path)
    for name in (tool.FONT_NAME, tool.MAP_NAME):
        made = (tmp_path / name).read_bytes()
        assert made == (ROOT / "assets/icons" / name).read_bytes(), f"{name}: re-run the tool"


def _ink(image: QImage) -> tuple[float, float, float]:
    """Total alpha and its centroid: the same glyph at the same size and place, to a pixel."""
    total = cx = cy = 0.0
    for y in range(image.height()):
        for x in range(image.width()):
            a = image.pixelColor(x, y).alpha()
            total, cx, cy = total + a, cx + a * x, cy + a * y
    return total, cx / max(total, 1), cy / max(total, 1)


@pytest.mark.parametrize("name", ["mdi6.atom-variant", "mdi6.arrow-left", "mdi6.weather-night"])
def test_a_bundled_icon_looks_as_qtawesome_draws_it(qtbot: QtBot, name: str) -> None:
    import qtawesome as qta

    ours = _ink(icons.icon(name, "#000000").pixmap(QSize(48, 48)).toImage())
    theirs = _ink(qta.icon(name, color="#000000").pixmap(QSize(48, 48)).toImage())
    assert ours[0] > 48 * 48 * 10, "the glyph is drawn"
    assert abs(ours[0] - theirs[0]) / theirs[0] < 0.05, "the same glyph at the same size"
    assert abs(ours[1] - theirs[1]) <= 1 and abs(ours[2] - theirs[2]) <= 1, "in the same place"


def test_other_names_come_from_qtawesome_and_unknown_ones_fall_back(qtbot: QtBot) -> None:
    assert not icons.bundled("mdi6.rocket-launch")
    other = icons.icon("mdi6.rocket-launch", "#000000")
    assert "qtawesome" in sys.modules
    assert not other.pixmap(QSize(32, 32)).isNull()
    unknown = icons.icon("mdi6.no-such-icon-anywhere", "#000000").pixmap(QSize(32, 32))
    fallback = icons.icon(icons.FALLBACK, "#000000").pixmap(QSize(32, 32))
    assert unknown.toImage() == fallback.toImage()
