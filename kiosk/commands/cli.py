"""The ``kiosk`` command line.

``kiosk`` starts the kiosk full screen; ``kiosk check [DIR]`` validates a content folder;
``kiosk supervise [kiosk args…]`` runs the kiosk under the watchdog (:mod:`kiosk.supervise`).
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import __version__

if TYPE_CHECKING:
    from kiosk.model.settings import Settings
    from kiosk.ui.start_picture import StartPicture

log = logging.getLogger("kiosk.cli")

#: The exit code when the kiosk cannot show a window here (EX_UNAVAILABLE).
EXIT_CANNOT_START = 69

#: Every command, one line each (``kiosk --help`` lists them).
COMMANDS = """\
commands (each has its own --help):
  kiosk [options]               start the kiosk (full screen, kiosk mode)
  kiosk check [DIR]             validate a content folder: one line per problem
  kiosk render OUTDIR           render every screen to PNG (proof sheets)
  kiosk stats                   report what visitors did (text, CSV, touch heatmap)
  kiosk set-pin                 set the admin PIN
  kiosk supervise [ARGS...]     run the kiosk under the watchdog (restarts it)
  kiosk install-desktop         write a launcher, an autostart entry or a systemd unit
  kiosk publish DIR FLEET       check a content folder and publish it to a fleet folder
  kiosk fleet status FLEET      every kiosk of a fleet folder: ok, late or silent
  kiosk fleet stats FLEET       the statistics of every kiosk of a fleet folder
"""


def _run_parser() -> argparse.ArgumentParser:
    from kiosk.commands.arguments import size_argument

    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Touchscreen exhibition kiosk of the 2023 Zhongguancun Forum.",
        epilog=COMMANDS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.add_argument(
        "--windowed", action="store_true", help="a normal window on the desktop (development)"
    )
    parser.add_argument(
        "--size",
        type=size_argument,
        metavar="WxH",
        help="window size with --windowed, e.g. 1920x1080",
    )
    parser.add_argument("--lang", choices=("zh", "en"), help="start language (default zh)")
    parser.add_argument(
        "--content", type=Path, metavar="DIR", help="content folder (default: the bundled one)"
    )
    parser.add_argument(
        "--screen", type=int, metavar="N", help="screen number, 0 first (default: primary)"
    )
    parser.add_argument(
        "--idle-timeout",
        type=float,
        metavar="SECONDS",
        help="seconds without input before the countdown (not saved in the settings)",
    )
    parser.add_argument(
        "--idle-warning",
        type=float,
        metavar="SECONDS",
        help="seconds of the 'Still there?' countdown (not saved in the settings)",
    )
    parser.add_argument(
        "--config", type=Path, metavar="FILE", help="settings file (default: the platform's)"
    )
    parser.add_argument("--help-settings", action="store_true", help="list every setting and exit")
    parser.add_argument("--verbose", action="store_true", help="log to the console too")
    parser.add_argument(
        "--fleet",
        type=Path,
        metavar="DIR",
        help="follow the releases of this fleet folder and report to it (setting fleet_dir)",
    )
    parser.add_argument(
        "--kiosk-id",
        metavar="ID",
        help="this kiosk's name in the fleet folder (setting kiosk_id; default: the host name)",
    )
    parser.add_argument(
        "--out-of-order",
        action="store_true",
        help="show only the calm 'out of order' screen (the watchdog uses it after repeated "
        "crashes)",
    )
    return parser


def _supervise_parser() -> argparse.ArgumentParser:
    from kiosk.commands.supervise import Policy

    default = Policy()
    parser = argparse.ArgumentParser(
        prog="kiosk supervise",
        description="Run the kiosk and restart it when it crashes or stops answering; a clean "
        "exit (the admin menu's Exit) ends it. Options it does not know, and everything after "
        "`--`, go to the kiosk.",
        allow_abbrev=False,
    )
    parser.add_argument(
        "--heartbeat-timeout",
        type=float,
        default=default.heartbeat_timeout,
        help="seconds without a heartbeat before a frozen kiosk is restarted "
        f"(default {default.heartbeat_timeout:g})",
    )
    parser.add_argument(
        "--startup-timeout",
        type=float,
        default=default.startup_timeout,
        help=f"seconds a kiosk has for its first heartbeat (default {default.startup_timeout:g})",
    )
    parser.add_argument(
        "--program",
        help="the command to run instead of `python -m kiosk` (a wrapper), e.g. "
        '"/opt/kiosk/bin/python -m kiosk"',
    )
    parser.add_argument("--supervisor-verbose", action="store_true", help="log to the console")
    return parser


def _check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk check",
        description="Validate a content folder: one line per problem; exit 1 on any problem.",
    )
    parser.add_argument("folder", nargs="?", type=Path, help="default: the bundled content")
    parser.add_argument(
        "--no-fit", action="store_true", help="skip laying out every screen (faster)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``kiosk`` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "check":
        check_args = _check_parser().parse_args(args[1:])
        from kiosk.commands.check import check_command

        return check_command(check_args.folder, fit=not check_args.no_fit)
    if args and args[0] == "set-pin":
        from kiosk.commands.set_pin import set_pin_command

        return set_pin_command(_set_pin_parser().parse_args(args[1:]).config)
    if args and args[0] == "render":
        from kiosk.commands.render import render_command

        return render_command(args[1:])
    if args and args[0] == "stats":
        from kiosk.commands.stats import stats_command

        return stats_command(args[1:])
    if args and args[0] == "install-desktop":
        from kiosk.commands.desktop import install_command

        return install_command(args[1:])
    if args and args[0] == "supervise":
        return supervise_command(args[1:])
    if args and args[0] == "publish":
        from kiosk.commands.publish import publish_command

        return publish_command(args[1:])
    if args and args[0] == "fleet":
        from kiosk.commands.fleet import fleet_command

        return fleet_command(args[1:])
    # The kiosk's own start has no arguments: its options are the defaults, without building
    # the parser (3 ms: argparse lays out every option's help and imports shutil to do so).
    parser = _run_parser() if args else None
    options = parser.parse_args(args) if parser is not None else run_defaults()
    if not options.out_of_order:  # The cycle collector waits for the first frame (kiosk.app.run
        gc.disable()  # resumes it): it ran 55 times in the imports and the window, 8 ms, in vain.
    try:
        return run_command(options, parser, args)
    finally:
        gc.enable()  # whatever way the start ended


def run_defaults() -> argparse.Namespace:
    """What ``kiosk`` without arguments parses to (the same as ``_run_parser().parse_args([])``:
    tests/test_cli.py compares them)."""
    return argparse.Namespace(
        windowed=False,
        size=None,
        lang=None,
        content=None,
        screen=None,
        idle_timeout=None,
        idle_warning=None,
        config=None,
        help_settings=False,
        verbose=False,
        fleet=None,
        kiosk_id=None,
        out_of_order=False,
    )


def supervise_command(argv: Sequence[str]) -> int:
    """``kiosk supervise [options] [--] [kiosk args…]``: the kiosk under the watchdog."""
    import shlex
    from dataclasses import replace

    from kiosk.commands import supervise

    argv = list(argv)
    after: list[str] = []
    if "--" in argv:
        at = argv.index("--")
        argv, after = argv[:at], argv[at + 1 :]
    parser = _supervise_parser()
    args, kiosk_args = parser.parse_known_args(argv)
    if args.heartbeat_timeout <= 0 or args.startup_timeout <= 0:
        parser.error("timeouts must be positive")
    policy = replace(
        supervise.Policy(),
        heartbeat_timeout=args.heartbeat_timeout,
        startup_timeout=args.startup_timeout,
    )
    program = shlex.split(args.program) if args.program else []
    return supervise.main([*kiosk_args, *after], policy, program, args.supervisor_verbose)


def _set_pin_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk set-pin", description="Set the admin PIN.")
    parser.add_argument(
        "--config", type=Path, metavar="FILE", help="settings file (default: the platform's)"
    )
    return parser


def parsers() -> dict[str, argparse.ArgumentParser]:
    """The argument parser of every command (``""``: starting the kiosk)."""
    from kiosk.commands import desktop, fleet, publish, render, stats

    return {
        "": _run_parser(),
        "check": _check_parser(),
        "render": render.command_parser(),
        "stats": stats.command_parser(),
        "set-pin": _set_pin_parser(),
        "supervise": _supervise_parser(),
        "install-desktop": desktop.command_parser(),
        "publish": publish.command_parser(),
        "fleet status": fleet.status_parser(),
        "fleet stats": fleet.stats_parser(),
    }


def run_command(
    args: argparse.Namespace, parser: argparse.ArgumentParser | None, argv: Sequence[str] = ()
) -> int:
    """Start the kiosk: settings from the file, overridden by the command line.

    With the setting ``supervise`` on, and no supervisor running yet, the kiosk is started under
    the watchdog with the same *argv* (``kiosk supervise argv…``).
    """
    from kiosk.model.settings import apply_overrides, default_config_path, describe, load_settings

    if args.help_settings:
        print(describe())
        return 0
    from kiosk.system import logs

    logs.setup(verbose=args.verbose)
    config = args.config or default_config_path()
    saved, _problems = load_settings(config)  # problems are logged; defaults stand in
    settings = saved
    overrides = {
        "language": args.lang,
        "content": args.content,
        "screen": args.screen,
        "idle_timeout": args.idle_timeout,
        "idle_warning": args.idle_warning,
        "fleet_dir": args.fleet,
        "kiosk_id": args.kiosk_id,
    }
    try:
        settings = apply_overrides(settings, overrides)
    except ValueError as exc:
        (parser or _run_parser()).error(str(exc))
    os.environ.setdefault("QT_ENABLE_HIGHDPI_SCALING", "1")
    from kiosk.system.supervision import ENV

    if settings.supervise and not os.environ.get(ENV) and not args.out_of_order:
        gc.enable()  # the supervisor runs for good
        return supervise_command(["--", *argv])
    if args.size and not args.windowed:
        log.warning("--size is for --windowed: full screen takes the size of the screen")
        print("kiosk: --size applies with --windowed only; ignored", file=sys.stderr)
    from kiosk.system import preflight

    # ldd of Qt's platform plugin runs while Qt's modules load (unless known from a start before)
    libraries = preflight.Libraries(known=preflight.known_file())
    try:
        from kiosk.ui import start_picture  # noqa: F401 - Qt's modules, and nothing of the kiosk's
    except ImportError as exc:  # Qt's own libraries would not load: the check says why
        failed: ImportError | None = exc
    else:
        failed = None
    problem = preflight.check(ldd=libraries.ldd)
    libraries.close()
    if problem is not None:  # Qt would abort with a message about plugins and nothing else
        logging.getLogger("kiosk.preflight").critical("%s", problem)
        return EXIT_CANNOT_START
    if failed is not None:
        raise failed
    picture = None if args.windowed or args.out_of_order else _show_start_picture(settings)
    from kiosk import app

    if args.out_of_order:
        return app.run_out_of_order(settings.screen, args.windowed, args.size)
    return app.run(settings, config, args.windowed, args.size, saved=saved, picture=picture)


def _show_start_picture(settings: Settings) -> StartPicture | None:
    """Make the QApplication and show the start screen's picture that the start before kept,
    before the rest of the kiosk is imported (:mod:`kiosk.ui.start_picture`); None when an
    application exists already (the kiosk started by another Qt program, or by tests)."""
    from PySide6.QtWidgets import QApplication

    from kiosk.adapters.application import new_application
    from kiosk.system.paths import content_dir, pictures_dir
    from kiosk.ui.start_picture import StartPicture

    if QApplication.instance() is not None:
        return None
    app = new_application(sys.argv[0])
    folder = content_dir(settings.content)
    return StartPicture.show(app, pictures_dir(), settings.screen, repr(settings), folder)
