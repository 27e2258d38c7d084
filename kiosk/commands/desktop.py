"""``kiosk install-desktop``: a freedesktop launcher, an autostart entry and a systemd user unit.

- ``kiosk.desktop`` in ``$XDG_DATA_HOME/applications`` (``~/.local/share/applications``) puts the
  kiosk in the desktop's application menu, with an icon written next to it.
- ``--autostart`` writes the same entry to ``$XDG_CONFIG_HOME/autostart`` (``~/.config/autostart``):
  the desktop starts the kiosk at log-in, so a booth PC that boots and logs in by itself lands in
  the attract loop.
- ``--systemd`` writes ``kiosk.service`` to ``$XDG_CONFIG_HOME/systemd/user``: systemd starts the
  kiosk with the graphical session and starts it again two seconds after it dies
  (``Restart=always``). Use it *or* the autostart entry, not both.

Every file names the absolute path of the running ``kiosk`` command, so they work whatever the
``PATH`` of the desktop session. This module imports nothing from Qt.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

from kiosk.ui.tokens import DEFAULT as COLOURS

#: The desktop file id (``kiosk.desktop``) and the unit name (``kiosk.service``).
APP_ID = "kiosk"

_KEY = re.compile(r"^[A-Za-z0-9-]+(\[[A-Za-z_@.]+\])?$")
#: Characters that make an Exec argument need quoting (Desktop Entry Specification, "Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")

_ENTRY = """\
[Desktop Entry]
Type=Application
Version=1.4
Name=Zhongguancun Forum 2023
Name[zh_CN]=2023中关村论坛
GenericName=Exhibition kiosk
GenericName[zh_CN]=展项
Comment=Touchscreen exhibition of the 2023 Zhongguancun Forum
Comment[zh_CN]=2023中关村论坛触摸屏展项
Exec={exec}
TryExec={try_exec}
Icon={icon}
Terminal=false
StartupNotify=false
Categories=Education;
Keywords=kiosk;exhibition;forum;Zhongguancun;
"""

_AUTOSTART = """\
X-GNOME-Autostart-enabled=true
X-KDE-autostart-after=panel
"""

UNIT = """\
# systemd user unit of the exhibition kiosk (`kiosk install-desktop --systemd` writes it with the
# path of the installed kiosk). Install by hand:
#   cp kiosk.service ~/.config/systemd/user/ && systemctl --user daemon-reload
#   systemctl --user enable --now kiosk.service
# Use it or the autostart entry (`kiosk install-desktop --autostart`), not both.
[Unit]
Description=Zhongguancun Forum 2023 exhibition kiosk
After=graphical-session.target
PartOf=graphical-session.target
# Never give up restarting, however often it dies.
StartLimitIntervalSec=0

[Service]
Type=simple
ExecStart={exec}
Restart=always
RestartSec=2
# The admin menu's "Exit the kiosk" ends it with status 0: staff meant it, so it stays down until
# the next log-in or `systemctl --user start kiosk`. A crash or a kill (any other status, any
# signal) is restarted.
RestartPreventExitStatus=0
# X11 through XWayland keeps a frameless always-on-top window on top in any session; remove to let
# Qt choose.
#Environment=QT_QPA_PLATFORM=xcb

[Install]
WantedBy=graphical-session.target
"""

#: The unit as shipped in packaging/kiosk.service (for a kiosk installed with `pip install --user`).
SHIPPED_EXEC = "%h/.local/bin/kiosk"


def kiosk_command() -> list[str]:
    """The command that runs this kiosk, with absolute paths.

    A PyInstaller bundle's executable; else the ``kiosk`` script this process was started as, or
    the one beside its Python (a virtual environment); else ``kiosk`` on the PATH; else
    ``python -m kiosk``.
    """
    if getattr(sys, "frozen", False):  # the bundle: its GUI program, even from kiosk-cli
        program = Path(sys.executable).absolute()
        gui = program.with_name("kiosk" + program.suffix)
        return [str(gui if gui.is_file() else program)]
    names = ("kiosk", "kiosk.exe", "kiosk-script.py")
    started = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if started is not None and started.name in names and started.is_file():
        return [str(started.absolute())]
    beside = Path(sys.executable).absolute().parent / (
        "kiosk.exe" if sys.platform == "win32" else "kiosk"
    )
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("kiosk")
    if found:
        return [str(Path(found).absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "kiosk"]


def exec_value(argv: Sequence[str]) -> str:
    """*argv* as the value of an ``Exec`` key: quoted where needed, ``%`` doubled, escaped."""
    parts = []
    for arg in argv:
        if arg and not _RESERVED & set(arg):
            text = arg
        else:
            inner = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
            text = f'"{inner}"'
        parts.append(text.replace("%", "%%"))
    # The string-value escape rule applies on top of the quoting rule: a backslash is doubled.
    return " ".join(parts).replace("\\", "\\\\")


def desktop_entry(argv: Sequence[str], icon: str, autostart: bool = False) -> str:
    """The text of ``kiosk.desktop`` running *argv*."""
    text = _ENTRY.format(exec=exec_value(argv), try_exec=_escape(argv[0]), icon=_escape(icon))
    return text + (_AUTOSTART if autostart else "")


def systemd_unit(argv: Sequence[str]) -> str:
    """The text of ``kiosk.service`` running *argv*."""
    return UNIT.format(exec=" ".join(_systemd_quote(arg) for arg in argv))


def icon_svg() -> str:
    """The launcher icon: a night-blue tile with the forum's cyan ring and gold spark."""
    c = COLOURS
    return f"""\
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <rect width="256" height="256" rx="56" fill="{c.background}"/>
  <rect x="8" y="8" width="240" height="240" rx="50"
        fill="none" stroke="{c.outline}" stroke-width="4"/>
  <circle cx="128" cy="128" r="70" fill="none" stroke="{c.accent}" stroke-width="18"/>
  <circle cx="128" cy="128" r="30" fill="{c.primary}"/>
  <circle cx="183" cy="76" r="16" fill="{c.gold}"/>
</svg>
"""


def applications_dir() -> Path:
    """``$XDG_DATA_HOME/applications`` (``~/.local/share/applications``)."""
    return Path(user_data_dir()) / "applications"


def autostart_dir() -> Path:
    """``$XDG_CONFIG_HOME/autostart`` (``~/.config/autostart``)."""
    return Path(user_config_dir()) / "autostart"


def systemd_user_dir() -> Path:
    """``$XDG_CONFIG_HOME/systemd/user`` (``~/.config/systemd/user``)."""
    return Path(user_config_dir()) / "systemd" / "user"


def install(
    dest: Path | None = None,
    autostart: Path | None = None,
    systemd: Path | None = None,
    argv: Sequence[str] | None = None,
) -> list[Path]:
    """Write the launcher to *dest* (default: :func:`applications_dir`) with its icon, and the
    autostart entry and the systemd unit to the folders given; returns the files written."""
    argv = list(argv or kiosk_command())
    dest = dest or applications_dir()
    dest.mkdir(parents=True, exist_ok=True)
    icon = dest / f"{APP_ID}.svg"
    icon.write_text(icon_svg(), encoding="utf-8")
    written = [icon]
    launcher = dest / f"{APP_ID}.desktop"
    launcher.write_text(desktop_entry(argv, str(icon.absolute())), encoding="utf-8")
    launcher.chmod(0o755)  # some desktops only trust executable launchers
    written.append(launcher)
    if autostart is not None:
        autostart.mkdir(parents=True, exist_ok=True)
        entry = autostart / f"{APP_ID}.desktop"
        entry.write_text(
            desktop_entry(argv, str(icon.absolute()), autostart=True), encoding="utf-8"
        )
        written.append(entry)
    if systemd is not None:
        systemd.mkdir(parents=True, exist_ok=True)
        unit = systemd / f"{APP_ID}.service"
        unit.write_text(systemd_unit(argv), encoding="utf-8")
        written.append(unit)
    return written


def check_entry(text: str) -> list[str]:
    """Problems of a desktop entry, checked the way ``desktop-file-validate`` does for the keys
    this module writes (so that a test asserts something where the tool is not installed)."""
    problems: list[str] = []
    lines = text.splitlines()
    if not lines or lines[0] != "[Desktop Entry]":
        return ["the first line must be [Desktop Entry]"]
    keys: dict[str, str] = {}
    for number, line in enumerate(lines[1:], start=2):
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            problems.append(f"line {number}: a second group {line}")
            continue
        key, equals, value = line.partition("=")
        if not equals or not _KEY.match(key):
            problems.append(f"line {number}: not a key=value line: {line!r}")
            continue
        if key in keys:
            problems.append(f"line {number}: key {key} given twice")
        keys[key] = value
    for key in ("Type", "Name", "Exec"):
        if key not in keys:
            problems.append(f"required key {key} is missing")
    if keys.get("Type") != "Application":
        problems.append("Type must be Application")
    if keys.get("Terminal") not in ("true", "false"):
        problems.append("Terminal must be true or false")
    categories = keys.get("Categories", "")
    if categories and not categories.endswith(";"):
        problems.append("Categories must end with ;")
    main = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics",
            "Network", "Office", "Science", "Settings", "System", "Utility"}  # fmt: skip
    if categories and not main & set(categories.split(";")):
        problems.append("Categories names no main category")
    exec_line = keys.get("Exec", "")
    if "%" in exec_line.replace("%%", "") and not any(
        code in exec_line for code in ("%f", "%F", "%u", "%U", "%i", "%c", "%k")
    ):
        problems.append("Exec has a lone % (write %% for a literal one)")
    icon = keys.get("Icon", "")
    if icon and "/" not in icon and Path(icon).suffix in (".png", ".svg", ".xpm"):
        problems.append("Icon names a theme icon with an extension")
    if icon.startswith("/") and not Path(icon).is_file():
        problems.append(f"Icon file {icon} does not exist")
    try_exec = keys.get("TryExec", "")
    if try_exec.startswith("/") and not Path(try_exec).is_file():
        problems.append(f"TryExec {try_exec} does not exist")
    return problems


def _escape(value: str) -> str:
    """A string value of a desktop entry (backslash, newline and tab escaped)."""
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def _systemd_quote(arg: str) -> str:
    if arg and not set(arg) & set(" \t\"'\\;$%"):
        return arg
    return (
        '"'
        + arg.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$")
        + '"'
    )


def command_parser() -> argparse.ArgumentParser:
    """The arguments of ``kiosk install-desktop``."""
    parser = argparse.ArgumentParser(
        prog="kiosk install-desktop",
        description="Write a freedesktop launcher (kiosk.desktop and its icon) for this kiosk; "
        "with --autostart also an autostart entry, with --systemd a systemd user unit that "
        "restarts the kiosk when it dies. Use --autostart or --systemd, not both.",
    )
    parser.add_argument("--autostart", action="store_true", help="start the kiosk at log-in")
    parser.add_argument(
        "--systemd", action="store_true", help="write kiosk.service (Restart=always) instead"
    )
    parser.add_argument(
        "--dest", type=Path, help=f"launcher folder (default: {applications_dir()})"
    )
    parser.add_argument(
        "--autostart-dest", type=Path, help=f"autostart folder (default: {autostart_dir()})"
    )
    parser.add_argument(
        "--systemd-dest", type=Path, help=f"unit folder (default: {systemd_user_dir()})"
    )
    return parser


def install_command(argv: Sequence[str]) -> int:
    """``kiosk install-desktop [--autostart] [--systemd] [--dest DIR]``."""
    parser = command_parser()
    args = parser.parse_args(argv)
    if args.autostart and args.systemd:
        parser.error("--autostart and --systemd would start the kiosk twice: choose one")
    try:
        written = install(
            args.dest,
            (args.autostart_dest or autostart_dir()) if args.autostart else None,
            (args.systemd_dest or systemd_user_dir()) if args.systemd else None,
        )
    except OSError as exc:
        print(f"cannot write: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    if args.systemd:
        print("now: systemctl --user daemon-reload && systemctl --user enable --now kiosk.service")
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        print("(freedesktop launchers are for Linux and BSD desktops; see README for Windows)")
    return 0
