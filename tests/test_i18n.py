"""Bilingual UI: every UI string is translated, the compiled translation is fresh, and each
language's screens show no text of the other (but for names shown in both scripts on purpose)."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.content import Content, Lang
from kiosk.model.routes import all_routes
from kiosk.model.session import Session
from kiosk.model.settings import Settings
from kiosk.ui.shell import Shell
from kiosk.ui.strings import CONTEXT, SOURCES, is_plural, translator, ui
from kiosk.ui.typeset import plain

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "assets" / "i18n"
TS = I18N / "kiosk_zh_CN.ts"
TS_EN = I18N / "kiosk_en.ts"
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z&\-]*")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def ts_messages(path: Path = TS) -> dict[str, tuple[list[str], str | None]]:
    """Source → (translation, or its plural forms; the translation's type) of a .ts file."""
    out = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if message.get("numerus") == "yes":
            forms = [form.text or "" for form in translation.iter("numerusform")]
        else:
            forms = [translation.text or ""]
        out[source] = (forms, translation.get("type"))
    return out


def words(source: str) -> list[str]:
    """The Latin words of *source* outside its placeholders (none in a pattern like "{a}: {b}")."""
    return LATIN_WORD.findall(PLACEHOLDER.sub("", source.replace("%n", "")))


def test_every_ui_string_has_a_finished_translation() -> None:
    messages = ts_messages()
    for key, source in SOURCES.items():
        assert source in messages, f"{key}: run tools/update_translations.py"
        forms, kind = messages[source]
        assert all(forms) and kind not in ("unfinished", "vanished", "obsolete"), key
        assert len(forms) == 1, f"{key}: Chinese has one plural form"
        if words(source) and key != "language":
            assert CJK.search(forms[0]), f"{key}: not Chinese: {forms[0]!r}"


def test_every_plural_has_finished_english_forms() -> None:
    messages = ts_messages(TS_EN)
    plurals = {source for key, source in SOURCES.items() if is_plural(key)}
    assert plurals, "the kiosk counts things (seconds, tries, visitors)"
    assert set(messages) == plurals, "run tools/update_translations.py"
    for source in plurals:
        forms, kind = messages[source]
        assert len(forms) == 2 and all(forms) and kind is None, source
        assert all("%n" in form and "(s)" not in form for form in forms), source


@pytest.mark.parametrize(("ts", "options"), [(TS, []), (TS_EN, ["-pluralonly"])])
def test_the_ts_file_is_what_lupdate_extracts(tmp_path: Path, ts: Path, options: list[str]) -> None:
    """Fails when a string was added in code but tools/update_translations.py was not run."""
    out = tmp_path / "fresh.ts"
    exe = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [str(exe), "kiosk/ui/strings.py", *options, "-ts", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    fresh = {m.findtext("source") for m in ET.parse(out).getroot().iter("message")}
    assert fresh == set(ts_messages(ts))


@pytest.mark.parametrize(("lang", "ts"), [("zh", TS), ("en", TS_EN)])
def test_the_compiled_translation_matches_the_ts(lang: Lang, ts: Path) -> None:
    tr = translator(lang)
    for source, (forms, _kind) in ts_messages(ts).items():
        if "%n" in source:
            counts = (1, 2) if len(forms) == 2 else (1,)
            for n, form in zip(counts, forms, strict=True):
                assert tr.translate(CONTEXT, source, None, n) == form, source
        else:
            assert tr.translate(CONTEXT, source) == forms[0], source


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_placeholders_survive_translation(lang: Lang) -> None:
    for key, source in SOURCES.items():
        names = set(PLACEHOLDER.findall(source))
        values: dict[str, object] = {name: f"<{name}>" for name in names}
        if is_plural(key):
            values["n"] = 7
        text = ui(key, lang, **values)
        assert not PLACEHOLDER.search(text) and "%n" not in text, key
        if is_plural(key):
            assert "7" in text, key


def screens(qtbot: QtBot, content: Content, lang: Lang) -> dict[str, str]:
    settings = Settings.defaults().replace(language=lang)
    shell = Shell(Session(content, settings), kiosk_mode=False, animate=False)
    qtbot.addWidget(shell)
    shell.resize(1920, 1080)
    shell.show()
    texts = {}
    from test_coverage import screen_text

    for route in all_routes(content):
        if route.page == "attract":  # shows both languages for every visitor, on purpose
            continue
        shell.nav.show(route)
        shell.host.finish_transition()
        assert shell.host.page is not None
        texts[str(route)] = screen_text(shell.host.page) + "\n" + screen_text(shell.bar)
    return texts


def test_english_screens_show_no_chinese(qtbot: QtBot, content: Content) -> None:
    # Deliberately in both scripts: people's Chinese names beside their pinyin, and the button
    # that switches to Chinese, which says so in Chinese.
    allowed = sorted(
        {v.name.zh for v in content.voices} | {ui("language", "en")}, key=len, reverse=True
    )
    problems = []
    for route, text in screens(qtbot, content, "en").items():
        text = plain(text)
        for name in allowed:
            text = text.replace(name, "")
        found = CJK.findall(text)
        if found:
            problems.append(f"{route}: {''.join(found[:30])}")
    assert not problems


def test_chinese_screens_show_no_english(qtbot: QtBot, content: Content) -> None:
    from kiosk.commands.fit import texts_of

    # Latin the Chinese source itself uses (AI, PCT, R&D, 3D …) and the switch to English.
    allowed = {w for _, t in texts_of(content) for w in LATIN_WORD.findall(t.zh)}
    allowed |= set(LATIN_WORD.findall(ui("language", "zh")))
    problems = []
    for route, text in screens(qtbot, content, "zh").items():
        text = re.sub(r"https?://\S+", "", text)  # the QR code's address, for screen readers
        stray = sorted({w for w in LATIN_WORD.findall(text) if w not in allowed})
        if stray:
            problems.append(f"{route}: {stray[:12]}")
    assert not problems
