"""The ``kiosk`` command line.

``kiosk`` starts the kiosk full screen; ``kiosk check [DIR]`` validates a content folder.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kiosk import __version__
from kiosk.paths import bundled_content_dir

log = logging.getLogger("kiosk.cli")

SIZE_RE = re.compile(r"^(\d{3,5})x(\d{3,5})$")


def _size(text: str) -> tuple[int, int]:
    match = SIZE_RE.match(text)
    if not match:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1920x1080, not {text!r}")
    return int(match.group(1)), int(match.group(2))


def _run_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Touchscreen exhibition kiosk of the 2023 Zhongguancun Forum.",
        epilog="Other commands: `kiosk check [DIR]` validates a content folder; "
        "`kiosk set-pin [--config FILE]` sets the admin PIN.",
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.add_argument("--windowed", action="store_true", help="a normal window (development)")
    parser.add_argument("--size", type=_size, help="window size with --windowed, e.g. 1920x1080")
    parser.add_argument("--lang", choices=("zh", "en"), help="start language (default zh)")
    parser.add_argument("--content", type=Path, help="content folder (default: the bundled one)")
    parser.add_argument("--screen", type=int, help="screen number (default: primary)")
    parser.add_argument(
        "--idle-timeout", type=float, help="seconds without input before the countdown"
    )
    parser.add_argument(
        "--idle-warning", type=float, help="seconds of the 'Still there?' countdown"
    )
    parser.add_argument("--config", type=Path, help="settings file (default: the platform's)")
    parser.add_argument("--help-settings", action="store_true", help="list every setting and exit")
    parser.add_argument("--verbose", action="store_true", help="log to the console too")
    return parser


def _check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk check",
        description="Validate a content folder: one line per problem; exit 1 on any problem.",
    )
    parser.add_argument("folder", nargs="?", type=Path, help="default: the bundled content")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``kiosk`` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "check":
        return check_command(_check_parser().parse_args(args[1:]).folder)
    if args and args[0] == "set-pin":
        from kiosk.core.set_pin import set_pin_command

        pin_parser = argparse.ArgumentParser(prog="kiosk set-pin", description="Set the admin PIN.")
        pin_parser.add_argument(
            "--config", type=Path, help="settings file (default: the platform's)"
        )
        return set_pin_command(pin_parser.parse_args(args[1:]).config)
    if args and args[0] == "render":
        return render_command(args[1:])
    parser = _run_parser()
    return run_command(parser.parse_args(args), parser)


def render_command(argv: Sequence[str]) -> int:
    """``kiosk render OUTDIR [--size WxH ...] [--lang zh|en ...] [--only ROUTE ...]``."""
    parser = argparse.ArgumentParser(prog="kiosk render", description="Render every screen to PNG.")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--size", type=_size, action="append", help="default: all four sizes")
    parser.add_argument("--lang", choices=("zh", "en"), action="append", help="default: both")
    parser.add_argument("--content", type=Path, help="content folder (default: the bundled one)")
    parser.add_argument("--only", action="append", default=[], help="routes starting with this")
    parser.add_argument(
        "--mode",
        action="append",
        default=[],
        choices=("large_text", "high_contrast", "low_reach"),
        help="render with this accessibility mode on",
    )
    args = parser.parse_args(argv)
    from kiosk.render import DEFAULT_SIZES, render

    written = render(
        args.outdir,
        args.size or DEFAULT_SIZES,
        args.lang or ("zh", "en"),
        args.content,
        args.only,
        modes=args.mode,
    )
    print(f"{len(written)} screens written to {args.outdir}")
    return 0


def check_command(folder: Path | None) -> int:
    """Print every problem of *folder* (default: bundled content); 0 when clean, else 1."""
    folder = folder or bundled_content_dir()
    try:
        from kiosk.content import Environment, check

        env = Environment(resource_exists=_resource_exists(), glyphs=_glyphs())
        content, problems = check(folder, env)
    except Exception as exc:  # never a traceback for an editor
        print(f"{folder}: cannot be checked: {type(exc).__name__}: {exc}")
        return 1
    for problem in problems:
        print(problem)
    if problems or content is None:
        print(f"{len(problems)} problem(s) in {folder}", file=sys.stderr)
        return 1
    print(
        f"{folder}: no problems ({len(content.themes)} themes, {len(content.voices)} voices, "
        f"{len(content.achievements)} achievements, {len(content.beijing.figures)} figures, "
        f"{len(content.zone.areas)} zone areas, {len(content.photos)} photos)"
    )
    return 0


def _resource_exists() -> Callable[[str], bool]:
    from kiosk import resources

    return resources.exists


def _glyphs() -> frozenset[int]:
    from kiosk import fonts

    return fonts.glyphs()


def run_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Start the kiosk: settings from the file, overridden by the command line."""
    from kiosk.core.settings import apply_overrides, default_config_path, describe, load_settings

    if args.help_settings:
        print(describe())
        return 0
    from kiosk import logs

    logs.setup(verbose=args.verbose)
    config = args.config or default_config_path()
    settings, _problems = load_settings(config)  # problems are logged; defaults stand in
    overrides = {
        "language": args.lang,
        "content": args.content,
        "screen": args.screen,
        "idle_timeout": args.idle_timeout,
        "idle_warning": args.idle_warning,
    }
    try:
        settings = apply_overrides(settings, overrides)
    except ValueError as exc:
        parser.error(str(exc))
    os.environ.setdefault("QT_ENABLE_HIGHDPI_SCALING", "1")
    from kiosk.app import run

    return run(settings, config, args.windowed, args.size)
