"""Benchmark: a release switch under faults, with two real Syncthing instances on 127.0.0.1.

Issue 17 asks that a kiosk never shows a partial or corrupted release and reports the problem in
its status, also when Syncthing is killed mid-transfer. This script:

1. starts an office and a booth Syncthing (tests/syncthing_pair.py: loopback only, discovery,
   relays, NAT and usage reporting off); the booth receives at most ``--kbps`` KiB/s (also on the
   LAN), so that a release arrives slowly, and is set to pull the smallest files first (it does
   not always: see benchmarks/RESULTS-fleet.md);
2. publishes release 1 (the bundled content, ``kiosk publish``) and waits until a booth-side
   :class:`ReleaseFollower` (with its own cache folder) shows it;
3. publishes release 2 (the bundled content with an extra ``--big-mib`` MiB file the content
   loader ignores) and SIGKILLs the booth's Syncthing once the booth has the new pointer, the
   manifest and the big file partly written (``releases/.publishing-*`` is ignored on the office:
   otherwise Syncthing may send that folder first and build the release from its blocks);
4. polls the follower while Syncthing is dead, then with one arrived file truncated and another
   with a byte flipped (both put back as they were, bytes and time, before Syncthing returns):
   release 2 is never shown, the state is "waiting", the last good release stays;
5. restarts the booth's Syncthing and waits until the follower shows release 2.

It prints a table of the steps and checks and exits 1 if any check failed. Both instances are
stopped in every case. Run: ``.venv/bin/python benchmarks/fleet_faults.py [--big-mib N]
[--kbps N]`` (needs ``syncthing`` on the PATH).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fleet_helpers import loader  # noqa: E402
from syncthing_pair import Instance, syncthing_binary  # noqa: E402

from kiosk.commands.fleet import status_line  # noqa: E402
from kiosk.model.fleet.cache import ReleaseFollower  # noqa: E402
from kiosk.model.fleet.manifest import read_current, releases_dir, sha256_of  # noqa: E402
from kiosk.model.fleet.status import read_status, write_status  # noqa: E402
from kiosk.model.fleet.verify import read_manifest, verify  # noqa: E402
from kiosk.system.paths import bundled_content_dir  # noqa: E402

#: The extra file of release 2 (not a .toml: the content loader never reads it).
BIG_FILE = "media/hall-film.bin"
KIOSK = "booth-1"


@dataclass
class Report:
    """The steps (with their times) and the checks of one run."""

    steps: list[tuple[str, float, str]] = field(default_factory=list)
    checks: list[tuple[str, bool, str]] = field(default_factory=list)

    def step(self, name: str, seconds: float, note: str = "") -> None:
        self.steps.append((name, seconds, note))
        print(f"[{seconds:6.1f} s] {name} {note}", flush=True)

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        self.checks.append((name, ok, detail))
        print(f"  {'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)
        return ok

    @property
    def ok(self) -> bool:
        return all(ok for _, ok, _ in self.checks)

    def table(self) -> str:
        lines = ["| step | time | outcome |", "|---|---|---|"]
        lines += [f"| {name} | {secs:.1f} s | {note} |" for name, secs, note in self.steps]
        lines += ["", "| check | result | detail |", "|---|---|---|"]
        lines += [f"| {n} | {'ok' if ok else 'FAILED'} | {d} |" for n, ok, d in self.checks]
        return "\n".join(lines)


class Failed(Exception):
    """A step could not go on (its check failed)."""


def wait_until(condition: Callable[[], bool], timeout: float, every: float = 0.1) -> bool:
    """Poll *condition* until it holds (True) or *timeout* seconds pass (False)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(every)
    return condition()


def throttle(booth: Instance, kbps: int) -> None:
    """Limit what the booth receives (on the LAN too) and make it pull the smallest files first.

    Only rate and order: the loopback-only options written by ``configure`` stay as they are.
    """
    path = booth.home / "config.xml"
    tree = ET.parse(path)
    options = tree.getroot().find("options")
    folder = tree.getroot().find("folder")
    assert options is not None and folder is not None
    for tag, text in (("maxRecvKbps", str(kbps)), ("limitBandwidthInLan", "true")):
        element = options.find(tag)
        if element is None:
            element = ET.SubElement(options, tag)
        element.text = text
    folder.set("order", "smallestFirst")
    tree.write(path)


def kiosk_publish(content: Path, fleet: Path) -> str:
    """``kiosk publish CONTENT FLEET`` in its own process (full check first); the new id."""
    before = read_current(fleet)
    out = subprocess.run(
        [sys.executable, "-m", "kiosk", "publish", str(content), str(fleet)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    release = read_current(fleet)
    if out.returncode != 0 or release is None or release == before:
        raise Failed(f"kiosk publish failed ({out.returncode}): {out.stdout}{out.stderr}")
    return release


class Booth:
    """The booth's follower, polled as the kiosk's heartbeat does, every switch checked."""

    def __init__(self, folder: Path, cache: Path, report: Report):
        self.follower = ReleaseFollower(folder, cache, loader)
        self.report = report
        self.cache = cache
        self.switches: list[str] = []
        self.states: list[str] = []

    def poll(self) -> bool:
        """One heartbeat; True when it switched. A switch to anything unverified fails."""
        content = self.follower.poll()
        state = f"{self.follower.state}: {self.follower.reason}".rstrip(": ")
        if not self.states or self.states[-1] != state:
            self.states.append(state)
        if content is None:
            return False
        shown = self.follower.shown or "?"
        self.switches.append(shown)
        self.report.check(
            f"switch to {shown}: the cached copy verifies",
            verify(self.cache / shown).ok,
            verify(self.cache / shown).reason,
        )
        return True

    def shows(self, release: str) -> bool:
        """One heartbeat; whether *release* is shown after it."""
        self.poll()
        return self.follower.shown == release

    def status(self) -> str:
        """Write the kiosk's status (the follower's fields) and read it back as the office does."""
        f = self.follower
        document = {
            "kiosk": KIOSK,
            "release_shown": f.shown,
            "release_current": f.current,
            "is_current": f.is_current,
            "release_state": f.state,
            "release_reason": f.reason,
            "heartbeat_s": 1.0,
            "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        path = write_status(f.fleet, KIOSK, document)
        return status_line(read_status(path, datetime.now(UTC)), f.current, 10)


def check_waiting(booth: Booth, r1: str, r2: str, label: str, polls: int = 5) -> None:
    """Poll *polls* times: never release 2, state waiting, release 1 still shown and cached."""
    switched = False
    for _ in range(polls):
        time.sleep(0.2)  # a benchmark: a heartbeat every 0.2 s
        switched = booth.poll() or switched
    f, report = booth.follower, booth.report
    report.check(f"{label}: release 2 never shown", not switched and f.shown == r1, f"{f.shown}")
    report.check(f"{label}: state waiting", f.state == "waiting", f.reason)
    report.check(
        f"{label}: last good release kept",
        f.shown == r1 and verify(booth.cache / r1).ok and not f.is_current,
        f"current {f.current}, shown {f.shown}",
    )
    line = booth.status()
    report.check(f"{label}: status reports it", "waiting" in line and r2 in line, line)


def arrived_files(folder: Path) -> list[str]:
    """The .toml files of the release in *folder* that have fully arrived."""
    manifest = read_manifest(folder)
    return [
        name
        for name, entry in sorted(manifest.files.items())
        if name.endswith(".toml")
        and (folder / name).is_file()
        and sha256_of(folder / name) == entry.sha256
    ]


def mangle(booth: Booth, folder: Path, r1: str, r2: str) -> None:
    """Truncate one arrived file, then flip a byte in another; each put back exactly after."""
    names = arrived_files(folder)
    if not booth.report.check("half release: two files already arrived", len(names) >= 2, ""):
        return
    for name, how in ((names[0], "truncated"), (names[1], "byte flipped")):
        path = folder / name
        data, stat = path.read_bytes(), path.stat()
        if how == "truncated":
            path.write_bytes(data[: len(data) // 2])
        else:
            path.write_bytes(data[:10] + bytes([data[10] ^ 0x01]) + data[11:])
        try:
            check_waiting(booth, r1, r2, f"{name} {how}", polls=3)
            booth.report.check(
                f"{name} {how}: named as different",
                "different" in booth.follower.reason and name in booth.follower.reason,
                booth.follower.reason,
            )
        finally:  # as it was, time included: Syncthing sees no local change
            path.write_bytes(data)
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def partial(folder: Path) -> tuple[int, int]:
    """Bytes written so far into the big file's temporary copy in *folder* (0: none; the copy is
    sparse, so its allocated blocks count, not its size) and the size of the final file."""
    temp = folder / Path(BIG_FILE).parent / f".syncthing.{Path(BIG_FILE).name}.tmp"
    done = folder / BIG_FILE
    return (
        temp.stat().st_blocks * 512 if temp.is_file() else 0,
        done.stat().st_size if done.is_file() else 0,
    )


def start_pair(office: Instance, booth: Instance, syncthing: str, kbps: int) -> None:
    for instance in (office, booth):
        instance.generate(syncthing)
    office.configure(booth)
    booth.configure(office)
    throttle(booth, kbps)
    # kiosk publish writes into a hidden releases/.publishing-* folder and renames it. Unignored,
    # Syncthing may send that folder too; the booth then builds the release from blocks it
    # already has and there is no transfer left to kill.
    (office.folder / ".stignore").write_text(".publishing-*\n", encoding="utf-8")
    for instance in (office, booth):
        instance.start(syncthing)
    if not wait_until(lambda: office.answers() and booth.answers(), 30):
        raise Failed("the instances do not answer")
    if not wait_until(lambda: office.connected_to(booth), 30):
        raise Failed("the instances do not connect")


def restart(booth: Instance, office: Instance, syncthing: str) -> None:
    if booth.log is not None:
        booth.log.close()
    log = booth.home / "syncthing.log"
    log.replace(booth.home / "syncthing-killed.log")
    booth.start(syncthing)
    if not wait_until(lambda: booth.answers() and booth.connected_to(office), 30):
        raise Failed("the booth's Syncthing does not come back")


def run(work: Path, syncthing: str, big_mib: int, kbps: int, report: Report) -> None:
    office = Instance("office", work / "st-office", work / "office-fleet")
    booth_st = Instance("booth", work / "st-booth", work / "booth-fleet")
    try:
        t = time.monotonic()
        start_pair(office, booth_st, syncthing, kbps)
        report.step("start office + booth Syncthing", time.monotonic() - t, "connected")

        t = time.monotonic()
        r1 = kiosk_publish(bundled_content_dir(), office.folder)
        office.scan()
        report.step("publish release 1 (bundled content)", time.monotonic() - t, r1)
        booth = Booth(booth_st.folder, work / "booth-cache", report)
        t = time.monotonic()
        got = wait_until(lambda: booth.shows(r1), 60, 0.2)
        report.step("booth shows release 1", time.monotonic() - t, "yes" if got else "NO")
        if not report.check("release 1 shown", got, booth.follower.reason):
            raise Failed("release 1 never arrived")

        content = work / "content-2"
        shutil.copytree(bundled_content_dir(), content)
        (content / BIG_FILE).parent.mkdir()
        (content / BIG_FILE).write_bytes(os.urandom(big_mib << 20))
        t = time.monotonic()
        r2 = kiosk_publish(content, office.folder)
        office.scan()
        report.step(f"publish release 2 (+{big_mib} MiB file)", time.monotonic() - t, r2)

        folder = releases_dir(booth_st.folder) / r2
        t = time.monotonic()

        trace: list[str] = []

        def half_there() -> bool:
            written, final = partial(folder)
            trace.append(
                f"{time.monotonic() - t:5.2f} current={read_current(booth_st.folder) == r2} "
                f"manifest={(folder / 'manifest.json').is_file()} written={written} final={final}"
            )
            return (
                read_current(booth_st.folder) == r2
                and (folder / "manifest.json").is_file()
                and final == 0
                and written > 0
            )

        under_way = wait_until(half_there, 60, 0.05)
        if not report.check("transfer caught under way", under_way, str(partial(folder))):
            print(*[x for x in trace if "written=0 final=0" not in x][::10], sep="\n")
            raise Failed("release 2 was not seen half there: raise --big-mib or lower --kbps")
        assert booth_st.process is not None
        booth_st.process.send_signal(signal.SIGKILL)
        booth_st.process.wait()
        temp_bytes = partial(folder)[0]
        note = f"killed with {temp_bytes / (1 << 20):.1f} of {big_mib} MiB in the temporary file"
        report.step("SIGKILL booth Syncthing mid-transfer", time.monotonic() - t, note)
        report.check("booth Syncthing is dead", booth_st.process.returncode == -signal.SIGKILL)
        report.check("release 2 still half there after the kill", partial(folder)[1] == 0)

        t = time.monotonic()
        check_waiting(booth, r1, r2, "Syncthing dead")
        mangle(booth, folder, r1, r2)
        check_waiting(booth, r1, r2, "files put back, Syncthing still dead", polls=2)
        report.step("polls while dead (+ truncate, flip)", time.monotonic() - t, booth.states[-1])

        t = time.monotonic()
        restart(booth_st, office, syncthing)
        report.step("restart booth Syncthing", time.monotonic() - t, "connected")
        t = time.monotonic()
        got = wait_until(lambda: booth.shows(r2), 180, 0.2)
        left = big_mib - temp_bytes / (1 << 20)
        note = f"yes ({left:.1f} MiB were left)" if got else "NO: " + booth.follower.reason
        report.step("booth shows release 2 after restart", time.monotonic() - t, note)
        report.check("release 2 shown after restart", got, booth.follower.reason)
        report.check("release 2 verifies in the booth's folder", verify(folder).ok)
        report.check("only releases 1 and 2 were ever shown, in order", booth.switches == [r1, r2])
        print("states seen:", *booth.states, sep="\n  ")
    except Exception:
        for instance in (office, booth_st):
            print(f"--- {instance.name} log (tail)\n{instance.log_text()[-3000:]}")
        raise
    finally:
        booth_st.stop()
        office.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--big-mib", type=int, default=64, help="size of release 2's extra file")
    parser.add_argument("--kbps", type=int, default=2048, help="booth's receive limit, KiB/s")
    args = parser.parse_args()
    syncthing = syncthing_binary()
    if syncthing is None:
        print("syncthing is not installed (apt-get install syncthing)", file=sys.stderr)
        return 2
    report = Report()
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kiosk-fleet-faults-") as temp:
        try:
            run(Path(temp), syncthing, args.big_mib, args.kbps, report)
        except Failed as exc:
            report.check("run completed", False, str(exc))
    print(f"\n{report.table()}\n\ntotal {time.monotonic() - t0:.1f} s")
    print("ALL CHECKS PASSED" if report.ok else "SOME CHECKS FAILED")
    return 0 if report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
