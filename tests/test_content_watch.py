"""The content watcher: an editor's saves are validated; bad content never replaces good content."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.adapters import fonts, resources
from kiosk.adapters.content_watch import ContentWatcher
from kiosk.commands import check
from kiosk.content import Content, Environment, load
from kiosk.system.paths import bundled_content_dir


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), target)
    return target


def loader(folder: Path) -> Callable[[], Content]:
    env = Environment(resource_exists=resources.exists, glyphs=fonts.glyphs())
    return lambda: load(folder, env)


@pytest.fixture
def watcher(qtbot: QtBot, folder: Path, content: Content) -> ContentWatcher:
    watcher = ContentWatcher(folder, loader(folder), content, debounce_ms=100)
    assert str(folder / "forum.toml") in watcher.watched
    return watcher


def save(path: Path, text: str) -> None:
    """Save the way many editors do: write a temporary file, rename it over the old one."""
    temp = path.with_name(f".{path.name}.swp")
    temp.write_text(text, "utf-8")
    temp.replace(path)


def test_a_good_change_is_offered(qtbot: QtBot, folder: Path, watcher: ContentWatcher) -> None:
    forum = folder / "forum.toml"
    text = forum.read_text("utf-8")
    with qtbot.waitSignal(watcher.ready, timeout=5000) as ready:
        forum.write_text(text.replace("中关村论坛", "中关村论坛 ", 1), "utf-8")
    new = ready.args[0]
    assert isinstance(new, Content) and watcher.content is new
    assert watcher.last_problems == []


def test_bad_content_is_reported_like_kiosk_check_and_the_good_stays(
    qtbot: QtBot,
    folder: Path,
    watcher: ContentWatcher,
    content: Content,
    capsys: pytest.CaptureFixture[str],
) -> None:
    themes = folder / "themes.toml"
    text = themes.read_text("utf-8")
    ready: list[object] = []
    watcher.ready.connect(ready.append)
    with qtbot.waitSignal(watcher.problems, timeout=5000) as reported:
        save(themes, text.replace("[[themes]]", "[[themes]\n", 1))
    lines = reported.args[0]
    assert lines and all("\n" not in line for line in lines)
    assert lines[0].startswith("themes.toml:") and "syntax error" in lines[0]
    assert watcher.content is content, "the last good content stays"
    assert ready == []
    assert check.check_command(folder, fit=False) == 1
    assert capsys.readouterr().out.splitlines() == lines
    # The editor fixes it; a rename-save is seen again (the watch follows the new file).
    with qtbot.waitSignal(watcher.ready, timeout=5000):
        save(themes, text)
    assert watcher.content is not content


def test_a_burst_of_saves_is_checked_once(
    qtbot: QtBot, folder: Path, watcher: ContentWatcher
) -> None:
    forum = folder / "forum.toml"
    text = forum.read_text("utf-8")
    with qtbot.waitSignal(watcher.ready, timeout=5000):
        for i in range(5):
            forum.write_text(text + f"\n# save {i}\n", "utf-8")
    assert watcher.checks == 1


def test_a_vanished_folder_keeps_the_content_until_it_is_back(
    qtbot: QtBot, folder: Path, watcher: ContentWatcher, content: Content
) -> None:
    moved = folder.with_name("elsewhere")
    with qtbot.waitSignal(watcher.problems, timeout=5000) as reported:
        folder.rename(moved)
    assert "not a folder" in reported.args[0][0]
    assert watcher.content is content
    with qtbot.waitSignal(watcher.ready, timeout=5000):
        moved.rename(folder)


def test_an_unexpected_error_while_loading_is_a_problem_not_a_crash(
    qtbot: QtBot, folder: Path, content: Content
) -> None:
    def broken() -> Content:
        raise MemoryError("out of memory\nin the loader")

    watcher = ContentWatcher(folder, broken, content)
    with qtbot.waitSignal(watcher.problems, timeout=1000) as reported:
        assert watcher.check_now() is False
    assert reported.args[0] == [
        f"{folder}: cannot be checked: MemoryError: out of memory\\nin the loader"
    ]
    assert watcher.content is content
    watcher.stop()
    assert watcher.watched == []
