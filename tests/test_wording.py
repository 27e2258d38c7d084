"""House style of the content and of figures: quotes, spaces, title case, sections said once,
value and unit written and painted as one."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from test_coverage import screen_text

from kiosk.adapters import fonts, resources
from kiosk.commands.fit import texts_of
from kiosk.content import Content, Figure, Lang, Text
from kiosk.content.breaks import break_problems, glue, plain
from kiosk.content.loader import Environment, check
from kiosk.content.wording import wording_problems
from kiosk.model.navigation import Route
from kiosk.model.session import Session
from kiosk.model.settings import Settings
from kiosk.system.paths import bundled_content_dir
from kiosk.ui import fmt
from kiosk.ui.figures.layout import TileComposer, TileText, parts
from kiosk.ui.pages.home import HomePage
from kiosk.ui.shell import Shell
from kiosk.ui.text import wrap
from kiosk.ui.typeset import typeset_page
from kiosk.ui.widgets import hanging_indent

# --- the rules, one by one ------------------------------------------------------------------------


def test_straight_quotes_are_reported_in_both_languages() -> None:
    problems = wording_problems(
        [
            ("themes[0].body[0].en", "At the forum's plenary"),
            ("themes[0].body[0].zh", "他说「开放合作」"),
            ("themes[0].body[1].en", "At the forum’s plenary, “open cooperation”"),
            ("themes[0].body[1].zh", "他说“开放合作”"),
        ]
    )
    assert [path for path, _ in problems] == ["themes[0].body[0].en"] + ["themes[0].body[0].zh"] * 2


def test_a_space_between_a_chinese_number_and_its_word_is_reported() -> None:
    problems = wording_problems(
        [
            ("a[0].what.zh", "吸引2500余 个项目参赛"),
            ("a[1].what.zh", "超 810亿元"),
            ("a[2].what.zh", "本报记者 贺勇"),
        ]
    )
    assert [path for path, _ in problems] == ["a[0].what.zh", "a[1].what.zh"]


def test_english_dashes_and_ellipses_stand_without_spaces() -> None:
    problems = wording_problems(
        [("a[0].what.en", "Ardem Patapoutian — 2021 laureate"), ("a[1].what.en", "AI … Over")]
    )
    assert [path for path, _ in problems] == ["a[0].what.en", "a[1].what.en"]
    assert wording_problems([("a[0].what.en", "six dimensions—economic, AI… Over")]) == []


def test_chinese_ellipses_are_six_dots() -> None:
    problems = wording_problems(
        [("a[0].what.zh", "量子科技…几日的论坛上"), ("a[1].what.zh", "量子科技...几日")]
    )
    assert [path for path, _ in problems] == ["a[0].what.zh", "a[1].what.zh"]
    fine = [("a[0].what.zh", "量子科技……几日"), ("a[0].what.en", "AI… Over")]
    assert wording_problems(fine) == []


def test_a_section_that_repeats_the_details_is_reported() -> None:
    what = "夸父卫星在轨获得世界一流天基太阳硬X射线图像。"
    detail = "甘为群详细介绍了“夸父卫星在轨获得世界一流天基太阳硬X射线图像”这一成果。"
    problems = wording_problems(
        [("achievements[0].what.zh", what), ("achievements[0].details[0].zh", detail)]
    )
    assert problems == [("achievements[0].what.zh", "'what' repeats 'details[0]': say it once")]
    other = "论坛期间，甘为群详细介绍了这一成果。"
    assert (
        wording_problems(
            [("achievements[0].what.zh", what), ("achievements[0].details[0].zh", other)]
        )
        == []
    )


def test_the_same_section_text_in_two_records_is_filler() -> None:
    filler = "在2023中关村论坛重大科技成果发布环节集中发布的最新科技成果之一。"
    problems = wording_problems(
        [("achievements[1].who.zh", filler), ("achievements[2].who.zh", filler)]
    )
    assert [path for path, _ in problems] == ["achievements[2].who.zh"]


def test_the_checker_reports_repetition_and_accepts_a_missing_section(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), folder)
    path = folder / "achievements.toml"
    text = path.read_text(encoding="utf-8")
    # Leave out what the report does not say: no problem.
    assert re.search(r'^who = \{ zh = "北京量子信息科学研究院.*\n', text, re.M)
    text = re.sub(r'^who = \{ zh = "北京量子信息科学研究院.*\n', "", text, flags=re.M)
    path.write_text(text, encoding="utf-8")
    env = Environment(resource_exists=resources.exists)
    content, problems = check(folder, env)
    assert problems == [] and content is not None
    assert content.achievement("quantum-cloud").who is None
    # Say it twice: reported, with the file and the field.
    detail = '  { zh = "在此次中关村论坛上，新一代量子计算云平台的发布，让人眼前一亮。"'
    why = '{ zh = "平台的操控和读取精度超过98%，达到国际先进水平，是战略科技力量加快壮大的体现。"'
    assert detail in text and why in text
    path.write_text(text.replace(detail, "  " + why), encoding="utf-8")
    lines = [str(p) for p in check(folder, env)[1]]
    assert any("achievements[5].why.zh: 'why' repeats 'details[0]'" in line for line in lines), (
        lines
    )


# --- the bundled content ---------------------------------------------------------------------

#: Proper names (and names of works) that keep their capitals inside a sentence-case title.
PROPER = [
    "Zhongguancun International Technology Trading Conference",
    "Zhongguancun International Frontier Technology Innovation Competition",
    "China Science Fiction Convention",
    "Global City Talent Stickiness Index Report",
    "Global City Talent Stickiness Index",
    "Assessment Report on Building Beijing into an International Innovation Center",
    "Zhongguancun Forum Exhibition",
    "Sci-Tech Expo",
    "Flying to a Sci-Fi Future",
    "Kuafu-1",
    "ASO-S",
    "Zhongguancun",
    "Beijing",
    "China",
    "R&D",
    "MeV",
    "2+2+N",
]

#: Titles that are themselves a proper name (of the forum, its report, the zone).
NAMES = {"forum.name", "forum.report_title", "forum.theme", "forum.headline", "zone.name"}


def _title_paths(content: Content) -> list[tuple[str, Text]]:
    return [
        (path, text)
        for path, text in texts_of(content)
        if re.search(r"(^|\.)(title|name)$", path)
        and not path.startswith("voices")
        and path not in NAMES
    ]


def test_english_titles_are_in_sentence_case(content: Content) -> None:
    titles = _title_paths(content)
    assert len(titles) > 40
    wrong = []
    for path, text in titles:
        rest = text.en
        for name in PROPER:
            rest = rest.replace(name, "·")
        words = re.findall(r"[A-Za-z][\w’-]*", rest)
        if words and text.en.startswith(words[0]):
            words = words[1:]  # the first word starts with a capital
        capitals = [w for w in words if w[0].isupper()]
        if capitals:
            wrong.append(f"{path}: {text.en} ({', '.join(capitals)})")
    assert not wrong, "\n".join(wrong)


def test_the_title_check_can_fail() -> None:
    words = re.findall(r"[A-Za-z][\w’-]*", "Innovation in Business Access")
    assert [w for w in words[1:] if w[0].isupper()] == ["Business", "Access"]


def test_every_content_text_keeps_to_one_quote_style(content: Content) -> None:
    pairs = [
        (f"{path}.{lang}", text.get(lang))
        for path, text in texts_of(content)
        for lang in ("zh", "en")
    ]
    assert len(pairs) > 1000
    assert [p for p in wording_problems(pairs) if "quote" in p[1]] == []
    assert not any("'" in text or '"' in text for _, text in pairs)


def test_the_bonded_zone_has_one_english_name(content: Content) -> None:
    english = " ".join(text.en for _, text in texts_of(content))
    assert "Zhongguancun Comprehensive Bonded Zone" in english
    for other in ("Beijing Zhongguancun Comprehensive", "ZGC", "Zhongguancun comprehensive bonded"):
        assert other not in english


# --- value and unit -------------------------------------------------------------------------------


def test_a_figure_and_its_unit_are_one_run(content: Content) -> None:
    competition = content.achievement("frontier-competition").key_figure
    trading = content.achievement("technology-trading").key_figure
    assert competition is not None and trading is not None
    assert fmt.figure_with_unit(competition, "zh") == "2500余个项目"
    assert fmt.figure_with_unit(trading, "zh") == "超810亿元"
    assert fmt.figure_with_unit(trading, "en") == "over\u00a081\u00a0billion yuan"
    assert fmt.figure_with_unit(competition, "en") == "2,500+\u00a0projects"


def test_a_foreign_or_unnamed_speaker_shows_no_chinese_on_english_screens(content: Content) -> None:
    assert fmt.person_name(content.voice("ardem-patapoutian").name, "en") == "Ardem Patapoutian"
    assert fmt.person_name(content.voice("beijing-official").name, "en") == (
        "A Beijing municipal official"
    )
    assert fmt.person_name(content.voice("shi-yigong").name, "en") == "Shi Yigong  施一公"
    assert fmt.person_name(content.voice("ardem-patapoutian").name, "zh") == "阿德姆·帕塔普蒂安"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_unit_stays_beside_its_number(qapp: QApplication, content: Content, lang: str) -> None:
    figure = next(f for f in content.zone.figures if f.id == "zone-floor-area")
    split = parts(figure, lang)  # type: ignore[arg-type]
    assert split is not None and figure.unit is not None
    text = TileText(lang, *split, figure.unit.get(lang), "caption", "source")  # type: ignore[arg-type]
    front = TileComposer(text, QFont(), 1.0).layout(480).front
    assert front.unit_below is None
    assert front.unit_font == front.small  # the unit in the suffix's type (and colour)


# --- on screen ------------------------------------------------------------------------------------


def _shown(qtbot: QtBot, content: Content, lang: Lang, routes: list[Route]) -> dict[Route, str]:
    settings = Settings.defaults().replace(language=lang)
    shell = Shell(Session(content, settings), kiosk_mode=False, animate=False)
    qtbot.addWidget(shell)
    shell.resize(1920, 1080)
    shell.show()
    seen = {}
    for route in routes:
        shell.nav.show(route)
        shell.host.finish_transition()
        assert shell.host.page is not None
        seen[route] = screen_text(shell.host.page)
    return seen


def test_an_achievement_shows_only_the_sections_the_report_gives_it(
    qtbot: QtBot, content: Content
) -> None:
    radio, quantum = (
        Route("achievement", "open-radio-platform"),
        Route("achievement", "quantum-cloud"),
    )
    seen = _shown(qtbot, content, "en", [radio, quantum])
    assert "What it is" in seen[radio]
    assert "Who made it" not in seen[radio] and "Why it matters" not in seen[radio]
    assert "Who made it" in seen[quantum] and "Why it matters" in seen[quantum]


def test_the_titles_of_the_home_tiles_line_up(qtbot: QtBot, content: Content) -> None:
    for lang in ("en", "zh"):
        settings = Settings.defaults().replace(language=lang)
        shell = Shell(Session(content, settings), kiosk_mode=False, animate=False)
        qtbot.addWidget(shell)
        shell.resize(1920, 1080)
        shell.show()
        shell.nav.show(Route("home"))
        shell.host.finish_transition()
        QApplication.processEvents()
        page = shell.host.page
        assert isinstance(page, HomePage)
        bodies = {len(tile.wrapped_texts()[-1][1]) for tile in page.tiles}
        assert len(bodies) > 1 or lang == "zh"  # hints of one and of two lines (in English)
        assert len({round(tile.title_top()) for tile in page.tiles}) == 1, lang


def test_an_opening_quote_hangs_into_the_margin_in_chinese_only(qapp: QApplication) -> None:
    font = QApplication.font()
    font.setPixelSize(40)
    assert hanging_indent("“夸父一号”", font) == pytest.approx(
        QFontMetricsF(font).horizontalAdvance("“") / 2
    )
    assert hanging_indent("新一代“人造太阳”", font) == 0
    latin = QFont("Noto Sans")
    latin.setPixelSize(40)
    assert hanging_indent("“Artificial sun”", latin) == 0


def test_a_one_line_label_hangs_its_opening_quote_a_wrapped_one_does_not(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    column = QVBoxLayout(page)
    short, long = QLabel("“夸父一号”"), QLabel("“夸父一号”的成功发射及初步观测结果的取得，" * 4)
    for item in (short, long):
        item.setWordWrap(True)
        item.setFont(fonts.font_for("zh", 40))
        column.addWidget(item)
    page.setFixedWidth(600)
    typeset_page(page, [])
    page.show()
    qtbot.waitExposed(page)
    assert short.contentsMargins().left() == -round(hanging_indent("“", short.font()))
    assert short.contentsMargins().left() < 0
    assert long.contentsMargins().left() == 0


def _figures(obj: object) -> list[Figure]:
    if isinstance(obj, Figure):
        return [obj]
    if isinstance(obj, tuple | list):
        return [f for item in obj for f in _figures(item)]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        fields = [f.name for f in dataclasses.fields(obj) if f.name not in ("index", "origin")]
        return [f for name in fields for f in _figures(getattr(obj, name))]
    return []


def test_a_figure_shown_on_several_screens_has_one_english_wording(content: Content) -> None:
    """The same number with the same Chinese words says the same in English everywhere."""
    seen: dict[tuple[object, ...], tuple[str, str]] = {}
    figures = _figures(content)
    assert len(figures) > 60
    different = []
    for f in figures:
        key = (f.value.zh, *(t.zh if t else "" for t in (f.prefix, f.suffix, f.unit)))
        english = (fmt.figure_with_unit(f, "en"), f.caption.en)
        first = seen.setdefault(key, english)
        if first[0] != english[0]:
            different.append(f"{f.id}: {english[0]!r}, elsewhere {first[0]!r}")
        if first != english and any(
            g.caption.zh == f.caption.zh and g.caption.en != f.caption.en for g in figures
        ):
            different.append(f"{f.id}: caption {f.caption.en!r}")
    assert not different, "\n".join(different)


def test_an_english_number_keeps_its_word_on_its_line(qapp: QApplication) -> None:
    text = "129 cooperation projects worth over 81 billion yuan were signed."
    glued = glue(text)
    assert "81\u00a0billion" in glued and "129\u00a0cooperation" in glued
    assert plain(glued) == text
    font = QFont()
    font.setPixelSize(20)
    width = QFontMetricsF(font).horizontalAdvance("129 cooperation projects worth over 81 bil")
    assert not break_problems([plain(line) for line in wrap(glued, font, width, raw=True)])
    assert break_problems([plain(line) for line in wrap(text, font, width, raw=True)]) == [
        "number split from its word (81 billion)"
    ]
