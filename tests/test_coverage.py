"""Every fact of the content is on some screen, in Chinese and in English.

The walk goes through the navigation model over every route, and reads what each screen shows:
label and button texts, and the accessible names and descriptions of painted widgets (figures,
site plan, diagrams, images).
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.commands.fit import texts_of
from kiosk.content import Content, Lang
from kiosk.model.navigation import HOME, Change
from kiosk.model.routes import all_routes
from kiosk.model.settings import Settings
from kiosk.ui.shell import Shell

_SPACE = re.compile(r"\s+")


def screen_text(widget: QWidget) -> str:
    parts = []
    for w in [widget, *widget.findChildren(QWidget)]:
        parts += [w.accessibleName(), w.accessibleDescription()]
        if isinstance(w, QLabel | QAbstractButton):
            parts.append(w.text())
    return _SPACE.sub(" ", "\n".join(parts))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_content_text_is_on_some_screen(qtbot: QtBot, content: Content, lang: Lang) -> None:
    shell = Shell(
        content, Settings.defaults().replace(language=lang), kiosk_mode=False, animate=False
    )
    qtbot.addWidget(shell)
    shell.resize(1920, 1080)
    shell.show()
    seen = []
    for route in all_routes(content):
        shell.nav.stack = [route] if route.page in ("attract", "home") else [HOME, route]
        shell._on_change(Change(route, "reset", len(shell.nav.stack)))
        shell.host.finish_transition()
        assert shell.host.page is not None
        seen.append(screen_text(shell.host.page))
    corpus = "\n".join(seen)
    all_texts = list(texts_of(content))
    assert len(all_texts) > 500
    assert "此句不在任何页面 / not on any screen" not in corpus  # the check can fail
    missing = [
        f"{path}: {text.get(lang)[:60]}"
        for path, text in all_texts
        if _SPACE.sub(" ", text.get(lang)) not in corpus
    ]
    assert not missing, f"{len(missing)} texts on no screen:\n" + "\n".join(missing)
