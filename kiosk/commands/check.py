"""``kiosk check [DIR]``: every problem of a content folder, one line each."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from kiosk.content.lines import problem_line
from kiosk.system.paths import bundled_content_dir


def check_command(folder: Path | None, fit: bool = True) -> int:
    """Print every problem of *folder* (default: bundled content); 0 when clean, else 1.

    With *fit*, clean content is also laid out on every screen (landscape and portrait, both
    languages) and any text that does not fit is reported.
    """
    folder = folder or bundled_content_dir()
    try:
        from kiosk.content import Environment, check

        env = Environment(resource_exists=_resource_exists(), glyphs=_glyphs())
        content, problems = check(folder, env)
        if fit and content is not None and not problems:
            from kiosk.commands.fit import fit_problems

            problems = fit_problems(content)
    except Exception as exc:  # never a traceback for an editor
        print(problem_line(f"{folder}: cannot be checked: {type(exc).__name__}: {exc}"))
        return 1
    for problem in problems:
        print(problem_line(problem))
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
    from kiosk.adapters import resources

    return resources.exists


def _glyphs() -> frozenset[int]:
    from kiosk.adapters import fonts

    return fonts.glyphs()
