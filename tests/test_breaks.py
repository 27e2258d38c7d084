"""Line breaks a typesetter would make: the checker finds bad ones, the typesetter avoids them."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content.breaks import (
    WORDS,
    break_problems,
    broken_words,
    lonely_characters,
    split_names,
)
from kiosk.ui.text import wrap
from kiosk.ui.typeset import JOINER, glue, plain, typeset_page

NAME = "甘为群"
SENTENCE = "中科院紫金山天文台研究员甘为群详细介绍了这一成果。"


def test_a_word_broken_inside_is_found_and_a_break_at_a_space_is_not() -> None:
    assert broken_words(["Achievem", "ents of the forum"]) == ["Achievem-ents"]
    assert broken_words(["Achievements ", "of the forum"]) == []
    assert broken_words(["12,", "345"]) == []


def test_a_lonely_character_is_found_only_in_a_paragraph_of_several_lines() -> None:
    assert lonely_characters(["详细介绍了这一成", "果。"]) == ["果。"]
    assert lonely_characters(["果。"]) == []
    assert lonely_characters(["详细介绍了这一", "成果。"]) == []


def test_a_split_chinese_name_is_found_a_latin_one_may_break_at_its_space() -> None:
    assert split_names(["研究员甘", "为群详细介绍"], [NAME]) == [NAME]
    assert split_names(["研究员甘为群", "详细介绍"], [NAME]) == []
    assert split_names(["by Ardem ", "Patapoutian"], ["Ardem Patapoutian"]) == []
    assert break_problems(["研究员甘", "为群详细介绍了这一成", "果。"], [NAME]) == [
        "one character alone on a line (果。)",
        f"name split across lines ({NAME})",
    ]


def test_glue_joins_names_and_the_last_two_characters() -> None:
    glued = glue(SENTENCE, [NAME])
    assert f"甘{JOINER}为{JOINER}群" in glued
    assert glued.endswith(f"成{JOINER}果。")
    assert plain(glued) == SENTENCE
    assert glue("1.9倍。") == f"1.9{JOINER}倍。"
    assert glue("Only Latin text.") == "Only Latin text."


def test_idioms_and_coined_words_are_kept_whole() -> None:
    glued = glue("大量科技成果，让美好未来触手可及。新一代“人造太阳”")
    assert f"触{JOINER}手{JOINER}可{JOINER}及" in glued
    assert f"新{JOINER}一{JOINER}代" in glued
    assert split_names(["让美好未来触手", "可及。"], WORDS) == ["触手可及"]
    assert break_problems(["新一", "代“人造太阳”"]) == ["name split across lines (新一代)"]


def _page(qtbot: QtBot, text: str, width: int) -> tuple[QWidget, QLabel]:
    page = QWidget()
    qtbot.addWidget(page)
    label = QLabel(text, page)
    label.setWordWrap(True)
    QVBoxLayout(page).addWidget(label)
    page.setFixedWidth(width)
    page.show()
    QApplication.processEvents()
    return page, label


def found(label: QLabel) -> list[str]:
    return break_problems(_lines(label), [NAME])


def _lines(label: QLabel) -> list[str]:
    lines = wrap(label.text(), label.font(), label.contentsRect().width(), raw=True)
    return [plain(line) for line in lines]


def test_the_typesetter_keeps_names_whole_and_no_character_alone(
    qtbot: QtBot, qapp: QApplication
) -> None:
    # A width at which the plain sentence splits the name and leaves a character alone.
    for width in range(220, 700, 10):
        page, label = _page(qtbot, SENTENCE, width)
        if found(label):
            break
        page.close()
    else:
        raise AssertionError("no width breaks the plain sentence badly: the test cannot fail")
    typeset_page(page, [NAME])
    QApplication.processEvents()
    assert found(label) == []
    assert plain(label.text()) == SENTENCE


def test_quoted_terms_and_idioms_are_kept_whole() -> None:
    # "人造太|阳" and "触手|可及" were broken on the achievement pages in large text.
    split = "name split across lines"
    assert break_problems(["新一代“人造太", "阳”、深脑成像"]) == [f"{split} (人造太阳)"]
    assert break_problems(["让美好未来触手", "可及。"]) == [f"{split} (触手可及)"]
    assert break_problems(["新一代“人造太阳”、", "深脑成像"]) == []
    glued = glue("新一代“人造太阳”，触手可及。")
    assert f"人{JOINER}造{JOINER}太{JOINER}阳" in glued
    assert f"触{JOINER}手{JOINER}可{JOINER}及" in glued
    assert plain(glued) == "新一代“人造太阳”，触手可及。"
    # A long quotation is a sentence, not a term: it still breaks where it must.
    assert "，就诞生一家" in glue("“不到5分钟，就诞生一家科技型企业”")  # (listed words aside)


def test_a_line_may_break_before_an_opening_quote_after_chinese() -> None:
    """The quote mark forbids a break before it, which moved "新一代“人造太阳”" whole."""
    from kiosk.content.breaks import BREAK

    glued = glue("可折叠玻璃、新一代“人造太阳”、深脑成像")
    assert f"代{BREAK}“" in glued
    assert plain(glued) == "可折叠玻璃、新一代“人造太阳”、深脑成像"


def test_a_number_keeps_its_mega_prefix() -> None:
    # "怀柔科学城50|兆电子伏特" split on the strategic-forces theme in portrait.
    assert break_problems(["怀柔科学城50", "兆电子伏特质子回旋加速器"]) == [
        "number split from its word (50兆)"
    ]
    assert f"50{JOINER}兆" in glue("怀柔科学城50兆电子伏特质子回旋加速器正式交付使用")
