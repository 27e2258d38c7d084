"""Shared by the fleet tests: a content copy, a loader and a statistics database with visits."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from kiosk.adapters import resources
from kiosk.content import Content, Environment, load
from kiosk.model.analytics import AnalyticsStore, Recorder


def loader(folder: Path) -> Content:
    """Loads a content folder as the kiosk does."""
    return load(folder, Environment(resource_exists=resources.exists))


def record_visits(path: Path, visits: int, day: str = "2023-05-25", lang: str = "zh") -> None:
    """A statistics database at *path* with *visits* short sessions on *day* (UTC)."""
    moment = [datetime.fromisoformat(f"{day}T10:00:00+00:00").timestamp()]

    def clock() -> float:
        return moment[0]

    recorder = Recorder(AnalyticsStore(path), clock=clock, tz=UTC)
    for _ in range(visits):
        recorder.session_start(lang)
        recorder.screen("home", lang)
        recorder.touch(0.5, 0.5)
        moment[0] += 30
        recorder.screen("zone", lang)
        moment[0] += 60
        recorder.session_end()
        moment[0] += 120
    recorder.close()


def now() -> datetime:
    return datetime.now(UTC)
