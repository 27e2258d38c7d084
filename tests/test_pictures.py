"""Pictures that mean something: the zone area's place on the site plan, a drawing of an
achievement's field, the first sentence on a voice card, the whole plan on the zone page's first
screen, and a photographer's credit only under a real photo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content import Content, Lang
from kiosk.content.model import Image, Text
from kiosk.model.navigation import Navigation, Route
from kiosk.model.session import Session
from kiosk.model.settings import Settings
from kiosk.ui.images import ImageFigure
from kiosk.ui.pages.base import PageContext
from kiosk.ui.pages.factory import build_page
from kiosk.ui.pages.items import AchievementPage, AreaPage
from kiosk.ui.pages.sections import VoicesPage, ZonePage
from kiosk.ui.pictures import field_picture, motif
from kiosk.ui.quotes import first_sentence, shortened
from kiosk.ui.shell import Shell
from kiosk.ui.strings import ui
from kiosk.ui.tokens import THEME, Theme, theme_for
from kiosk.ui.widgets import Card
from kiosk.ui.zone import SitePlan

LANGS: tuple[Lang, ...] = ("zh", "en")


def _ctx(content: Content, lang: Lang, theme: Theme = THEME) -> PageContext:
    return PageContext(content, lang, 1.0, Navigation(), theme.still())


@pytest.mark.parametrize("lang", LANGS)
def test_a_zone_area_page_shows_the_plan_with_that_area_marked(
    qtbot: QtBot, content: Content, lang: Lang
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    zone = content.zone
    for area in zone.areas:
        page = build_page(_ctx(content, lang), Route("zone-area", area.id), parent=parent)
        assert isinstance(page, AreaPage)
        plan = page.plan
        assert isinstance(plan, SitePlan) and plan.marked == area.id
        expected = ui("zone.plan.area", lang, area=area.name.get(lang), zone=zone.name.get(lang))
        assert plan.accessibleName() == expected
        states = {b.area_id: b.state for b in plan.buttons}
        assert states[area.id] == "marked"
        assert {s for a, s in states.items() if a != area.id} == {"muted"}
        for button in plan.buttons:  # a picture: nothing to tap or focus
            assert not button.isEnabled() and not button.focusPolicy()
        # No placeholder panel repeating the zone's name where the picture goes.
        labels = [w.text() for w in page.findChildren(QLabel)]
        assert labels.count(zone.short_name.get(lang)) == 1  # the eyebrow alone


@pytest.mark.parametrize("high", [False, True])
def test_the_marked_area_stands_out_from_the_muted_ones(
    qtbot: QtBot, content: Content, high: bool
) -> None:
    theme = theme_for({"high_contrast": high}, animate=False)
    zone = content.zone
    plan = SitePlan(zone, "en", 1.0, theme=theme, marked="zone-rnd")
    qtbot.addWidget(plan)
    plan.resize(640, 360)
    plan.show()
    qtbot.waitExposed(plan)
    image = plan.grab().toImage()
    marked = next(b for b in plan.buttons if b.state == "marked")
    muted = next(b for b in plan.buttons if b.state == "muted")

    def edge(button: QWidget) -> QColor:
        g = button.geometry()
        return QColor(image.pixel(g.center().x(), g.top() + 1))

    assert edge(marked).name() != edge(muted).name()
    assert edge(marked).name() == QColor(marked.colour).name()


def test_every_item_page_shows_a_picture_or_a_figure(qtbot: QtBot, content: Content) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    for lang in LANGS:
        for a in content.achievements:
            page = build_page(_ctx(content, lang), Route("achievement", a.id), parent=parent)
            assert isinstance(page, AchievementPage)
            if a.key_figure is None:
                assert isinstance(page.picture, QLabel) and not page.picture.pixmap().isNull()
            else:
                assert page.hero_tile is not None and page.picture is None
            for figure in page.findChildren(ImageFigure):
                assert not figure.missing


def test_fields_have_drawings_of_their_own(content: Content) -> None:
    drawn = [motif(a.icon) for a in content.achievements if a.key_figure is None]
    assert "grid" not in drawn  # each field without a figure has a drawing of its own
    assert len(set(drawn)) == len(drawn)  # no drawing stands for two fields
    for high in (False, True):
        theme = theme_for({"high_contrast": high}, animate=False)
        pixmap = field_picture("mdi6.antenna", 520, 320, theme)
        image = pixmap.toImage()
        colours = {image.pixel(x, y) for x in range(0, 520, 8) for y in range(0, 320, 8)}
        assert len(colours) > 4


def test_the_first_sentence_of_a_quote() -> None:
    assert first_sentence("一句话。第二句。") == "一句话。"
    assert first_sentence("“夸父一号”很好！然后") == "“夸父一号”很好！"
    assert first_sentence("It grew 6.5% in 2022. Then more.") == "It grew 6.5% in 2022."
    assert first_sentence("He said “go.” Then left.") == "He said “go.”"
    assert first_sentence("No end at all") == "No end at all"


@pytest.mark.parametrize("lang", LANGS)
def test_voice_cards_show_the_first_sentence_of_the_quote(
    qtbot: QtBot, content: Content, lang: Lang
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    page = build_page(_ctx(content, lang), Route("voices"), parent=parent)
    assert isinstance(page, VoicesPage)
    cards = page.findChildren(Card)
    assert len(cards) == len(content.voices)
    for card, voice in zip(cards, content.voices, strict=True):
        quote = voice.quote.get(lang)
        assert card.quote and quote.startswith(card.quote)
        assert card.quote == quote.strip() or card.quote[-1] in "。！？.!?”’"
        assert card.quote in card.accessibleDescription()


@pytest.mark.parametrize(
    "text",
    [
        "AI has become the focus of human innovation, and more and more people recognize that "
        "the Fourth Industrial Revolution is arriving, with AI as its hallmark.",
        "人工智能成为人类创新的焦点，越来越多的人认可第四次工业革命正在到来，而这次革命的标志就是人工智能。",
        "Basic research investment will lay a better foundation for future research and "
        "innovation in every field we know of today",
    ],
)
def test_a_long_quote_is_shortened_at_a_phrase_or_word_end(qtbot: QtBot, text: str) -> None:
    font = QFont(QApplication.font())
    font.setPixelSize(28)
    lines = shortened(text, font, 360, 2)
    assert 1 <= len(lines) <= 2
    shown = "".join(lines) if not text.isascii() else " ".join(lines)
    mark = "…" if text.isascii() else "……"  # Chinese writes its ellipsis as six dots
    assert shown.endswith(mark) and not shown.endswith(mark + "…")
    head = shown[: -len(mark)].rstrip("，、；：,;: ")
    assert text.startswith(head)
    after = text[len(head) :]
    assert after[:1] in " ，、；：,;:" or not (head[-1].isascii() or after[:1].isascii())


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)], ids=["1920x1080", "1366x768"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_zone_page_shows_the_whole_plan_on_its_first_screen(
    qtbot: QtBot, content: Content, lang: Lang, size: tuple[int, int]
) -> None:
    settings = Settings.defaults().replace(language=lang, transition_ms=150)
    shell = Shell(Session(content, settings), kiosk_mode=False, animate=False)
    qtbot.addWidget(shell)
    shell.resize(*size)
    shell.show()
    qtbot.waitExposed(shell)
    shell.nav.show(Route("zone"))
    shell.host.finish_transition()
    page = shell.host.page
    assert isinstance(page, ZonePage)
    viewport = page.scroll_area.viewport()
    area = QRect(viewport.mapTo(shell, QPoint(0, 0)), viewport.size())

    def fits() -> bool:
        QApplication.processEvents()
        rect = QRect(page.plan.mapTo(shell, QPoint(0, 0)), page.plan.size())
        return area.contains(rect) and rect.height() > 0

    qtbot.waitUntil(fits, timeout=2000)
    for button in page.plan.buttons:  # every area on screen, and each still a tap target
        rect = QRect(button.mapTo(shell, QPoint(0, 0)), button.size())
        assert area.contains(rect), (button.text(), rect, area)
        assert button.isEnabled() and button.focusPolicy()
    shell.allow_close()
    shell.close()


def test_only_a_real_photo_carries_a_photographer_credit(qtbot: QtBot) -> None:
    alt, caption = Text(zh="图", en="Picture"), Text(zh="展厅。", en="The hall.")
    credit = Text(zh="本报记者 贺勇摄", en="Photo: He Yong")
    image = Image(src=":/illustrations/photo-vr.svg", alt=alt, caption=caption, credit=credit)
    drawing = ImageFigure(image, "en", 1.0, stand_in=True, theme=THEME)
    photo = ImageFigure(image, "en", 1.0, stand_in=False, theme=THEME)
    qtbot.addWidget(drawing)
    qtbot.addWidget(photo)
    assert drawing.credit is None and "He Yong" not in drawing.accessibleDescription()
    assert photo.credit == credit and "He Yong" in photo.accessibleDescription()
    assert drawing.heightForWidth(800) < photo.heightForWidth(800)  # no credit line
