"""The settings values: an immutable, complete and valid set."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import cast

from kiosk.model.settings.declarations import SETTINGS, SETTINGS_BY_KEY, Lang


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

    @property
    def fleet_dir(self) -> str:
        """Fleet folder; empty means no fleet."""
        return cast(str, self._values["fleet_dir"])

    @property
    def kiosk_id(self) -> str:
        """This kiosk's name in the fleet folder; empty means the host name."""
        return cast(str, self._values["kiosk_id"])

    @property
    def fleet_heartbeat(self) -> float:
        """Seconds between two looks at the fleet folder."""
        return cast(float, self._values["fleet_heartbeat"])

    @property
    def fleet_screenshots(self) -> bool:
        """Put a small screenshot into the fleet folder every 5 minutes."""
        return cast(bool, self._values["fleet_screenshots"])


def _check(key: str, value: object) -> object:
    setting = SETTINGS_BY_KEY.get(key)
    if setting is None:
        raise ValueError(f"unknown setting {key!r}")
    try:
        return setting.check(value)
    except ValueError as exc:
        raise ValueError(f"invalid value for setting {key!r}: {exc}") from None
