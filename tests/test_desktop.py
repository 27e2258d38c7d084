"""Starting by itself: the freedesktop launcher, the autostart entry and the systemd user unit."""

from __future__ import annotations

import configparser
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.commands import cli
from kiosk.commands.desktop import (
    SHIPPED_EXEC,
    UNIT,
    check_entry,
    desktop_entry,
    exec_value,
    install,
    kiosk_command,
    systemd_unit,
)

ROOT = Path(__file__).resolve().parent.parent
VALIDATE = shutil.which("desktop-file-validate")


def validate(path: Path) -> None:
    """Our own checks always; ``desktop-file-validate`` too where it is installed."""
    assert check_entry(path.read_text(encoding="utf-8")) == []
    if VALIDATE is not None:
        result = subprocess.run([VALIDATE, str(path)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def keys(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return dict(parser["Desktop Entry"])


def test_the_launcher_and_autostart_entry_are_valid(tmp_path: Path) -> None:
    written = install(tmp_path / "applications", tmp_path / "autostart")
    launcher = tmp_path / "applications" / "kiosk.desktop"
    autostart = tmp_path / "autostart" / "kiosk.desktop"
    icon = tmp_path / "applications" / "kiosk.svg"
    assert written == [icon, launcher, autostart]
    for entry in (launcher, autostart):
        validate(entry)
        values = keys(entry)
        assert values["Exec"] == exec_value(kiosk_command())
        assert Path(kiosk_command()[0]).is_absolute()
        assert values["Icon"] == str(icon) and icon.read_text().startswith("<svg")
        assert values["Terminal"] == "false"
        assert "Education" in values["Categories"].split(";")
    assert "X-GNOME-Autostart-enabled" not in keys(launcher)
    assert keys(autostart)["X-GNOME-Autostart-enabled"] == "true"


def test_the_command_is_the_running_kiosk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    script = tmp_path / "bin" / "kiosk"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    monkeypatch.setattr(sys, "argv", [str(script), "install-desktop"])
    assert kiosk_command() == [str(script)]
    monkeypatch.setattr(sys, "argv", ["-c"])
    assert kiosk_command()[0] == str(Path(sys.executable).absolute().parent / "kiosk")
    bundle = tmp_path / "dist" / "kiosk"
    bundle.mkdir(parents=True)
    (bundle / "kiosk").write_bytes(b"")
    (bundle / "kiosk-cli").write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle / "kiosk-cli"))
    assert kiosk_command() == [str(bundle / "kiosk")], "the bundle's GUI program"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["/opt/kiosk/bin/kiosk"], "/opt/kiosk/bin/kiosk"),
        (["/opt/my kiosk/kiosk", "--lang", "en"], '"/opt/my kiosk/kiosk" --lang en'),
        (
            ["/opt/k/kiosk", "--content", "/data/100% real"],
            '/opt/k/kiosk --content "/data/100%% real"',
        ),
        (["/opt/k/kiosk", '--say="hi"'], '/opt/k/kiosk "--say=\\\\"hi\\\\""'),
        (["C:\\kiosk\\kiosk.exe"], '"C:\\\\\\\\kiosk\\\\\\\\kiosk.exe"'),
    ],
)
def test_exec_arguments_are_quoted_by_the_rules(
    argv: list[str], expected: str, tmp_path: Path
) -> None:
    assert exec_value(argv) == expected
    entry = tmp_path / "kiosk.desktop"
    entry.write_text(desktop_entry(argv, "kiosk"), encoding="utf-8")
    text = entry.read_text(encoding="utf-8")
    assert check_entry(text.replace("TryExec=", "X-TryExec=")) == []
    if VALIDATE is not None:
        result = subprocess.run([VALIDATE, str(entry)], capture_output=True, text=True)
        assert result.returncode == 0 and "error" not in result.stdout, result.stdout


def test_check_entry_finds_what_the_validator_would() -> None:
    good = desktop_entry(["/bin/true"], "kiosk")
    assert check_entry(good) == []
    assert check_entry(good.replace("Type=Application\n", "")) != []
    assert check_entry(good.replace("Terminal=false", "Terminal=no")) != []
    assert check_entry(good.replace("Categories=Education;", "Categories=Presentation;")) != []
    assert check_entry(good.replace("Exec=/bin/true", "Exec=/bin/true 100%")) != []
    assert check_entry(good.replace("Icon=kiosk", "Icon=kiosk.svg")) != []
    assert check_entry("[Desktop]\nName=x\n") != []


def test_install_desktop_command_follows_the_xdg_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert cli.main(["install-desktop", "--autostart"]) == 0
    validate(tmp_path / "data" / "applications" / "kiosk.desktop")
    validate(tmp_path / "config" / "autostart" / "kiosk.desktop")
    assert "wrote" in capsys.readouterr().out
    assert cli.main(["install-desktop", "--systemd", "--dest", str(tmp_path / "apps")]) == 0
    unit = tmp_path / "config" / "systemd" / "user" / "kiosk.service"
    assert f"ExecStart={kiosk_command()[0]}\n" in unit.read_text(encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        cli.main(["install-desktop", "--autostart", "--systemd"])
    assert info.value.code == 2


def unit_keys(text: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(text)
    return parser


def test_the_shipped_unit_restarts_the_kiosk_always() -> None:
    text = (ROOT / "packaging" / "kiosk.service").read_text(encoding="utf-8")
    assert text == UNIT.format(exec=SHIPPED_EXEC), "packaging/kiosk.service is made from UNIT"
    unit = unit_keys(text)
    assert unit["Service"]["ExecStart"] == "%h/.local/bin/kiosk"
    assert unit["Service"]["Restart"] == "always"
    assert unit["Service"]["RestartSec"] == "2"
    assert unit["Unit"]["StartLimitIntervalSec"] == "0"
    assert unit["Install"]["WantedBy"] == "graphical-session.target"
    generated = unit_keys(systemd_unit(["/opt/my kiosk/kiosk", "--lang", "en"]))
    assert generated["Service"]["ExecStart"] == '"/opt/my kiosk/kiosk" --lang en'


# --- a real systemd user manager -------------------------------------------------------------


def systemctl(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["systemctl", "--user", *args], capture_output=True, text=True, timeout=30
    )


def user_manager() -> bool:
    if shutil.which("systemctl") is None:
        return False
    state = systemctl("is-system-running").stdout.strip()
    return state in ("running", "degraded", "starting")


def wait_for(condition: Callable[[], object], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


@pytest.fixture
def test_unit(tmp_path: Path) -> Iterator[str]:
    """The shipped unit, running this checkout's kiosk offscreen, as a transient user unit."""
    name = "kiosk-restart-test.service"
    runtime = Path(os.environ["XDG_RUNTIME_DIR"]) / "systemd" / "user"
    runtime.mkdir(parents=True, exist_ok=True)
    text = systemd_unit([*kiosk_command(), "--windowed", "--config", str(tmp_path / "s.toml")])
    environment = "".join(
        f"Environment={key}={value}\n"
        for key, value in {
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_STATE_HOME": tmp_path / "state",
            "XDG_DATA_HOME": tmp_path / "data",
            "XDG_CONFIG_HOME": tmp_path / "config",
        }.items()
    )
    (runtime / name).write_text(text.replace("[Service]\n", "[Service]\n" + environment))
    systemctl("daemon-reload")
    yield name
    systemctl("stop", name)
    (runtime / name).unlink()
    systemctl("daemon-reload")


def show(unit: str, prop: str) -> str:
    return systemctl("show", "-P", prop, unit).stdout.strip()


@pytest.mark.slow
@pytest.mark.skipif(not user_manager(), reason="no systemd user manager (systemctl --user)")
def test_systemd_restarts_the_kiosk_when_it_is_killed(test_unit: str) -> None:
    result = systemctl("start", test_unit)
    assert result.returncode == 0, result.stderr
    wait_for(
        lambda: show(test_unit, "ActiveState") == "active" and show(test_unit, "MainPID") != "0"
    )
    first = int(show(test_unit, "MainPID"))
    os.kill(first, signal.SIGKILL)  # as a crash, or the OOM killer, would
    wait_for(lambda: show(test_unit, "MainPID") not in ("0", str(first)))
    wait_for(lambda: show(test_unit, "ActiveState") == "active")
    assert show(test_unit, "NRestarts") == "1"
    second = Path(f"/proc/{show(test_unit, 'MainPID')}/cmdline").read_bytes().split(b"\0")
    assert b"--windowed" in second, "the same kiosk again"
