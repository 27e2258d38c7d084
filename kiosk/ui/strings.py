"""UI strings: English sources marked for ``pyside6-lupdate``, Chinese from the translation.

Content strings come from the content; everything the kiosk itself says is here. The Chinese
translation lives in ``assets/i18n/kiosk_zh_CN.ts`` (edited with Qt Linguist or by hand),
compiled to ``.qm`` by ``python tools/update_translations.py`` and read through ``:/i18n``.
Both languages can be on screen at once (the attract loop and the idle overlay show both), so
:func:`ui` asks the translator directly instead of installing it globally.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTranslator

from kiosk.content import Lang

CONTEXT = "kiosk"
QM_PATH = ":/i18n/kiosk_zh_CN.qm"

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
        "still_there.seconds": QT_TRANSLATE_NOOP("kiosk", "seconds until the kiosk starts over"),
        "section.themes": QT_TRANSLATE_NOOP("kiosk", "Forum themes"),
        "section.achievements": QT_TRANSLATE_NOOP("kiosk", "Achievements"),
        "section.zone": QT_TRANSLATE_NOOP("kiosk", "Bonded zone"),
        "section.beijing": QT_TRANSLATE_NOOP("kiosk", "Beijing in figures"),
        "section.voices": QT_TRANSLATE_NOOP("kiosk", "Voices"),
        "section.themes.hint": QT_TRANSLATE_NOOP("kiosk", "Six threads of the forum"),
        "section.achievements.hint": QT_TRANSLATE_NOOP("kiosk", "Breakthroughs released"),
        "section.zone.hint": QT_TRANSLATE_NOOP("kiosk", "Five functional areas"),
        "section.beijing.hint": QT_TRANSLATE_NOOP("kiosk", "The numbers of an innovation city"),
        "section.voices.hint": QT_TRANSLATE_NOOP("kiosk", "What speakers said"),
        "explore": QT_TRANSLATE_NOOP("kiosk", "Explore"),
        "related.achievements": QT_TRANSLATE_NOOP("kiosk", "Related achievements"),
        "related.voices": QT_TRANSLATE_NOOP("kiosk", "Voices"),
        "what": QT_TRANSLATE_NOOP("kiosk", "What it is"),
        "who": QT_TRANSLATE_NOOP("kiosk", "Who made it"),
        "why": QT_TRANSLATE_NOOP("kiosk", "Why it matters"),
        "details": QT_TRANSLATE_NOOP("kiosk", "Details"),
        "zone.areas": QT_TRANSLATE_NOOP("kiosk", "Five functional areas"),
        "zone.innovations": QT_TRANSLATE_NOOP("kiosk", "Three innovations"),
        "zone.timeline": QT_TRANSLATE_NOOP("kiosk", "Timeline"),
        "zone.spectrum": QT_TRANSLATE_NOOP("kiosk", "Bonded business spectrum"),
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
        "pin.title": QT_TRANSLATE_NOOP("kiosk", "Staff only"),
        "pin.prompt": QT_TRANSLATE_NOOP("kiosk", "Enter the admin PIN"),
        "pin.wrong": QT_TRANSLATE_NOOP("kiosk", "Wrong PIN, {n} tries left"),
        "pin.locked": QT_TRANSLATE_NOOP("kiosk", "Locked: try again in {n} s"),
        "pin.clear": QT_TRANSLATE_NOOP("kiosk", "Clear"),
        "pin.ok": QT_TRANSLATE_NOOP("kiosk", "OK"),
        "pin.cancel": QT_TRANSLATE_NOOP("kiosk", "Cancel"),
        "admin.title": QT_TRANSLATE_NOOP("kiosk", "Admin menu"),
        "admin.exit": QT_TRANSLATE_NOOP("kiosk", "Exit the kiosk"),
        "admin.reload": QT_TRANSLATE_NOOP("kiosk", "Reload content"),
        "admin.idle": QT_TRANSLATE_NOOP("kiosk", "Idle time: {n} s"),
        "admin.change_pin": QT_TRANSLATE_NOOP("kiosk", "Change PIN"),
        "admin.new_pin": QT_TRANSLATE_NOOP("kiosk", "Enter a new PIN (4–8 digits)"),
        "admin.repeat_pin": QT_TRANSLATE_NOOP("kiosk", "Enter the new PIN again"),
        "admin.pin_changed": QT_TRANSLATE_NOOP("kiosk", "PIN changed"),
        "admin.pin_mismatch": QT_TRANSLATE_NOOP("kiosk", "The PINs differ"),
        "admin.must_change": QT_TRANSLATE_NOOP("kiosk", "First login: set a new PIN"),
        "admin.close": QT_TRANSLATE_NOOP("kiosk", "Back to the kiosk"),
        "admin.reloaded": QT_TRANSLATE_NOOP("kiosk", "Content reloaded"),
        "admin.content_problems": QT_TRANSLATE_NOOP(
            "kiosk", "Content has problems; kept the last good one"
        ),
        "admin.today": QT_TRANSLATE_NOOP(
            "kiosk", "Today: {sessions} visitors, {length} on average; most viewed: {top}"
        ),
        "closed.title": QT_TRANSLATE_NOOP("kiosk", "Closed"),
        "closed.body": QT_TRANSLATE_NOOP("kiosk", "Please come back during opening hours."),
        "closed.opens.today": QT_TRANSLATE_NOOP("kiosk", "Opens today at {time}"),
        "closed.opens.tomorrow": QT_TRANSLATE_NOOP("kiosk", "Opens tomorrow at {time}"),
        "closed.opens.weekday": QT_TRANSLATE_NOOP("kiosk", "Opens {weekday} at {time}"),
        "closed.opens.date": QT_TRANSLATE_NOOP("kiosk", "Opens on {date} at {time}"),
        "closed.opens.never": QT_TRANSLATE_NOOP("kiosk", "Opening times to be announced"),
        "closed.hours": QT_TRANSLATE_NOOP("kiosk", "Opening hours"),
        "weekday.0": QT_TRANSLATE_NOOP("kiosk", "Monday"),
        "weekday.1": QT_TRANSLATE_NOOP("kiosk", "Tuesday"),
        "weekday.2": QT_TRANSLATE_NOOP("kiosk", "Wednesday"),
        "weekday.3": QT_TRANSLATE_NOOP("kiosk", "Thursday"),
        "weekday.4": QT_TRANSLATE_NOOP("kiosk", "Friday"),
        "weekday.5": QT_TRANSLATE_NOOP("kiosk", "Saturday"),
        "weekday.6": QT_TRANSLATE_NOOP("kiosk", "Sunday"),
        "weekday.short.0": QT_TRANSLATE_NOOP("kiosk", "Mon"),
        "weekday.short.1": QT_TRANSLATE_NOOP("kiosk", "Tue"),
        "weekday.short.2": QT_TRANSLATE_NOOP("kiosk", "Wed"),
        "weekday.short.3": QT_TRANSLATE_NOOP("kiosk", "Thu"),
        "weekday.short.4": QT_TRANSLATE_NOOP("kiosk", "Fri"),
        "weekday.short.5": QT_TRANSLATE_NOOP("kiosk", "Sat"),
        "weekday.short.6": QT_TRANSLATE_NOOP("kiosk", "Sun"),
        "admin.more": QT_TRANSLATE_NOOP("kiosk", "More (coming later)"),
    },
)

_translator: QTranslator | None = None


def translator() -> QTranslator:
    """The Chinese translator, loaded once from the compiled resources."""
    global _translator
    if _translator is None:
        from kiosk.adapters import resources

        resources.register()
        _translator = QTranslator()
        if not _translator.load(QM_PATH):
            raise RuntimeError(f"cannot load {QM_PATH}: run tools/update_translations.py")
    return _translator


def ui(key: str, lang: Lang, **values: object) -> str:
    """The UI string *key* in *lang*, with ``{name}`` placeholders filled from *values*."""
    source = SOURCES[key]
    text = source
    if lang == "zh":
        text = translator().translate(CONTEXT, source) or source
    return text.format(**values) if values else text


def both(key: str, sep: str = "  ·  ") -> str:
    """The UI string *key* in Chinese and English, for screens every visitor reads."""
    return f"{ui(key, 'zh')}{sep}{ui(key, 'en')}"
