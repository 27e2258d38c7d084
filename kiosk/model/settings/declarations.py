"""The declarations: every setting once, with its type, default, range and description."""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Literal, NamedTuple

from kiosk.model.hours import OpeningHours

#: A language of the kiosk (the same values as :data:`kiosk.content.model.LANGS`).
Lang = Literal["zh", "en"]


class Setting(NamedTuple):
    """The declaration of one setting.

    Attributes:
        key: Name of the setting in the TOML file.
        kind: Python type of the value: ``int``, ``float``, ``str`` or ``bool``.
        default: Value used when the file does not set it (or sets it wrongly).
        description: One sentence for ``kiosk --help-settings`` and the saved file.
        minimum: Smallest allowed value of a number (inclusive), if any.
        maximum: Largest allowed value of a number (inclusive), if any.
        choices: The allowed values of a string, if limited.
        validate: Checks a string's format; raises ValueError with a message saying what is wrong.
        hint: The allowed values in words, for a string checked by *validate*.
    """

    key: str
    kind: type
    default: object
    description: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] | None = None
    validate: Callable[[str], object] | None = None  # not compared
    hint: str | None = None

    def check(self, value: object) -> object:
        """*value* normalised to this setting's type (an int becomes a float for a float setting).

        Raises:
            ValueError: *value* has the wrong type, is out of range or is not one of the choices;
                the message names the value and what is allowed, not the key.
        """
        if self.kind is float:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(f"expected a number, not {_kind_of(value)}")
            if isinstance(value, float) and not math.isfinite(value):
                raise ValueError(f"expected a finite number, not {_show(value)}")
            self._check_range(value)
            return float(value)
        if self.kind is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"expected a whole number, not {_kind_of(value)}")
            self._check_range(value)
            return value
        if self.kind is bool:
            if not isinstance(value, bool):
                raise ValueError(f"expected true or false, not {_kind_of(value)}")
            return value
        if self.kind is str:
            if isinstance(value, os.PathLike):
                value = os.fspath(value)
            if not isinstance(value, str):
                raise ValueError(f"expected a string, not {_kind_of(value)}")
            if self.choices is not None and value not in self.choices:
                allowed = ", ".join(_show(choice) for choice in self.choices)
                raise ValueError(f"{_show(value)} is not allowed (allowed: {allowed})")
            if self.validate is not None:
                self.validate(value)
            return value
        raise TypeError(f"setting {self.key!r} has an unsupported kind {self.kind.__name__}")

    def _check_range(self, value: float) -> None:
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"{_show(value)} is below the minimum {_show(self.minimum)}")
        if self.maximum is not None and value > self.maximum:
            raise ValueError(f"{_show(value)} is above the maximum {_show(self.maximum)}")

    def allowed(self) -> str:
        """The allowed values in words: ``"5 to 3600"``, ``"zh, en"`` or ``"any"``."""
        if self.choices is not None:
            return ", ".join(self.choices)
        if self.hint is not None:
            return self.hint
        if self.minimum is not None and self.maximum is not None:
            return f"{_show(self.minimum)} to {_show(self.maximum)}"
        if self.minimum is not None:
            return f"at least {_show(self.minimum)}"
        if self.maximum is not None:
            return f"at most {_show(self.maximum)}"
        return "any"


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "language",
        str,
        "zh",
        "Language the kiosk starts in and returns to at every idle reset.",
        choices=("zh", "en"),
    ),
    Setting(
        "idle_timeout",
        float,
        60.0,
        'Seconds without input before the "Still there?" countdown starts.',
        minimum=5,
        maximum=3600,
    ),
    Setting(
        "idle_warning",
        float,
        20.0,
        'Seconds of the "Still there?" countdown before the kiosk resets to the attract loop.',
        minimum=3,
        maximum=300,
    ),
    Setting(
        "attract_slide_seconds",
        float,
        8.0,
        "Seconds each slide of the attract loop stays on screen.",
        minimum=3,
        maximum=60,
    ),
    Setting(
        "transition_ms",
        int,
        280,
        "Length of a page transition in milliseconds.",
        minimum=150,
        maximum=400,
    ),
    Setting(
        "screen",
        int,
        0,
        "Number of the screen the kiosk runs on (0: the primary screen).",
        minimum=0,
        maximum=16,
    ),
    Setting(
        "content",
        str,
        "",
        "Content folder; empty means the bundled content.",
    ),
    Setting(
        "pin_hash",
        str,
        "",
        "Salted scrypt hash of the admin PIN, written by `kiosk set-pin` or the admin menu; "
        "empty means the documented first-run PIN is in force.",
    ),
    Setting(
        "analytics",
        bool,
        True,
        "Record anonymous, local visitor statistics (sessions, screens, touches on a coarse grid; "
        "nothing personal, nothing sent anywhere); `kiosk stats` reports them.",
    ),
    Setting(
        "analytics_db",
        str,
        "",
        "Statistics database file; empty means analytics.sqlite3 in the platform's data folder.",
    ),
    Setting(
        "opening_hours",
        str,
        "mon-sun 08:30-18:00",
        'Opening hours per weekday, e.g. "mon-fri 09:00-17:30; sat 10:00-16:00"; a weekday with '
        "no entry is closed. Outside them the kiosk shows a closed screen and lets the display "
        "sleep.",
        validate=OpeningHours.parse,
        hint="see description",
    ),
    Setting(
        "keep_awake",
        bool,
        True,
        "Keep the display awake during opening hours (screen saver and power saving held off).",
    ),
    Setting(
        "supervise",
        bool,
        False,
        "Start the kiosk under its watchdog (as `kiosk supervise` does): restarted within seconds "
        "when it crashes or stops answering, an out-of-order screen after repeated crashes.",
    ),
    Setting(
        "fleet_dir",
        str,
        "",
        "Fleet folder (kept in step by Syncthing or a share): the kiosk shows its current "
        "release and writes its status and statistics there; empty means no fleet.",
    ),
    Setting(
        "kiosk_id",
        str,
        "",
        "This kiosk's name in the fleet folder (letters, digits, '-', '_' and '.'); empty means "
        "the host name.",
        validate=lambda text: check_kiosk_id(text) if text else text,
        hint="name or empty",
    ),
    Setting(
        "fleet_heartbeat",
        float,
        60.0,
        "Seconds between two looks at the fleet folder (new release, status file).",
        minimum=5,
        maximum=3600,
    ),
    Setting(
        "fleet_screenshots",
        bool,
        False,
        "Put a small screenshot of the kiosk into the fleet folder every 5 minutes.",
    ),
)


def check_kiosk_id(text: str) -> str:
    """*text* when it can name a kiosk's files in the fleet folder.

    Raises:
        ValueError: empty, too long, starting with a dot or holding other characters than letters,
            digits, ``-``, ``_`` and ``.``.
    """
    if not _KIOSK_ID_RE.fullmatch(text):
        raise ValueError(
            f"{_show(text)} is not a kiosk id (1 to 64 letters, digits, '-', '_' or '.', "
            "not starting with '.')"
        )
    return text


_KIOSK_ID_RE = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}")

#: The declarations by key.
SETTINGS_BY_KEY: Mapping[str, Setting] = MappingProxyType({s.key: s for s in SETTINGS})


def _show(value: object) -> str:
    """*value* as it is written in TOML, shortened to one short line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        text = repr(value)
    elif isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    else:
        return _kind_of(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _kind_of(value: object) -> str:
    """*value*'s TOML type in words, with the value if it is short (``a string ("abc")``)."""
    if isinstance(value, bool):
        return f"a boolean ({_show(value)})"
    if isinstance(value, int):
        return f"an integer ({_show(value)})"
    if isinstance(value, float):
        return f"a number ({value!r})"
    if isinstance(value, str):
        return f"a string ({_show(value)})"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return f"a {type(value).__name__}"
