"""``kiosk stats``: the text report, labelled through the kiosk's translation.

Importing it loads no Qt; writing the report reads the labels from the translation (QtCore).
"""

from __future__ import annotations

from typing import TextIO

from kiosk.content import Lang
from kiosk.model.report import Report, duration

#: Rows in the "top screens" tables.
TOP = 10


# --- text -------------------------------------------------------------------------------------


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def _lang_name(lang: str, report_lang: Lang) -> str:
    """A recorded language's name ("Chinese"), or its code when the kiosk has no such language."""
    from kiosk.ui.strings import SOURCES, ui

    key = f"stats.lang.{lang}"
    return ui(key, report_lang) if key in SOURCES else lang


def write_text(report: Report, out: TextIO, source: str = "", lang: Lang = "en") -> None:
    """The report as plain-text tables, labelled in *lang*."""
    from kiosk.ui.fmt import join, number
    from kiosk.ui.strings import SOURCES, ui

    def say(key: str, **values: object) -> str:
        return ui(key, lang, **values)

    def count(value: int) -> str:
        return number(value, 0, lang)

    t = report.totals
    span = (
        say("stats.since", day=report.since.isoformat()) if report.since else say("stats.all_days")
    )
    lines = [say("stats.title", span=span) + (f" ({source})" if source else ""), ""]
    if not t.sessions and not t.touches:
        lines.append(say("stats.none"))
        out.write("\n".join(lines) + "\n")
        return
    lines += [
        say(
            "stats.totals",
            sessions=count(t.sessions),
            length=duration(report.average_session_s),
            active=duration(report.average_active_s),
            views=count(t.views),
            touches=count(t.touches),
        ),
        "",
        say("stats.per_day"),
        f"  {say('stats.day'):<12}{say('stats.sessions'):>9}{say('stats.avg_length'):>12}"
        f"{say('stats.views'):>8}{say('stats.touches'):>9}",
    ]
    for day, d in report.days:
        average = duration(d.session_ms / 1000 / d.sessions) if d.sessions else "–"
        lines.append(
            f"  {day:<12}{count(d.sessions):>9}{average:>12}{count(d.views):>8}"
            f"{count(d.touches):>9}"
        )
    lines += ["", say("stats.per_hour")]
    busy = [hour for hour, n in enumerate(report.hours) if n]
    peak = max(report.hours) or 1
    for hour in range(min(busy), max(busy) + 1) if busy else ():
        n = report.hours[hour]
        bar = "█" * max(1 if n else 0, round(30 * n / peak))
        lines.append(f"  {hour:02d}:00  {bar:<30} {count(n)}")
    width = max([len(s.route) for s in report.screens] + [6]) + 2
    header = (
        f"  {say('stats.screen'):<{width}}{say('stats.views'):>7}{say('stats.dwell'):>10}"
        f"{say('stats.average'):>9}"
    )
    for title, key in (
        (say("stats.top_views"), lambda s: (-s.views, -s.dwell_ms, s.route)),
        (say("stats.top_dwell"), lambda s: (-s.dwell_ms, -s.views, s.route)),
    ):
        lines += ["", title, header]
        for s in sorted(report.screens, key=key)[:TOP]:  # type: ignore[arg-type]
            lines.append(
                f"  {s.route:<{width}}{count(s.views):>7}{duration(s.dwell_ms / 1000):>10}"
                f"{duration(s.average_s):>9}"
            )
    lines += ["", say("stats.languages")]
    started = sum(report.start_langs.values())
    shares = [
        f"{_lang_name(code, lang)} {_share(n, started)} ({count(n)})"
        for code, n in report.start_langs.most_common()
    ]
    lines.append("  " + say("stats.started_in", langs=join(shares, lang)))
    for code, n in sorted(report.used_langs.items()):
        lines.append("  " + say("stats.used", language=_lang_name(code, lang), n=count(n)))
    views = sum(report.view_langs.values())
    shares = [
        f"{_lang_name(code, lang)} {_share(n, views)}"
        for code, n in report.view_langs.most_common()
    ]
    lines.append("  " + say("stats.views_in", langs=join(shares, lang)))
    if report.modes:
        lines += ["", say("stats.modes")]
        for mode, n in report.modes.most_common():
            mode_key = f"mode.{mode}"
            name = ui(mode_key, lang) if mode_key in SOURCES else mode.replace("_", " ")
            lines.append(f"  {name}: {count(n)} ({_share(n, t.sessions)})")
    out.write("\n".join(lines) + "\n")
