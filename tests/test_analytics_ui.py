"""Analytics end to end: a real shell driven by real touches, then `kiosk stats` on what it kept."""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import fingers
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.adapters.recorder import AnalyticsBridge, install_analytics
from kiosk.commands import cli
from kiosk.commands.stats import heat_colour, render_heatmap
from kiosk.content import Content
from kiosk.model.analytics import GRID_COLUMNS, GRID_ROWS, AnalyticsStore, Recorder, grid_cell
from kiosk.model.navigation import ATTRACT, HOME, Route
from kiosk.model.report import build_report, today_summary
from kiosk.model.session import Session
from kiosk.model.settings import Settings
from kiosk.ui.shell import Shell
from kiosk.ui.tokens import THEME

SIZE = (1920, 1080)
START = datetime(2023, 5, 25, 14, 5, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START.timestamp()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def shell(qtbot: QtBot, content: Content) -> Iterator[Shell]:
    shell = Shell(Session(content, Settings.defaults().replace(transition_ms=150)))
    qtbot.addWidget(shell)
    shell.resize(*SIZE)
    shell.show()
    qtbot.waitExposed(shell)
    qtbot.waitUntil(lambda: shell.ready)  # touch and keys watched from here on
    yield shell
    shell.allow_close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def bridge(shell: Shell, clock: Clock, tmp_path: Path) -> Iterator[AnalyticsBridge]:
    store = AnalyticsStore(tmp_path / "analytics.sqlite3")
    recorder = Recorder(store, clock=clock, tz=UTC)
    staff = shell.admin_control.staff
    bridge = AnalyticsBridge(recorder, shell.session, staff, shell, shell.input.activity)
    yield bridge
    bridge.close()


def button(parent: QWidget, name: str) -> QAbstractButton:
    for candidate in parent.findChildren(QAbstractButton):
        if candidate.accessibleName() == name and candidate.isVisible():
            return candidate
    raise AssertionError(f"no visible button {name!r}")


def go(qtbot: QtBot, shell: Shell, widget: QWidget, route: Route) -> QPoint:
    """Tap *widget* and wait for *route*; returns where the finger touched (window pixels)."""
    at = widget.mapTo(shell, widget.rect().center())
    fingers.tap(widget)
    qtbot.waitUntil(lambda: shell.nav.current == route)
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)
    return at


def cell_of(point: QPoint) -> tuple[int, int]:
    cell = grid_cell(point.x() / SIZE[0], point.y() / SIZE[1])
    assert cell is not None
    return cell


def browse(qtbot: QtBot, shell: Shell, clock: Clock) -> list[QPoint]:
    """Attract → Home → Forum themes → a theme, switch to English, then the idle reset."""
    assert shell.host.page is not None
    touched = [go(qtbot, shell, shell.host.page, HOME)]
    clock.advance(5)
    assert shell.host.page is not None
    touched.append(go(qtbot, shell, button(shell.host.page, "论坛主题"), Route("themes")))
    clock.advance(7)
    assert shell.host.page is not None
    title = shell.session.content.theme("frontier").title.zh
    touched.append(go(qtbot, shell, button(shell.host.page, title), Route("theme", "frontier")))
    clock.advance(6)
    touched.append(shell.bar.language.mapTo(shell, shell.bar.language.rect().center()))
    fingers.tap(shell.bar.language)
    assert shell.session.lang == "en"
    clock.advance(9)
    shell.reset()  # what the idle timer does
    qtbot.waitUntil(lambda: shell.nav.current == ATTRACT)
    return touched


def test_a_browsing_session_is_recorded_with_its_screens_and_dwell_times(
    qtbot: QtBot, shell: Shell, bridge: AnalyticsBridge, clock: Clock
) -> None:
    touched = browse(qtbot, shell, clock)
    store = bridge.recorder.store
    [session] = store.sessions()
    assert session["ended"] - session["started"] == 27
    assert session["lang_start"] == "zh" and session["langs"] == "en,zh"
    views = [(route, dwell, lang) for _, route, _, dwell, lang in store.views()]
    assert views == [
        ("home", 5000, "zh"),
        ("themes", 7000, "zh"),
        ("theme/frontier", 15000, "zh"),
    ]
    grid = build_report(store).grid
    assert sum(grid.values()) == len(touched), "each touch counted once"
    for point in touched:
        assert grid[cell_of(point)] >= 1


def test_a_new_session_starts_with_the_next_visitor(
    qtbot: QtBot, shell: Shell, bridge: AnalyticsBridge, clock: Clock
) -> None:
    browse(qtbot, shell, clock)
    clock.advance(100)
    assert shell.host.page is not None
    go(qtbot, shell, shell.host.page, HOME)
    clock.advance(3)
    shell.reset()
    sessions = bridge.recorder.store.sessions()
    assert len(sessions) == 2
    assert sessions[1]["ended"] - sessions[1]["started"] == 3
    assert sessions[1]["lang_start"] == "zh", "the reset put the language back"


def test_accessibility_modes_are_recorded(
    qtbot: QtBot, shell: Shell, bridge: AnalyticsBridge, clock: Clock
) -> None:
    assert shell.host.page is not None
    go(qtbot, shell, shell.host.page, HOME)
    mode = next(iter(shell.bar.modes))
    fingers.tap(shell.bar.modes[mode])
    assert shell.session.modes[mode]
    clock.advance(2)
    shell.reset()
    [session] = bridge.recorder.store.sessions()
    assert session["modes"] == mode


def test_staff_are_not_counted(
    qtbot: QtBot, shell: Shell, bridge: AnalyticsBridge, clock: Clock
) -> None:
    assert shell.host.page is not None
    go(qtbot, shell, shell.host.page, HOME)
    clock.advance(4)
    with qtbot.waitSignal(shell.input.admin_requested):
        for _ in range(5):
            fingers.tap(shell, QPoint(20, 20))
    assert shell.admin_control.pin_pad is not None
    bridge.recorder.flush()
    before = sum(build_report(bridge.recorder.store).grid.values())
    assert before == 6  # the tap that opened Home and the five in the corner
    for key in ("2", "0", "2", "3"):
        fingers.tap(shell.admin_control.pin_pad.keys[key])
    bridge.recorder.flush()
    assert sum(build_report(bridge.recorder.store).grid.values()) == before, "no PIN touches"
    shell.admin_control.close()
    shell.reset()
    assert bridge.recorder.store.sessions() == []


def test_stats_command_lists_the_screens_with_their_dwell_times(
    qtbot: QtBot,
    shell: Shell,
    bridge: AnalyticsBridge,
    clock: Clock,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    browse(qtbot, shell, clock)
    db = bridge.recorder.store.path
    out = tmp_path / "screens.csv"
    assert cli.main(["stats", "--db", str(db), "--csv", str(out)]) == 0
    with out.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [(r["day"], r["screen"], r["lang"], r["views"], r["dwell_s"]) for r in rows] == [
        ("2023-05-25", "home", "zh", "1", "5.0"),
        ("2023-05-25", "theme/frontier", "zh", "1", "15.0"),
        ("2023-05-25", "themes", "zh", "1", "7.0"),
    ]
    text = capsys.readouterr().out
    assert "Sessions: 1; average length 0:27" in text
    assert "theme/frontier" in text and "Top screens by dwell time" in text
    assert "14:00" in text, "sessions per hour"
    assert "sessions that used English: 1" in text
    assert cli.main(["stats", "--db", str(db), "--since", "2023-05-26"]) == 0
    assert "No visitors recorded" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        cli.main(["stats", "--db", str(db), "--since", "last week"])
    assert cli.main(["stats", "--db", str(tmp_path / "none.sqlite3")]) == 1


def test_today_summary_for_the_admin_menu(
    qtbot: QtBot, shell: Shell, bridge: AnalyticsBridge, clock: Clock
) -> None:
    browse(qtbot, shell, clock)
    summary = today_summary(bridge.recorder.store, date(2023, 5, 25))
    assert summary == {
        "day": "2023-05-25",
        "sessions": 1,
        "average_session_s": 27.0,
        "views": 3,
        "touches": 4,
        "top_screen": "theme/frontier",
        "languages": {"zh": 1},
    }
    assert today_summary(bridge.recorder.store, date(2023, 5, 26))["sessions"] == 0


def test_heatmap_draws_the_touches_over_home(
    qtbot: QtBot, shell: Shell, bridge: AnalyticsBridge, clock: Clock, tmp_path: Path
) -> None:
    touched = browse(qtbot, shell, clock)
    out = tmp_path / "heatmap.png"
    db = bridge.recorder.store.path
    assert cli.main(["stats", "--db", str(db), "--heatmap", str(out)]) == 0
    image = QImage(str(out))
    assert image.width() == SIZE[0] and image.height() > SIZE[1]
    colours = {image.pixel(x, y) for x in range(0, SIZE[0], 37) for y in range(0, SIZE[1], 37)}
    assert len(colours) > 50, "not blank: the Home screen is under the heat"
    # where the fingers were, the heat colour shows; far from them, only the dimmed screen
    busy = cell_of(touched[1])
    x = int((busy[0] + 0.5) * SIZE[0] / GRID_COLUMNS)
    y = int((busy[1] + 0.5) * SIZE[1] / GRID_ROWS)
    base = QImage(SIZE[0], SIZE[1], QImage.Format.Format_RGB32)
    base.fill(QColor(THEME.palette.background))
    plain = tmp_path / "plain.png"
    grid = build_report(bridge.recorder.store).grid
    render_heatmap(grid, plain, base=base)
    flat = QImage(str(plain))
    quiet = next(
        (gx, gy)
        for gx in range(GRID_COLUMNS)
        for gy in range(GRID_ROWS)
        if all(abs(gx - cx) > 2 or abs(gy - cy) > 2 for cx, cy in grid)
    )
    qx = int((quiet[0] + 0.5) * SIZE[0] / GRID_COLUMNS)
    qy = int((quiet[1] + 0.5) * SIZE[1] / GRID_ROWS)
    hot = QColor(flat.pixel(x, y + 40))  # below the count label
    cold = QColor(flat.pixel(qx, qy))
    heat = heat_colour(1.0)
    assert _distance(hot, heat) < _distance(cold, heat)
    assert cold.green() < hot.green() or cold.red() < hot.red()


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_install_analytics_follows_the_settings(
    shell: Shell, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    off = Settings.defaults().replace(analytics=False)
    staff, activity = shell.admin_control.staff, shell.input.activity
    assert install_analytics(off, shell.session, staff, shell, activity) is None
    path = tmp_path / "sub" / "stats.sqlite3"
    settings = Settings.defaults().replace(analytics_db=str(path))
    with caplog.at_level(logging.INFO, "kiosk.analytics"):
        bridge = install_analytics(settings, shell.session, staff, shell, activity)
    assert bridge is not None and bridge.recorder.store.path == path
    bridge.close()
    bridge.close()  # twice is harmless
    assert path.is_file()
