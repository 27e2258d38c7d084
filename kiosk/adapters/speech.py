"""Qt's text-to-speech (QTextToSpeech, in PySide6-Addons) as the read-aloud model's engine.

Read-aloud is optional: ``pip install '.[speech]'`` adds PySide6-Addons, and the system needs an
engine with voices (speech-dispatcher with espeak-ng on Linux, the system voices on Windows).
Without the module, an engine or a voice for a language, read-aloud is not available in that
language and the bar hides its toggle; the kiosk works as without it.

Nothing here is imported before the first frame. Making a QTextToSpeech is slow (speech-
dispatcher lists its 1,500 espeak-ng voices: about 1.6 s here), so the engine is made, asked for
voices and driven in a thread of its own; the kiosk's thread only sends it sentences and stops.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from PySide6.QtCore import QLocale, QObject, QThread, Signal, Slot

from kiosk.content import Lang

log = logging.getLogger("kiosk.speech")

#: The locale each language is read in.
LOCALES: dict[Lang, str] = {"zh": "zh_CN", "en": "en_US"}
#: Words in a voice's name that say it speaks the language, for an engine that gives its voices
#: no locale Qt knows (speech-dispatcher's espeak-ng voices for Chinese are "Chinese (Mandarin,
#: latin as English)" with the language "cmn", which QLocale reads as "C").
VOICE_NAMES: dict[Lang, tuple[str, ...]] = {"zh": ("Mandarin", "Chinese"), "en": ("English",)}
#: How long quitting waits for the speech thread to end.
CLOSE_WAIT_MS = 3000
#: Engines that only pretend (Qt's test engine): used when asked for by name only.
PRETEND = frozenset({"mock"})


def text_to_speech() -> Any | None:
    """The PySide6.QtTextToSpeech module, or None where PySide6-Addons is not installed.

    Imported by name: the module is optional, so the type checker does not need it either.
    """
    try:
        return importlib.import_module("PySide6.QtTextToSpeech")
    except ImportError:
        return None


def choose_voice(tts: Any, lang: Lang) -> tuple[Any, Any] | None:
    """The (locale, voice) *tts* reads *lang* in, or None: a voice of the language's locale,
    else of another country's (en_GB for en_US), else one named for the language."""
    wanted = QLocale(LOCALES[lang])
    locales = list(tts.availableLocales())
    same = [loc for loc in locales if loc.language() == wanted.language()]
    same.sort(key=lambda loc: loc.territory() != wanted.territory())
    for locale in same:
        voices = list(tts.allVoices(locale))
        if voices:
            return locale, voices[0]
    for word in VOICE_NAMES[lang]:
        for locale in locales:
            named = [v for v in tts.allVoices(locale) if word in v.name()]
            named.sort(key=lambda v: "+" in v.name())  # espeak-ng's variants after the voice
            if named:
                return locale, named[0]
    return None


class _Worker(QObject):
    """Owns the QTextToSpeech, in the speech thread."""

    found = Signal(object)  # the languages with a voice (a frozenset), after start
    state = Signal(str)  # the engine's state by name: "Ready", "Speaking", "Error", …

    def __init__(self, engine: str) -> None:
        super().__init__()
        self._engine = engine
        self._tts: Any = None
        self._voices: dict[Lang, tuple[Any, Any]] = {}

    @Slot()
    def start(self) -> None:
        module = text_to_speech()
        if module is None:
            log.info("read-aloud: PySide6-Addons is not installed (pip install '.[speech]')")
            self.found.emit(frozenset())
            return
        tts_class = module.QTextToSpeech
        engines = [str(e) for e in tts_class.availableEngines()]
        if self._engine:
            engines = [e for e in engines if e == self._engine]
        else:
            engines = [e for e in engines if e not in PRETEND]
        if not engines:
            log.info("read-aloud: no text-to-speech engine (%s)", self._engine or "any")
            self.found.emit(frozenset())
            return
        tts = self._tts = tts_class(engines[0], self)
        if tts.state() == tts_class.State.Error:
            log.info("read-aloud: engine %s: %s", engines[0], tts.errorString())
            self.found.emit(frozenset())
            return
        tts.stateChanged.connect(self._state_changed)
        for lang in LOCALES:
            choice = choose_voice(tts, lang)
            if choice is not None:
                self._voices[lang] = choice
                log.info("read-aloud: %s in %s (%s)", lang, choice[1].name(), engines[0])
            else:
                log.info("read-aloud: engine %s has no voice for %s", engines[0], lang)
        self.found.emit(frozenset(self._voices))

    @Slot(object)
    def _state_changed(self, state: Any) -> None:
        self.state.emit(str(state.name))

    @Slot(str, str)
    def say(self, text: str, lang: str) -> None:
        choice = self._voices.get(lang)  # type: ignore[call-overload]
        if self._tts is None or choice is None:
            return
        locale, voice = choice
        if self._tts.locale() != locale:
            self._tts.setLocale(locale)
        if self._tts.voice() != voice:
            self._tts.setVoice(voice)
        self._tts.say(text)

    @Slot()
    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()


class QtSpeech(QObject):
    """The engine of the read-aloud model: QTextToSpeech in a thread of its own.

    Call :meth:`start`; :attr:`ready` says which languages have a voice (none: no read-aloud).
    :meth:`close` ends the thread (at the latest when the application quits).

    Args:
        engine: the engine by name (``speechd``, ``sapi``, ``mock``…); empty: the system's first.
    """

    ready = Signal(object)  # frozenset of the languages with a voice
    #: The engine's state changed, by name ("Speaking", "Ready", …).
    state = Signal(str)
    _say = Signal(str, str)
    _stop = Signal()

    def __init__(self, engine: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._languages: frozenset[Lang] = frozenset()
        self._thread = QThread(self)
        self._thread.setObjectName("speech")
        self._worker = _Worker(engine)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.start)
        self._thread.finished.connect(self._worker.deleteLater)
        self._worker.found.connect(self._found)
        self._worker.state.connect(self.state)
        self._say.connect(self._worker.say)
        self._stop.connect(self._worker.stop)

    def start(self) -> None:
        """Look for an engine and voices, in the speech thread."""
        self._thread.start(QThread.Priority.LowPriority)

    def close(self) -> None:
        """Stop speaking and end the speech thread."""
        if self._thread.isRunning():
            self._stop.emit()
            self._thread.quit()
            if not self._thread.wait(CLOSE_WAIT_MS):
                # A speech-dispatcher that stopped answering holds the thread in its client
                # library; the kiosk is quitting, so the thread is ended rather than waited for.
                log.warning("read-aloud: the speech engine does not answer; ending its thread")
                self._thread.terminate()
                self._thread.wait(CLOSE_WAIT_MS)

    def _found(self, languages: frozenset[Lang]) -> None:
        self._languages = languages
        self.ready.emit(languages)

    # -- the read-aloud model's Engine -------------------------------------------------------------

    def languages(self) -> frozenset[Lang]:
        return self._languages

    def say(self, text: str, lang: Lang) -> None:
        self._say.emit(text, lang)

    def stop(self) -> None:
        self._stop.emit()
