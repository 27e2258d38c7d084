"""Qt's text-to-speech (QTextToSpeech, in PySide6-Addons) as the read-aloud model's engine.

Read-aloud is optional: ``pip install '.[speech]'`` adds PySide6-Addons, and the system needs an
engine with voices (speech-dispatcher with espeak-ng on Linux, the system voices on Windows).
Without the module, an engine or a voice for a language, read-aloud is not available in that
language and the bar hides its toggle; the kiosk works as without it.

Nothing here is imported before the first frame. The engine lives in a process of its own
(:mod:`kiosk.adapters.speech_process`): making a QTextToSpeech is slow (speech-dispatcher lists its
1,500 espeak-ng voices: 1.6 to 6 s here) and PySide6 holds Python's lock while it does, so in a
thread it froze the whole kiosk for that long, and for good where speech-dispatcher stopped
answering. A process that hangs only loses read-aloud; the kiosk sends it sentences as lines and
kills it when it quits.
"""

from __future__ import annotations

import importlib
import logging
import sys
from typing import Any

from PySide6.QtCore import QLocale, QObject, QProcess, Signal, Slot

from kiosk.content import Lang

log = logging.getLogger("kiosk.speech")

#: The locale each language is read in.
LOCALES: dict[Lang, str] = {"zh": "zh_CN", "en": "en_US"}
#: Words in a voice's name that say it speaks the language, for an engine that gives its voices
#: no locale Qt knows (speech-dispatcher's espeak-ng voices for Chinese are "Chinese (Mandarin,
#: latin as English)" with the language "cmn", which QLocale reads as "C").
VOICE_NAMES: dict[Lang, tuple[str, ...]] = {"zh": ("Mandarin", "Chinese"), "en": ("English",)}
#: How long quitting waits for the speech process to end before it is killed.
CLOSE_WAIT_MS = 1000
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


class Worker(QObject):
    """Owns the QTextToSpeech, in the speech process."""

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
    """The engine of the read-aloud model: QTextToSpeech in a process of its own.

    Call :meth:`start`; :attr:`ready` says which languages have a voice (none: no read-aloud).
    :meth:`close` ends the process (at the latest when the application quits).

    Args:
        engine: the engine by name (``speechd``, ``sapi``, ``mock``…); empty: the system's first.
    """

    ready = Signal(object)  # frozenset of the languages with a voice
    #: The engine's state changed, by name ("Speaking", "Ready", …).
    state = Signal(str)

    def __init__(self, engine: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._languages: frozenset[Lang] = frozenset()
        self._buffer = b""
        self._process = QProcess(self)
        self._process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        self._process.readyReadStandardOutput.connect(self._read)
        self._process.errorOccurred.connect(self._failed)

    def start(self) -> None:
        """Start the speech process: it looks for an engine and voices."""
        if getattr(sys, "frozen", False):  # a bundle: the kiosk's own executable runs it
            program, args = sys.executable, ["--speech-process", self._engine]
        else:
            program, args = sys.executable, ["-m", "kiosk", "--speech-process", self._engine]
        self._process.start(program, args)

    def close(self) -> None:
        """Stop speaking and end the speech process (killed if it does not end at once)."""
        if self._process.state() == QProcess.ProcessState.NotRunning:
            return
        self._process.closeWriteChannel()  # the process ends at the end of its input
        if not self._process.waitForFinished(CLOSE_WAIT_MS):
            log.warning("read-aloud: the speech engine does not answer; ending its process")
            self._process.kill()
            self._process.waitForFinished(CLOSE_WAIT_MS)

    def _send(self, line: str) -> None:
        if self._process.state() == QProcess.ProcessState.Running:
            self._process.write((line.replace("\n", " ") + "\n").encode())

    @Slot()
    def _read(self) -> None:
        self._buffer += bytes(self._process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for raw in lines:
            word, _, rest = raw.decode(errors="replace").partition(" ")
            if word == "ready":
                found = {lang for lang in rest.split() if lang in LOCALES}
                self._languages = frozenset(found)  # type: ignore[arg-type]
                self.ready.emit(self._languages)
            elif word == "state":
                self.state.emit(rest)

    @Slot(QProcess.ProcessError)
    def _failed(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            log.info("read-aloud: the speech process could not start")
            self.ready.emit(frozenset())
        elif self._languages:
            log.warning("read-aloud: the speech process ended (%s); read-aloud is off", error)
            self._languages = frozenset()
            self.ready.emit(self._languages)

    # -- the read-aloud model's Engine -------------------------------------------------------------

    def languages(self) -> frozenset[Lang]:
        return self._languages

    def say(self, text: str, lang: Lang) -> None:
        self._send(f"say {lang} {text}")

    def stop(self) -> None:
        self._send("stop")
