"""Read-aloud (语音播报): the model with a fake engine, the bar's toggle, and Qt's mock engine.

The fake engine records what it is told; no PySide6-Addons is needed. One test drives Qt's own
"mock" engine through the adapter, skipped where PySide6.QtTextToSpeech is not installed.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.content import Content, Lang
from kiosk.model.navigation import HOME, Route
from kiosk.model.session import Session
from kiosk.model.settings import Settings
from kiosk.model.speech import ReadAloud, Utterance, sentence
from kiosk.ui.readaloud import ReadAloudView
from kiosk.ui.shell import Shell
from kiosk.ui.strings import ui


class FakeEngine:
    """Says nothing; remembers what it was told."""

    def __init__(self, languages: tuple[Lang, ...] = ("zh", "en")) -> None:
        self._languages = frozenset(languages)
        self.said: list[tuple[str, Lang]] = []
        self.stops = 0

    def languages(self) -> frozenset[Lang]:
        return self._languages

    def say(self, text: str, lang: Lang) -> None:
        self.said.append((text, lang))

    def stop(self) -> None:
        self.stops += 1


# -- the model, without Qt -------------------------------------------------------------------------


def test_sentence_joins_parts_with_a_pause() -> None:
    assert sentence("Home", "", "  Tap a  card ") == "Home. Tap a card"
    assert sentence("首页。", "点一张卡片") == "首页。 点一张卡片"
    assert sentence("论坛主题", "开放合作") == "论坛主题。 开放合作"
    assert sentence("", "") == ""


def test_the_model_says_nothing_while_off_and_stops_when_turned_off(content: Content) -> None:
    session = Session(content, Settings.defaults())
    model, engine = ReadAloud(session), FakeEngine()
    model.attach(engine)
    model.focused("Home")
    model.page("home", "Title", "Summary")
    assert model.flush() is None and engine.said == []
    session.set_mode("speech", True)
    model.page("home", "Title", "Summary")
    model.focused("Title")  # the heading, focused on arrival: the page's sentence says it
    assert model.flush() == Utterance("Title. Summary", "zh")
    model.page("home", "Title", "Summary")  # the same page built again: said once
    assert model.flush() is None
    session.reset()  # the idle reset turns read-aloud off like the other modes
    assert not session.modes["speech"] and not model.on and engine.stops >= 1


def test_without_a_voice_for_the_language_it_is_not_available(content: Content) -> None:
    session = Session(content, Settings.defaults())
    model = ReadAloud(session)
    assert not model.available
    model.attach(FakeEngine(("en",)))
    assert not model.available and model.available_in("en")
    session.set_language("en")
    assert model.available


# -- on screen, with a fake engine ----------------------------------------------------------------


def _start(qtbot: QtBot, shell: Shell, engine: FakeEngine) -> ReadAloudView:
    view = ReadAloudView(shell, shell, engine)
    shell.activateWindow()
    qtbot.waitActive(shell)
    QTest.keyClick(QApplication.focusWidget() or shell, Qt.Key.Key_Space)  # leaves the loop
    qtbot.waitUntil(lambda: shell.nav.current == HOME and not shell.host.animating)
    return view


def _speech_on(qtbot: QtBot, shell: Shell) -> None:
    toggle = shell.bar.modes["speech"]
    QTest.mouseClick(toggle, Qt.MouseButton.LeftButton, pos=toggle.rect().center())
    qtbot.waitUntil(lambda: shell.session.modes["speech"])


def test_the_toggle_is_hidden_without_an_engine(qtbot: QtBot, shell: Shell) -> None:
    assert shell.bar.modes["speech"].isHidden()
    assert all(not shell.bar.modes[m].isHidden() for m in ("large_text", "high_contrast"))


def test_the_toggle_shows_only_for_a_language_with_a_voice(qtbot: QtBot, shell: Shell) -> None:
    _start(qtbot, shell, FakeEngine(("en",)))
    assert shell.bar.modes["speech"].isHidden(), "no Chinese voice: no toggle in Chinese"
    shell.session.set_language("en")
    assert shell.bar.modes["speech"].isVisible()
    assert shell.bar.modes["speech"].accessibleName() == ui("mode.speech", "en")
    shell.session.set_language("zh")
    assert shell.bar.modes["speech"].isHidden()


def test_read_aloud_says_the_page_the_focus_and_stops_for_the_visitor(
    qtbot: QtBot, shell: Shell
) -> None:
    engine = FakeEngine()
    _start(qtbot, shell, engine)
    assert engine.said == [], "off: nothing is said"
    _speech_on(qtbot, shell)
    qtbot.waitUntil(lambda: len(engine.said) == 1)
    text, lang = engine.said[0]
    assert lang == "zh" and text, "turned on: the page on screen is read"
    # A key moves the focus: what was being said stops, the focused control is said.
    stops = engine.stops
    QTest.keyClick(QApplication.focusWidget() or shell, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: len(engine.said) == 2)
    assert engine.stops > stops, "the key stopped the sentence being said"
    focus = QApplication.focusWidget()
    assert focus is not None and engine.said[1] == (focus.accessibleName(), "zh")
    # A new page: its title and summary.
    shell.nav.go(Route("themes"))
    qtbot.waitUntil(lambda: shell.nav.current == Route("themes") and not shell.host.animating)
    qtbot.waitUntil(lambda: len(engine.said) == 3)
    title, lang = engine.said[2]
    assert title != text
    heading = shell.host.page.heading if shell.host.page is not None else None
    assert heading is not None and title.startswith(heading.accessibleName() or "")
    assert lang == "zh" and len(title) > len(heading.accessibleName()) + 2, "title and summary"
    assert "\u2060" not in title, "the word joiners of the typeset text are not read"
    # A tap stops it.
    stops = engine.stops
    QTest.mousePress(shell.host, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    QTest.mouseRelease(shell.host, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert engine.stops > stops
    # The other language: the page again, in its words and voice.
    shell.session.set_language("en")
    qtbot.waitUntil(lambda: any(lang == "en" for _, lang in engine.said))
    english = [text for text, lang in engine.said if lang == "en"]
    assert english[0] != title and english[0].isascii()


def test_the_idle_reset_turns_read_aloud_off(qtbot: QtBot, shell: Shell) -> None:
    engine = FakeEngine()
    _start(qtbot, shell, engine)
    _speech_on(qtbot, shell)
    qtbot.waitUntil(lambda: len(engine.said) == 1)
    shell.reset()
    assert not shell.session.modes["speech"] and not shell.bar.modes["speech"].isChecked()
    said = len(engine.said)
    QTest.keyClick(QApplication.focusWidget() or shell, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: shell.nav.current == HOME and not shell.host.animating)
    QTest.keyClick(QApplication.focusWidget() or shell, Qt.Key.Key_Tab)
    qtbot.wait(50)  # the next turns of the event loop, where a sentence would be said
    assert len(engine.said) == said, "off again: nothing more is said"


# -- Qt's own mock engine, through the adapter ----------------------------------------------------


@pytest.mark.skipif(
    importlib.util.find_spec("PySide6.QtTextToSpeech") is None,
    reason="PySide6.QtTextToSpeech (PySide6-Addons, the 'speech' extra) is not installed",
)
def test_qt_mock_engine_speaks_english_and_has_no_chinese_voice(qtbot: QtBot) -> None:
    from kiosk.adapters.speech import QtSpeech

    engine = QtSpeech("mock")
    try:
        with qtbot.waitSignal(engine.ready, timeout=10000) as ready:
            engine.start()
        assert ready.args == [frozenset({"en"})], "Qt's mock engine has English voices only"
        with qtbot.waitSignal(
            engine.state, timeout=10000, check_params_cb=lambda s: s == "Speaking"
        ):
            engine.say("Welcome to the Zhongguancun Forum", "en")
        engine.stop()
    finally:
        engine.close()


# -- the speech process ------------------------------------------------------------------------


def test_the_speech_process_answers_with_no_language_for_an_engine_it_has_not(
    qtbot: QtBot,
) -> None:
    from PySide6.QtCore import QProcess

    from kiosk.adapters.speech import QtSpeech
    from kiosk.adapters.speech_process import NICENESS

    engine = QtSpeech("no-such-engine")
    try:
        with qtbot.waitSignal(engine.ready, timeout=20000) as ready:
            engine.start()
        assert ready.args == [frozenset()], "no engine of that name (or no PySide6-Addons)"
        assert engine.languages() == frozenset()
        process = engine.findChild(QProcess)
        assert process is not None and process.processId() > 0
        own = os.getpriority(os.PRIO_PROCESS, 0)
        assert os.getpriority(os.PRIO_PROCESS, process.processId()) == own + NICENESS, (
            "the speech process (and the dispatcher it starts) runs below the kiosk"
        )
        engine.say("nobody hears this", "en")  # harmless
    finally:
        engine.close()


def test_an_engine_that_never_answers_is_ended_and_never_holds_the_kiosk(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A speech-dispatcher that stopped answering once froze the whole kiosk (the engine was made
    in a thread, holding Python's lock); in its own process it only loses read-aloud."""
    from PySide6.QtCore import QProcess

    from kiosk.adapters.speech import QtSpeech

    hung = tmp_path / "hung-engine"
    hung.write_text("#!/bin/sh\nexec sleep 600\n")
    hung.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(hung))
    engine = QtSpeech("speechd")
    process = engine.findChild(QProcess)
    assert process is not None
    engine.start()
    assert process.waitForStarted(10000)
    assert engine.languages() == frozenset(), "no answer: no language, the toggle stays hidden"
    engine.close()
    assert process.state() == QProcess.ProcessState.NotRunning, "killed when the kiosk quits"
    assert "does not answer" in caplog.text
