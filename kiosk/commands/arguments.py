"""Argument types shared by the commands' parsers."""

from __future__ import annotations

import argparse
import re

SIZE_RE = re.compile(r"^(\d{3,5})x(\d{3,5})$")


def size_argument(text: str) -> tuple[int, int]:
    """``WIDTHxHEIGHT`` (``--size``) as two numbers."""
    match = SIZE_RE.match(text)
    if not match:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1920x1080, not {text!r}")
    return int(match.group(1)), int(match.group(2))
