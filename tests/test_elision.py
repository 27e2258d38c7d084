"""Shortened text stops at the end of a sentence, a phrase or a word, never inside one."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.content.breaks import lonely_characters
from kiosk.model.navigation import Route
from kiosk.ui.shell import Shell
from kiosk.ui.text import cut_points, wrap, wrap_title
from kiosk.ui.tokens import THEME
from kiosk.ui.widgets import Card

EN = (
    "The 6th Zhongguancun International Frontier Technology Innovation Competition drew more "
    "than 2,500 projects from China and abroad; the Zhongguancun International Technology "
    "Trading Conference held 26 events, and deals worth over 81 billion yuan were signed."
)
ZH = (
    "第六届中关村国际前沿科技创新大赛吸引海内外2500余个项目参赛；"
    "中关村国际技术交易大会举办26场技术交易主题活动，论坛期间签约金额超过810亿元。"
)


def _font() -> QFont:
    font = QFont(QApplication.font())
    font.setPixelSize(20)
    return font


def _allowed_ends(text: str, tiers: int) -> set[str]:
    return {text[:end].rstrip() for ends in cut_points(text)[:tiers] for end in ends}


@pytest.mark.parametrize("text", [EN, ZH], ids=["en", "zh"])
@pytest.mark.parametrize("lines", [1, 2, 3, 4])
@pytest.mark.parametrize("width", [180, 300, 460])
def test_shortened_text_ends_at_a_phrase_or_word(
    qtbot: QtBot, text: str, lines: int, width: int
) -> None:
    shown = wrap(text, _font(), width, lines)
    assert 1 <= len(shown) <= lines
    joined = "".join(shown) if text is ZH else " ".join(shown)
    if joined == text:
        return
    assert not lonely_characters(shown), f"a character alone before the ellipsis: {shown}"
    mark = "……" if text is ZH else "…"  # Chinese writes its ellipsis as six dots
    assert joined.endswith(mark) and not joined.endswith(mark + "…"), joined
    head = joined.removesuffix(mark)
    # At a phrase or a word, or between two Chinese characters when no phrase fits.
    first = cut_points(text)[2][0]
    fits = len(wrap(text[:first] + "…", _font(), width)) <= lines
    # Chinese also cuts between two characters rather than leave one alone before "……".
    tiers = 3 if fits and text is not ZH else 4
    ends = _allowed_ends(text, tiers)
    assert any(end.startswith(head) and len(end) - len(head) <= 1 for end in ends), (
        f"cut mid-way: {joined!r}"
    )


def test_numbers_are_not_phrase_ends() -> None:
    sentences, phrases, words, pieces = cut_points("exceeded 6.5% of 2,500 things. Next")
    assert sentences == [30] and phrases == [30]
    assert words == pieces == [8, 13, 16, 22, 30]
    assert cut_points("大赛2500余个")[3] == [1, 2, 6, 7]


def test_theme_cards_show_whole_summaries(qtbot: QtBot, shell: Shell) -> None:
    """On the themes page at 1920×1080 every card's summary shows whole, in both languages."""
    for _ in range(2):
        shell.nav.show(Route("themes"))
        shell.host.finish_transition()
        QApplication.processEvents()
        assert shell.host.page is not None
        cards = [c for c in shell.host.page.findChildren(Card) if c.eyebrow.isdigit()]
        assert len(cards) == len(shell.session.content.themes)
        for card in cards:
            _, lines = card.wrapped_texts()[1]
            assert len(lines) <= card.text_lines, f"{card.title}: summary shortened"
        shell.session.toggle_language()


def test_chinese_text_ends_with_the_chinese_ellipsis(qtbot: QtBot) -> None:
    """Chinese shortens with "……" (one "…" is the Latin mark), also in one unbroken run."""
    from kiosk.ui.text import elide

    run = "中关村国际技术交易大会" * 6
    assert elide(run, _font(), 200).endswith("……")
    assert elide(EN, _font(), 200).endswith("…") and not elide(EN, _font(), 200).endswith("……")
    assert wrap(ZH, _font(), 300, 2)[-1].endswith("……")


def test_a_two_clause_title_breaks_after_its_first_clause(qtbot: QtBot) -> None:
    font = QFont(_font())
    font.setPixelSize(32)
    title = "聚焦前沿科技，让美好未来触手可及"
    width = QFontMetricsF(font).horizontalAdvance(title[:-2]) + 1  # plain wrapping: 触手可/及
    assert len(wrap(title, font, width)) == 2
    assert wrap_title(title, font, width) == ["聚焦前沿科技，", "让美好未来触手可及"]
    # One line when it fits; no extra line for a clause that needs two lines itself.
    assert wrap_title(title, font, 2000) == [title]
    narrow = QFontMetricsF(font).horizontalAdvance("聚焦前沿") + 1
    assert len(wrap_title(title, font, narrow)) == len(wrap(title, font, narrow))


def test_a_card_taller_than_its_text_shows_more_of_it(qtbot: QtBot, shell: Shell) -> None:
    """A card stretched by its row (as tall as the tallest beside it) does not shorten its text
    while it has room for more lines; without that room it keeps to its usual lines."""
    card = Card("Kuafu-1", 1.0, theme=shell.theme, text=EN, text_lines=2)
    qtbot.addWidget(card)
    width = 420
    card.resize(width, card.heightForWidth(width))
    usual = card.body_lines()
    assert len(usual) == 2 and usual[-1].endswith("…")
    whole = card.wrapped_texts()[1][1]
    assert len(whole) > 2
    card.resize(width, card.heightForWidth(width) + 10 * round(QFontMetricsF(card.font()).height()))
    assert [line.strip() for line in card.body_lines()] == [line.strip() for line in whole]
    card.resize(width, card.heightForWidth(width) + 1)  # less than a line more: as usual
    assert card.body_lines() == usual


@pytest.mark.parametrize("route", ["voices", "achievements", "themes", "zone"])
def test_card_text_stays_inside_its_card(qtbot: QtBot, shell: Shell, route: str) -> None:
    """However many lines a card's row gives its text, the lines end above its bottom padding
    (a text shortened at a phrase's end stops short of its usual lines: the room it gains
    counts from where it stops)."""
    from kiosk.ui.text import line_height

    for _ in range(2):
        shell.nav.show(Route(route))
        shell.host.finish_transition()
        QApplication.processEvents()
        assert shell.host.page is not None
        cards = shell.host.page.findChildren(Card)
        assert cards
        for card in cards:
            blocks, head = card._shown_blocks()
            rest = blocks[1:] if card.eyebrow else blocks
            bottom = card._text_top(rest, head)
            bottom += sum(b.gap + line_height(b.font) * len(b.lines) for b in rest)
            assert bottom <= card.height() - card._pad() + 0.5, f"{card.title}: text overflows"
        shell.session.toggle_language()


def test_a_cards_height_follows_its_font_texts_and_layout(qtbot: QtBot) -> None:
    """Its heights are remembered: what changes them is part of what they are remembered by."""
    card = Card("数字经济标杆城市", 1.0, theme=THEME, text="全球数字经济标杆城市建设" * 3)
    qtbot.addWidget(card)
    heights = [card.heightForWidth(300)]

    def spaced() -> None:
        font = QFont(card.font())
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 40)  # as a style sheet might
        card.setFont(font)

    for change in (
        spaced,
        lambda: card.set_texts("数字经济", "全球数字经济标杆城市建设"),
        lambda: card.set_compact(True, body=False),
        lambda: setattr(card, "min_height", 2000),
    ):
        change()
        heights.append(card.heightForWidth(300))
        assert heights[-1] == card._height_for(300)  # as measured afresh
        assert heights[-1] != heights[-2]
