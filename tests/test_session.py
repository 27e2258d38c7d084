"""The session and staff models, without Qt: language, modes, content, settings, PIN, status."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk.content import Content, ContentError, load
from kiosk.content.loader import Problem
from kiosk.model.navigation import ATTRACT, HOME, Change, Navigation, Route
from kiosk.model.pin import DEFAULT_PIN, PinGuard, hash_pin, verify_pin
from kiosk.model.session import LanguageChange, Session
from kiosk.model.settings import Settings, apply_overrides, load_settings, save_settings
from kiosk.model.staff import PinChange, Staff, Status, TodayFigures
from kiosk.system.paths import bundled_content_dir


@pytest.fixture(scope="module")
def content() -> Content:
    return load(bundled_content_dir())


@pytest.fixture
def newer() -> Content:
    return load(bundled_content_dir())


def recorded(emitter: object) -> list[object]:
    seen: list[object] = []
    emitter.connect(seen.append)  # type: ignore[attr-defined]
    return seen


# --- navigation ------------------------------------------------------------------------------


def test_show_puts_a_route_on_home_and_always_emits() -> None:
    nav = Navigation()
    changes = recorded(nav.changed)
    nav.show(Route("theme", "frontier"))
    assert nav.stack == [HOME, Route("theme", "frontier")] and nav.depth == 2
    nav.show(HOME)
    nav.show(HOME)
    assert nav.stack == [HOME]
    nav.show(ATTRACT)
    assert nav.attracting and nav.depth == 1
    assert changes == [
        Change(Route("theme", "frontier"), "reset", 2),
        Change(HOME, "reset", 1),
        Change(HOME, "reset", 1),
        Change(ATTRACT, "reset", 1),
    ]


def test_set_siblings_changes_the_swipe_groups() -> None:
    nav = Navigation()
    group = [Route("theme", "a"), Route("theme", "b")]
    nav.show(group[0])
    assert not nav.sibling(1)
    nav.set_siblings(lambda route: group)
    assert nav.sibling(1) and nav.current == group[1]


# --- a visitor -------------------------------------------------------------------------------


def test_language_and_modes_change_and_the_idle_reset_puts_them_back(content: Content) -> None:
    session = Session(content, Settings.defaults())
    languages = recorded(session.language_changed)
    modes = recorded(session.modes_changed)
    session.nav.home()
    session.toggle_language()
    session.set_language("en")  # no change: no notification
    session.set_mode("large_text", True)
    assert session.lang == "en" and session.modes["large_text"]
    assert languages == [LanguageChange("en", by_visitor=True)]
    session.reset()
    assert session.lang == "zh" and not any(session.modes.values())
    assert session.nav.attracting
    assert languages[-1] == LanguageChange("zh", by_visitor=False)
    assert modes[-1] == {
        "large_text": False,
        "high_contrast": False,
        "low_reach": False,
        "speech": False,
    }
    with pytest.raises(ValueError):
        session.set_mode("sparkles", True)


def test_read_aloud_is_a_mode_that_changes_nothing_on_screen(content: Content) -> None:
    session = Session(content, Settings.defaults())
    modes, screen = recorded(session.modes_changed), recorded(session.screen_modes_changed)
    session.set_mode("speech", True)
    assert modes[-1]["speech"] and screen == []
    session.reset()
    assert not modes[-1]["speech"] and screen == [], "the idle reset turns it off"
    session.set_mode("high_contrast", True)
    assert screen == [modes[-1]]


def test_the_modes_given_out_are_a_copy(content: Content) -> None:
    session = Session(content, Settings.defaults())
    session.modes["low_reach"] = True
    assert not session.modes["low_reach"]


# --- content ---------------------------------------------------------------------------------


def test_new_content_waits_for_the_idle_reset(content: Content, newer: Content) -> None:
    session = Session(content, Settings.defaults())
    shown = recorded(session.content_changed)
    session.nav.go(Route("themes"))
    session.set_problems(["themes.toml: broken"])
    session.queue_content(newer)
    assert session.content is content and session.pending is newer, "never mid-visit"
    assert session.problems == [], "good content clears the problems"
    assert session.nav.current == Route("themes")
    session.reset()
    assert session.content is newer and session.pending is None
    assert shown == [], "the attract loop that follows is built with it"


def test_new_content_shows_at_once_in_the_attract_loop(content: Content, newer: Content) -> None:
    session = Session(content, Settings.defaults())
    shown = recorded(session.content_changed)
    session.queue_content(newer)
    assert session.content is newer and shown == [newer]


def test_reload_shows_good_content_and_keeps_the_last_on_problems(
    content: Content, newer: Content
) -> None:
    results: list[Content | ContentError] = [newer, ContentError([Problem("a.toml", "x", "bad")])]

    def reload() -> Content:
        result = results.pop(0)
        if isinstance(result, ContentError):
            raise result
        return result

    session = Session(content, Settings.defaults(), reload=reload)
    session.nav.home()
    assert session.reload() == []
    assert session.content is newer and session.nav.attracting
    problems = session.reload()
    assert len(problems) == 1 and "bad" in problems[0]
    assert session.content is newer


# --- settings --------------------------------------------------------------------------------


def test_a_changed_setting_is_saved_without_the_command_line_overrides(
    content: Content, tmp_path: Path
) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('language = "en"\nidle_timeout = 120\n', encoding="utf-8")
    saved, _ = load_settings(config)
    effective = apply_overrides(saved, {"idle_timeout": 5, "language": "zh"})
    session = Session(content, effective, saved=saved, saver=lambda s: save_settings(s, config))
    changed = recorded(session.settings_changed)
    session.set_pin_hash(hash_pin("4821"))
    written, problems = load_settings(config)
    assert problems == []
    assert written.idle_timeout == 120 and written.language == "en", "no override leaked"
    assert verify_pin("4821", written.pin_hash)
    assert session.idle_timeout == 5 and session.settings.language == "zh", "still in force"
    session.set_idle_timeout(90)
    assert load_settings(config)[0].idle_timeout == 90 and session.idle_timeout == 90
    assert [s.idle_timeout for s in changed] == [5, 90]  # type: ignore[attr-defined]


def test_a_setting_that_cannot_be_saved_is_logged_and_still_used(
    content: Content, caplog: pytest.LogCaptureFixture
) -> None:
    def fail(settings: Settings) -> None:
        raise OSError("read-only file system")

    session = Session(content, Settings.defaults(), saver=fail)
    with caplog.at_level(logging.ERROR, "kiosk.session"):
        session.set_idle_timeout(300)
    assert session.idle_timeout == 300
    assert "read-only file system" in caplog.text


# --- staff -----------------------------------------------------------------------------------


def test_a_new_pin_is_entered_twice() -> None:
    change = PinChange()
    assert change.prompt == "admin.new_pin"
    step = change.enter("12")
    assert step.outcome == "invalid" and step.message and change.prompt == "admin.new_pin"
    assert change.enter(DEFAULT_PIN).outcome == "invalid", "the first-run PIN is not a new PIN"
    assert change.enter("4821").outcome == "repeat"
    assert change.prompt == "admin.repeat_pin"
    step = change.enter("4822")
    assert (step.outcome, step.message, step.prompt) == (
        "mismatch",
        "admin.pin_mismatch",
        "admin.new_pin",
    )
    change.enter("4821")
    assert change.enter("4821").outcome == "saved"
    assert PinChange(first_login=True).prompt == "admin.must_change"


def test_the_first_login_must_change_the_default_pin(content: Content) -> None:
    written: list[Settings] = []
    session = Session(content, Settings.defaults(), saver=written.append)
    staff = Staff(session, guard=PinGuard(max_attempts=3))
    statuses = recorded(staff.status_changed)
    assert staff.login("9999").status == "wrong"
    assert staff.pin_change is None
    assert staff.login(DEFAULT_PIN).ok
    assert staff.pin_change is not None and staff.pin_change.first_login
    staff.enter_new_pin("4821")
    assert staff.enter_new_pin("4821").outcome == "saved"
    assert staff.pin_change is None
    assert verify_pin("4821", session.settings.pin_hash)
    assert verify_pin("4821", written[-1].pin_hash)
    assert statuses == [Status("admin.pin_changed")]
    assert staff.login("4821").ok and staff.pin_change is None, "changed: no more forcing"


def test_staff_presence_is_told(content: Content) -> None:
    staff = Staff(Session(content, Settings.defaults()))
    opened = recorded(staff.opened)
    staff.open()
    assert staff.present and opened == [None]
    staff.close()
    assert not staff.present


def test_the_admin_status_shows_problems_first_then_today(content: Content) -> None:
    figures: list[TodayFigures | None] = [None]
    session = Session(content, Settings.defaults())
    staff = Staff(session, today=lambda: figures[0])
    assert staff.status() is None
    figures[0] = TodayFigures(sessions=12, average_session_s=95.0, top_screen=None)
    status = staff.status()
    assert status is not None and status.key == "admin.today"
    assert status.values["n"] == 12 and status.values["screen"] is None
    session.set_problems(["themes.toml: line 3: bad", "voices.toml: bad"])
    assert staff.status() == Status(
        "admin.content_problems", {"problem": "themes.toml: line 3: bad"}
    )


def test_broken_figures_do_not_break_the_admin_menu(content: Content) -> None:
    def broken() -> TodayFigures | None:
        raise RuntimeError("database is locked")

    staff = Staff(Session(content, Settings.defaults()), today=broken)
    assert staff.status() is None


def test_a_reload_with_problems_says_so(content: Content) -> None:
    def reload() -> Content:
        raise ContentError([Problem("a.toml", "x", "bad")])

    staff = Staff(Session(content, Settings.defaults(), reload=reload))
    statuses = recorded(staff.status_changed)
    assert not staff.reload()
    assert len(statuses) == 1 and statuses[0].key == "admin.content_problems"  # type: ignore[attr-defined]
