"""Bilingual UI: every UI string is translated, the compiled translation is fresh, and each
language's screens show no text of the other (but for names shown in both scripts on purpose)."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.content import Content, Lang
from kiosk.model.navigation import HOME, Change
from kiosk.model.routes import all_routes
from kiosk.model.settings import Settings
from kiosk.ui.shell import Shell
from kiosk.ui.strings import CONTEXT, SOURCES, translator, ui

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "assets" / "i18n" / "kiosk_zh_CN.ts"
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z&\-]*")


def ts_messages() -> dict[str, tuple[str, str | None]]:
    out = {}
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        out[source] = (translation.text or "", translation.get("type"))
    return out


def test_every_ui_string_has_a_finished_translation() -> None:
    messages = ts_messages()
    for key, source in SOURCES.items():
        assert source in messages, f"{key}: run tools/update_translations.py"
        text, kind = messages[source]
        assert text and kind not in ("unfinished", "vanished", "obsolete"), key
        assert CJK.search(text) or key == "language", f"{key}: not Chinese: {text!r}"


def test_the_ts_file_is_what_lupdate_extracts(tmp_path: Path) -> None:
    """Fails when a string was added in code but tools/update_translations.py was not run."""
    out = tmp_path / "fresh.ts"
    exe = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [str(exe), "kiosk/ui/strings.py", "-ts", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    fresh = {m.findtext("source") for m in ET.parse(out).getroot().iter("message")}
    assert fresh == set(ts_messages())


def test_the_compiled_translation_matches_the_ts() -> None:
    tr = translator()
    for source, (text, _kind) in ts_messages().items():
        assert tr.translate(CONTEXT, source) == text, source


def test_placeholders_survive_translation() -> None:
    for key, source in SOURCES.items():
        names = set(re.findall(r"\{(\w+)\}", source))
        assert set(re.findall(r"\{(\w+)\}", ui(key, "zh"))) == names, key


def screens(qtbot: QtBot, content: Content, lang: Lang) -> dict[str, str]:
    shell = Shell(
        content, Settings.defaults().replace(language=lang), kiosk_mode=False, animate=False
    )
    qtbot.addWidget(shell)
    shell.resize(1920, 1080)
    shell.show()
    texts = {}
    from test_coverage import screen_text

    for route in all_routes(content):
        if route.page == "attract":  # shows both languages for every visitor, on purpose
            continue
        shell.nav.stack = [route] if route.page == "home" else [HOME, route]
        shell._on_change(Change(route, "reset", len(shell.nav.stack)))
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
