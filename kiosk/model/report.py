"""What visitors did, computed from the statistics store: the report, today's figures."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from kiosk.model.analytics import Aggregate, AnalyticsStore, DayTotals

__all__ = [
    "Report",
    "ScreenStat",
    "build_report",
    "duration",
    "parse_since",
    "report_of",
    "today_summary",
]


@dataclass(frozen=True)
class ScreenStat:
    """One screen's views and dwell time over the report's days."""

    route: str
    views: int
    dwell_ms: int

    @property
    def average_s(self) -> float:
        return self.dwell_ms / 1000 / self.views if self.views else 0.0


@dataclass
class Report:
    """Everything ``kiosk stats`` prints, computed once from the database."""

    since: date | None
    days: list[tuple[str, DayTotals]] = field(default_factory=list)
    hours: list[int] = field(default_factory=lambda: [0] * 24)
    totals: DayTotals = field(default_factory=DayTotals)
    screens: list[ScreenStat] = field(default_factory=list)
    start_langs: Counter[str] = field(default_factory=Counter)
    used_langs: Counter[str] = field(default_factory=Counter)
    view_langs: Counter[str] = field(default_factory=Counter)
    modes: Counter[str] = field(default_factory=Counter)
    grid: Counter[tuple[int, int]] = field(default_factory=Counter)
    rows: list[tuple[str, str, str, int, int]] = field(default_factory=list)

    @property
    def average_session_s(self) -> float:
        sessions = self.totals.sessions
        return self.totals.session_ms / 1000 / sessions if sessions else 0.0

    @property
    def average_active_s(self) -> float:
        sessions = self.totals.sessions
        return self.totals.active_ms / 1000 / sessions if sessions else 0.0


def build_report(store: AnalyticsStore, since: date | None = None) -> Report:
    """The report of every day from *since* (default: every day recorded)."""
    return report_of(store.aggregate(since), since)


def report_of(aggregate: Aggregate, since: date | None = None) -> Report:
    """The report of *aggregate* (one store's, or several stores' merged)."""
    report = Report(since)
    for day in sorted(aggregate.daily):
        totals = aggregate.daily[day]
        report.days.append((day, totals))
        report.totals.add(totals)
    for (_day, hour), sessions in aggregate.hours.items():
        report.hours[hour] += sessions
    screens: dict[str, list[int]] = {}
    for (day, route, lang), (views, dwell) in sorted(aggregate.screens.items()):
        report.rows.append((day, route, lang, views, dwell))
        sums = screens.setdefault(route, [0, 0])
        sums[0] += views
        sums[1] += dwell
        report.view_langs[lang] += views
    report.screens = [ScreenStat(route, v, d) for route, (v, d) in screens.items()]
    for (_day, tag), sessions in aggregate.tags.items():
        kind, _, name = tag.partition(":")
        {"start": report.start_langs, "lang": report.used_langs, "mode": report.modes}.get(
            kind, Counter()
        )[name] += sessions
    for (_day, gx, gy), count in aggregate.touches.items():
        report.grid[(gx, gy)] += count
    return report


def parse_since(text: str, today: date | None = None) -> date:
    """``YYYY-MM-DD``, ``today`` or ``Nd`` (the last N days, today included).

    Raises:
        ValueError: none of these.
    """
    today = today or date.today()
    text = text.strip().lower()
    if text == "today":
        return today
    if text.endswith("d") and text[:-1].isdigit() and int(text[:-1]) >= 1:
        return date.fromordinal(today.toordinal() - int(text[:-1]) + 1)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"expected a date such as 2023-05-25, 'today' or '7d', not {text!r}"
        ) from None


def duration(seconds: float) -> str:
    """``"2:05"`` for 125 s, ``"1:02:05"`` past an hour."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def today_summary(store: AnalyticsStore, today: date | None = None) -> dict[str, object]:
    """Today's figures for the admin menu.

    Returns:
        ``{"day": "2023-05-25", "sessions": 42, "average_session_s": 131.0, "views": 310,
        "touches": 1204, "top_screen": "zone", "languages": {"zh": 30, "en": 12}}``
        (``top_screen`` is None before the first visitor; ``languages`` counts sessions by the
        language they started in).
    """
    today = today or date.today()
    report = build_report(store, today)
    top = max(report.screens, key=lambda s: (s.views, s.dwell_ms), default=None)
    non_home = [s for s in report.screens if s.route not in ("home", "attract")]
    top = max(non_home, key=lambda s: (s.views, s.dwell_ms), default=top)
    return {
        "day": today.isoformat(),
        "sessions": report.totals.sessions,
        "average_session_s": round(report.average_session_s, 1),
        "views": report.totals.views,
        "touches": report.totals.touches,
        "top_screen": top.route if top else None,
        "languages": dict(report.start_langs),
    }
