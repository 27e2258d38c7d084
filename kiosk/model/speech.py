"""Read-aloud (语音播报), without Qt: what the kiosk says, when, and in which language.

A visitor turns read-aloud on in the bar (the session's ``speech`` mode; the idle reset turns it
off like the other modes). While it is on, the kiosk says the control that takes the focus (its
accessible name, and its description where it has one) and, on a new page, the page's title and
summary, in the visitor's language; anything the visitor does (a tap, a key) stops the sentence
being said. The engine is injected (:class:`Engine`): Qt's QTextToSpeech in
``kiosk.adapters.speech``, a fake one in the tests. Without an engine, or without a voice for the
visitor's language, read-aloud is not available and the bar hides its toggle.

Nothing is said at once: what to say waits in :attr:`ReadAloud.pending` until :meth:`flush`
(the view flushes on the next turn of its event loop), so a key that moves the focus first stops
the old sentence and then says the new one, and a page change says its title once, not the
heading's name and then the title again.
"""

from __future__ import annotations

import logging
from typing import NamedTuple, Protocol

from kiosk.content import Lang
from kiosk.model.events import Emitter
from kiosk.model.session import LanguageChange, Session

log = logging.getLogger("kiosk.speech")

#: The session mode that is read-aloud.
MODE = "speech"


class Engine(Protocol):
    """A text-to-speech engine with a voice for some of the kiosk's languages."""

    def languages(self) -> frozenset[Lang]:
        """The languages it has a voice for."""
        ...

    def say(self, text: str, lang: Lang) -> None:
        """Say *text* in *lang*'s voice (stops what it was saying)."""
        ...

    def stop(self) -> None:
        """Stop saying anything."""
        ...


class Silent:
    """An engine with a voice for every language that says nothing (proof sheets show the bar
    as on a machine with read-aloud)."""

    def languages(self) -> frozenset[Lang]:
        return frozenset({"zh", "en"})

    def say(self, text: str, lang: Lang) -> None:
        """Says nothing."""

    def stop(self) -> None:
        """Nothing to stop."""


class Utterance(NamedTuple):
    """A sentence to say, in a language."""

    text: str
    lang: Lang


def sentence(*parts: str) -> str:
    """*parts* (empty ones left out, spaces evened) as one thing to say, a pause between them."""
    kept = [" ".join(part.split()) for part in parts]
    kept = [part for part in kept if part]
    ended = [part if part[-1] in _STOPS else part + _stop(part[-1]) for part in kept[:-1]]
    return " ".join([*ended, *kept[-1:]])


#: Marks that already end a part (no full stop is added after them).
_STOPS = frozenset(".!?:;。！？：；…")


def _stop(last: str) -> str:
    """The full stop after a part that ends in *last*: a Chinese one after Chinese text."""
    return "。" if ord(last) >= 0x3000 else "."


class ReadAloud:
    """What to say when, for *session*; an engine is attached once one is found."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._engine: Engine | None = None
        self._pending: Utterance | None = None
        self._page: tuple[str, Lang] | None = None  # the page last said (route, language)
        self._title = ""
        #: Whether read-aloud can be turned on changed (an engine came, the language changed).
        self.available_changed: Emitter[bool] = Emitter()
        #: Something was handed to the engine (for tests and the log).
        self.said: Emitter[Utterance] = Emitter()
        session.modes_changed.connect(self._on_modes)
        session.language_changed.connect(self._on_language)

    # -- state -----------------------------------------------------------------------------------

    def attach(self, engine: Engine | None) -> None:
        """Use *engine* from now on (None: there is none)."""
        self._engine = engine
        if engine is not None:
            log.info("read-aloud: voices for %s", ", ".join(sorted(engine.languages())) or "none")
        self.available_changed.emit(self.available)

    @property
    def engine(self) -> Engine | None:
        return self._engine

    def available_in(self, lang: Lang) -> bool:
        """Whether read-aloud can speak *lang*."""
        return self._engine is not None and lang in self._engine.languages()

    @property
    def available(self) -> bool:
        """Whether read-aloud can speak the visitor's language."""
        return self.available_in(self.session.lang)

    @property
    def on(self) -> bool:
        """Read-aloud is on and can speak the visitor's language."""
        return self.session.modes.get(MODE, False) and self.available

    @property
    def pending(self) -> Utterance | None:
        """What is to be said at the next :meth:`flush`."""
        return self._pending

    # -- what happens ----------------------------------------------------------------------------

    def focused(self, name: str, description: str = "") -> None:
        """A control took the focus: say its name (and description)."""
        if not self.on:
            return
        text = sentence(name, description if description != name else "")
        if not text or (self._pending is not None and name == self._title):
            return  # a page's heading, focused on arrival: the page's own sentence says it
        self._pending = Utterance(text, self.session.lang)

    def page(self, route: str, title: str, summary: str = "") -> None:
        """A page is on screen: say its title and summary, once per page and language."""
        key = (route, self.session.lang)
        if not self.on or key == self._page:
            return
        self._page, self._title = key, title
        text = sentence(title, summary)
        if text:
            self._pending = Utterance(text, self.session.lang)

    def flush(self) -> Utterance | None:
        """Hand what is pending to the engine; what was said."""
        utterance, self._pending = self._pending, None
        if utterance is None or not self.on or self._engine is None:
            return None
        self._engine.say(utterance.text, utterance.lang)
        self.said.emit(utterance)
        return utterance

    def acted(self) -> None:
        """The visitor did something: stop the sentence being said (not one yet to come)."""
        if self._engine is not None and self.on:
            self._engine.stop()

    def again(self) -> None:
        """Say the next page even if it is the one last said (read-aloud was just turned on)."""
        self._page = None

    def _on_modes(self, modes: dict[str, bool]) -> None:
        if not modes.get(MODE, False):
            self._pending, self._page = None, None
            if self._engine is not None:
                self._engine.stop()

    def _on_language(self, change: LanguageChange) -> None:
        if self._engine is not None:
            self._engine.stop()
        self._pending = None
        self.available_changed.emit(self.available)
