"""``kiosk fleet status|stats FLEET_DIR``: the office's view of a fleet folder.

``status`` lists every kiosk (ok, late or silent, the release it shows, uptime, its last problem)
and exits 1 unless all are ok, for a monitoring script. ``stats`` reports what ``kiosk stats``
reports, over every kiosk's newest statistics snapshot: in total, then per kiosk.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from kiosk.model.fleet.manifest import read_current
from kiosk.model.fleet.snapshots import read_fleet_stats
from kiosk.model.fleet.status import Seen, read_statuses
from kiosk.model.report import Report, duration, parse_since, report_of

USAGE = "usage: kiosk fleet {status,stats} FLEET_DIR [options] (see kiosk fleet status --help)"


def status_parser() -> argparse.ArgumentParser:
    """The arguments of ``kiosk fleet status``."""
    parser = argparse.ArgumentParser(
        prog="kiosk fleet status",
        description="One line per kiosk of a fleet folder: ok, late or silent (from the age of "
        "its status file), the release it shows against the current one, uptime and its last "
        "problem. Exit 0 when every kiosk is ok, else 1.",
    )
    parser.add_argument("fleet", type=Path, help="the fleet folder")
    parser.add_argument("--json", action="store_true", help="print a JSON document instead")
    return parser


def stats_parser() -> argparse.ArgumentParser:
    """The arguments of ``kiosk fleet stats``."""
    parser = argparse.ArgumentParser(
        prog="kiosk fleet stats",
        description="What `kiosk stats` reports, over every kiosk of a fleet folder: in total, "
        "then per kiosk. A damaged or half-copied snapshot is skipped with a line naming it.",
    )
    parser.add_argument("fleet", type=Path, help="the fleet folder")
    parser.add_argument("--since", help="first day: YYYY-MM-DD, 'today' or '7d' (default: all)")
    parser.add_argument(
        "--csv", type=Path, help="write one row per kiosk, day, screen and language (kiosk 'all')"
    )
    parser.add_argument(
        "--heatmap", type=Path, help="draw every kiosk's touches over Home into this PNG"
    )
    return parser


def fleet_command(argv: Sequence[str]) -> int:
    """``kiosk fleet status ...`` or ``kiosk fleet stats ...``."""
    if argv and argv[0] == "status":
        args = status_parser().parse_args(argv[1:])
        return status_command(args.fleet, args.json)
    if argv and argv[0] == "stats":
        parser = stats_parser()
        args = parser.parse_args(argv[1:])
        try:
            since = parse_since(args.since) if args.since else None
        except ValueError as exc:
            parser.error(f"--since: {exc}")
        return stats_command(args.fleet, since, args.csv, args.heatmap)
    print(USAGE, file=sys.stderr)
    return 2


# --- status -----------------------------------------------------------------------------------


def status_command(fleet: Path, as_json: bool = False) -> int:
    """Print every kiosk's status; 0 when there is at least one and all are ok."""
    current = read_current(fleet)
    seen = read_statuses(fleet)
    if as_json:
        document = {"current_release": current, "kiosks": [s.as_json() for s in seen]}
        print(json.dumps(document, indent=2, ensure_ascii=False))
    elif not seen:
        print(f"{fleet}: no kiosk has reported yet (no status/*.json)")
    else:
        print(f"current release: {current or 'none published'}")
        width = max(len(s.kiosk) for s in seen) + 2
        for s in seen:
            print(status_line(s, current, width))
    return 0 if seen and all(s.health == "ok" for s in seen) else 1


def status_line(seen: Seen, current: str | None, width: int = 16) -> str:
    """One kiosk in one line: id, health, age, release shown, uptime, screen, last problem."""
    d = seen.document
    shown = d.get("release_shown") or "its own content"
    where = "current" if current and shown == current else "not current"
    uptime = d.get("uptime_s")
    up = duration(float(uptime)) if isinstance(uptime, int | float) else "?"
    parts = [
        f"{seen.kiosk:<{width}}{seen.health:<8}",
        f"seen {duration(seen.age_s)} ago",
        f"release {shown} ({where})",
        f"up {up}",
    ]
    if d.get("screen"):
        parts.append(f"on {d['screen']} [{d.get('language', '?')}]")
    if d.get("open") is False:
        parts.append("closed hours")
    if seen.problem:
        parts.append(f"last problem: {seen.problem}")
    return "  ".join(parts)


# --- stats ------------------------------------------------------------------------------------


def stats_command(
    fleet: Path,
    since: object = None,
    csv_path: Path | None = None,
    heatmap: Path | None = None,
) -> int:
    """Print the fleet's statistics (in total, then per kiosk); 1 when there are none."""
    from datetime import date

    from kiosk.commands.stats_text import write_text

    day = since if isinstance(since, date) else None
    fleet_stats = read_fleet_stats(fleet, day, say=lambda line: print(line, file=sys.stderr))
    if not fleet_stats.kiosks:
        print(f"{fleet}: no statistics snapshots (stats/<kiosk>/*.sqlite3) to read")
        return 1
    total = report_of(fleet_stats.total(), day)
    names = ", ".join(fleet_stats.kiosks)
    write_text(total, sys.stdout, f"{len(fleet_stats.kiosks)} kiosks: {names}")
    reports = {k: report_of(agg, day) for k, (_p, agg) in fleet_stats.kiosks.items()}
    print("\nPer kiosk")
    width = max(len(k) for k in reports) + 2
    header = f"{'sessions':>9}{'avg length':>12}{'views':>8}{'touches':>9}  snapshot"
    print(f"  {'kiosk':<{width}}{header}")
    for kiosk, report in reports.items():
        t = report.totals
        snapshot = fleet_stats.kiosks[kiosk][0].name
        print(
            f"  {kiosk:<{width}}{t.sessions:>9,}{duration(report.average_session_s):>12}"
            f"{t.views:>8,}{t.touches:>9,}  {snapshot}"
        )
    if csv_path is not None:
        rows = write_fleet_csv({**reports, "all": total}, csv_path)
        print(f"\n{rows} screen rows written to {csv_path}")
    if heatmap is not None:
        from kiosk.commands.stats import write_heatmap

        write_heatmap(total, heatmap)
        print(f"heatmap of {len(reports)} kiosks written to {heatmap}")
    return 0


def write_fleet_csv(reports: dict[str, Report], path: Path) -> int:
    """One row per kiosk, day, screen and language; returns the number of rows."""
    from kiosk.commands.stats import CSV_COLUMNS

    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(("kiosk", *CSV_COLUMNS))
        for kiosk, report in reports.items():
            for day, route, lang, views, dwell in report.rows:
                average = dwell / 1000 / views if views else 0.0
                writer.writerow(
                    [kiosk, day, route, lang, views, f"{dwell / 1000:.1f}", f"{average:.1f}"]
                )
                count += 1
    return count
