"""Content images: illustrations, editors' photos, and a designed placeholder for a missing one."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QImageIOHandler, QImageWriter
from pytestqt.qtbot import QtBot

from kiosk.content import Text
from kiosk.content.model import Image
from kiosk.ui import images, worker
from kiosk.ui.images import ImageFigure
from kiosk.ui.tokens import THEME
from kiosk.ui.worker import Worker

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


def photo_file(folder: Path, name: str, width: int, height: int) -> str:
    """A photo of one colour (#336699) saved as photos/*name* in *folder*: its ``src``."""
    (folder / "photos").mkdir(exist_ok=True)
    photo = QImage(width, height, QImage.Format.Format_RGB32)
    photo.fill(QColor("#336699"))
    assert photo.save(str(folder / "photos" / name))
    return f"photos/{name}"


def test_an_editors_photo_is_read_from_the_content_folder(qtbot: QtBot, tmp_path: Path) -> None:
    image = Image(src=photo_file(tmp_path, "hall.png", 320, 200), alt=ALT, caption=CAPTION)
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


class Renders:
    """The drawings rendered from here on: (size, on the main thread?), in order. With *hold*
    set, the worker thread waits at its next render until *release* is called."""

    def __init__(self) -> None:
        self.done: list[tuple[QSize, bool]] = []
        self.hold = False
        self._gate = threading.Event()
        self.held = threading.Event()  # the worker waits at the gate

    def release(self) -> None:
        self._gate.set()

    def __call__(self, path: str, size: QSize) -> QImage:
        on_main = threading.current_thread() is threading.main_thread()
        if self.hold and not on_main:
            self.hold = False
            self.held.set()
            assert self._gate.wait(10), "the test never released the worker"
        self.done.append((QSize(size), on_main))
        return REAL_RASTERISE(path, size)


REAL_RASTERISE = worker.rasterise


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> Iterator[Renders]:
    """Every drawing rendered from here on (by the worker or on the main thread)."""
    spy = Renders()
    monkeypatch.setattr(worker, "rasterise", spy)
    monkeypatch.setattr(images, "rasterise", spy)
    yield spy
    spy.release()


def drawing(qtbot: QtBot, name: str, width: int) -> tuple[ImageFigure, QSize]:
    """A figure with the drawing *name*, shown *width* wide as a page built beneath the one on
    screen (no paint), and the size of its picture."""
    image = Image(src=f":/illustrations/{name}.svg", alt=ALT, caption=CAPTION)
    figure = ImageFigure(image, "en", 1.0, theme=THEME)
    qtbot.addWidget(figure)
    figure.setUpdatesEnabled(False)
    figure.resize(width, figure.heightForWidth(width))
    return figure, QSize(width, figure._picture_height(width))


def test_a_drawing_is_rendered_beside_the_main_thread_before_it_is_painted(
    qtbot: QtBot, rendered: Renders
) -> None:
    """A page change paints the new page in short bands: the render is left neither to them nor
    to the main thread (30-55 ms across a page at 1080p)."""
    figure, size = drawing(qtbot, "photo-robot", 640)
    with qtbot.waitSignal(Worker.of_application().finished, timeout=5000) as signal:
        figure.show()
    assert signal.args == [":/illustrations/photo-robot.svg", size]
    figure.setUpdatesEnabled(True)
    grabbed = figure.grab().toImage()  # painted from the worker's render: not rendered again
    assert rendered.done == [(size, False)]
    assert colours(grabbed) > 20


def test_a_paint_before_the_worker_is_done_shows_the_drawing(
    qtbot: QtBot, rendered: Renders
) -> None:
    """Never an empty figure: a paint waits for the drawing the worker is on, and renders one it
    has not started."""
    rendered.hold = True
    first, first_size = drawing(qtbot, "photo-vr", 600)
    second, second_size = drawing(qtbot, "photo-exterior", 500)
    first.show()  # the worker starts on it and waits at the gate
    assert rendered.held.wait(10)
    second.show()  # queued behind it
    for figure in (first, second):
        figure.setUpdatesEnabled(True)
    second_image = second.grab().toImage()  # taken back from the queue, rendered here
    assert rendered.done == [(second_size, True)]
    rendered.release()
    first_image = first.grab().toImage()  # waits for the worker
    assert rendered.done == [(second_size, True), (first_size, False)]
    assert colours(first_image) > 20
    assert colours(second_image) > 20


def near(colour: QColor, expected: QColor) -> bool:
    return all(
        abs(a - b) <= 3 for a, b in zip(colour.getRgb()[:3], expected.getRgb()[:3], strict=True)
    )


def test_an_editors_photo_is_decoded_beside_the_main_thread_at_its_size(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 12-megapixel JPEG takes about 90 ms to decode: read at the page's build, it held the
    main thread."""
    decoded: list[tuple[QSize, bool]] = []
    real = images.read_photo

    def spy(path: str, size: QSize) -> QImage:
        decoded.append((QSize(size), threading.current_thread() is threading.main_thread()))
        return real(path, size)

    monkeypatch.setattr(images, "read_photo", spy)
    image = Image(src=photo_file(tmp_path, "hall.jpg", 1600, 1000), alt=ALT, caption=CAPTION)
    figure = ImageFigure(image, "zh", 1.0, folder=tmp_path, theme=THEME)
    assert decoded == []  # not at the build
    qtbot.addWidget(figure)
    figure.setUpdatesEnabled(False)
    figure.resize(400, figure.heightForWidth(400))
    with qtbot.waitSignal(Worker.of_application().finished, timeout=5000):
        figure.show()
    figure.setUpdatesEnabled(True)
    grabbed = figure.grab().toImage()
    assert decoded == [(QSize(400, 250), False)]
    assert near(QColor(grabbed.pixel(200, 120)), QColor("#336699"))  # JPEG: within a step


def test_a_photo_turned_by_its_exif_orientation_is_shown_upright(
    qtbot: QtBot, tmp_path: Path
) -> None:
    (tmp_path / "photos").mkdir()
    photo = QImage(300, 100, QImage.Format.Format_RGB32)
    photo.fill(QColor("#336699"))
    writer = QImageWriter(str(tmp_path / "photos" / "tall.jpg"))
    writer.setTransformation(QImageIOHandler.Transformation.TransformationRotate90)
    assert writer.write(photo), writer.errorString()
    image = Image(src="photos/tall.jpg", alt=ALT)
    figure = ImageFigure(image, "en", 1.0, folder=tmp_path, captions=False, theme=THEME)
    assert figure.heightForWidth(100) == 300  # upright: a hundred wide, three hundred tall
    grabbed = show(qtbot, figure)
    assert near(QColor(grabbed.pixel(400, 1200)), QColor("#336699"))


def test_a_photo_unreadable_past_its_header_shows_the_placeholder(
    qtbot: QtBot, tmp_path: Path
) -> None:
    src = photo_file(tmp_path, "cut.png", 640, 400)
    path = tmp_path / src
    path.write_bytes(path.read_bytes()[:200])  # its header, then nothing
    image = Image(src=src, alt=ALT, caption=CAPTION)
    figure = ImageFigure(image, "en", 1.0, folder=tmp_path, theme=THEME)
    grabbed = show(qtbot, figure)
    gone = Image(src="photos/gone.png", alt=ALT, caption=CAPTION)
    placeholder = show(qtbot, ImageFigure(gone, "en", 1.0, folder=tmp_path, theme=THEME))
    assert grabbed == placeholder  # the designed placeholder, as for a missing photo
