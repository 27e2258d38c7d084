"""What assistive technology reads of the text: labels' plain words, and what is off screen.

Interfaces are queried again after every change (a kept interface may outlive its widget).
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QScrollArea
from pytestqt.qtbot import QtBot

from kiosk.content.breaks import JOINER
from kiosk.model.navigation import Route
from kiosk.ui.pages.base import Page
from kiosk.ui.shell import Shell


def _open(qtbot: QtBot, shell: Shell, route: Route) -> Page:
    shell.nav.home()
    shell.nav.go(route)
    qtbot.waitUntil(lambda: shell.nav.current == route and not shell.host.animating)
    page = shell.host.page
    assert page is not None
    return page


def _first_theme(shell: Shell) -> Route:
    theme = sorted(shell.session.content.themes, key=lambda t: t.number)[0]
    return Route("theme", theme.id)


def test_labels_read_as_plain_words_without_word_joiners(qtbot: QtBot, shell: Shell) -> None:
    page = _open(qtbot, shell, _first_theme(shell))
    labels = [label for label in page.findChildren(QLabel) if label.text()]
    assert any(JOINER in label.text() for label in labels), "the page is typeset"
    for label in labels:
        iface = QAccessible.queryAccessibleInterface(label)
        if iface is None:
            continue  # a decorative image, out of the tree
        name = str(iface.text(QAccessible.Text.Name))
        assert JOINER not in name, f"{name!r} is read with its word joiners"
        assert name, "every label with text is read"
        # Qt gives a label no text interface; should a later Qt give one, it must be clean too.
        text = iface.textInterface()
        if text is not None:
            assert JOINER not in text.text(0, text.characterCount())


def test_text_scrolled_out_of_view_is_off_screen(qtbot: QtBot, shell: Shell) -> None:
    page = _open(qtbot, shell, Route("zone"))
    area = page.findChild(QScrollArea)
    assert area is not None
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0, "the page scrolls"
    viewport = area.viewport()

    def placed() -> tuple[QLabel, QLabel]:
        labels = [label for label in page.findChildren(QLabel) if label.text()]
        labels.sort(key=lambda label: label.mapTo(viewport, label.rect().topLeft()).y())
        return labels[0], labels[-1]

    def offscreen(label: QLabel) -> bool:
        iface = QAccessible.queryAccessibleInterface(label)
        assert iface is not None
        return bool(iface.state().offscreen) and not iface.state().invisible

    top, bottom = placed()
    assert not offscreen(top), "the text in view is showing"
    assert offscreen(bottom), "the text below the view is not"
    bar.setValue(bar.maximum())  # a real scroll, as a finger or Down would do it
    qtbot.waitUntil(lambda: not offscreen(bottom))
    assert offscreen(top), "scrolled out of view at the top"
