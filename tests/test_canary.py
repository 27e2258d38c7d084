"""Canary: PySide6 6.12.0 on Python 3.11 lowers the reference count of None on every void call.

After a few thousand such calls the process aborts with ``Fatal Python error: none_dealloc``.
pyproject.toml excludes that release; this test catches it (or a relapse) in whatever is installed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_leave_none_refcount_alone() -> None:
    obj = QObject()
    calls = 5000
    before = sys.getrefcount(None)
    for _ in range(calls):
        obj.setObjectName("canary")  # a void Qt call: returns None
    after = sys.getrefcount(None)
    # A healthy binding moves the count by a handful at most; the broken one by -calls.
    assert abs(after - before) < calls // 10, (before, after)
