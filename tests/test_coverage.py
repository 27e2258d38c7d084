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
from kiosk.content import Content, Lang, Text
from kiosk.model.navigation import Route
from kiosk.model.routes import all_routes
from kiosk.model.session import Session
from kiosk.model.settings import Settings
from kiosk.ui.shell import Shell
from kiosk.ui.typeset import plain

_SPACE = re.compile(r"\s+")


def screen_text(widget: QWidget) -> str:
    parts = []
    for w in [widget, *widget.findChildren(QWidget)]:
        parts += [w.accessibleName(), w.accessibleDescription()]
        if isinstance(w, QLabel | QAbstractButton):
            parts.append(w.text())
    return _SPACE.sub(" ", plain("\n".join(parts)))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_content_text_is_on_some_screen(qtbot: QtBot, content: Content, lang: Lang) -> None:
    settings = Settings.defaults().replace(language=lang)
    shell = Shell(Session(content, settings), kiosk_mode=False, animate=False)
    qtbot.addWidget(shell)
    shell.resize(1920, 1080)
    shell.show()
    seen: dict[Route, str] = {}
    for route in all_routes(content):
        shell.nav.show(route)
        shell.host.finish_transition()
        assert shell.host.page is not None
        seen[route] = screen_text(shell.host.page)
    # A drawing standing in for a photo does not carry the photographer's credit.
    drawn = {f"photos[{i}].image.credit" for i, p in enumerate(content.photos) if p.stand_in}
    all_texts = [(path, text) for path, text in texts_of(content) if path not in drawn]
    assert len(all_texts) > 500
    missing = missing_texts(all_texts, "\n".join(seen.values()), lang)
    assert not missing, f"{len(missing)} texts on no screen:\n" + "\n".join(missing)
    # The check can fail: without the screen of the first area, what it says is on no screen.
    area = Route("zone-area", content.zone.areas[0].id)
    without = "\n".join(text for route, text in seen.items() if route != area)
    paths = [m.split(":")[0] for m in missing_texts(all_texts, without, lang)]
    assert "zone.areas[0].what" in paths, paths


def missing_texts(texts: list[tuple[str, Text]], corpus: str, lang: Lang) -> list[str]:
    """The texts (``path: start of the text``) that are not in *corpus*."""
    return [
        f"{path}: {text.get(lang)[:60]}"
        for path, text in texts
        if _SPACE.sub(" ", text.get(lang)) not in corpus
    ]
