"""Content images: illustrations, editors' photos, and a designed placeholder for a missing one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPixmap
from pytestqt.qtbot import QtBot

from kiosk.content import Text
from kiosk.content.model import Image
from kiosk.ui import images
from kiosk.ui.images import ImageFigure
from kiosk.ui.tokens import THEME

ALT = Text("示意插图", "Illustration")
CAPTION = Text("展厅", "The hall")
CREDIT = Text("本报记者 贺勇摄", "Photo: He Yong")


def show(qtbot: QtBot, figure: ImageFigure) -> QImage:
    qtbot.addWidget(figure)
    figure.resize(800, figure.heightForWidth(800))
    figure.show()
    qtbot.waitExposed(figure)
    return figure.grab().toImage()


def colours(image: QImage) -> int:
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), 16)
            for y in range(0, image.height(), 16)
        }
    )


def test_bundled_illustration_is_drawn(qtbot: QtBot) -> None:
    image = Image(src=":/illustrations/photo-vr.svg", alt=ALT, caption=CAPTION, credit=CREDIT)
    figure = ImageFigure(image, "en", 1.0, stand_in=True, theme=THEME)
    grabbed = show(qtbot, figure)
    assert not figure.missing
    assert figure.accessibleName() == "Illustration"
    # A drawing standing in for a photo: the caption, but not the photographer's credit.
    assert figure.accessibleDescription() == "The hall"
    assert colours(grabbed) > 20
    assert figure.heightForWidth(800) > 800 * 1000 / 1600  # the picture plus its caption


def test_an_editors_photo_is_read_from_the_content_folder(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    photo = QImage(320, 200, QImage.Format.Format_RGB32)
    photo.fill(QColor("#336699"))
    assert photo.save(str(tmp_path / "photos" / "hall.png"))
    image = Image(src="photos/hall.png", alt=ALT, caption=CAPTION)
    figure = ImageFigure(image, "zh", 1.0, folder=tmp_path, theme=THEME)
    grabbed = show(qtbot, figure)
    assert not figure.missing
    assert QColor(grabbed.pixel(400, 200)).name() == "#336699"
    assert figure.heightForWidth(800) >= 500


@pytest.mark.parametrize(
    "src", [":/illustrations/no-such.svg", "photos/gone.jpg", "photos/bad.png"]
)
def test_a_missing_or_broken_image_shows_a_placeholder(
    qtbot: QtBot, tmp_path: Path, src: str
) -> None:
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "bad.png").write_bytes(b"not a png at all")
    image = Image(src=src, alt=ALT, caption=CAPTION, credit=CREDIT)
    figure = ImageFigure(image, "en", 1.0, folder=tmp_path, theme=THEME)
    grabbed = show(qtbot, figure)
    assert figure.missing
    assert colours(grabbed) > 2  # the designed placeholder: panel, icon, text, caption
    assert figure.heightForWidth(800) > 400
    assert figure.accessibleName() == "Illustration"


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[QSize]:
    """The sizes drawings are rendered at, in order, from here on."""
    sizes: list[QSize] = []
    real = images.render

    def render(source: images._Source, size: QSize) -> QPixmap:
        sizes.append(size)
        return real(source, size)

    monkeypatch.setattr(images, "render", render)
    return sizes


def test_a_drawing_is_rendered_at_its_size_before_it_is_painted(
    qtbot: QtBot, rendered: list[QSize]
) -> None:
    """A page change paints the new page in short bands: the render is not left to them."""
    image = Image(src=":/illustrations/photo-robot.svg", alt=ALT, caption=CAPTION)
    figure = ImageFigure(image, "en", 1.0, theme=THEME)
    qtbot.addWidget(figure)
    figure.setUpdatesEnabled(False)  # as a page built beneath the one on screen: no paint
    figure.resize(640, figure.heightForWidth(640))
    figure.show()
    size = QSize(640, figure._picture_height(640))
    qtbot.waitUntil(lambda: size in rendered, timeout=2000)
    figure.setUpdatesEnabled(True)
    grabbed = figure.grab().toImage()  # painted from the render made before: not rendered again
    assert rendered == [size]
    assert colours(grabbed) > 20


def test_several_drawings_are_rendered_one_a_turn(qtbot: QtBot, rendered: list[QSize]) -> None:
    """The theme page with four drawings rendered them all in one turn (40-75 ms)."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    turns: list[int] = []  # the renders done at each turn of the queue
    queue = images.RenderTurns.of_application()
    step = queue._next

    def counted() -> None:
        before = len(rendered)
        step()
        turns.append(len(rendered) - before)

    queue._timer.timeout.disconnect()
    queue._timer.timeout.connect(counted)
    try:
        page = QWidget()
        qtbot.addWidget(page)
        page.setUpdatesEnabled(False)  # built beneath the page on screen: no paint renders them
        column = QVBoxLayout(page)
        names = ("photo-robot", "photo-vr", "photo-exterior")
        for name in names:
            image = Image(src=f":/illustrations/{name}.svg", alt=ALT, caption=CAPTION)
            column.addWidget(ImageFigure(image, "en", 1.0, theme=THEME))
        page.resize(400, 1200)
        page.show()
        qtbot.waitUntil(lambda: len(rendered) == len(names), timeout=3000)
        assert turns and max(turns) == 1, turns
        assert queue.waiting == 0
    finally:
        queue._timer.timeout.disconnect()
        queue._timer.timeout.connect(step)
