"""The kiosk's settings: declared once, read from a TOML file, overridden on the command line.

Every setting is declared once in :data:`SETTINGS` with its type, default, range and description;
loading, validation, saving and ``kiosk --help-settings`` all read these declarations.

A broken settings file never stops the kiosk: :func:`load_settings` reports one line per problem
and uses the default for what it could not read. Command-line overrides are checked strictly
(:func:`apply_overrides` raises :class:`ValueError`), because the person typing them is there to
read the error.

This module imports nothing from Qt.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Literal, cast

import rtoml
from platformdirs import user_config_dir

from kiosk.model.hours import OpeningHours

log = logging.getLogger("kiosk.settings")

#: A language of the kiosk (the same values as :data:`kiosk.content.model.LANGS`).
Lang = Literal["zh", "en"]


@dataclass(frozen=True)
class Setting:
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
    validate: Callable[[str], object] | None = field(default=None, compare=False)
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
)

#: The declarations by key.
SETTINGS_BY_KEY: Mapping[str, Setting] = MappingProxyType({s.key: s for s in SETTINGS})


class Settings:
    """An immutable, complete and valid set of setting values.

    Every declared key has a value of its declared type within its range; build one with
    :meth:`defaults`, :func:`load_settings` or :meth:`replace`.
    """

    __slots__ = ("_values",)
    _values: Mapping[str, object]

    def __init__(self, values: Mapping[str, object] | None = None) -> None:
        """Settings with *values* for some keys and the defaults for the others.

        Raises:
            ValueError: A key is not declared or a value is not valid for its setting.
        """
        checked = {s.key: s.default for s in SETTINGS}
        for key, value in (values or {}).items():
            checked[key] = _check(key, value)
        object.__setattr__(self, "_values", MappingProxyType(checked))

    @classmethod
    def defaults(cls) -> Settings:
        """Every setting at its declared default."""
        return cls()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Settings are immutable; use replace()")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Settings are immutable; use replace()")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Settings):
            return NotImplemented
        return dict(self._values) == dict(other._values)

    def __hash__(self) -> int:
        return hash(tuple(self._values.items()))

    def __repr__(self) -> str:
        changed = ", ".join(f"{key}={value!r}" for key, value in self.changes().items())
        return f"Settings({changed})"

    def get(self, key: str) -> object:
        """The value of setting *key*.

        Raises:
            KeyError: No setting is declared with that key.
        """
        if key not in self._values:
            raise KeyError(f"unknown setting {key!r}")
        return self._values[key]

    def replace(self, **changes: object) -> Settings:
        """A copy with *changes* applied.

        Raises:
            ValueError: A key is not declared or a value is not valid for its setting.
        """
        return Settings({**self._values, **changes})

    def as_dict(self) -> dict[str, object]:
        """Every setting and its value, in declaration order (a new dict)."""
        return dict(self._values)

    def changes(self) -> dict[str, object]:
        """The settings whose values differ from their defaults, in declaration order."""
        return {s.key: self._values[s.key] for s in SETTINGS if self._values[s.key] != s.default}

    @property
    def language(self) -> Lang:
        """Language the kiosk starts in and returns to at every idle reset."""
        return cast(Lang, self._values["language"])

    @property
    def idle_timeout(self) -> float:
        """Seconds without input before the "Still there?" countdown."""
        return cast(float, self._values["idle_timeout"])

    @property
    def idle_warning(self) -> float:
        """Seconds of the "Still there?" countdown."""
        return cast(float, self._values["idle_warning"])

    @property
    def attract_slide_seconds(self) -> float:
        """Seconds per attract-loop slide."""
        return cast(float, self._values["attract_slide_seconds"])

    @property
    def transition_ms(self) -> int:
        """Length of a page transition in milliseconds."""
        return cast(int, self._values["transition_ms"])

    @property
    def screen(self) -> int:
        """Number of the screen the kiosk runs on."""
        return cast(int, self._values["screen"])

    @property
    def content(self) -> str:
        """Content folder; empty means the bundled content."""
        return cast(str, self._values["content"])

    @property
    def pin_hash(self) -> str:
        """Salted hash of the admin PIN; empty while the first-run PIN is in force."""
        return cast(str, self._values["pin_hash"])

    @property
    def analytics(self) -> bool:
        """Record anonymous, local visitor statistics."""
        return cast(bool, self._values["analytics"])

    @property
    def analytics_db(self) -> str:
        """Statistics database file; empty means the platform's data folder."""
        return cast(str, self._values["analytics_db"])

    @property
    def opening_hours(self) -> str:
        """Opening hours per weekday (the text; parse it with OpeningHours.parse)."""
        return cast(str, self._values["opening_hours"])

    @property
    def keep_awake(self) -> bool:
        """Keep the display awake during opening hours."""
        return cast(bool, self._values["keep_awake"])

    @property
    def supervise(self) -> bool:
        """Start the kiosk under its watchdog (``kiosk supervise``)."""
        return cast(bool, self._values["supervise"])


def default_config_path() -> Path:
    """The platform's settings file of the kiosk (its folder is not created)."""
    return Path(user_config_dir("kiosk", appauthor=False)) / "settings.toml"


def load_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """Read the settings file at *path* (default: :func:`default_config_path`).

    Never raises for a bad file: each problem becomes a one-line message naming the file, the
    key and what is wrong, is logged as an error, and the default is used for that key (for a
    file that cannot be read or parsed at all: for every key). A missing file is not a problem.

    Returns:
        The settings and the messages, in file order.
    """
    path = path or default_config_path()
    data, problem = _read(path)
    if problem is not None:
        message = f"{path}: {problem}; using the defaults for every setting"
        log.error("%s", message)
        return Settings.defaults(), [message]
    values: dict[str, object] = {}
    messages: list[str] = []
    for key, value in data.items():
        setting = SETTINGS_BY_KEY.get(key)
        if setting is None:
            import difflib  # on use: not needed to start the kiosk

            hint = difflib.get_close_matches(key, SETTINGS_BY_KEY, n=1)
            guess = f" (did you mean {hint[0]!r}?)" if hint else ""
            messages.append(
                f"{path}: unknown setting {key!r}{guess}; ignored "
                "(`kiosk --help-settings` lists the settings)"
            )
            continue
        try:
            values[key] = setting.check(value)
        except ValueError as exc:
            messages.append(
                f"{path}: setting {key!r}: {exc}; using the default {_show(setting.default)}"
            )
    for message in messages:
        log.error("%s", message)
    return Settings(values), messages


def apply_overrides(settings: Settings, overrides: Mapping[str, object | None]) -> Settings:
    """*settings* with the command line's values applied (``None`` means "not given").

    Raises:
        ValueError: A key is not declared or a value is not valid for its setting; the message
            names the setting and what is allowed.
    """
    return settings.replace(**{key: value for key, value in overrides.items() if value is not None})


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the values of *settings* that differ from the defaults to *path*, atomically.

    The file gets a comment header and each value its description; the folder is created if
    needed. A file that already exists keeps its permissions; a new one is readable by its owner
    only (it holds the PIN hash).

    Returns:
        The path written (default: :func:`default_config_path`).

    Raises:
        OSError: The file or its folder cannot be written; the old file is then unchanged.
    """
    path = path or default_config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        "# Settings of the kiosk, written by the kiosk.",
        "# Only values that differ from the defaults are listed;",
        "# `kiosk --help-settings` describes every setting.",
    ]
    for key, value in settings.changes().items():
        lines += [
            "",
            *_comment(SETTINGS_BY_KEY[key].description),
            rtoml.dumps({key: value}).strip(),
        ]
    text = "\n".join(lines) + "\n"
    import tempfile  # on use: not needed to start the kiosk

    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        with contextlib.suppress(FileNotFoundError):
            temp.chmod(stat.S_IMODE(path.stat().st_mode))
        temp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    log.info("settings written to %s", path)
    return path


def describe() -> str:
    """A table of every setting (key, type, default, allowed values, description)."""
    header = ("setting", "type", "default", "allowed", "description")
    rows = [
        (s.key, s.kind.__name__, _show(s.default), s.allowed(), s.description) for s in SETTINGS
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    indent = sum(widths) + 2 * len(widths)
    import textwrap  # on use: not needed to start the kiosk

    lines = [
        f"Settings file: {default_config_path()} (or --config FILE); "
        "command-line flags override it.",
        "",
    ]
    for row in [header, *rows]:
        left = "".join(cell.ljust(width + 2) for cell, width in zip(row[:4], widths, strict=True))
        wrapped = textwrap.wrap(row[4], width=max(30, 100 - indent)) or [""]
        lines.append(left + wrapped[0])
        lines += [" " * indent + more for more in wrapped[1:]]
    return "\n".join(lines)


def _check(key: str, value: object) -> object:
    setting = SETTINGS_BY_KEY.get(key)
    if setting is None:
        raise ValueError(f"unknown setting {key!r}")
    try:
        return setting.check(value)
    except ValueError as exc:
        raise ValueError(f"invalid value for setting {key!r}: {exc}") from None


def _read(path: Path) -> tuple[dict[str, object], str | None]:
    """The top-level table of the TOML file at *path*, or a problem that stops reading it."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}, None
    except OSError as exc:
        return {}, f"cannot be read ({exc.strerror or exc})"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return {}, f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
    if "\x00" in text:
        return {}, "contains a NUL byte: not a text file"
    try:
        data = rtoml.loads(text)
    except Exception as exc:  # rtoml raises TomlParsingError, but a bad file must never crash
        return {}, f"syntax error: {' '.join(str(exc).split())}"
    if not isinstance(data, dict):
        return {}, "not a TOML table"
    return data, None


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


def _comment(text: str) -> list[str]:
    import textwrap  # on use: not needed to start the kiosk

    return ["# " + line for line in textwrap.wrap(text, width=98)]
