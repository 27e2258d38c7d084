"""UI strings: English sources marked for ``pyside6-lupdate``, translated by Qt translators.

Content strings come from the content; everything the kiosk itself says is here. The Chinese
translation lives in ``assets/i18n/kiosk_zh_CN.ts``; ``assets/i18n/kiosk_en.ts`` holds only the
English plural forms ("%n second" / "%n seconds"). Both are edited with Qt Linguist or by hand,
compiled to ``.qm`` by ``python tools/update_translations.py`` and read through ``:/i18n``.
Both languages can be on screen at once (the attract loop and the idle overlay show both), so
:func:`ui` asks each language's translator directly instead of installing one globally.

A source with ``%n`` is a plural (numerus) message: pass the count as ``n`` and the translation
picks the form for it (Qt's plural rules of the language).
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTranslator

from kiosk.content import Lang

CONTEXT = "kiosk"
# The compiled translation of each language (English: its plural forms only).
QM_PATHS: dict[str, str] = {"zh": ":/i18n/kiosk_zh_CN.qm", "en": ":/i18n/kiosk_en.qm"}


class _Plural:
    """Marks a plural source for ``pyside6-lupdate``.

    lupdate reads ``translate(context, source, None, <number>)`` as a numerus message; this
    ``translate`` only returns the source, so that SOURCES stays a plain key → source table.
    """

    @staticmethod
    def translate(context: str, source: str, disambiguation: None, n: int) -> str:
        return source


# key → English source text (marked for pyside6-lupdate).
# (QT_TRANSLATE_NOOP returns its text unchanged; PySide types it as object, hence the cast.)
SOURCES: dict[str, str] = cast(
    dict[str, str],
    {
        "home": QT_TRANSLATE_NOOP("kiosk", "Home"),
        "back": QT_TRANSLATE_NOOP("kiosk", "Back"),
        "language": QT_TRANSLATE_NOOP("kiosk", "中文"),
        "language.name": QT_TRANSLATE_NOOP("kiosk", "Switch to Chinese"),
        "mode.large_text": QT_TRANSLATE_NOOP("kiosk", "Large text"),
        "mode.high_contrast": QT_TRANSLATE_NOOP("kiosk", "High contrast"),
        "mode.low_reach": QT_TRANSLATE_NOOP("kiosk", "Low reach (wheelchair)"),
        "touch_to_start": QT_TRANSLATE_NOOP("kiosk", "Touch to start"),
        "still_there": QT_TRANSLATE_NOOP("kiosk", "Still there?"),
        "still_there.body": QT_TRANSLATE_NOOP("kiosk", "Touch the screen to keep exploring"),
        "still_there.seconds": _Plural.translate(
            "kiosk", "%n second(s) until the kiosk starts over", None, 0
        ),
        "still_there.line": QT_TRANSLATE_NOOP("kiosk", "{body}: {countdown}"),
        "still_there.continue": QT_TRANSLATE_NOOP("kiosk", "Continue"),
        "section.themes": QT_TRANSLATE_NOOP("kiosk", "Forum themes"),
        "section.achievements": QT_TRANSLATE_NOOP("kiosk", "Achievements"),
        "section.zone": QT_TRANSLATE_NOOP("kiosk", "Bonded Zone"),
        "section.beijing": QT_TRANSLATE_NOOP("kiosk", "Beijing in figures"),
        "section.voices": QT_TRANSLATE_NOOP("kiosk", "Voices"),
        "section.themes.hint": QT_TRANSLATE_NOOP("kiosk", "Six threads of the forum"),
        "section.achievements.hint": QT_TRANSLATE_NOOP("kiosk", "Breakthroughs released"),
        "section.zone.hint": QT_TRANSLATE_NOOP("kiosk", "Five functional areas"),
        "section.beijing.hint": QT_TRANSLATE_NOOP("kiosk", "The numbers of an innovation city"),
        "section.voices.hint": QT_TRANSLATE_NOOP("kiosk", "What speakers said"),
        "related.achievements": QT_TRANSLATE_NOOP("kiosk", "Related achievements"),
        "related.voices": QT_TRANSLATE_NOOP("kiosk", "Voices"),
        "what": QT_TRANSLATE_NOOP("kiosk", "What it is"),
        "who": QT_TRANSLATE_NOOP("kiosk", "Who made it"),
        "why": QT_TRANSLATE_NOOP("kiosk", "Why it matters"),
        "details": QT_TRANSLATE_NOOP("kiosk", "Details"),
        "zone.areas": QT_TRANSLATE_NOOP("kiosk", "Five functional areas"),
        "zone.innovations": QT_TRANSLATE_NOOP("kiosk", "Three innovations"),
        "zone.timeline": QT_TRANSLATE_NOOP("kiosk", "Timeline"),
        "zone.what": QT_TRANSLATE_NOOP("kiosk", "What happens here"),
        "zone.who": QT_TRANSLATE_NOOP("kiosk", "Who uses it"),
        "zone.link": QT_TRANSLATE_NOOP("kiosk", "How it connects to bonded R&D"),
        "voice.quote": QT_TRANSLATE_NOOP("kiosk", "In their words"),
        "voice.paraphrase": QT_TRANSLATE_NOOP("kiosk", "What they said"),
        "source": QT_TRANSLATE_NOOP("kiosk", "Source"),
        "qr.caption": QT_TRANSLATE_NOOP("kiosk", "Scan to read more"),
        "about.title": QT_TRANSLATE_NOOP("kiosk", "About the forum"),
        "about.cohosts": QT_TRANSLATE_NOOP("kiosk", "Co-hosts"),
        "about.parts": QT_TRANSLATE_NOOP("kiosk", "The six parts of the forum"),
        "about.report": QT_TRANSLATE_NOOP("kiosk", "The report"),
        "beijing.tap_hint": QT_TRANSLATE_NOOP("kiosk", "Touch a number to see where it comes from"),
        "beijing.benchmarks": QT_TRANSLATE_NOOP("kiosk", "Benchmarked against"),
        "zone.plan_hint": QT_TRANSLATE_NOOP("kiosk", "Touch an area to learn more"),
        "zone.about": QT_TRANSLATE_NOOP("kiosk", "Approval"),
        "zone.next": QT_TRANSLATE_NOOP("kiosk", "Next steps"),
        "home.explore": QT_TRANSLATE_NOOP("kiosk", "Touch a tile below to explore"),
        "swipe_hint": QT_TRANSLATE_NOOP("kiosk", "Swipe to browse"),
        "item.previous": QT_TRANSLATE_NOOP("kiosk", "Previous"),
        "item.next": QT_TRANSLATE_NOOP("kiosk", "Next"),
        "figure.source_shown": QT_TRANSLATE_NOOP("kiosk", "Turned over to its source: {source}"),
        "figure.source": QT_TRANSLATE_NOOP("kiosk", "Source: {source}"),
        "pin.title": QT_TRANSLATE_NOOP("kiosk", "Staff only"),
        "pin.prompt": QT_TRANSLATE_NOOP("kiosk", "Enter the admin PIN"),
        "pin.wrong": _Plural.translate("kiosk", "Wrong PIN, %n tries left", None, 0),
        "pin.locked": _Plural.translate("kiosk", "Locked: try again in %n second(s)", None, 0),
        "pin.problem.format": QT_TRANSLATE_NOOP("kiosk", "A PIN is 4 to 8 digits (0–9)"),
        "pin.problem.default": QT_TRANSLATE_NOOP(
            "kiosk", "The new PIN must differ from the first-run PIN"
        ),
        "pin.clear": QT_TRANSLATE_NOOP("kiosk", "Clear"),
        "pin.ok": QT_TRANSLATE_NOOP("kiosk", "OK"),
        "pin.cancel": QT_TRANSLATE_NOOP("kiosk", "Cancel"),
        "admin.title": QT_TRANSLATE_NOOP("kiosk", "Admin menu"),
        "admin.exit": QT_TRANSLATE_NOOP("kiosk", "Exit the kiosk"),
        "admin.reload": QT_TRANSLATE_NOOP("kiosk", "Reload content"),
        "admin.idle": _Plural.translate("kiosk", "Idle time: %n second(s)", None, 0),
        "admin.change_pin": QT_TRANSLATE_NOOP("kiosk", "Change PIN"),
        "admin.new_pin": QT_TRANSLATE_NOOP("kiosk", "Enter a new PIN (4–8 digits)"),
        "admin.repeat_pin": QT_TRANSLATE_NOOP("kiosk", "Enter the new PIN again"),
        "admin.pin_changed": QT_TRANSLATE_NOOP("kiosk", "PIN changed"),
        "admin.pin_mismatch": QT_TRANSLATE_NOOP("kiosk", "The PINs differ"),
        "admin.must_change": QT_TRANSLATE_NOOP("kiosk", "First login: set a new PIN"),
        "admin.close": QT_TRANSLATE_NOOP("kiosk", "Back to the kiosk"),
        "admin.content_problems": QT_TRANSLATE_NOOP(
            "kiosk", "Content has problems; kept the last good one: {problem}"
        ),
        "admin.today": _Plural.translate(
            "kiosk", "Today: %n visitor(s), {length} on average; most viewed: {top}", None, 0
        ),
        "closed.title": QT_TRANSLATE_NOOP("kiosk", "Closed"),
        "closed.body": QT_TRANSLATE_NOOP("kiosk", "Please come back during opening hours."),
        "closed.opens.today": QT_TRANSLATE_NOOP("kiosk", "Opens today at {time}"),
        "closed.opens.tomorrow": QT_TRANSLATE_NOOP("kiosk", "Opens tomorrow at {time}"),
        "closed.opens.weekday": QT_TRANSLATE_NOOP("kiosk", "Opens {weekday} at {time}"),
        "closed.opens.date": QT_TRANSLATE_NOOP("kiosk", "Opens on {date} at {time}"),
        "closed.opens.never": QT_TRANSLATE_NOOP("kiosk", "Opening times to be announced"),
        "closed.hours": QT_TRANSLATE_NOOP("kiosk", "Opening hours: {hours}"),
        "hours.days.pair": QT_TRANSLATE_NOOP("kiosk", "{first}, {last}"),
        "hours.days.range": QT_TRANSLATE_NOOP("kiosk", "{first}–{last}"),
        # A QLocale date format (d: day, M: month number, MMMM: month name).
        "date.day_month": QT_TRANSLATE_NOOP("kiosk", "d MMMM"),
        "out_of_order.title": QT_TRANSLATE_NOOP("kiosk", "Out of order"),
        "out_of_order.body": QT_TRANSLATE_NOOP(
            "kiosk", "This exhibit is being looked after. Please come back later."
        ),
        "image.stand_in": QT_TRANSLATE_NOOP("kiosk", "Illustration"),
        "image.missing": QT_TRANSLATE_NOOP("kiosk", "Image not available"),
        "app.name": QT_TRANSLATE_NOOP("kiosk", "Zhongguancun Forum 2023"),
        # A person's name: English screens add the Chinese name after the pinyin.
        "name.person": QT_TRANSLATE_NOOP("kiosk", "{en}  {zh}"),
        "stats.title": QT_TRANSLATE_NOOP("kiosk", "kiosk statistics, {span}"),
        "stats.since": QT_TRANSLATE_NOOP("kiosk", "since {day}"),
        "stats.all_days": QT_TRANSLATE_NOOP("kiosk", "all recorded days"),
        "stats.none": QT_TRANSLATE_NOOP("kiosk", "No visitors recorded in this period."),
        "stats.totals": QT_TRANSLATE_NOOP(
            "kiosk",
            "Sessions: {sessions}; average length {length} ({active} to the last touch); "
            "{views} screen views; {touches} touches",
        ),
        "stats.per_day": QT_TRANSLATE_NOOP("kiosk", "Sessions per day"),
        "stats.per_hour": QT_TRANSLATE_NOOP("kiosk", "Sessions per hour of day (by start)"),
        "stats.day": QT_TRANSLATE_NOOP("kiosk", "day"),
        "stats.sessions": QT_TRANSLATE_NOOP("kiosk", "sessions"),
        "stats.avg_length": QT_TRANSLATE_NOOP("kiosk", "avg length"),
        "stats.views": QT_TRANSLATE_NOOP("kiosk", "views"),
        "stats.touches": QT_TRANSLATE_NOOP("kiosk", "touches"),
        "stats.screen": QT_TRANSLATE_NOOP("kiosk", "screen"),
        "stats.dwell": QT_TRANSLATE_NOOP("kiosk", "dwell"),
        "stats.average": QT_TRANSLATE_NOOP("kiosk", "average"),
        "stats.top_views": QT_TRANSLATE_NOOP("kiosk", "Top screens by views"),
        "stats.top_dwell": QT_TRANSLATE_NOOP("kiosk", "Top screens by dwell time"),
        "stats.languages": QT_TRANSLATE_NOOP("kiosk", "Languages"),
        "stats.started_in": QT_TRANSLATE_NOOP("kiosk", "sessions started in {langs}"),
        "stats.used": QT_TRANSLATE_NOOP("kiosk", "sessions that used {language}: {n}"),
        "stats.views_in": QT_TRANSLATE_NOOP("kiosk", "screen views in {langs}"),
        "stats.modes": QT_TRANSLATE_NOOP("kiosk", "Accessibility modes (sessions that used them)"),
        "stats.lang.zh": QT_TRANSLATE_NOOP("kiosk", "Chinese"),
        "stats.lang.en": QT_TRANSLATE_NOOP("kiosk", "English"),
        "stats.heatmap.title": QT_TRANSLATE_NOOP("kiosk", "Touch heatmap"),
        "stats.heatmap.body": _Plural.translate(
            "kiosk",
            "%n touch(es) on every screen, drawn over Home ({columns}×{rows} cells of the window)",
            None,
            0,
        ),
        "stats.heatmap.legend": QT_TRANSLATE_NOOP("kiosk", "touches per cell"),
        "text.labelled": QT_TRANSLATE_NOOP("kiosk", "{label}: {text}"),
        "zone.timeline.entry": QT_TRANSLATE_NOOP("kiosk", "{date}: {title}. {text}"),
        "zone.plan.area": QT_TRANSLATE_NOOP("kiosk", "{area} on the site plan of {zone}"),
        "attract.progress": QT_TRANSLATE_NOOP("kiosk", "Slide {index} of {count}"),
        "mode.speech": QT_TRANSLATE_NOOP("kiosk", "Read aloud"),
    },
)

_translators: dict[str, QTranslator] = {}


def translator(lang: Lang = "zh") -> QTranslator:
    """The translator of *lang*, loaded once from the compiled resources."""
    found = _translators.get(lang)
    if found is None:
        from kiosk.adapters import resources

        resources.register()
        found = QTranslator()
        if not found.load(QM_PATHS[lang]):
            raise RuntimeError(f"cannot load {QM_PATHS[lang]}: run tools/update_translations.py")
        _translators[lang] = found
    return found


def is_plural(key: str) -> bool:
    """Whether the string *key* has plural forms (its source counts ``%n`` things)."""
    return "%n" in SOURCES[key]


def ui(key: str, lang: Lang, **values: object) -> str:
    """The UI string *key* in *lang*, with ``{name}`` placeholders filled from *values*.

    A plural string (see :func:`is_plural`) takes its count as ``n``: the translation picks the
    form for it and ``%n`` is replaced by the count.
    """
    source = SOURCES[key]
    if is_plural(key):
        count = values.get("n")
        if not isinstance(count, int):
            raise TypeError(f"{key} is a plural: pass its count as n=<int>")
        text = translator(lang).translate(CONTEXT, source, None, count) or source
        text = text.replace("%n", str(count))
    else:
        text = translator(lang).translate(CONTEXT, source) or source
    return text.format(**values) if values else text


def both(key: str, sep: str = "  ·  ", **values: object) -> str:
    """The UI string *key* in Chinese and English, for screens every visitor reads."""
    return f"{ui(key, 'zh', **values)}{sep}{ui(key, 'en', **values)}"
