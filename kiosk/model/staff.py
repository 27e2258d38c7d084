"""Staff's side of the session, without Qt: the PIN login, changing the PIN, the admin status.

:class:`PinChange` is the small state machine of a new PIN (enter it, repeat it: saved, or a
mismatch or an invalid PIN); :class:`Staff` checks the login PIN, forces a new PIN on the first
login, and says what the admin menu shows (a :class:`Status`: a message key and its values).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from kiosk.model.events import Emitter
from kiosk.model.pin import PinGuard, PinResult, hash_pin, must_change, new_pin_problem
from kiosk.model.session import Session

log = logging.getLogger("kiosk.staff")


class TodayFigures(NamedTuple):
    """Today's visitor figures for the admin menu."""

    sessions: int
    average_session_s: float
    top_screen: str | None


@dataclass(frozen=True)
class Status:
    """A line of the admin menu: a UI message key and the values it is filled with."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)


PinOutcome = Literal["repeat", "invalid", "mismatch", "saved"]


class PinStep(NamedTuple):
    """What entering a PIN did: the outcome, the prompt (a message key) and the message to show
    (a message key, or what :func:`~kiosk.model.pin.new_pin_problem` says; empty for none)."""

    outcome: PinOutcome
    prompt: str
    message: str


class PinChange:
    """Enter a new PIN, then repeat it.

    Args:
        first_login: the default PIN must be replaced (another prompt).
    """

    def __init__(self, first_login: bool = False) -> None:
        self.first_login = first_login
        self._first: str | None = None

    @property
    def start_prompt(self) -> str:
        return "admin.must_change" if self.first_login else "admin.new_pin"

    @property
    def prompt(self) -> str:
        """The message key asking for what comes next."""
        return "admin.repeat_pin" if self._first is not None else self.start_prompt

    def enter(self, pin: str) -> PinStep:
        """The next PIN typed; ``"saved"`` means *pin* is the new PIN (entered twice)."""
        if self._first is None:
            problem = new_pin_problem(pin)
            if problem:
                return PinStep("invalid", self.prompt, f"pin.problem.{problem}")
            self._first = pin
            return PinStep("repeat", self.prompt, "")
        if pin != self._first:
            self._first = None
            return PinStep("mismatch", self.prompt, "admin.pin_mismatch")
        return PinStep("saved", self.prompt, "admin.pin_changed")


class Staff:
    """The admin side: login, PIN change, what the admin menu shows.

    Args:
        session: where settings are changed and saved.
        today: today's figures (None when there are none, e.g. analytics off).
        guard: counts wrong PINs (a new one by default).
    """

    def __init__(
        self,
        session: Session,
        today: Callable[[], TodayFigures | None] = lambda: None,
        guard: PinGuard | None = None,
    ) -> None:
        self.session = session
        self.guard = guard if guard is not None else PinGuard()
        self._today = today
        self._present = False
        self.pin_change: PinChange | None = None
        #: Staff made the hidden gesture: the PIN pad is shown (visitors are not counted).
        self.opened: Emitter[None] = Emitter()
        #: The admin menu's status line changed.
        self.status_changed: Emitter[Status] = Emitter()

    @property
    def present(self) -> bool:
        """The PIN pad or the admin menu is open."""
        return self._present

    def open(self) -> None:
        self._present = True
        log.info("admin: PIN pad opened")
        self.opened.emit(None)

    def close(self) -> None:
        self._present = False
        self.pin_change = None

    def login(self, pin: str) -> PinResult:
        """Check the login PIN; when right, a first login starts the forced PIN change."""
        result = self.guard.attempt(pin, self.session.settings.pin_hash)
        if result.ok and must_change(self.session.settings.pin_hash):
            self.pin_change = PinChange(first_login=True)
        return result

    def start_pin_change(self, first_login: bool = False) -> PinChange:
        self.pin_change = PinChange(first_login)
        return self.pin_change

    def enter_new_pin(self, pin: str) -> PinStep:
        """A PIN typed into the PIN change; saved (and the status says so) once repeated."""
        change = self.pin_change or self.start_pin_change()
        step = change.enter(pin)
        if step.outcome == "saved":
            self.session.set_pin_hash(hash_pin(pin))
            self.pin_change = None
            self.status_changed.emit(Status("admin.pin_changed"))
        return step

    def status(self) -> Status | None:
        """What the admin menu says when it opens: content problems first, else today's figures."""
        problems = self.session.problems
        if problems:
            return Status("admin.content_problems", {"problem": problems[0]})
        figures = self._figures()
        if figures is None:
            return None
        from kiosk.model.report import duration

        values = {
            "n": figures.sessions,
            "length": duration(figures.average_session_s),
            "screen": figures.top_screen,  # a route: the window names it in its language
        }
        return Status("admin.today", values)

    def _figures(self) -> TodayFigures | None:
        try:
            return self._today()
        except Exception:
            log.exception("admin: today's figures cannot be read")
            return None

    def reload(self) -> bool:
        """Load the content again; False (and the status says why) when it has problems."""
        problems = self.session.reload()
        if problems:
            self.status_changed.emit(Status("admin.content_problems", {"problem": problems[0]}))
            return False
        return True

    def set_idle_timeout(self, seconds: int) -> None:
        self.session.set_idle_timeout(seconds)
