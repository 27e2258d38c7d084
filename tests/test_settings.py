"""The settings: declarations, tolerant loading, strict overrides, saving and the help table."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import rtoml

from kiosk.model.settings import (
    SETTINGS,
    SETTINGS_BY_KEY,
    Setting,
    Settings,
    apply_overrides,
    default_config_path,
    describe,
    load_settings,
    save_settings,
)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_keys_are_declared_once() -> None:
    keys = [s.key for s in SETTINGS]
    assert len(keys) == len(set(keys))
    assert set(keys) == {
        "language",
        "idle_timeout",
        "idle_warning",
        "attract_slide_seconds",
        "transition_ms",
        "screen",
        "content",
        "pin_hash",
        "analytics",
        "analytics_db",
        "opening_hours",
        "keep_awake",
        "supervise",
        "fleet_dir",
        "kiosk_id",
        "fleet_heartbeat",
        "fleet_screenshots",
    }


def test_defaults_match_declarations() -> None:
    defaults = Settings.defaults()
    assert defaults.as_dict() == {s.key: s.default for s in SETTINGS}
    assert defaults.language == "zh"
    assert defaults.idle_timeout == 60.0
    assert defaults.idle_warning == 20.0
    assert defaults.attract_slide_seconds == 8.0
    assert defaults.transition_ms == 280
    assert defaults.screen == 0
    assert defaults.content == ""
    assert defaults.pin_hash == ""
    assert defaults.changes() == {}


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.key)
def test_default_is_valid_for_its_own_declaration(setting: Setting) -> None:
    s = setting
    assert isinstance(s.default, s.kind)
    assert s.check(s.default) == s.default
    if s.minimum is not None:
        assert isinstance(s.default, int | float)
        assert s.minimum <= s.default
    if s.maximum is not None:
        assert isinstance(s.default, int | float)
        assert s.default <= s.maximum
    if s.choices is not None:
        assert s.default in s.choices
    assert s.description.strip()


def test_settings_are_immutable() -> None:
    settings = Settings.defaults()
    with pytest.raises(AttributeError):
        settings.language = "en"  # type: ignore[misc]
    changed = settings.replace(language="en")
    assert changed.language == "en"
    assert settings.language == "zh"
    assert changed != settings
    assert changed == Settings.defaults().replace(language="en")


def test_get_and_replace_validate() -> None:
    settings = Settings.defaults()
    assert settings.get("transition_ms") == 280
    with pytest.raises(KeyError):
        settings.get("nope")
    with pytest.raises(ValueError, match="idle_timeout"):
        settings.replace(idle_timeout=1)
    with pytest.raises(ValueError, match="unknown setting 'nope'"):
        settings.replace(nope=1)


def test_missing_file_gives_defaults_and_no_messages(tmp_path: Path) -> None:
    settings, messages = load_settings(tmp_path / "absent" / "settings.toml")
    assert settings == Settings.defaults()
    assert messages == []


def test_valid_file_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'language = "en"\nidle_timeout = 90\nidle_warning = 12.5\ntransition_ms = 150\n'
        'screen = 2\ncontent = "/srv/kiosk/content"\n',
    )
    settings, messages = load_settings(path)
    assert messages == []
    assert settings.language == "en"
    assert settings.idle_timeout == 90.0
    assert isinstance(settings.idle_timeout, float)  # an int is accepted for a float setting
    assert settings.idle_warning == 12.5
    assert settings.transition_ms == 150
    assert settings.screen == 2
    assert settings.content == "/srv/kiosk/content"
    assert settings.attract_slide_seconds == 8.0


def test_syntax_error_gives_all_defaults_and_one_message(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write(tmp_path, 'language = "en"\nidle_timeout = = 3\n')
    with caplog.at_level(logging.ERROR, logger="kiosk.settings"):
        settings, messages = load_settings(path)
    assert settings == Settings.defaults()
    assert len(messages) == 1
    assert str(path) in messages[0]
    assert "syntax error" in messages[0]
    assert "default" in messages[0]
    assert "\n" not in messages[0]
    assert [r.getMessage() for r in caplog.records if r.name == "kiosk.settings"] == messages


def test_garbage_bytes_give_defaults_and_a_message(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(bytes(range(256)))
    settings, messages = load_settings(path)
    assert settings == Settings.defaults()
    assert len(messages) == 1
    assert path.name in messages[0]
    assert "UTF-8" in messages[0]


def test_nul_byte_gives_defaults_and_a_message(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(b'language = "en"\n\x00\n')
    settings, messages = load_settings(path)
    assert settings == Settings.defaults()
    assert len(messages) == 1
    assert "NUL" in messages[0]


def test_unreadable_path_gives_defaults_and_a_message(tmp_path: Path) -> None:
    folder = tmp_path / "settings.toml"
    folder.mkdir()
    settings, messages = load_settings(folder)
    assert settings == Settings.defaults()
    assert len(messages) == 1
    assert "cannot be read" in messages[0]


def test_unknown_key_is_named_and_other_keys_still_apply(tmp_path: Path) -> None:
    path = write(tmp_path, 'idle_timout = 30\nlanguage = "en"\n')
    settings, messages = load_settings(path)
    assert settings.language == "en"
    assert settings.idle_timeout == 60.0
    assert len(messages) == 1
    assert "'idle_timout'" in messages[0]
    assert "did you mean 'idle_timeout'" in messages[0]
    assert path.name in messages[0]


@pytest.mark.parametrize(
    ("line", "key", "words"),
    [
        ('idle_timeout = "soon"', "idle_timeout", "expected a number"),
        ("idle_timeout = 2", "idle_timeout", "below the minimum 5"),
        ("idle_warning = 301.5", "idle_warning", "above the maximum 300"),
        ("idle_timeout = nan", "idle_timeout", "finite"),
        ("transition_ms = 280.5", "transition_ms", "whole number"),
        ("transition_ms = 1000", "transition_ms", "above the maximum 400"),
        ("screen = -1", "screen", "below the minimum 0"),
        ('language = "fr"', "language", "not allowed"),
        ("language = 1", "language", "expected a string"),
        ("content = [1, 2]", "content", "an array"),
        ("screen = true", "screen", "boolean"),
        ("idle_timeout = false", "idle_timeout", "boolean"),
    ],
)
def test_bad_value_gives_a_message_and_the_default_for_that_key_only(
    tmp_path: Path, line: str, key: str, words: str
) -> None:
    other = "attract_slide_seconds = 12" if key != "attract_slide_seconds" else "screen = 1"
    path = write(tmp_path, f"{line}\n{other}\n")
    settings, messages = load_settings(path)
    assert len(messages) == 1, messages
    message = messages[0]
    assert path.name in message
    assert f"'{key}'" in message
    assert words in message
    assert "using the default" in message
    assert settings.get(key) == SETTINGS_BY_KEY[key].default
    assert settings.attract_slide_seconds == 12.0


def test_several_problems_give_one_message_each(tmp_path: Path) -> None:
    path = write(tmp_path, 'language = "de"\nscreen = 99\nfoo = 1\ntransition_ms = 200\n')
    settings, messages = load_settings(path)
    assert len(messages) == 3
    assert settings.transition_ms == 200
    assert settings.language == "zh"
    assert settings.screen == 0


def test_overrides_beat_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, 'language = "en"\nscreen = 1\nidle_timeout = 30\n')
    settings, _ = load_settings(path)
    result = apply_overrides(
        settings, {"language": "zh", "screen": None, "content": tmp_path, "idle_timeout": None}
    )
    assert result.language == "zh"
    assert result.screen == 1  # None: not given on the command line
    assert result.idle_timeout == 30.0
    assert result.content == str(tmp_path)  # a path is accepted for a string setting


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"language": "fr"}, "not allowed"),
        ({"screen": 17}, "above the maximum 16"),
        ({"transition_ms": True}, "boolean"),
        ({"idle_timeout": "60"}, "expected a number"),
        ({"colour": "red"}, "unknown setting 'colour'"),
    ],
)
def test_invalid_override_raises_value_error(overrides: dict[str, object], words: str) -> None:
    with pytest.raises(ValueError, match=words):
        apply_overrides(Settings.defaults(), overrides)


def test_save_and_load_round_trip_writes_only_changed_values(tmp_path: Path) -> None:
    path = tmp_path / "new folder" / "settings.toml"
    settings = Settings.defaults().replace(
        language="en", idle_warning=7.5, transition_ms=150, content='C:\\内容 "x"'
    )
    assert save_settings(settings, path) == path
    loaded, messages = load_settings(path)
    assert messages == []
    assert loaded == settings
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#")
    assert rtoml.loads(text) == {
        "language": "en",
        "idle_warning": 7.5,
        "transition_ms": 150,
        "content": 'C:\\内容 "x"',
    }
    assert [p.name for p in path.parent.iterdir()] == ["settings.toml"]  # no temp file left


def test_saving_defaults_writes_no_values(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    save_settings(Settings.defaults(), path)
    assert rtoml.loads(path.read_text(encoding="utf-8")) == {}
    assert load_settings(path) == (Settings.defaults(), [])


def test_save_replaces_the_old_file(tmp_path: Path) -> None:
    path = write(tmp_path, "screen = 3\n")
    save_settings(Settings.defaults().replace(screen=4), path)
    assert load_settings(path)[0].screen == 4


def test_describe_mentions_every_setting() -> None:
    text = describe()
    for setting in SETTINGS:
        assert setting.key in text
        assert setting.kind.__name__ in text
    assert "5 to 3600" in text
    assert "zh, en" in text
    assert max(len(line) for line in text.splitlines()[2:]) <= 100


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"XDG_CONFIG_HOME": "/x/config", "XDG_CACHE_HOME": "/x/cache/", "XDG_STATE_HOME": "/x/s"},
        {"XDG_CONFIG_HOME": "relative", "XDG_CACHE_HOME": "", "XDG_STATE_HOME": "~/state"},
        {"HOME": "/elsewhere"},
        {"HOME": "relative/home"},
    ],
)
def test_the_kiosk_folders_are_where_platformdirs_puts_them(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    """The settings file, the log and the cache folder: worked out without importing
    platformdirs (3 ms of the start), in the same places."""
    import platformdirs

    from kiosk.system.logs import log_dir
    from kiosk.system.paths import cache_dir

    for variable in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in env.items():
        monkeypatch.setenv(variable, value)
    monkeypatch.setattr(Path, "mkdir", lambda self, *args, **kwargs: None)  # log_dir makes it
    config = Path(platformdirs.user_config_dir("kiosk", appauthor=False)) / "settings.toml"
    assert default_config_path() == config
    assert cache_dir() == Path(platformdirs.user_cache_dir("kiosk", appauthor=False))
    assert log_dir() == Path(platformdirs.user_log_dir("kiosk", appauthor=False))
