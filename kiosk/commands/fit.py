"""Does every text fit? Lay every screen out offscreen and report what is cut, too small or
overlapping, naming the content field that holds the text (for ``kiosk check`` and the tests)."""

from __future__ import annotations

import dataclasses
import itertools
import os
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from kiosk.content import Content, Problem, Text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kiosk.ui.shell import Shell

#: The sizes ``kiosk check`` lays the screens out at: the usual booth screens, landscape and
#: portrait, a small laptop and 4K.
CHECK_SIZES = ((1920, 1080), (1080, 1920), (1366, 768), (3840, 2160))
#: The text sizes it lays them out in: normal and large text.
CHECK_LARGE = (False, True)


def texts_of(obj: object, path: str = "") -> Iterator[tuple[str, Text]]:
    """Every Text in a record, with its field path (``achievements[3].title``)."""
    if isinstance(obj, Text):
        yield path, obj
    elif isinstance(obj, tuple) and hasattr(obj, "_fields"):  # a record (a named tuple)
        for field, value in zip(obj._fields, obj, strict=True):
            yield from texts_of(value, f"{path}.{field}" if path else field)
    elif isinstance(obj, tuple | list):
        for i, item in enumerate(obj):
            yield from texts_of(item, f"{path}[{i}]")
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):  # the whole Content
        for field in dataclasses.fields(obj):
            if field.name not in ("index", "folder", "origin"):
                name = f"{path}.{field.name}" if path else field.name
                yield from texts_of(getattr(obj, field.name), name)


def screen_problems(shell: Shell, names: Sequence[str] = ()) -> list[str]:
    """What is wrong with the layout of the shell's current screen (empty when it is clean).

    *names* (people's names) must never be broken across two lines.
    """
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton

    from kiosk.ui.tokens import SIZE
    from kiosk.ui.widgets import Card

    problems: list[str] = []
    page = shell.host.page
    if page is None:
        return problems
    least = round(SIZE.tap * shell.factor) - 1
    transparent = Qt.WidgetAttribute.WA_TransparentForMouseEvents
    gap = round(SIZE.tap_gap * shell.factor) - 1
    # Page controls are checked against each other (the page scrolls under the bar, a separate
    # area), and the bar's controls against each other.
    for group in (page.findChildren(QAbstractButton), shell.bar.findChildren(QAbstractButton)):
        rects: list[tuple[str, QRect]] = []
        for button in group:
            if not button.isVisibleTo(shell) or button.testAttribute(transparent):
                continue  # hidden, or a part of a picture (an area on a plan), not a control
            rect = QRect(button.mapTo(shell, QPoint(0, 0)), button.size())
            name = button.accessibleName() or button.text()
            if rect.width() < least or rect.height() < least:
                problems.append(f"too small to touch ({rect.width()}x{rect.height()}): {name}")
            if rect.left() < 0 or rect.right() >= shell.width():
                problems.append(f"outside the window: {name}")
            if isinstance(button, Card) and button.title_cut():
                problems.append(f"text cut: {button.title}")
            elif isinstance(button, Card) and button.figure_cut():
                problems.append(f"text cut: {button.figure}")
            elif (
                isinstance(button, QPushButton)
                and button.text()
                and button.sizeHint().width() > button.width() + 1
            ):
                problems.append(f"text cut: {button.text()}")
            rects.append((name, rect))
        for i, (a, ra) in enumerate(rects):
            for b, rb in rects[i + 1 :]:
                if ra.adjusted(-gap, -gap, gap, gap).intersects(rb):
                    problems.append(f"overlapping or too close: {a} / {b}")
    for label in page.findChildren(QLabel) + shell.bar.findChildren(QLabel):
        if not label.isVisibleTo(shell) or not label.text() or label.property("elides"):
            continue  # a label that ends its text with "…" where it must does so on purpose
        if label.wordWrap():
            if label.heightForWidth(label.width()) > label.height() + 1:
                problems.append(f"text cut: {label.text()}")
        elif label.fontMetrics().horizontalAdvance(label.text()) > label.contentsRect().width() + 1:
            problems.append(f"text cut: {label.text()}")
    problems += _squeezed(page)
    problems += _break_problems(shell, names)
    return problems


def _squeezed(page: QWidget) -> list[str]:
    """The scrolling column of a page when it is lower than its content needs: Qt then squeezes
    what has no least height of its own (a figure wall) and clips it."""
    from kiosk.ui.pages.base import ScrollPage

    if not isinstance(page, ScrollPage) or not page.inner.hasHeightForWidth():
        return []
    needed = page.inner.heightForWidth(page.inner.width())
    if page.inner.height() < needed:
        return [f"column lower than its content, a part of it clipped: {page.route}"]
    return []


def _break_problems(shell: Shell, names: Sequence[str]) -> list[str]:
    """Line breaks a typesetter would not make: a word broken inside, a CJK character alone on
    a line, a name split across lines (labels and cards of the current screen)."""
    from PySide6.QtWidgets import QLabel

    from kiosk.content.breaks import break_problems
    from kiosk.ui.text import wrap
    from kiosk.ui.typeset import plain
    from kiosk.ui.widgets import Card
    from kiosk.ui.zone import Timeline

    page = shell.host.page
    if page is None:
        return []
    texts: list[tuple[str, list[str]]] = []
    for label in page.findChildren(QLabel):
        if label.isVisibleTo(shell) and label.wordWrap() and label.text():
            width = label.contentsRect().width()
            for paragraph in label.text().split("\n"):  # a line break of its own is no cut
                texts.append((paragraph, wrap(paragraph, label.font(), width, raw=True)))
    for painted in page.findChildren(Card) + page.findChildren(Timeline):
        if painted.isVisibleTo(shell):
            texts += painted.wrapped_texts()
    problems = []
    for text, lines in texts:
        judged = break_problems([plain(line) for line in lines], names)
        problems += [f"{what}: {plain(text)}" for what in judged]
    return problems


def fit_problems(
    content: Content,
    sizes: Sequence[tuple[int, int]] = CHECK_SIZES,
    langs: Sequence[str] = ("zh", "en"),
    large: Sequence[bool] = CHECK_LARGE,
) -> list[Problem]:
    """Lay out every screen of *content* at *sizes* in *langs*, in normal and (*large*) large
    text; one Problem per misfit."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from kiosk.app import create_application
    from kiosk.model.routes import all_routes
    from kiosk.model.session import Session
    from kiosk.model.settings import Settings
    from kiosk.ui.shell import Shell

    quiet_qt()
    app = QApplication.instance() or create_application("kiosk-check")
    names = content.speaker_names()
    where: dict[str, str] = {}
    for path, value in texts_of(content):
        where.setdefault(value.zh, path)
        where.setdefault(value.en, path)
    found: dict[tuple[str, str], list[str]] = {}
    for (width, height), lang, large_text in itertools.product(sizes, langs, large):
        settings = Settings.defaults().replace(language=lang)
        shell = Shell(Session(content, settings), kiosk_mode=False, animate=False)
        shell.resize(width, height)
        shell.show()
        shell.session.set_mode("large_text", large_text)
        mode = " in large text" if large_text else ""
        for route in all_routes(content):
            if route.page == "attract":
                continue
            shell.nav.show(route)
            shell.host.finish_transition()
            QCoreApplication.processEvents()
            for problem in screen_problems(shell, names):
                screens = found.setdefault((problem, lang), [])
                screens.append(f"{route} at {width}x{height}{mode}")
        shell.close()
        shell.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del app
    problems = []
    for (problem, lang), screens in found.items():
        path = where.get(problem.split(": ", 1)[-1], "")
        more = f" (+{len(screens) - 1} more)" if len(screens) > 1 else ""
        message = f"{problem} [{lang}, screen {screens[0]}{more}]"
        problems.append(Problem(_file_for(path, content), path, message))
    return problems


def _file_for(path: str, content: Content) -> str:
    section = path.split("[", 1)[0].split(".", 1)[0]
    return content.origin.get(section, "layout")


def quiet_qt() -> None:
    """Offscreen rendering makes the platform plugin chatty: keep its notes out of the console."""
    import logging

    qt = logging.getLogger("qt")
    if not qt.handlers:
        qt.addHandler(logging.NullHandler())
        qt.propagate = False
