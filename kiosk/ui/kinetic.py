"""Kinetic scrolling without a leak: one gesture recognizer for every page, not one per page.

``QScroller.grabGesture`` registers a new gesture recognizer, with a new ``Qt.GestureType``
number, at every call; Qt never reuses the numbers, and PySide6 (6.11.3) keeps about 11 Python
objects for every new number it converts (a pseudo enum member and its class). The kiosk grabs
gestures for each scroll page it builds, and it builds a page at every navigation, language or
mode change: memory that never comes back (benchmarks/RESULTS-reliability.md).

The recognizer QScroller registers makes a gesture for whatever widget grabbed its type, and the
gesture drives that widget's own scroller; so one registration serves every viewport.
:func:`enable_kinetic` registers it once (through ``QScroller.grabGesture`` on a hidden anchor
widget) and has each viewport grab the registered type with ``QWidget.grabGesture``, which
registers nothing. :func:`release_kinetic` replaces ``QScroller.ungrabGesture`` for a viewport.

Only the left-mouse-button kind is grabbed, with touch events accepted, as
:func:`kiosk.ui.touch.enable_kinetic` ends up doing: its second ``grabGesture`` call (left mouse
button) ungrabs the first (touch), so a finger scrolls through the mouse events Qt synthesizes.
Grabbing the touch kind as well makes its undecided gesture swallow the first tap on a page that
replaced the one a tap just left (tests/test_kinetic.py keeps that case).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QScroller, QScrollerProperties, QWidget

_KINDS = (QScroller.ScrollerGestureType.LeftMouseButtonGesture,)
_anchors: dict[QScroller.ScrollerGestureType, tuple[QWidget, Qt.GestureType]] = {}


def gesture_type(kind: QScroller.ScrollerGestureType) -> Qt.GestureType:
    """The one registered gesture type of *kind* (registered at the first call)."""
    if kind not in _anchors:
        anchor = QWidget()  # never shown; holds the registration for the process
        anchor.setObjectName(f"kineticAnchor:{kind.name}")
        anchor.setProperty("kiosk_ignore_leak", True)
        _anchors[kind] = (anchor, QScroller.grabGesture(anchor, kind))
    return _anchors[kind][1]


def enable_kinetic(area: QAbstractScrollArea) -> None:
    """One-finger (and mouse-drag) kinetic scrolling with overshoot for *area*."""
    viewport = area.viewport()
    for kind in _KINDS:
        viewport.grabGesture(gesture_type(kind))
    viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
    scroller = QScroller.scroller(viewport)
    props = scroller.scrollerProperties()
    metric = QScrollerProperties.ScrollMetric
    on = QScrollerProperties.OvershootPolicy.OvershootWhenScrollable
    off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    props.setScrollMetric(metric.VerticalOvershootPolicy, on)
    props.setScrollMetric(metric.HorizontalOvershootPolicy, off)
    props.setScrollMetric(metric.OvershootDragResistanceFactor, 0.4)
    props.setScrollMetric(metric.OvershootScrollDistanceFactor, 0.15)
    props.setScrollMetric(metric.DragStartDistance, 0.004)
    props.setScrollMetric(metric.MousePressEventDelay, 0.0)
    scroller.setScrollerProperties(props)


def release_kinetic(area: QAbstractScrollArea) -> None:
    """Undo :func:`enable_kinetic` before *area* is deleted (the types stay registered)."""
    viewport = area.viewport()
    for kind in _KINDS:
        if kind in _anchors:
            viewport.ungrabGesture(_anchors[kind][1])
    QScroller.scroller(viewport).stop()
