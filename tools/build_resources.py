"""Build every generated file of the kiosk from its sources; the one command after any change::

    python tools/build_resources.py

In order:

1. ``assets/i18n/kiosk_zh_CN.qm`` and ``kiosk_en.qm``: the translations compiled from their
   ``.ts`` (lrelease);
2. ``assets/icons/mdi6-kiosk.ttf`` and ``.json``: the icon subset (``tools/subset_icons.py``) cut
   from qtawesome's mdi6 font for the icons the code and the bundled content name;
3. ``kiosk/_generated/resources.rcc``: ``resources.qrc`` (fonts, icons, translation,
   illustrations) compiled by rcc into the binary file the kiosk registers at start-up.

None of them is kept in git. The package's build hook (``hatch_build.py``) runs the same
:func:`build_all` for ``pip install .``, ``pip install -e .`` and the PyInstaller bundle, so an
install always carries files made from its own sources. ``tests/test_generated.py`` and
``tests/test_resources.py`` fail in a checkout whose generated files no longer match their sources.

This module needs PySide6 (for its rcc and lrelease programs, found without importing Qt),
fontTools and qtawesome (for its font files): the kiosk's own dependencies, and the build
requirements in ``pyproject.toml``.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QRC = "resources.qrc"
#: The translations (``.ts``, edited) and the ``.qm`` each compiles to, beside it: Chinese, and
#: English for its plural forms.
TS_FILES = ("assets/i18n/kiosk_zh_CN.ts", "assets/i18n/kiosk_en.ts")
QM_FILES = tuple(ts.removesuffix(".ts") + ".qm" for ts in TS_FILES)
ICONS = "assets/icons"
RCC = "kiosk/_generated/resources.rcc"
#: rcc stores file dates; pinned, the same sources give the same bytes (2023-05-25).
SOURCE_DATE = "1685000000"


def qt_tool(name: str) -> Path:
    """The Qt program *name* (``rcc``, ``lrelease``) that the installed PySide6 wheel ships."""
    spec = importlib.util.find_spec("PySide6")  # finds the package without loading Qt
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("PySide6 is not installed: pip install -e .")
    package = Path(next(iter(spec.submodule_search_locations)))
    exe = f"{name}.exe" if sys.platform == "win32" else name
    for candidate in (package / "Qt" / "libexec" / exe, package / exe):
        if candidate.is_file():
            return candidate
    raise SystemExit(f"{name} not found in {package}")


def _replace(out: Path, make: list[str], cwd: Path, env: dict[str, str] | None = None) -> None:
    """Run *make* (a command writing ``{tmp}``) and move its output over *out*.

    Written beside *out* and moved over it: a running kiosk maps the resource file, and rewriting
    it in place would pull the pages from under it (SIGBUS); the old file stays valid until it
    exits.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    cmd = [str(tmp) if part == "{tmp}" else part for part in make]
    try:
        subprocess.run(cmd, check=True, cwd=cwd, env=env, stdout=subprocess.DEVNULL)
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)


def build_qm(root: Path = ROOT, out: Path | None = None) -> list[Path]:
    """Compile each translation (``.ts``) into a ``.qm`` in the folder *out* (default: beside
    it) and return them."""
    made = []
    for ts, qm in zip(TS_FILES, QM_FILES, strict=True):
        target = out / Path(qm).name if out is not None else root / qm
        lrelease = [str(qt_tool("lrelease")), "-silent", str(root / ts), "-qm", "{tmp}"]
        _replace(target, lrelease, root)
        made.append(target)
    return made


def build_icons(root: Path = ROOT, out: Path | None = None) -> list[Path]:
    """Cut the icon subset for the names *root*'s code and content use into *out*."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        import subset_icons
    finally:
        sys.path.pop(0)
    out = out or root / ICONS
    subset_icons.build(subset_icons.used_names(root), out)
    return [out / subset_icons.FONT_NAME, out / subset_icons.MAP_NAME]


def build_rcc(root: Path = ROOT, out: Path | None = None) -> Path:
    """Compile ``resources.qrc`` into the binary resource file *out* and return it."""
    out = out or root / RCC
    env = dict(os.environ, QT_RCC_SOURCE_DATE_OVERRIDE=SOURCE_DATE)
    _replace(out, [str(qt_tool("rcc")), "--binary", "-o", "{tmp}", QRC], root, env)
    return out


def build_all(root: Path = ROOT) -> list[Path]:
    """Build every generated file of *root* in order (the rcc bundles the others)."""
    return [*build_qm(root), *build_icons(root), build_rcc(root)]


def main() -> int:
    for path in build_all():
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size / 1e3:,.1f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
