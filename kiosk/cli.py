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
        epilog="Other commands: `kiosk check [DIR]` validates a content folder.",
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.add_argument("--windowed", action="store_true", help="a normal window (development)")
    parser.add_argument("--size", type=_size, help="window size with --windowed, e.g. 1920x1080")
    parser.add_argument("--lang", choices=("zh", "en"), help="start language (default zh)")
    parser.add_argument("--content", type=Path, help="content folder (default: the bundled one)")
    parser.add_argument("--screen", type=int, default=0, help="screen number (default: primary)")
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
    return run_command(_run_parser().parse_args(args))


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


def run_command(args: argparse.Namespace) -> int:
    """Start the kiosk."""
    from kiosk import logs

    logs.setup(verbose=args.verbose)
    os.environ.setdefault("QT_ENABLE_HIGHDPI_SCALING", "1")
    from kiosk.app import run

    return run(args)
