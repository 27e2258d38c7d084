"""The kiosk's settings: declared once, read from a TOML file, overridden on the command line.

Every setting is declared once in :data:`SETTINGS` with its type, default, range and description;
loading, validation, saving and ``kiosk --help-settings`` all read these declarations.

A broken settings file never stops the kiosk: :func:`load_settings` reports one line per problem
and uses the default for what it could not read. Command-line overrides are checked strictly
(:func:`apply_overrides` raises :class:`ValueError`), because the person typing them is there to
read the error.

This module imports nothing from Qt.
"""

from kiosk.model.settings.declarations import SETTINGS, SETTINGS_BY_KEY, Lang, Setting
from kiosk.model.settings.files import (
    apply_overrides,
    default_config_path,
    describe,
    load_settings,
    save_settings,
)
from kiosk.model.settings.values import Settings

__all__ = [
    "SETTINGS",
    "SETTINGS_BY_KEY",
    "Lang",
    "Setting",
    "Settings",
    "apply_overrides",
    "default_config_path",
    "describe",
    "load_settings",
    "save_settings",
]
