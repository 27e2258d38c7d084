"""Compile ``resources.qrc`` into ``kiosk/_generated/resources.rcc`` with ``pyside6-rcc``.

Run it after changing any file listed in ``resources.qrc``::

    python tools/build_resources.py

The output is a binary resource file registered at start-up with ``QResource.registerResource``
(it costs well under a millisecond, where a Python rc module of the same fonts costs 40-130 ms).
It is reproducible: file dates are pinned, so the same inputs give the same bytes.
``tests/test_resources.py`` fails when the compiled file no longer matches its sources.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QRC = ROOT / "resources.qrc"
OUT = ROOT / "kiosk" / "_generated" / "resources.rcc"


def rcc_command() -> list[str]:
    """The pyside6-rcc of the running interpreter's environment."""
    exe = Path(sys.executable).parent / "pyside6-rcc"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("pyside6-rcc")
    if found:
        return [found]
    raise SystemExit("pyside6-rcc not found: install the kiosk first (pip install -e .)")


def build(out: Path = OUT) -> Path:
    """Compile the resources into *out* and return it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_RCC_SOURCE_DATE_OVERRIDE="1685000000")  # 2023-05-25
    # Written beside *out* and moved over it: a running kiosk maps the file, and rewriting it in
    # place would pull the pages from under it (SIGBUS); the old file stays valid until it exits.
    tmp = out.with_name(f".{out.name}.tmp")
    cmd = [*rcc_command(), "--binary", "-o", str(tmp), str(QRC)]
    try:
        subprocess.run(cmd, check=True, cwd=ROOT, env=env)
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def main() -> int:
    out = build()
    print(f"{out.relative_to(ROOT)}: {out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
