"""Plurals, dates, lists and names as each language writes them, and the PIN pad in Chinese."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from test_shell import corner_taps, enter_pin, open_home

from kiosk.content import Text
from kiosk.model.hours import OpeningHours
from kiosk.model.pin import DEFAULT_PIN
from kiosk.model.settings import Settings
from kiosk.ui import fmt
from kiosk.ui.closed import hours_text, next_opening_text
from kiosk.ui.idle import IdleOverlay
from kiosk.ui.shell import Shell
from kiosk.ui.strings import ui
from kiosk.ui.tokens import THEME


def test_plurals_follow_the_count_in_english() -> None:
    assert ui("still_there.seconds", "en", n=1) == "1 second until the kiosk starts over"
    assert ui("still_there.seconds", "en", n=2) == "2 seconds until the kiosk starts over"
    assert ui("pin.wrong", "en", n=1) == "Wrong PIN, 1 try left"
    assert ui("pin.wrong", "en", n=4) == "Wrong PIN, 4 tries left"
    assert ui("still_there.seconds", "zh", n=1) == "1 秒后回到开始画面"
    assert ui("still_there.seconds", "zh", n=2) == "2 秒后回到开始画面"


def test_a_plural_needs_its_count() -> None:
    with pytest.raises(TypeError):
        ui("pin.wrong", "en")


def test_the_idle_countdown_says_one_second(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    overlay = IdleOverlay(THEME, parent)
    overlay.set_seconds(1)
    text = overlay.body.text()
    assert "1 second until" in text and "1 seconds" not in text
    assert "1 秒后" in text
    overlay.set_seconds(2)
    assert "2 seconds until" in overlay.body.text()


def test_dates_are_written_by_qlocale() -> None:
    day = date(2023, 5, 26)
    assert fmt.day_month(day, "zh") == "5月26日"
    assert fmt.day_month(day, "en") == "26 May"
    assert fmt.weekday(0, "en") == "Monday" and fmt.weekday(0, "en", short=True) == "Mon"
    assert fmt.weekday(4, "zh") == "星期五" and fmt.weekday(4, "zh", short=True) == "周五"


def test_the_closed_screen_dates_in_both_languages() -> None:
    friday_evening = datetime(2023, 5, 26, 20, 0)
    hours = OpeningHours.parse("fri 09:00-17:00")
    assert next_opening_text(hours, friday_evening, "zh") == "6月2日 09:00 开放"
    assert next_opening_text(hours, friday_evening, "en") == "Opens on 2 June at 09:00"
    hours = OpeningHours.parse("mon-fri 09:00-17:00; sat-sun 10:00-16:00")
    assert next_opening_text(hours, friday_evening, "zh") == "明天 10:00 开放"
    assert next_opening_text(hours, friday_evening, "en") == "Opens tomorrow at 10:00"
    assert hours_text(hours, "zh") == "周一至周五 09:00–17:00 · 周六、周日 10:00–16:00"
    assert hours_text(hours, "en") == "Mon–Fri 09:00–17:00 · Sat, Sun 10:00–16:00"


def test_numbers_lists_and_names() -> None:
    assert fmt.number(12345.5, 1, "en") == "12,345.5"
    assert fmt.number(12345.5, 1, "zh") == "12345.5"
    assert fmt.join(["A", "B", "C"], "en") == "A, B and C"
    assert fmt.join(["甲", "乙", "丙"], "zh") == "甲、乙和丙"
    assert fmt.labelled("Areas", "A", "en") == "Areas: A"
    assert fmt.labelled("功能区", "甲", "zh") == "功能区：甲"
    name = Text("张三", "Zhang San")
    assert fmt.person_name(name, "zh") == "张三"
    assert fmt.person_name(name, "en") == "Zhang San  张三"


def test_the_pin_pad_speaks_chinese(qtbot: QtBot, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(Settings.defaults().replace(transition_ms=150, language="zh"))
    open_home(qtbot, shell)
    corner_taps(shell)
    enter_pin(shell, "9999")
    assert shell.admin_control.pin_pad is not None
    assert shell.admin_control.pin_pad.message.text() == "密码错误，还可尝试 4 次"
    for _ in range(4):
        enter_pin(shell, "9999")
    assert shell.admin_control.pin_pad.message.text() == "已锁定，请 60 秒后再试"
    shell.admin_control.staff.guard.reset()
    enter_pin(shell, DEFAULT_PIN)  # the first login: a new PIN must be set
    pad = shell.admin_control.pin_pad
    assert pad is not None
    enter_pin(shell, DEFAULT_PIN)
    assert pad.message.text() == "新密码不能与初始密码相同"
    enter_pin(shell, "12")
    assert pad.message.text() == "密码为 4 至 8 位数字（0–9）"


def test_the_admin_menu_names_the_most_viewed_screen(content: object) -> None:
    from kiosk.content import Content

    assert isinstance(content, Content)
    assert fmt.screen_name("zone", content, "zh") == ui("section.zone", "zh")
    assert fmt.screen_name("about", content, "en") == "About the forum"
    theme = content.themes[0]
    assert fmt.screen_name(f"theme/{theme.id}", content, "zh") == theme.title.zh
    assert fmt.screen_name(None, content, "en") == "–"
