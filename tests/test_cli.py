"""The command line: settings overrides, --help-settings, set-pin, bad arguments."""

from __future__ import annotations

import gc
import io
from pathlib import Path

import pytest

from kiosk.commands import cli
from kiosk.model.pin import verify_pin
from kiosk.model.settings import SETTINGS, load_settings


def test_help_settings_lists_every_setting(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--help-settings"]) == 0
    out = capsys.readouterr().out
    for setting in SETTINGS:
        assert setting.key in out


def test_command_line_overrides_the_settings_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('language = "en"\nidle_timeout = 120\nidle_warning = 30\n', encoding="utf-8")
    seen = {}

    def fake_run(settings, config_path, windowed, size, saved, picture):  # type: ignore[no-untyped-def]
        seen.update(settings=settings, config=config_path, windowed=windowed, size=size)
        seen.update(saved=saved, picture=picture)
        return 0

    monkeypatch.setattr("kiosk.app.run", fake_run)
    monkeypatch.setattr("kiosk.system.logs.setup", lambda **kw: tmp_path)
    args = ["--config", str(config), "--idle-timeout", "45", "--windowed", "--size", "1080x1920"]
    assert cli.main(args) == 0
    settings = seen["settings"]
    assert settings.idle_timeout == 45  # the flag wins
    assert settings.idle_warning == 30  # the file counts where no flag is given
    assert settings.language == "en"
    assert seen["saved"].idle_timeout == 120, "the file's own settings, to save changes into"
    assert seen["windowed"] is True and seen["size"] == (1080, 1920)
    assert seen["picture"] is None, "a window on a desktop has no start picture"


def test_out_of_range_flag_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kiosk.system.logs.setup", lambda **kw: tmp_path)
    with pytest.raises(SystemExit) as info:
        cli.main(["--config", str(tmp_path / "none.toml"), "--idle-timeout", "1"])
    assert info.value.code == 2


def test_bad_size_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--windowed", "--size", "big"])
    assert "WIDTHxHEIGHT" in capsys.readouterr().err


def test_set_pin_writes_a_hash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "settings.toml"
    monkeypatch.setattr("sys.stdin", io.StringIO("7351\n7351\n"))
    assert cli.main(["set-pin", "--config", str(config)]) == 0
    settings, problems = load_settings(config)
    assert problems == []
    assert verify_pin("7351", settings.pin_hash)
    assert "7351" not in config.read_text(encoding="utf-8")


def test_every_argument_of_every_command_says_what_it_is() -> None:
    parsers = cli.parsers()
    assert set(parsers) == {
        "",
        "check",
        "render",
        "stats",
        "set-pin",
        "supervise",
        "install-desktop",
        "publish",
        "fleet status",
        "fleet stats",
    }
    for name, parser in parsers.items():
        silent = [a.dest for a in parser._actions if not a.help]
        assert silent == [], f"kiosk {name}: arguments without help: {silent}"


def test_help_lists_every_command_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for name in cli.parsers():
        if name:
            lines = [line for line in out.splitlines() if line.startswith(f"  kiosk {name} ")]
            assert len(lines) == 1, f"`kiosk {name}` is not listed once in kiosk --help"
            assert len(lines[0].split(None, 2)[2].strip()) > 10, "with what it does"


def test_the_kiosk_without_arguments_starts_with_what_the_parser_would_give() -> None:
    """``kiosk`` alone does not build the parser (3 ms of the start): the same options."""
    assert cli.run_defaults() == cli._run_parser().parse_args([])


def test_the_cycle_collector_waits_during_the_start_and_comes_back_after_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []

    def run(*args: object, **kwargs: object) -> int:
        seen.append(gc.isenabled())
        raise RuntimeError("the kiosk failed")

    monkeypatch.setattr("kiosk.app.run", run)
    monkeypatch.setattr("kiosk.system.logs.setup", lambda **kw: tmp_path)
    with pytest.raises(RuntimeError):
        cli.main(["--config", str(tmp_path / "none.toml"), "--windowed"])
    assert seen == [False], "paused while the kiosk starts (kiosk.app.run resumes it)"
    assert gc.isenabled(), "on again however the start ended"


def test_the_supervisor_runs_with_the_cycle_collector_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    monkeypatch.setattr(cli, "supervise_command", lambda argv: seen.append(gc.isenabled()) or 0)
    monkeypatch.setattr("kiosk.system.logs.setup", lambda **kw: tmp_path)
    monkeypatch.delenv("KIOSK_HEARTBEAT", raising=False)  # not under a supervisor already
    config = tmp_path / "kiosk.toml"
    config.write_text("supervise = true\n", encoding="utf-8")
    assert cli.main(["--config", str(config)]) == 0
    assert seen == [True], "a supervisor runs for good: its collector is on"


def test_size_without_windowed_is_said_to_be_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("kiosk.app.run", lambda *a, **kw: 0)
    monkeypatch.setattr("kiosk.system.logs.setup", lambda **kw: tmp_path)
    assert cli.main(["--config", str(tmp_path / "none.toml"), "--size", "800x600"]) == 0
    assert "--size applies with --windowed only" in capsys.readouterr().err
    assert (
        cli.main(["--config", str(tmp_path / "none.toml"), "--windowed", "--size", "800x600"]) == 0
    )
    assert capsys.readouterr().err == ""


def test_fleet_flags_reach_the_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = {}
    monkeypatch.setattr("kiosk.app.run", lambda settings, *a, **kw: seen.update(s=settings) or 0)
    monkeypatch.setattr("kiosk.system.logs.setup", lambda **kw: tmp_path)
    fleet = tmp_path / "fleet"
    config = str(tmp_path / "none.toml")
    assert cli.main(["--config", config, "--fleet", str(fleet), "--kiosk-id", "booth-2"]) == 0
    assert seen["s"].fleet_dir == str(fleet) and seen["s"].kiosk_id == "booth-2"
    with pytest.raises(SystemExit):
        cli.main(["--config", config, "--fleet", str(fleet), "--kiosk-id", "../etc"])
