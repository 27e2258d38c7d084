"""The PyInstaller bundle for booth PCs (packaging/kiosk.spec).

Building it takes minutes, so PyInstaller is not in the `test` extra and the build test is skipped
where it is not installed (`pip install -e '.[bundle]'` brings it). packaging/build_bundle.sh
builds the bundle in a throwaway environment and starts it offscreen; the checks below that need
no PyInstaller always run.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import threading
import types
from pathlib import Path
from typing import Any

import isolated
import pytest

from kiosk.system.paths import RESOURCES_RCC, bundled_content_dir, bundled_fonts_dir

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "kiosk.spec"


def spec_datas(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The spec's data files (source, folder in the bundle), run with stand-ins for PyInstaller."""
    collected: list[str] = []
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = lambda package: collected.append(package) or []  # type: ignore[attr-defined]
    hooks.collect_submodules = lambda package: []  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    analyses: list[dict[str, Any]] = []
    spec_globals = {
        "SPECPATH": str(SPEC.parent),
        "Analysis": lambda scripts, **kw: (
            analyses.append(kw)
            or types.SimpleNamespace(pure=[], scripts=scripts, binaries=[], **kw)
        ),
        "PYZ": lambda *a, **kw: None,
        "EXE": lambda *a, **kw: None,
        "COLLECT": lambda *a, **kw: None,
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), spec_globals)
    assert collected == ["qtawesome"], "qtawesome's fonts, for icons outside the subset"
    (analysis,) = analyses
    return [(str(src), str(dest)) for src, dest in analysis["datas"]]


def test_the_bundle_holds_what_the_kiosk_reads_at_run_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lays the spec's data files out as PyInstaller does (a file into its folder, a folder's
    contents into it), beside kiosk/system/paths.py as the bundle has it, and asks that module
    for the files the kiosk reads: the compiled resources, the bundled content and the fonts."""
    bundle = tmp_path / "bundle"
    for src, dest in spec_datas(monkeypatch):
        source = Path(src)
        if source.is_dir():
            shutil.copytree(source, bundle / dest, dirs_exist_ok=True)
        else:
            (bundle / dest).mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, bundle / dest / source.name)
    frozen = bundle / "kiosk" / "system" / "paths.py"
    frozen.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "kiosk" / "system" / "paths.py", frozen)
    spec = importlib.util.spec_from_file_location("frozen_paths", frozen)
    assert spec and spec.loader
    paths = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(paths)
    rcc = Path(paths.RESOURCES_RCC)
    assert rcc.is_relative_to(bundle)
    assert rcc.is_file(), f"the compiled resources: {rcc.relative_to(bundle)} is not bundled"
    assert rcc.read_bytes() == RESOURCES_RCC.read_bytes()
    content = Path(paths.bundled_content_dir())
    assert content.is_relative_to(bundle), "the content inside the bundle"
    shipped = sorted(p.name for p in content.glob("*.toml"))
    assert shipped == sorted(p.name for p in bundled_content_dir().glob("*.toml"))
    fonts = Path(paths.bundled_fonts_dir())
    assert fonts.is_relative_to(bundle), "the fonts inside the bundle"
    shipped = sorted(p.name for p in fonts.iterdir())
    assert shipped == sorted(p.name for p in bundled_fonts_dir().iterdir())


def test_the_bundle_script_waits_for_a_line_the_kiosk_logs(tmp_path: Path) -> None:
    """Starts the bundle's entry point as build_bundle.sh starts the bundle and waits, as it
    does, for the line it greps in the log it reads."""
    script = (ROOT / "packaging" / "build_bundle.sh").read_text(encoding="utf-8")
    awaited = re.search(r'grep -q "([^"]+)" "\$LOG"', script)
    log_path = re.search(r'^LOG="\$XDG_STATE_HOME/([^"]+)"', script, re.M)
    assert awaited and log_path, "build_bundle.sh waits for a line of the kiosk's log"
    env = isolated.environment(tmp_path)
    entry = ROOT / "packaging" / "kiosk_main.py"
    proc = subprocess.Popen(
        [sys.executable, str(entry), "--windowed", "--size", "960x540", "--verbose"],
        cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    watchdog = threading.Timer(60, proc.kill)  # it logs the line within a second
    watchdog.start()
    try:
        assert proc.stderr is not None
        seen = any(awaited.group(1) in line for line in iter(proc.stderr.readline, ""))
    finally:
        watchdog.cancel()
        proc.terminate()
        proc.communicate(timeout=30)
    assert seen, f"the kiosk never logged {awaited.group(1)!r}"
    log = Path(env["XDG_STATE_HOME"]) / log_path.group(1)
    assert awaited.group(1) in log.read_text(encoding="utf-8"), f"not in {log}"


def test_the_entry_point_runs_the_command_line() -> None:
    entry = ROOT / "packaging" / "kiosk_main.py"
    result = subprocess.run(
        [sys.executable, str(entry), "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stdout.startswith("kiosk "), result.stderr


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("PyInstaller") is None,
    reason="PyInstaller is not installed (not in the test extra: see packaging/build_bundle.sh)",
)
def test_the_bundle_builds_and_runs_without_python(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "build"), str(SPEC)],
        check=True, cwd=tmp_path, timeout=1800,
    )  # fmt: skip
    bundle = tmp_path / "dist" / "kiosk"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "PYTHONPATH": "",
    }
    version = subprocess.run(
        [str(bundle / "kiosk-cli"), "--version"], capture_output=True, text=True, env=env
    )
    assert version.stdout.strip() == "kiosk 0.1.0", version.stderr
    check = subprocess.run(
        [str(bundle / "kiosk-cli"), "check", "--no-fit"],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert check.returncode == 0 and "no problems" in check.stdout, check.stdout + check.stderr
