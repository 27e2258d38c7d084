"""The application's one event filter (kiosk.adapters.input_hub): who is asked, in what order,
for which events; and that nothing else in the kiosk filters the whole application."""

from __future__ import annotations

import ast
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.adapters import input_hub

PACKAGE = Path(__file__).resolve().parent.parent / "kiosk"


class Listener(QObject):
    """Notes what it is handed; swallows it when told to."""

    def __init__(self, name: str, log: list[tuple[str, QEvent.Type]], swallow: bool = False):
        super().__init__()
        self.name, self.log, self.swallow = name, log, swallow

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        self.log.append((self.name, event.type()))
        return self.swallow


def _hub() -> input_hub.InputHub:
    found = input_hub.hub()
    assert found is not None
    return found


def test_one_hub_per_application(qapp: QApplication) -> None:
    first, second = _hub(), _hub()
    assert first is second
    assert first.parent() is qapp
    assert len(qapp.findChildren(input_hub.InputHub)) == 1


def test_listeners_get_only_their_events_the_last_added_first(qtbot: QtBot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    log: list[tuple[str, QEvent.Type]] = []
    keys = Listener("keys", log)
    presses = Listener("presses", log)
    assert input_hub.listen(keys, [QEvent.Type.KeyPress])
    assert input_hub.listen(presses, [QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress])
    try:
        QTest.keyClick(field, Qt.Key.Key_A)
        assert log == [("presses", QEvent.Type.KeyPress), ("keys", QEvent.Type.KeyPress)]
        assert field.text() == "a"
    finally:
        input_hub.stop_listening(keys)
        input_hub.stop_listening(presses)
    log.clear()
    QTest.keyClick(field, Qt.Key.Key_B)
    assert log == []
    assert field.text() == "ab"


def test_a_listener_that_returns_true_stops_the_event(qtbot: QtBot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    log: list[tuple[str, QEvent.Type]] = []
    first = Listener("first", log)
    guard = Listener("guard", log, swallow=True)
    input_hub.listen(first, [QEvent.Type.KeyPress])
    input_hub.listen(guard, [QEvent.Type.KeyPress])
    try:
        QTest.keyClick(field, Qt.Key.Key_A)
    finally:
        input_hub.stop_listening(first)
        input_hub.stop_listening(guard)
    assert log == [("guard", QEvent.Type.KeyPress)]
    assert field.text() == "", "the key went past the guard"


def test_adding_again_moves_a_listener_to_the_front(qtbot: QtBot) -> None:
    hub = _hub()
    log: list[tuple[str, QEvent.Type]] = []
    a, b = Listener("a", log), Listener("b", log)
    hub.add(a, [QEvent.Type.KeyPress])
    hub.add(b, [QEvent.Type.KeyPress])
    hub.add(a, [QEvent.Type.KeyPress])
    try:
        assert hub.listeners[:2] == [a, b]
    finally:
        hub.remove(a)
        hub.remove(b)
    assert a not in hub.listeners and b not in hub.listeners


def test_a_deleted_listener_is_never_called_and_goes(qtbot: QtBot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    log: list[tuple[str, QEvent.Type]] = []
    listener = Listener("gone", log)
    input_hub.listen(listener, [QEvent.Type.KeyPress])
    assert listener in _hub().listeners
    shiboken6.delete(listener)
    QTest.keyClick(field, Qt.Key.Key_A)  # would call into the deleted object
    assert log == []
    assert field.text() == "a"
    assert all(shiboken6.isValid(entry) for entry in _hub().listeners), "it went at the event"


def test_an_object_without_an_event_filter_is_refused() -> None:
    try:
        _hub().add(object(), [QEvent.Type.KeyPress])  # type: ignore[arg-type]
    except TypeError as error:
        assert "eventFilter" in str(error)
    else:
        raise AssertionError("accepted an object that cannot filter")


def _application_filters(source: str) -> list[int]:
    """The lines of *source* that install an event filter on the application (a receiver
    named like ``app``, or ``X.instance()``)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in ("installEventFilter", "removeEventFilter"):
            continue
        receiver = node.func.value
        if isinstance(receiver, ast.Call):
            receiver = receiver.func  # X.instance(): its attribute is "instance"
        name = receiver.id if isinstance(receiver, ast.Name) else ""
        attribute = receiver.attr if isinstance(receiver, ast.Attribute) else ""
        if "app" in name.lower() or attribute == "instance":
            lines.append(node.lineno)
    return lines


def test_the_finder_finds_application_filters() -> None:
    source = (
        "app.installEventFilter(x)\n"
        "QApplication.instance().installEventFilter(y)\n"
        "widget.installEventFilter(z)\n"
        "qapp.removeEventFilter(x)\n"
    )
    assert _application_filters(source) == [1, 2, 4]


def test_only_the_hub_filters_the_whole_application() -> None:
    """Every other Python filter on the application would be called for every event of every
    object (building a page sends thousands): listeners go through the hub."""
    found = {
        str(path.relative_to(PACKAGE)): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if (lines := _application_filters(path.read_text(encoding="utf-8")))
    }
    assert list(found) == ["adapters/input_hub.py"], found
    assert len(found["adapters/input_hub.py"]) == 1, found
