"""Benchmarks of issues #7 and #16: start-up, memory, main-thread stalls, transitions, Chromium.

Run from the repository root::

    .venv/bin/python benchmarks/run.py            # full: about 20-25 minutes on 2 cores
    .venv/bin/python benchmarks/run.py --quick    # sanity run: about 3 minutes
    .venv/bin/python benchmarks/run.py --json results.json   # also every raw figure

It prints the machine, then ONE table: measure | kiosk | reference | target | met?. Progress goes
to stderr. Every figure is the median of several runs in fresh processes (5 or more in full mode),
each beside its reference measured in the same run of this script:

cold start
    ``_first_frame.py``: process spawn → first painted frame of the start screen (the picture
    of it the start before kept, :mod:`kiosk.ui.start_picture`; the row below it: the window's
    own attract page) of the real ``kiosk`` command (``kiosk.commands.cli.main([])``: full
    screen, kiosk mode), against a
    bare full-screen QWidget with one QLabel started the same way. Runs alternate after one
    discarded warm-up each (process-cold, disk-cache warm). Platform ``offscreen`` with a
    1920×1080 screen (Qt still rasterises every pixel, but shows nothing and flushes into memory),
    and ``xcb`` on a private Xvfb display when Xvfb is installed.
memory
    ``_kiosk_probe.py session``: RSS (VmRSS) and peak RSS (VmHWM) after visiting every screen of
    ``all_routes(content)`` in both languages (each transition runs to its end); growth of RSS
    over the random navigations below, per 1,000, after every screen has been seen in each
    combination of the accessibility modes too (the navigations switch modes; ``--quick`` leaves
    that visit out, so its growth includes the first visits in the modes) and 50 unmeasured
    warm-up navigations (each figure read on Home after ``gc.collect()``). The first two
    sessions go on for two more rounds of as many navigations, a rest after each: the goal's
    figure is the least-squares slope of RSS at those four rests (one pair of rests, as every
    session has, moves by 2-3 MB with what the heap holds at that rest). Reference: the bare
    window at its first frame.
stalls
    the same session: a 5 ms heartbeat QTimer during 1,000 random navigations (go, back, home,
    sibling, language, a mode on or off) spaced 60 ms apart by a QTimer; stall = interval − 5 ms.
    Reference: the same heartbeat while the kiosk idles on Home (the timer's own noise). Also the
    longest stall after each navigation (from its start to the next one's): the issue #16 figure,
    at p95.
transitions
    ``_kiosk_probe.py transitions`` at 1920×1080 and 3840×2160: times of the Paint events of the
    page host's TransitionOverlay that show movement (its progress above 0) → frames per second
    per transition, and tap → first moving frame (until issue 16's sixth round this was the
    overlay's first paint, which may only show the page left, held as the screen showed it).
    A tap on a card or on Next is a press (``Navigation.expect``: the page may be built ahead)
    and, 80 ms later, the release (the change): the time counts from the release (until issue
    16's eleventh round there was no press; that figure is kept, as info: ``--press-ms 0``).
    Reference: a bare widget painting two opaque screen-sized pixmaps the same way under the same
    animation (the machine's own ceiling). Offscreen (rasterised, not presented) and, with Xvfb,
    xcb (rasterised and sent to the X server with MIT-SHM: closer to a real screen).
chromium
    ``_chromium.py``: the content as one static HTML page (both languages, bundled fonts and
    illustrations) in Debian's headless ``chromium``: spawn → first contentful paint (Paint
    Timing API), spawn → screenshot written (upper bound), and the memory (PSS and RSS sums) of
    all its processes once loaded; against the kiosk's first frame and its memory after visiting
    every screen. Only file:// URLs; every host name resolves to nothing.

Nothing is left running: children run in their own sessions and are killed (by their own process
group) on a timeout; this script makes itself the sub-reaper of what they leave behind.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import ctypes
import datetime as dt
import hashlib
import itertools
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from _proc import die_with_parent, percentile, with_argument  # noqa: E402

PYTHON = sys.executable
FULL_HD = (1920, 1080)
UHD = (3840, 2160)
HEARTBEAT_MS = 5
#: The kiosk's settings for every run: the defaults, but open around the clock (outside its
#: opening hours the kiosk would show its closed screen) and never under the watchdog.
SETTINGS = 'opening_hours = "mon-sun 00:00-24:00"\nsupervise = false\n'


@dataclass(frozen=True)
class Plan:
    cold_runs: int
    xcb_runs: int
    sessions: int
    navs: int
    idle_ms: int
    transitions: int
    chromium_runs: int
    chromium_settle_s: float
    #: Every screen seen in every combination of the modes before the growth is measured.
    modes: bool = True
    #: The first *growth_sessions* sessions go on for this many rounds of navigations, a rest
    #: after each: the growth is the slope of RSS at those rests.
    growth_rounds: int = 3
    growth_sessions: int = 2


FULL = Plan(
    cold_runs=7,
    xcb_runs=5,
    sessions=5,
    navs=1000,
    idle_ms=5000,
    transitions=18,
    chromium_runs=5,
    chromium_settle_s=2.0,
)
QUICK = Plan(
    cold_runs=3,
    xcb_runs=2,
    sessions=1,
    navs=200,
    idle_ms=2000,
    transitions=9,
    chromium_runs=2,
    chromium_settle_s=1.0,
    modes=False,
    growth_rounds=1,
)


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- children --------------------------------------------------------------------------------------


class ChildFailed(RuntimeError):
    pass


def make_subreaper() -> None:
    """Orphans of our children (Chromium's crash handler forks itself away) become ours to reap."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def reap_orphans(keep: Sequence[int] = ()) -> None:
    while True:
        try:
            info = os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        except ChildProcessError:
            return
        if info is None or info.si_pid in keep:
            return
        with contextlib.suppress(ChildProcessError):
            os.waitpid(info.si_pid, 0)


def run_child(
    args: Sequence[str], env: dict[str, str], log: Path, timeout: float, extra_env: dict[str, str]
) -> None:
    """Run one child in its own session; kill its whole group on timeout; raise on failure."""
    with log.open("wb") as err:
        child_env = {**env, **extra_env}
        process = subprocess.Popen(
            list(args),
            env=child_env,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=err,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=die_with_parent,
        )
        try:
            code = process.wait(timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise ChildFailed(f"{' '.join(args[1:3])}: timed out after {timeout:.0f} s") from None
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # anything the child left in its group
    reap_orphans()
    if code != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise ChildFailed(f"{' '.join(args[1:3])}: exit code {code}\n{tail}")


def read_result(path: Path) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if "error" in result:
        raise ChildFailed(str(result["error"]))
    return result


def snapshot(tmp: Path) -> dict[str, str]:
    """Copy the kiosk package and its assets into *tmp*/snapshot: every child (and this script)
    runs that copy, so edits made to the checkout during the run cannot mix versions (nor crash
    a child: the kiosk maps resources.rcc into memory, and rewriting it in place kills the
    process with SIGBUS)."""
    dest = tmp / "snapshot"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "kiosk", dest / "kiosk", ignore=ignore)
    shutil.copytree(ROOT / "assets", dest / "assets", ignore=ignore)
    digest = hashlib.sha1()
    for path in sorted(p for p in dest.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(dest)).encode())
        digest.update(path.read_bytes())
    # Byte-code, as `pip install` leaves it: PYTHONDONTWRITEBYTECODE may be set in the
    # environment, and a kiosk compiling its modules at every start would be timed unfairly.
    compileall.compile_dir(str(dest / "kiosk"), quiet=1)
    dirty = _git("status", "--porcelain", "--untracked-files=no", "--", "kiosk", "assets")
    return {
        "path": str(dest),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "dirty": "yes" if dirty else "no",
        "sha1": digest.hexdigest()[:12],
        "taken": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }


def screen_config(folder: Path, size: tuple[int, int]) -> Path:
    """An offscreen-platform screen of *size* (the default screen is only 800×800)."""
    w, h = size
    path = folder / f"screen-{w}x{h}.json"
    spec = {"name": "bench", "x": 0, "y": 0, "width": w, "height": h}
    spec |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    path.write_text(json.dumps({"screens": [spec]}), encoding="utf-8")
    return path


class Platforms:
    """Environments for the children: offscreen screens, and Xvfb displays when available."""

    def __init__(self, tmp: Path, source: Path):
        self.tmp = tmp
        self.xvfb = shutil.which("Xvfb")
        self.servers: dict[tuple[int, int], subprocess.Popen[bytes]] = {}
        self.displays: dict[tuple[int, int], str] = {}
        base = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DISPLAY"))}
        for name in ("config", "state", "data", "runtime", "cache"):
            (tmp / name).mkdir(mode=0o700, exist_ok=True)
        settings = tmp / "config" / "kiosk" / "settings.toml"
        settings.parent.mkdir()
        settings.write_text(SETTINGS, encoding="utf-8")
        base |= {
            "XDG_CONFIG_HOME": str(tmp / "config"),  # the settings file above
            "XDG_STATE_HOME": str(tmp / "state"),  # the kiosk's logs
            "XDG_DATA_HOME": str(tmp / "data"),  # its visitor statistics
            "XDG_CACHE_HOME": str(tmp / "cache"),  # its first picture, kept from the first run
            "XDG_RUNTIME_DIR": str(tmp / "runtime"),
            "QT_ENABLE_HIGHDPI_SCALING": "1",  # as `kiosk` sets it
            "PYTHONPATH": os.pathsep.join(filter(None, [str(source), base.get("PYTHONPATH")])),
        }
        base.pop("WAYLAND_DISPLAY", None)
        self.base = base

    def offscreen(self, size: tuple[int, int]) -> dict[str, str]:
        config = screen_config(self.tmp, size)
        return {**self.base, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}

    def xcb(self, size: tuple[int, int]) -> dict[str, str] | None:
        if self.xvfb is None:
            return None
        if size not in self.displays:
            read_fd, write_fd = os.pipe()
            w, h = size
            server = subprocess.Popen(
                [
                    self.xvfb,
                    "-displayfd",
                    str(write_fd),
                    "-screen",
                    "0",
                    f"{w}x{h}x24",
                    "-nolisten",
                    "tcp",
                    "-noreset",
                ],
                pass_fds=(write_fd,),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
                preexec_fn=die_with_parent,
            )
            os.close(write_fd)
            self.servers[size] = server
            number = b""
            deadline = time.monotonic() + 20
            while not number.endswith(b"\n") and time.monotonic() < deadline:
                chunk = os.read(read_fd, 16)
                if not chunk:
                    break
                number += chunk
            os.close(read_fd)
            if not number.strip():
                return None
            self.displays[size] = f":{number.decode().strip()}"
        return {**self.base, "QT_QPA_PLATFORM": "xcb", "DISPLAY": self.displays[size]}

    def close(self) -> None:
        for server in self.servers.values():
            if server.poll() is None:
                server.terminate()
                try:
                    server.wait(5)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
        reap_orphans()


# -- measurements ----------------------------------------------------------------------------------


#: How long the first, unmeasured start of each platform runs on after its first frame: the
#: kiosk writes the first frame's pictures for the next start (``_first_frame.py``).
PRIME_LINGER_MS = 3000


def cold_start(tmp: Path, env: dict[str, str], runs: int) -> dict[str, list[dict[str, Any]]]:
    """First frame of the kiosk and the bare window in fresh processes, alternating."""
    results: dict[str, list[dict[str, Any]]] = {"kiosk": [], "bare": []}
    out = tmp / "first-frame.json"
    for i in range(runs + 1):
        for which in ("kiosk", "bare"):
            out.unlink(missing_ok=True)
            spawn = {"BENCH_SPAWN": repr(time.monotonic())}
            linger = [] if i > 0 else [str(PRIME_LINGER_MS)]
            run_child(
                [PYTHON, str(HERE / "_first_frame.py"), which, str(out), *linger],
                env,
                tmp / f"first-frame-{which}.log",
                90,
                spawn,
            )
            if i > 0:  # the first run of each warms the disk cache, and leaves the picture cache
                results[which].append(read_result(out))
    return results


def probe(tmp: Path, env: dict[str, str], args: Sequence[str], timeout: float) -> dict[str, Any]:
    out = tmp / "probe.json"
    out.unlink(missing_ok=True)
    run_child(
        [PYTHON, str(HERE / "_kiosk_probe.py"), args[0], str(out), *args[1:]],
        env,
        tmp / f"probe-{args[0]}.log",
        timeout,
        {},
    )
    return read_result(out)


def transition_runs(
    tmp: Path, env: dict[str, str], count: int, duration_ms: int
) -> dict[str, dict[str, Any]]:
    results = {}
    runs = (
        ("kiosk", []),
        ("unpressed", ["--press-ms", "0"]),
        ("bare", ["--bare", "--duration-ms", str(duration_ms)]),
    )
    for which, extra in runs:
        results[which] = probe(tmp, env, ["transitions", "--count", str(count), *extra], 300)
    return results


def chromium_runs(tmp: Path, plan: Plan) -> dict[str, Any] | None:
    import _chromium

    binary = _chromium.chromium()
    if binary is None:
        return None
    from kiosk.content import load
    from kiosk.system.paths import bundled_content_dir

    folder = tmp / "chromium"
    folder.mkdir()
    page = _chromium.write_page(
        load(bundled_content_dir()), bundled_content_dir().parent.parent, folder
    )
    shots, sessions = [], []
    for _ in range(plan.chromium_runs):
        shots.append(_chromium.screenshot_run(binary, page, folder))
        reap_orphans()
        sessions.append(_chromium.session_run(binary, page, folder, plan.chromium_settle_s))
        reap_orphans()
    return {
        "version": _chromium.version(binary),
        "page_bytes": page.stat().st_size,
        "screenshot": shots,
        "sessions": sessions,
    }


# -- statistics ------------------------------------------------------------------------------------


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def rest_slope(rests: Sequence[float], navs: int) -> float:
    """MB per 1,000 navigations: the least-squares slope of RSS at rest (*rests*, read before
    and after each round of *navs* navigations). RSS at rest swings by 2-3 MB from one rest to
    the next (the heap's free pages, which pages were built at that rest), so one pair of rests
    says little about 1,000 navigations."""
    xs = [i * navs / 1000 for i in range(len(rests))]
    mx, my = statistics.fmean(xs), statistics.fmean(rests)
    spread = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, rests, strict=True)) / spread


def stall_stats(intervals: Sequence[float]) -> dict[str, float]:
    stalls = [max(0.0, i - HEARTBEAT_MS) for i in intervals]
    return {
        "p50": percentile(stalls, 50),
        "p99": percentile(stalls, 99),
        "max": max(stalls, default=float("nan")),
        "beats": len(stalls),
    }


def stalls_per_navigation(session: dict[str, Any], cpu: bool = False) -> list[float]:
    """The longest stall after each navigation: the longest heartbeat interval (less the
    heartbeat's 5 ms) ending between the navigation's start and the next one's. With *cpu*, the
    main thread's CPU time in that interval instead (what other processes on the machine take
    from it left out), less the same 5 ms: a thread busy for a whole interval of 20 ms stalled
    the heartbeat 15 ms either way."""
    starts, beats = session.get("nav_starts"), session.get("nav_beats")
    cpu_beats = session.get("nav_beats_cpu")
    if not starts or not beats or (cpu and not cpu_beats):
        return []
    ends = [*starts[1:], float("inf")]
    longest = [0.0] * len(starts)
    i = 0
    spent = list(itertools.pairwise(cpu_beats)) if cpu and cpu_beats else None
    for n, (a, b) in enumerate(itertools.pairwise(beats)):
        while i < len(starts) and b >= ends[i]:
            i += 1
        if i < len(starts) and b >= starts[i]:
            stall = (b - a) * 1000 - HEARTBEAT_MS
            if spent is not None:
                stall = (spent[n][1] - spent[n][0]) * 1000 - HEARTBEAT_MS
            longest[i] = max(longest[i], stall)
    return longest


def transition_stats(result: dict[str, Any]) -> dict[str, Any]:
    fps, first, painted, intervals = [], [], [], []
    for t in result["transitions"]:
        frames = t["frames"]
        if len(frames) >= 2:
            fps.append((len(frames) - 1) / (frames[-1] - frames[0]))
            intervals += [(b - a) * 1000 for a, b in itertools.pairwise(frames)]
        if frames:
            first.append((frames[0] - t["called"]) * 1000)
        if t.get("painted"):
            painted.append((t["painted"][0] - t["called"]) * 1000)
    return {
        "fps": median(fps),
        "fps_min": min(fps, default=float("nan")),
        "tap_to_first_frame_ms": median(first),
        "tap_to_first_frame_p95_ms": percentile(first, 95),
        "tap_to_first_paint_ms": median(painted),
        "tap_to_first_paint_p95_ms": percentile(painted, 95),
        "interval_p95_ms": percentile(intervals, 95),
        "transitions": len(result["transitions"]),
    }


def nav_stats(sessions: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Durations of the navigation calls themselves, by kind and by page kind (diagnostics)."""
    by_kind: dict[str, list[float]] = {}
    by_page: dict[str, list[float]] = {}
    for s in sessions:
        for kind, route, ms in s["navs"]:
            by_kind.setdefault(kind, []).append(ms)
            by_page.setdefault(route.split("/")[0], []).append(ms)

    def summary(groups: dict[str, list[float]]) -> dict[str, dict[str, float]]:
        return {
            k: {"n": len(v), "p50": percentile(v, 50), "p99": percentile(v, 99), "max": max(v)}
            for k, v in sorted(groups.items())
        }

    return {"by_kind": summary(by_kind), "by_page": summary(by_page)}


# -- the table -------------------------------------------------------------------------------------

Row = tuple[str, str, str, str, str]


def fmt(value: float | None, unit: str) -> str:
    """*value* for the table: ms and fps with sensible precision, MB to 0.1 (MB+ signed)."""
    if value is None or value != value:  # None or NaN
        return "—"
    if unit == "ms":
        return f"{value:.1f} ms" if abs(value) < 10 else f"{value:.0f} ms"
    if unit == "MB+":
        return f"{value:+.1f} MB"
    if unit == "MB":
        return f"{value:.1f} MB"
    if unit == "fps":
        return f"{value:.1f} fps"
    return f"{value:.2f} {unit}"


def verdict(ok: bool) -> str:
    return "yes" if ok else "NO"


def build_rows(data: dict[str, Any], plan: Plan) -> list[Row]:
    rows: list[Row] = []
    for platform_name, cold in (
        ("offscreen", data.get("cold")),
        ("xcb/Xvfb", data.get("cold_xcb")),
    ):
        name = f"cold start → first frame, {platform_name} 1920×1080"
        if not cold:
            rows.append((name, "not run", "—", "≤ 1.5× bare window", "—"))
            continue
        kiosk = median([r["frame"] * 1000 for r in cold["kiosk"]])
        bare = median([r["frame"] * 1000 for r in cold["bare"]])
        rows.append(
            (
                name,
                fmt(kiosk, "ms"),
                fmt(bare, "ms"),
                f"≤ 1.5× = {bare * 1.5:.0f} ms",
                verdict(kiosk <= 1.5 * bare),
            )
        )
        lives = [r["live_frame"] * 1000 for r in cold["kiosk"] if "live_frame" in r]
        if lives:
            live = median(lives)
            rows.append(
                (
                    f"  its window's own first frame, {platform_name}",
                    fmt(live, "ms"),
                    fmt(bare, "ms"),
                    "—",
                    f"{live / bare:.2f}×",
                )
            )
    cold = data.get("cold")
    if cold:
        rss_kiosk = median([r["VmRSS"] for r in cold["kiosk"]])
        rss_bare = median([r["VmRSS"] for r in cold["bare"]])
        rows.append(
            ("RSS at the window's first frame", fmt(rss_kiosk, "MB"), fmt(rss_bare, "MB"), "—", "—")
        )
        cpu_kiosk = median([r["cpu"] * 1000 for r in cold["kiosk"]])
        cpu_bare = median([r["cpu"] * 1000 for r in cold["bare"]])
        rows.append(
            (
                "CPU time to the window's first frame, offscreen (load-proof)",
                fmt(cpu_kiosk, "ms"),
                fmt(cpu_bare, "ms"),
                "(≤ 1.5×)",
                f"{cpu_kiosk / cpu_bare:.1f}×",
            )
        )
    else:
        rss_bare = float("nan")
    sessions = data.get("sessions") or []
    if sessions:
        steady = median([s["after_visit"]["VmRSS"] for s in sessions])
        peak = median([s["after_visit"]["VmHWM"] for s in sessions])
        growth = median(
            [
                (s["after_navs"]["VmRSS"] - s["before_navs"]["VmRSS"]) * 1000 / len(s["navs"])
                for s in sessions
            ]
        )
        bare_ref = f"{fmt(rss_bare, 'MB')} (bare, 1st frame)"
        rows.append(
            (
                "RSS at rest, every screen visited (zh+en)",
                fmt(steady, "MB"),
                bare_ref,
                "≤ 130 MB",
                verdict(steady <= 130),
            )
        )
        rows.append(
            (
                "RSS peak (VmHWM), every screen visited",
                fmt(peak, "MB"),
                bare_ref,
                "≤ 150 MB",
                verdict(peak <= 150),
            )
        )
        series = [s["rests"] for s in sessions if len(s.get("rests", [])) > 2]
        if series:
            slope = median([rest_slope(r, plan.navs) for r in series])
            rounds = len(series[0]) - 1
            rows.append(
                (
                    f"RSS growth at rest per 1,000 navigations: slope over {rounds} × "
                    f"{plan.navs}, a rest after each ({len(series)} runs)",
                    fmt(slope, "MB+"),
                    "—",
                    "< 2 MB",
                    verdict(slope < 2),
                )
            )
        rows.append(
            (
                f"RSS growth at rest per 1,000 navigations ({plan.navs}/run, "
                + ("one pair of rests, info)" if series else "indicative)"),
                fmt(growth, "MB+"),
                "—",
                "—" if series else "< 2 MB",
                "—" if series else verdict(growth < 2),
            )
        )
        modes = [s["after_modes"]["VmRSS"] for s in sessions if "after_modes" in s]
        if modes:
            rows.append(
                (
                    "RSS at rest, every screen in every mode (info)",
                    fmt(median(modes), "MB"),
                    bare_ref,
                    "—",
                    "—",
                )
            )
        after = median([s["after_navs"]["VmRSS"] for s in sessions])
        after_peak = median([s["after_navs"]["VmHWM"] for s in sessions])
        rows.append(
            (
                "RSS / peak after all navigations (info)",
                f"{fmt(after, 'MB')} / {fmt(after_peak, 'MB')}",
                bare_ref,
                "—",
                "—",
            )
        )
        nav = [stall_stats(s["nav_intervals"]) for s in sessions]
        idle = [stall_stats(s["idle_intervals"]) for s in sessions]
        for cpu, what in ((False, "wall"), (True, "CPU")):
            per_nav = [stalls_per_navigation(s, cpu) for s in sessions]
            if not all(per_nav):
                continue
            for q, target, limit in (
                ("p50", "—", None),
                ("p95", "≤ 16 ms", 16.0),
                ("max", "≤ 33 ms", 33.0),
            ):
                value = median(
                    [percentile(v, 100 if q == "max" else float(q[1:])) for v in per_nav]
                )
                rows.append(
                    (
                        f"longest stall after a navigation ({what}), {q}",
                        fmt(value, "ms"),
                        "—",
                        target,
                        "—" if limit is None else verdict(value <= limit),
                    )
                )
        for key, target, limit in (
            ("p50", "—", None),
            ("p99", "—", None),
            ("max", "≤ 33 ms", 33.0),
        ):
            value = median([n[key] for n in nav])
            ref = median([n[key] for n in idle])
            ok = "—" if limit is None else verdict(value <= limit)
            rows.append(
                (
                    f"main-thread stall {key}, {plan.navs} random navigations",
                    fmt(value, "ms"),
                    f"{fmt(ref, 'ms')} (idle)",
                    target,
                    ok,
                )
            )
    else:
        rows.append(("memory and stall session", "not run", "—", "—", "—"))
    for platform_name, key in (("offscreen", "transitions"), ("xcb/Xvfb", "transitions_xcb")):
        per_size = data.get(key) or {}
        for size, target in ((FULL_HD, 58.0), (UHD, 45.0)):
            label = f"{size[0]}×{size[1]}"
            name = f"transition frame rate, {platform_name} {label}"
            runs = per_size.get(label)
            if not runs:
                rows.append((name, "not run", "—", f"≥ {target:.0f} fps", "—"))
                continue
            k, b = transition_stats(runs["kiosk"]), transition_stats(runs["bare"])
            rows.append(
                (
                    name,
                    fmt(k["fps"], "fps"),
                    f"{fmt(b['fps'], 'fps')} (bare)",
                    f"≥ {target:.0f} fps",
                    verdict(k["fps"] >= target),
                )
            )
            first_p95 = k["tap_to_first_frame_p95_ms"]
            rows.append(
                (
                    f"tap → first moving frame p50 / p95, {platform_name} {label}",
                    f"{fmt(k['tap_to_first_frame_ms'], 'ms')} / {fmt(first_p95, 'ms')}",
                    fmt(b["tap_to_first_frame_ms"], "ms"),
                    "p95 ≤ 50 ms",
                    verdict(first_p95 <= 50),
                )
            )
            if runs.get("unpressed"):
                u = transition_stats(runs["unpressed"])
                rows.append(
                    (
                        f"  the same, no press first (a bare call), {platform_name} {label}",
                        f"{fmt(u['tap_to_first_frame_ms'], 'ms')} / "
                        f"{fmt(u['tap_to_first_frame_p95_ms'], 'ms')}",
                        "—",
                        "info",
                        "—",
                    )
                )
    chrome = data.get("chromium")
    kiosk_frame = median([r["frame"] * 1000 for r in cold["kiosk"]]) if cold else float("nan")
    if chrome is None:
        for name in ("first paint: kiosk vs headless Chromium", "memory (PSS): kiosk vs Chromium"):
            rows.append((name, "—", "not installed", "—", "—"))
    else:
        fcp = median([s["first_contentful_paint"] * 1000 for s in chrome["sessions"]])
        shot = median([t * 1000 for t in chrome["screenshot"]])
        rows.append(
            (
                "first paint: kiosk vs Chromium FCP (static page)",
                fmt(kiosk_frame, "ms"),
                fmt(fcp, "ms"),
                "ratio",
                f"{kiosk_frame / fcp:.2f}×",
            )
        )
        rows.append(
            (
                "first paint: kiosk vs Chromium screenshot (upper bd)",
                fmt(kiosk_frame, "ms"),
                fmt(shot, "ms"),
                "ratio",
                f"{kiosk_frame / shot:.2f}×",
            )
        )
        if sessions:
            pss = median([s["after_visit"]["Pss"] for s in sessions])
            rss = median([s["after_visit"]["VmRSS"] for s in sessions])
            c_pss = median([s["pss"] for s in chrome["sessions"]])
            c_rss = median([s["rss"] for s in chrome["sessions"]])
            procs = median([s["processes"] for s in chrome["sessions"]])
            rows.append(
                (
                    f"memory PSS: kiosk vs Chromium ({procs:.0f} processes)",
                    fmt(pss, "MB"),
                    fmt(c_pss, "MB"),
                    "ratio",
                    f"{pss / c_pss:.2f}×",
                )
            )
            rows.append(
                (
                    "memory RSS (sum): kiosk vs Chromium",
                    fmt(rss, "MB"),
                    fmt(c_rss, "MB"),
                    "ratio",
                    f"{rss / c_rss:.2f}×",
                )
            )
    return rows


def table(rows: Sequence[Row]) -> str:
    header: Row = ("measure", "kiosk", "reference", "target", "met?")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), rule, *(line(r) for r in rows)])


# -- machine ---------------------------------------------------------------------------------------


def machine(data: dict[str, Any]) -> list[str]:
    cpu = "?"
    with contextlib.suppress(OSError):
        for text in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if text.startswith("model name"):
                cpu = text.split(":", 1)[1].strip()
                break
    ram = "?"
    with contextlib.suppress(OSError):
        for text in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if text.startswith("MemTotal"):
                ram = f"{int(text.split()[1]) / 1024 / 1024:.1f} GiB"
    from importlib import metadata

    from PySide6 import QtCore

    pyside = metadata.version("PySide6-Essentials")
    source = data["source"]
    dirty = " + uncommitted changes" if source["dirty"] == "yes" else ""
    xvfb = shutil.which("Xvfb")
    chromium = (data.get("chromium") or {}).get("version", "not installed")
    return [
        f"date: {dt.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"kiosk: {source['commit']}{dirty} (kiosk/ and assets/ copied at {source['taken']},"
        f" sha1 {source['sha1']})",
        f"CPU: {cpu}; {os.cpu_count()} logical cores ({len(os.sched_getaffinity(0))} usable);"
        f" RAM {ram}; {platform.system()} {platform.release()};"
        f" load average {data['load_start']} at start, {data['load_end']} at end",
        f"Python {platform.python_version()}; PySide6 {pyside}; Qt {QtCore.qVersion()}",
        "Qt platform: offscreen (QT_QPA_PLATFORM=offscreen:configfile=<screen>.json, raster);"
        f" xcb on {'Xvfb ' + xvfb if xvfb else '— (no Xvfb)'} (software, MIT-SHM)",
        f"Chromium: {chromium}",
    ]


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text(encoding="ascii").split()[:3])
    except OSError:
        return "?"


def _git(*args: str) -> str:
    try:
        return subprocess.run(
            ["git", "-C", str(ROOT), *args], capture_output=True, text=True, timeout=30, check=False
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "?"


# -- main ------------------------------------------------------------------------------------------


def phase(errors: dict[str, str], key: str, title: str, work: Callable[[], Any]) -> Any | None:
    """Run one part of the suite; a failure is noted in *errors* and the suite goes on."""
    progress(title)
    began = time.monotonic()
    result = None
    try:
        result = work()
    except (ChildFailed, RuntimeError, OSError) as exc:
        errors[key] = str(exc)
        progress(f"  failed: {str(exc)[:2000]}")
    progress(f"  {time.monotonic() - began:.0f} s")
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark suite of issue #7.")
    parser.add_argument("--quick", action="store_true", help="fewer runs, 200 navigations")
    parser.add_argument("--json", type=Path, help="also write every raw figure to this file")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    make_subreaper()
    data: dict[str, Any] = {"plan": plan.__dict__, "load_start": _loadavg()}
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as name:
        tmp = Path(name)
        data["source"] = snapshot(tmp)
        sys.path.insert(0, data["source"]["path"])
        from kiosk.model.settings import Settings

        duration_ms = data["transition_ms"] = Settings.defaults().transition_ms
        platforms = Platforms(tmp, Path(data["source"]["path"]))

        def checkpoint() -> None:  # partial results survive an interrupted run
            if args.json:
                args.json.write_text(json.dumps(data, indent=1, default=str), encoding="utf-8")

        try:
            run_all(data, plan, tmp, platforms, duration_ms, checkpoint)
        finally:
            platforms.close()
            for pid in with_argument(name):  # nothing of ours may outlive the run
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            reap_orphans()
        data["load_end"] = _loadavg()
        lines = machine(data)
    rows = build_rows(data, plan)
    print("\n".join(lines))
    print()
    print(table(rows))
    for key, error in (data.get("errors") or {}).items():
        print(f"\n{key} failed: {error}")
    if args.json:
        args.json.write_text(json.dumps(data, indent=1, default=str), encoding="utf-8")
    return 1 if data.get("errors") else 0


def run_all(
    data: dict[str, Any],
    plan: Plan,
    tmp: Path,
    platforms: Platforms,
    duration_ms: int,
    checkpoint: Callable[[], None],
) -> None:
    errors: dict[str, str] = {}
    data["errors"] = errors
    offscreen_hd = platforms.offscreen(FULL_HD)
    data["cold"] = phase(
        errors,
        "cold",
        f"cold start, offscreen: {plan.cold_runs} runs each",
        lambda: cold_start(tmp, offscreen_hd, plan.cold_runs),
    )
    checkpoint()
    xcb_hd = platforms.xcb(FULL_HD)
    if xcb_hd is not None:
        data["cold_xcb"] = phase(
            errors,
            "cold_xcb",
            f"cold start, xcb on Xvfb: {plan.xcb_runs} runs each",
            lambda: cold_start(tmp, xcb_hd, plan.xcb_runs),
        )
    environments: dict[str, Callable[[tuple[int, int]], dict[str, str] | None]] = {
        "transitions": platforms.offscreen,
        "transitions_xcb": platforms.xcb,
    }
    for key, make_env in environments.items():
        per_size: dict[str, Any] = {}
        for size in (FULL_HD, UHD):
            env = make_env(size)
            if env is None:
                continue
            label = f"{size[0]}×{size[1]}"
            per_size[label] = phase(
                errors,
                f"{key} {label}",
                f"{key} {label}: {plan.transitions} each, kiosk and bare",
                lambda env=env: transition_runs(tmp, env, plan.transitions, duration_ms),
            )
        data[key] = per_size
        checkpoint()
    data["chromium"] = phase(
        errors, "chromium", "headless Chromium", lambda: chromium_runs(tmp, plan)
    )
    checkpoint()
    sessions: list[dict[str, Any]] = []
    for i in range(plan.sessions):
        args = ["session", "--navs", str(plan.navs), "--seed", str(i + 1)]
        args += ["--idle-ms", str(plan.idle_ms)] + ([] if plan.modes else ["--no-modes"])
        rounds = plan.growth_rounds if i < plan.growth_sessions else 1
        args += ["--rounds", str(rounds)]
        navs = f"{rounds} × {plan.navs}" if rounds > 1 else str(plan.navs)
        result = phase(
            errors,
            f"session {i + 1}",
            f"session {i + 1}/{plan.sessions}: every screen, then {navs} random navigations",
            lambda args=args, rounds=rounds: probe(
                tmp, offscreen_hd, args, 600 + plan.navs * rounds
            ),
        )
        if result is not None:
            sessions.append(result)
        data["sessions"] = sessions
        checkpoint()
    data["navigation_calls"] = nav_stats(sessions) if sessions else {}
    if not errors:
        del data["errors"]


if __name__ == "__main__":
    sys.exit(main())
