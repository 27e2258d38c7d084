"""Fleet releases: publish (clean and refused), verification, the local cache and pruning."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.adapters import resources
from kiosk.commands import cli, publish
from kiosk.content import Content, Environment, Problem, load
from kiosk.model.fleet.cache import ReleaseFollower
from kiosk.model.fleet.manifest import (
    MANIFEST,
    Manifest,
    list_releases,
    prune,
    read_current,
    releases_dir,
    write_current,
)
from kiosk.model.fleet.verify import verify
from kiosk.system.paths import bundled_content_dir


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A writable copy of the bundled content."""
    dest = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), dest)
    return dest


def loader(folder: Path) -> Content:
    return load(folder, Environment(resource_exists=resources.exists))


def release_of(fleet: Path) -> Path:
    current = read_current(fleet)
    assert current is not None
    return releases_dir(fleet) / current


class FitPass:
    """Stands in for ``kiosk check``'s layout pass (every screen at four sizes, both languages,
    normal and large text: 80 s on two cores). The bundled content's pass has its own test
    (``test_content.py``); here only that publishing runs it, and heeds what it finds."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        self.checked: list[Content] = []

    def __call__(self, content: Content) -> list[Problem]:
        self.checked.append(content)
        return self.problems


def fit_pass(monkeypatch: pytest.MonkeyPatch, problems: list[Problem]) -> FitPass:
    from kiosk.commands import fit

    stand_in = FitPass(problems)
    monkeypatch.setattr(fit, "fit_problems", stand_in)
    return stand_in


def test_publish_writes_a_verified_release_and_points_current_at_it(
    content: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fit = fit_pass(monkeypatch, [])
    fleet = tmp_path / "fleet"
    assert cli.main(["publish", str(content), str(fleet)]) == 0
    assert "published release" in capsys.readouterr().out
    assert [c.folder for c in fit.checked] == [content]  # laid out before it was published
    folder = release_of(fleet)
    manifest = Manifest.from_json((folder / MANIFEST).read_text(encoding="utf-8"))
    assert set(manifest.files) == {p.name for p in content.glob("*.toml")}
    assert manifest.release == folder.name and "@" in manifest.published_by
    assert verify(folder).ok
    assert not [p for p in (fleet / "releases").iterdir() if p.name.startswith(".")]


def test_bad_content_is_not_published(
    qapp: object, content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (content / "zone.toml").write_text("[zone\n", encoding="utf-8")
    fleet = tmp_path / "fleet"
    assert cli.main(["publish", str(content), str(fleet)]) == 1
    out = capsys.readouterr()
    assert "zone.toml" in out.out and "syntax error" in out.out
    assert "nothing published" in out.err
    assert not fleet.exists() or list_releases(fleet) == []
    assert read_current(fleet) is None


def test_content_that_does_not_fit_is_not_published(
    content: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cut = Problem("themes.toml", "themes[0].title", "text cut: 开放合作 [zh, screen themes]")
    fit_pass(monkeypatch, [cut])
    fleet = tmp_path / "fleet"
    assert cli.main(["publish", str(content), str(fleet)]) == 1
    out = capsys.readouterr()
    assert "themes.toml" in out.out and "text cut: 开放合作" in out.out
    assert "nothing published" in out.err
    assert not fleet.exists() or list_releases(fleet) == []


def test_keep_prunes_old_releases_but_never_the_current_one(content: Path, tmp_path: Path) -> None:
    fleet = tmp_path / "fleet"
    ids = [
        publish.publish(content, fleet, datetime(2023, 5, 20 + day, tzinfo=UTC)) for day in range(4)
    ]
    assert list_releases(fleet) == ids
    write_current(fleet, ids[0])  # rolled back to the first
    assert prune(fleet, 2) == [ids[1]]
    assert list_releases(fleet) == [ids[0], ids[2], ids[3]]


def test_half_synchronised_and_corrupted_releases_wait(content: Path, tmp_path: Path) -> None:
    fleet = tmp_path / "fleet"
    folder = releases_dir(fleet) / publish.publish(content, fleet)
    (folder / "notes.txt").write_text("an unrelated file", encoding="utf-8")
    assert verify(folder).ok, "files the manifest does not name are ignored"
    themes = folder / "themes.toml"
    data = themes.read_bytes()
    themes.write_bytes(data[: len(data) // 2])  # truncated
    verdict = verify(folder)
    assert verdict.state == "waiting" and "themes.toml" in verdict.reason
    flipped = bytearray(data)
    flipped[100] ^= 0x01  # same size, one bit different
    themes.write_bytes(bytes(flipped))
    assert verify(folder).state == "waiting"
    themes.unlink()
    assert "missing" in verify(folder).reason
    (folder / MANIFEST).unlink()
    assert verify(folder).state == "waiting"
    (folder / MANIFEST).write_text("{not json", encoding="utf-8")
    assert verify(folder).state == "refused"


def test_the_follower_caches_loads_and_keeps_the_last_good_content(
    content: Path, tmp_path: Path
) -> None:
    fleet, cache = tmp_path / "fleet", tmp_path / "cache"
    follower = ReleaseFollower(fleet, cache, loader)
    assert follower.poll() is None and follower.state == "unreachable"
    first = publish.publish(content, fleet, datetime(2023, 5, 20, tzinfo=UTC))
    shown = follower.poll()
    assert shown is not None and follower.shown == first and follower.is_current
    assert verify(cache / first).ok
    assert follower.poll() is None, "the same release is offered once"

    # A second release arrives half synchronised: waited for.
    second = publish.publish(content, fleet, datetime(2023, 5, 21, tzinfo=UTC))
    (releases_dir(fleet) / second / "voices.toml").unlink()
    assert follower.poll() is None
    assert follower.state == "waiting" and "voices.toml" in follower.reason
    assert follower.shown == first and not follower.is_current

    # A release that verifies but fails the kiosk's check is refused, for good.
    (content / "zone.toml").write_text("[zone\n", encoding="utf-8")
    third = publish.publish(content, fleet, datetime(2023, 5, 22, tzinfo=UTC))
    assert follower.poll() is None
    assert follower.state == "refused" and "zone.toml" in follower.reason
    assert follower.shown == first
    assert follower.poll() is None and follower.state == "refused"
    assert third in follower.reason

    # The fleet folder goes away: a new kiosk start shows the cached release.
    shutil.rmtree(fleet)
    restarted = ReleaseFollower(fleet, cache, loader)
    assert restarted.poll() is not None
    assert restarted.shown == first and restarted.state == "unreachable"


def test_a_manifest_naming_another_release_is_refused(content: Path, tmp_path: Path) -> None:
    fleet = tmp_path / "fleet"
    folder = releases_dir(fleet) / publish.publish(content, fleet)
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    manifest["files"]["../../etc/passwd"] = {"size": 1, "sha256": "0" * 64}
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert verify(folder).state == "refused"
