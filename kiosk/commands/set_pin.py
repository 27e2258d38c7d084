"""``kiosk set-pin [--config FILE]``: store a new admin PIN (as a hash) in the settings file.

The PIN is asked twice, hidden when typed at a terminal; scripts and tests can pipe two lines
instead. Neither the PIN nor its hash is ever printed.
"""

from __future__ import annotations

import getpass
import logging
import sys
from pathlib import Path
from typing import TextIO

from kiosk.model.pin import hash_pin, new_pin_problem
from kiosk.model.settings import default_config_path, load_settings, save_settings

log = logging.getLogger("kiosk.settings")


class _Cancelled(Exception):
    """The PIN could not be read (end of input or Ctrl+C)."""


def set_pin_command(
    config: Path | None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    """Ask for a new admin PIN twice and store its hash as ``pin_hash`` in the settings file.

    The file's other settings are kept. A file with problems is left alone (its problems are
    printed), because saving it would silently drop the values that could not be read.

    Args:
        config: The settings file (default: :func:`~kiosk.model.settings.default_config_path`).
        stdin: Where the PIN is read (default: ``sys.stdin``); at a terminal it is read with
            :func:`getpass.getpass`, otherwise as two lines.
        stdout: Where messages go (default: ``sys.stdout``).

    Returns:
        0 when the PIN was stored, 1 otherwise (after one line saying why).
    """
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    path = config or default_config_path()

    def fail(message: str) -> int:
        print(f"kiosk set-pin: {message}", file=stdout)
        return 1

    settings, problems = load_settings(path)
    if problems:
        for line in problems:
            print(line, file=stdout)
        return fail(f"fix or remove {path} first; the PIN was not changed")
    interactive = _isatty(stdin)
    try:
        pin = _read_pin("New admin PIN (4 to 8 digits): ", stdin, stdout, interactive)
        problem = new_pin_problem(pin)
        if problem is not None:
            from kiosk.ui.strings import ui  # the admin menu's wording, in English

            return fail(f"{ui(f'pin.problem.{problem}', 'en')}; the PIN was not changed")
        again = _read_pin("Repeat the new PIN: ", stdin, stdout, interactive)
    except _Cancelled as exc:
        return fail(f"{exc}; the PIN was not changed")
    if again != pin:
        return fail("the two PINs differ; the PIN was not changed")
    try:
        save_settings(settings.replace(pin_hash=hash_pin(pin)), path)
    except OSError as exc:
        return fail(f"cannot write {path} ({exc.strerror or exc}); the PIN was not changed")
    log.info("admin PIN changed with `kiosk set-pin`")
    print(f"New admin PIN saved (as a hash) in {path}", file=stdout)
    return 0


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


def _read_pin(prompt: str, stdin: TextIO, stdout: TextIO, interactive: bool) -> str:
    """One PIN: hidden at a terminal, else the next line of *stdin* (without its line end)."""
    try:
        if interactive:
            return getpass.getpass(prompt, stream=stdout)
        line = stdin.readline()
    except EOFError:
        raise _Cancelled("no PIN given") from None
    except KeyboardInterrupt:
        raise _Cancelled("cancelled") from None
    if not line:
        raise _Cancelled("no PIN given (end of input)")
    return line.rstrip("\r\n")
