"""The generated files: made from their sources by one build, fresh, out of git, in the wheel.

``tools/build_resources.py`` makes them in a checkout and the package's build hook
(``hatch_build.py``) runs the same build for every install; these tests fail while a checkout's
generated file no longer matches its sources (``tests/test_resources.py`` checks the rcc's
contents against every file it bundles).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from kiosk.adapters import resources
from kiosk.system.paths import PACKAGE, RESOURCES_RCC, bundled_fonts_dir

ROOT = Path(__file__).resolve().parent.parent
REBUILD = "run `python tools/build_resources.py`"


def _builder() -> ModuleType:
    path = ROOT / "tools" / "build_resources.py"
    spec = importlib.util.spec_from_file_location("build_resources", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _generated(builder: ModuleType) -> list[str]:
    """The generated files, relative to the root."""
    return [
        *builder.QM_FILES,
        f"{builder.ICONS}/mdi6-kiosk.ttf",
        f"{builder.ICONS}/mdi6-kiosk.json",
        builder.RCC,
    ]


def _pyproject() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)


def test_the_translation_is_compiled_from_the_ts(tmp_path: Path) -> None:
    """Fails when the .ts changed after the last build (the .qm, and the rcc holding it)."""
    builder = _builder()
    made = builder.build_qm(ROOT, tmp_path)
    assert len(made) == len(builder.TS_FILES) == 2
    for qm, fresh in zip(builder.QM_FILES, made, strict=True):
        assert (ROOT / qm).read_bytes() == fresh.read_bytes(), f"{qm} is stale: {REBUILD}"
        bundled = resources.read_bytes(f":/i18n/{fresh.name}")
        assert bundled == fresh.read_bytes(), f"{fresh.name} in {builder.RCC} is stale: {REBUILD}"


def test_the_icon_subset_is_cut_for_the_names_in_use(tmp_path: Path) -> None:
    """Fails when the code or the content names an icon after the last build."""
    builder = _builder()
    for made in builder.build_icons(ROOT, tmp_path):
        current = ROOT / builder.ICONS / made.name
        assert current.read_bytes() == made.read_bytes(), f"{current.name} is stale: {REBUILD}"


def test_the_resources_are_compiled_reproducibly(tmp_path: Path) -> None:
    """The same sources give the same bytes: a rebuild is a no-op, and the tests above can
    compare."""
    fresh = _builder().build_rcc(ROOT, tmp_path / "resources.rcc")
    assert fresh.read_bytes() == RESOURCES_RCC.read_bytes(), f"{RESOURCES_RCC.name}: {REBUILD}"


@pytest.mark.skipif(
    shutil.which("git") is None or not (ROOT / ".git").exists(), reason="not a git checkout"
)
def test_git_holds_no_generated_file() -> None:
    builder = _builder()
    files = _generated(builder)
    tracked = subprocess.run(
        ["git", "ls-files", "--", *files], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert not tracked, "generated files are built, never committed"
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", "--", *files],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    assert sorted(ignored) == sorted(files), "every generated file is in .gitignore"


def test_the_package_build_makes_and_ships_the_generated_files() -> None:
    """The build hook is declared and needs what the build uses; the wheel carries the rcc where
    the kiosk looks for it (git ignores it, so hatchling leaves it out unless it is listed)."""
    project = _pyproject()
    build_system = project["build-system"]
    assert isinstance(build_system, dict)
    requires = " ".join(build_system["requires"])
    for package in ("PySide6-Essentials", "qtawesome", "fonttools"):
        assert package in requires, f"the build hook needs {package}"
    tool = project["tool"]
    assert isinstance(tool, dict)
    hatch = tool["hatch"]["build"]
    hook = ROOT / hatch["hooks"]["custom"].get("path", "hatch_build.py")
    assert hook.is_file()
    wheel = hatch["targets"]["wheel"]
    inside = RESOURCES_RCC.relative_to(PACKAGE.parent).as_posix()
    assert f"/{inside}" in wheel["artifacts"] or inside in wheel["artifacts"]
    assert inside == _builder().RCC, "the build writes the rcc where kiosk/system/paths.py looks"
    fonts = bundled_fonts_dir().relative_to(ROOT).as_posix()
    installed = (PACKAGE / "assets" / "fonts").relative_to(PACKAGE.parent).as_posix()
    assert wheel["force-include"][fonts] == installed, "the fonts, as files, where paths.py looks"
