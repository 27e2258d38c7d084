"""Status documents: what each kiosk writes to ``FLEET/status/<id>.json`` and how the office
reads them.

A kiosk is *ok* while its status is fresh, *late* after a few missed heartbeats and *silent* after
many. Freshness is measured twice, by the time written inside the document (the kiosk's clock)
and by the file's modification time (the clock of whichever machine wrote the file), and the
fresher of the two counts: clocks that differ between PCs do not make a kiosk look silent while
its file is fresh.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from kiosk.model.fleet.manifest import atomic_write

#: The folder of the status documents inside the fleet folder.
STATUS = "status"
#: The status document's format.
STATUS_FORMAT = 1
#: Missed heartbeats before a kiosk is late, and before it is silent.
LATE_BEATS = 3
SILENT_BEATS = 10

Health = Literal["ok", "late", "silent"]


def status_path(fleet: Path, kiosk: str) -> Path:
    """``FLEET/status/<kiosk>.json``."""
    return fleet / STATUS / f"{kiosk}.json"


def now_iso(now: datetime | None = None) -> str:
    """*now* (default: the current time) in ISO 8601, UTC, to the second."""
    return (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")


def write_status(fleet: Path, kiosk: str, document: Mapping[str, Any]) -> Path:
    """Write *document* (with its format added) as *kiosk*'s status, atomically."""
    path = status_path(fleet, kiosk)
    text = json.dumps({"format": STATUS_FORMAT, **document}, indent=2, ensure_ascii=False)
    atomic_write(path, (text + "\n").encode())
    return path


def health(age_s: float, heartbeat_s: float) -> Health:
    """ok, late or silent for a status *age_s* seconds old, written every *heartbeat_s*."""
    if age_s <= LATE_BEATS * heartbeat_s:
        return "ok"
    if age_s <= SILENT_BEATS * heartbeat_s:
        return "late"
    return "silent"


@dataclass(frozen=True)
class Seen:
    """One kiosk as the office sees it.

    Attributes:
        kiosk: its id (the file's name).
        document: the status it wrote (empty when unreadable).
        age_s: seconds since it was written: the fresher of file time and written time, >= 0.
        health: ok, late or silent.
        problem: the last problem it reports, or why its status cannot be read.
    """

    kiosk: str
    document: dict[str, Any]
    age_s: float
    health: Health
    problem: str

    def as_json(self) -> dict[str, Any]:
        return {
            "kiosk": self.kiosk,
            "health": self.health,
            "age_s": round(self.age_s, 1),
            "problem": self.problem,
            "status": self.document,
        }


def last_problem(document: Mapping[str, Any]) -> str:
    """The most telling problem of a status document (empty when there is none)."""
    if document.get("release_reason"):
        return str(document["release_reason"])
    if document.get("crashes_last_hour"):
        return f"{document['crashes_last_hour']} crash(es) in the last hour"
    problems = document.get("content_problems") or []
    if problems:
        return f"content: {problems[0]}"
    if document.get("last_error"):
        return f"{document.get('errors_last_hour', 0)} error(s) in the last hour; last: " + str(
            document["last_error"]
        )
    return ""


def read_statuses(fleet: Path, now: datetime | None = None) -> list[Seen]:
    """Every kiosk's status in *fleet*, sorted by kiosk id."""
    now = now or datetime.now(UTC)
    folder = fleet / STATUS
    paths = sorted(folder.glob("*.json")) if folder.is_dir() else []
    return [read_status(path, now) for path in paths if not path.name.startswith(".")]


def read_status(path: Path, now: datetime) -> Seen:
    """The kiosk whose status is *path*, as seen at *now*."""
    kiosk = path.stem
    try:
        file_age = now.timestamp() - path.stat().st_mtime
        document = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(document, dict):
            raise ValueError("not a JSON object")
    except (OSError, ValueError) as exc:
        return Seen(kiosk, {}, 0.0, "silent", f"status unreadable: {exc}")
    ages = [file_age]
    try:
        written = datetime.fromisoformat(str(document.get("written_at")))
        if written.tzinfo is None:
            written = written.replace(tzinfo=UTC)
        ages.append((now - written).total_seconds())
    except ValueError:
        pass
    age = max(0.0, min(ages))
    beat = document.get("heartbeat_s")
    heartbeat = float(beat) if isinstance(beat, int | float) and beat > 0 else 60.0
    return Seen(kiosk, document, age, health(age, heartbeat), last_problem(document))
