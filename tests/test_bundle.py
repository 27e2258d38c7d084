"""The PyInstaller bundle for booth PCs (packaging/kiosk.spec).

Building it takes minutes, so PyInstaller is not in the `test` extra and the build test is skipped
where it is not installed (`pip install -e '.[bundle]'` brings it). packaging/build_bundle.sh
builds the bundle in a throwaway environment and starts it offscreen; the checks below that need
no PyInstaller always run.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.system.paths import RESOURCES_RCC, bundled_content_dir

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "kiosk.spec"


def test_the_spec_finds_what_it_bundles() -> None:
    compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")  # valid Python
    assert RESOURCES_RCC.is_file()
    assert (bundled_content_dir() / "forum.toml").is_file()
    entry = ROOT / "packaging" / "kiosk_main.py"
    result = subprocess.run(
        [sys.executable, str(entry), "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stdout.startswith("kiosk "), result.stderr
    script = (ROOT / "packaging" / "build_bundle.sh").read_text(encoding="utf-8")
    assert "kiosk started" in script and "QT_QPA_PLATFORM=offscreen" in script


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
