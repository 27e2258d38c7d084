"""Shows the start picture on the screen Qt is given and prints its window's id, then waits for
its standard input to close. Used by tests/test_start_x11.py under Xvfb.

The first StartPicture keeps the picture of a full-screen window; the second shows it, as the
kiosk's second start does before its own modules are imported.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.start_picture import StartPicture


class Window(QWidget):
    """A window as big as the screen that paints one colour."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#102040"))
        painter.end()


def main(folder: Path) -> int:
    app = QApplication([sys.argv[0]])
    content = folder / "content"
    content.mkdir(parents=True, exist_ok=True)
    (content / "forum.toml").write_text('name = "Forum"\n', encoding="utf-8")
    window = Window()
    screen = app.primaryScreen()
    window.setGeometry(screen.geometry())
    window.show()
    app.processEvents()
    first = StartPicture.show(app, folder / "pictures", 0, "Settings()", content)
    written = first.hand_over(window)
    if written is None:
        print("no picture kept", file=sys.stderr)
        return 1
    written.result(timeout=30)
    window.close()
    second = StartPicture.show(app, folder / "pictures", 0, "Settings()", content)
    pictures = [w for w in app.topLevelWidgets() if w.objectName() == "startPicture"]
    if not second.shown or not pictures:
        print("the picture was not shown", file=sys.stderr)
        return 1
    print(int(pictures[0].winId()), flush=True)
    sys.stdin.read()  # until the test is done looking
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
