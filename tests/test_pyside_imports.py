"""PySide's question about every module imported after it, answered the quick way."""

from __future__ import annotations

import sys
from types import ModuleType

import kiosk.app  # noqa: F401 - installs the quick answer, as the kiosk's start does
from kiosk.adapters import pyside_imports


def _question() -> object:
    return getattr(sys.modules[pyside_imports.FEATURE_MODULE], "_mod_uses_pyside")  # noqa: B009


def test_the_kiosk_answers_pysides_question_the_quick_way() -> None:
    question = _question()
    assert hasattr(question, "original"), "PySide reads every module's source through linecache"
    assert pyside_imports.install(), "installing again changes nothing"
    assert _question() is question


def test_the_quick_answer_is_pysides_own() -> None:
    question = _question()
    original = question.original  # type: ignore[attr-defined]
    modules = [m for m in list(sys.modules.values()) if isinstance(m, ModuleType)]
    answers = {m.__name__: question(m) for m in modules}  # type: ignore[operator]
    assert answers == {m.__name__: original(m) for m in modules}
    assert answers["kiosk.app"] and answers["kiosk.ui.shell"], "modules that use PySide"
    assert not answers["kiosk.model.session"] and not answers["json"], "and modules that do not"
    assert not answers["sys"], "a built-in module has no source"
