"""Two real Syncthing instances, office and booth, on loopback only: the office publishes, the
booth's kiosk switches at its next idle reset, the booth's status reaches the office and
``kiosk fleet status`` shows it. Skipped where syncthing is not installed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fleet_helpers import loader
from pytestqt.qtbot import QtBot
from syncthing_pair import Instance, syncthing_binary

from kiosk.adapters.fleet import FleetAgent
from kiosk.commands import cli
from kiosk.commands.publish import publish
from kiosk.content import Content
from kiosk.model.fleet.status import status_path
from kiosk.system.paths import bundled_content_dir
from kiosk.ui.shell import Shell

SYNCTHING = syncthing_binary()

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        SYNCTHING is None,
        reason="syncthing is not installed (apt-get install "
        "syncthing; .ci/run does it where apt is available)",
    ),
]


@pytest.fixture
def pair(tmp_path: Path, qtbot: QtBot) -> Iterator[tuple[Instance, Instance]]:
    assert SYNCTHING is not None
    office = Instance("office", tmp_path / "st-office", tmp_path / "office-fleet")
    booth = Instance("booth", tmp_path / "st-booth", tmp_path / "booth-fleet")
    try:
        for instance in (office, booth):
            instance.generate(SYNCTHING)
        office.configure(booth, dials=False)
        booth.configure(office, dials=True)
        for instance in (office, booth):
            instance.start(SYNCTHING)
        qtbot.waitUntil(lambda: office.answers() and booth.answers(), timeout=30000)
        qtbot.waitUntil(lambda: office.connected_to(booth), timeout=60000)
        yield office, booth
    except Exception:
        print(office.log_text(), booth.log_text())
        raise
    finally:
        booth.stop()
        office.stop()


def test_a_release_travels_to_the_booth_and_its_status_back(
    qtbot: QtBot,
    pair: tuple[Instance, Instance],
    tmp_path: Path,
    shell: Shell,
    content: Content,
    capsys: pytest.CaptureFixture[str],
) -> None:
    office, booth = pair
    release = publish(bundled_content_dir(), office.folder)
    office.scan()
    agent = FleetAgent(
        booth.folder,
        "booth-1",
        load=loader,
        route=lambda: str(shell.nav.current),
        language=lambda: shell.session.lang,
        is_open=lambda: True,
        heartbeat_s=0.2,
        cache=tmp_path / "booth-cache",
        previous_crash="",
    )
    try:
        agent.content_ready.connect(shell.session.queue_content)
        shell.nav.home()  # a visitor is at the booth
        with qtbot.waitSignal(agent.content_ready, timeout=60000) as got:
            agent.start()
        assert agent.follower.shown == release
        assert shell.session.content is content, "never mid-visit"
        shell.reset()  # the idle reset
        assert shell.session.content is got.args[0]

        # The booth's status reaches the office.
        arrived = status_path(office.folder, "booth-1")

        def status_arrived() -> bool:
            booth.scan()
            try:
                document = json.loads(arrived.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return False
            return bool(document.get("is_current"))

        qtbot.waitUntil(status_arrived, timeout=60000)
        capsys.readouterr()
        assert cli.main(["fleet", "status", str(office.folder)]) == 0
        line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("booth-1"))
        assert " ok " in line and f"release {release} (current)" in line
    finally:
        agent.stop()
        agent.deleteLater()
