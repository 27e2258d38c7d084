"""The settings file: reading, saving and describing it."""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from collections.abc import Mapping
from pathlib import Path

import rtoml

from kiosk.model.settings.declarations import SETTINGS, SETTINGS_BY_KEY, _show
from kiosk.model.settings.values import Settings
from kiosk.system.paths import user_dir

log = logging.getLogger("kiosk.settings")


def default_config_path() -> Path:
    """The platform's settings file of the kiosk (its folder is not created)."""
    return user_dir("config") / "settings.toml"


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


def _comment(text: str) -> list[str]:
    import textwrap  # on use: not needed to start the kiosk

    return ["# " + line for line in textwrap.wrap(text, width=98)]
