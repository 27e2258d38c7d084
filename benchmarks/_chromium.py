"""The kiosk's content as one static HTML page, and headless Chromium timings and memory.

The page holds every text of the content model in both languages (the kiosk holds both too),
the four bundled illustrations, one QR code (inline SVG from segno, as the kiosk makes them) and
the bundled fonts through ``@font-face`` ``file://`` URLs. No script, no network: Chromium gets
``--host-resolver-rules=MAP * ~NOTFOUND`` on top of the usual flags, and is driven through
``--remote-debugging-pipe`` (file descriptors, no port at all).
"""

from __future__ import annotations

import contextlib
import dataclasses
import html
import json
import os
import select
import shutil
import signal
import subprocess
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from _proc import children_of, die_with_parent, is_zombie, memory, with_argument

FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--window-size=1920,1080",
)


def chromium() -> str | None:
    return shutil.which("chromium")


def version(binary: str) -> str:
    try:
        out = subprocess.run(
            [binary, "--version"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return out.strip() or "?"


# -- the page -------------------------------------------------------------------------------------

CSS = """
@font-face { font-family: "Noto Sans CJK SC"; font-weight: 400;
  src: url("{fonts}/NotoSansCJKsc-Regular.otf"); }
@font-face { font-family: "Noto Sans CJK SC"; font-weight: 700;
  src: url("{fonts}/NotoSansCJKsc-Bold.otf"); }
@font-face { font-family: "Noto Sans"; font-weight: 400;
  src: url("{fonts}/NotoSans-Regular.ttf"); }
@font-face { font-family: "Noto Sans"; font-weight: 700;
  src: url("{fonts}/NotoSans-Bold.ttf"); }
html { background: #0A1A33; color: #F4F7FB; }
body { margin: 0 128px; font: 24px/1.5 "Noto Sans CJK SC"; }
[lang=en] { font-family: "Noto Sans", "Noto Sans CJK SC"; }
h1 { font-size: 72px; margin: 48px 0 8px; } h2 { font-size: 48px; color: #22C3E6; }
h3 { font-size: 34px; } h4 { font-size: 28px; color: #22C3E6; margin: 16px 0 4px; }
.card { background: #12294D; border: 2px solid #2E4E7E; border-radius: 24px;
  padding: 24px; margin: 16px 0; }
.figure b { color: #F5B83D; font-size: 64px; margin-right: 12px; }
.figure small, .muted { color: #B8C7DD; }
ul.chips { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 12px; }
ul.chips li { background: #1B3A66; border-radius: 999px; padding: 4px 24px; font-size: 20px; }
img { width: 640px; border-radius: 24px; }
.qr { background: #F4F7FB; display: inline-block; padding: 8px; }
"""

_TITLE = ("title", "name", "label")


def page_html(content: Any, root: Path, qr_svg: str = "") -> str:
    """The whole content of *content* in both languages, as one page; fonts and illustrations
    from the checkout at *root* (``assets/fonts``, ``assets/illustrations``)."""
    fonts = (root / "assets" / "fonts").as_uri()
    parts = [
        "<!doctype html><html><head><meta charset=utf-8>",
        "<title>2023 Zhongguancun Forum</title>",
        f"<style>{CSS.replace('{fonts}', fonts)}</style></head><body>",
    ]
    for lang in ("zh", "en"):
        parts.append(f'<section lang="{lang}">')
        parts.append(f"<h1>{_e(content.forum.name.get(lang))}</h1>")
        if qr_svg:
            parts.append(f'<div class="qr">{qr_svg}</div>')
        for field in dataclasses.fields(content):
            if field.name in ("index", "folder"):
                continue
            parts.append(f"<h2>{_e(field.name)}</h2>")
            parts.extend(_render(getattr(content, field.name), lang, root, depth=3))
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _e(text: object) -> str:
    return html.escape(str(text))


def _render(value: Any, lang: str, root: Path, depth: int) -> Iterable[str]:
    """Every visible text of *value* (a content record, a Text, a tuple of them …)."""
    kind = type(value).__name__
    if value is None or isinstance(value, str | int | float):
        return  # ids, references, icon names, numbers shown elsewhere
    if kind == "Text":
        yield f"<p>{_e(value.get(lang))}</p>"
    elif kind == "Figure":
        number = value.value.get(lang)
        text = f"{number:,g}" if lang == "en" else f"{number:g}"
        prefix = value.prefix.get(lang) if value.prefix else ""
        suffix = value.suffix.get(lang) if value.suffix else ""
        unit = value.unit.get(lang) if value.unit else ""
        yield (
            f'<div class="figure"><b>{_e(prefix + text + suffix)}</b>{_e(unit)}'
            f"<p>{_e(value.caption.get(lang))}</p><small>{_e(value.source.get(lang))}</small></div>"
        )
    elif kind == "Image":
        src = str(value.src)
        if src.startswith(":/illustrations/"):
            path = root / "assets" / "illustrations" / src.split("/")[-1]
        else:  # a file of the content folder
            path = root / "assets" / "content" / src
        yield f'<figure><img src="{path.as_uri()}" alt="{_e(value.alt.get(lang))}">'
        for extra in (value.caption, value.credit):
            if extra is not None:
                yield f"<figcaption>{_e(extra.get(lang))}</figcaption>"
        yield "</figure>"
    elif isinstance(value, tuple) and not hasattr(value, "_fields"):  # not a record
        if value and all(type(v).__name__ == "Text" for v in value):
            items = "".join(f"<li>{_e(v.get(lang))}</li>" for v in value)
            yield f'<ul class="chips">{items}</ul>'
        else:
            for item in value:
                yield from _render(item, lang, root, depth)
    elif hasattr(value, "_fields") or dataclasses.is_dataclass(value):  # a record
        yield '<div class="card">'
        titles = [f for f in _TITLE if hasattr(value, f)]
        if titles:
            title = getattr(value, titles[0])
            number = getattr(value, "number", None)
            prefix = f"{number:02d} " if isinstance(number, int) else ""
            level = min(depth, 4)
            yield f"<h{level}>{_e(prefix)}{_e(title.get(lang))}</h{level}>"
        names = getattr(value, "_fields", None) or [f.name for f in dataclasses.fields(value)]
        for name in names:
            if name not in titles[:1]:
                yield from _render(getattr(value, name), lang, root, depth + 1)
        yield "</div>"


def write_page(content: Any, root: Path, folder: Path) -> Path:
    """Write the page of *content* (assets from *root*) into *folder*; returns its path."""
    import segno

    url = content.forum.website or "https://www.zgcforum.com"
    qr = segno.make(url, error="m").svg_inline(scale=6, dark="#061226", light="#F4F7FB")
    path = folder / "kiosk-content.html"
    path.write_text(page_html(content, root, qr), encoding="utf-8")
    return path


# -- runs -----------------------------------------------------------------------------------------


def _stop(process: subprocess.Popen[bytes], marker: str) -> None:
    """End *process*, its process group and anything still running with *marker* in its
    command line (the run's own profile folder); reap what we can."""
    with_marker = with_argument(marker)
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)
    for pid in children_of(with_marker) | with_argument(marker):
        if not is_zombie(pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def screenshot_run(binary: str, page: Path, folder: Path, timeout: float = 60) -> float:
    """Seconds from spawn until the screenshot file was last written (an upper bound of the
    first paint: Chromium loads the page, paints, captures and encodes the PNG)."""
    profile = folder / "profile-shot"
    shot = folder / "s.png"
    shot.unlink(missing_ok=True)
    args = [
        binary,
        *FLAGS,
        f"--user-data-dir={profile}",
        f"--screenshot={shot}",
        page.as_uri(),
    ]
    spawn = time.time()
    process = subprocess.Popen(
        args,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        preexec_fn=die_with_parent,
    )
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError("chromium --screenshot timed out") from exc
    finally:
        _stop(process, str(profile))
        shutil.rmtree(profile, ignore_errors=True)
    if not shot.is_file():
        raise RuntimeError("chromium wrote no screenshot")
    return shot.stat().st_mtime - spawn


class _Pipe:
    """Chrome DevTools Protocol over ``--remote-debugging-pipe`` (fd 3 in, fd 4 out)."""

    def __init__(self, write_fd: int, read_fd: int):
        self.write_fd = write_fd
        self.read_fd = read_fd
        self.buffer = b""
        self.next_id = 0

    def call(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.write_fd, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + 20
        while True:
            while b"\0" in self.buffer:
                line, self.buffer = self.buffer.split(b"\0", 1)
                reply = json.loads(line)
                if reply.get("id") == self.next_id:
                    if "error" in reply:
                        raise RuntimeError(f"{method}: {reply['error']}")
                    result: dict[str, Any] = reply.get("result", {})
                    return result
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.read_fd], [], [], max(0.0, left))
            if not ready:
                raise RuntimeError(f"{method}: no reply from chromium")
            chunk = os.read(self.read_fd, 1 << 16)
            if not chunk:
                raise RuntimeError(f"{method}: chromium closed the pipe")
            self.buffer += chunk


def session_run(binary: str, page: Path, folder: Path, settle_s: float = 2.0) -> dict[str, Any]:
    """Start Chromium on *page*; wait for the load event and the first contentful paint, let it
    settle, then measure the memory of all its processes. Returns seconds from spawn to the
    first (contentful) paint by the Paint Timing API, and memory sums in MB."""
    profile = folder / "profile-cdp"
    to_chrome = os.pipe()
    from_chrome = os.pipe()
    args = [binary, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", page.as_uri()]
    redirect = f'exec "$@" 3<&{to_chrome[0]} 4>&{from_chrome[1]}'
    spawn = time.time()
    process = subprocess.Popen(
        ["/bin/sh", "-c", redirect, "sh", *args],
        pass_fds=(to_chrome[0], from_chrome[1]),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        preexec_fn=die_with_parent,
    )
    os.close(to_chrome[0])
    os.close(from_chrome[1])
    pipe = _Pipe(to_chrome[1], from_chrome[0])
    try:
        targets = pipe.call("Target.getTargets")["targetInfos"]
        target = next(t for t in targets if t["type"] == "page" and t["url"] == page.as_uri())
        session = pipe.call(
            "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}
        )
        expression = (
            "JSON.stringify([document.readyState, performance.timeOrigin,"
            " performance.getEntriesByType('paint').map(e => [e.name, e.startTime])])"
        )
        deadline = time.monotonic() + 30
        while True:
            reply = pipe.call(
                "Runtime.evaluate",
                {"expression": expression, "returnByValue": True},
                session["sessionId"],
            )
            state, origin, paints = json.loads(reply["result"]["value"])
            paint = dict(paints)
            if state == "complete" and "first-contentful-paint" in paint:
                break
            if time.monotonic() > deadline:
                raise RuntimeError("chromium did not load the page within 30 s")
            time.sleep(0.05)
        loaded = time.time() - spawn
        time.sleep(settle_s)
        pids = children_of([process.pid]) | children_of(with_argument(str(profile)))
        rss = pss = 0.0
        for pid in pids:
            mem = memory(pid)
            rss += mem.get("VmRSS", 0.0)
            pss += mem.get("Pss", 0.0)
        try:
            pipe.call("Browser.close")
            process.wait(10)
        except (RuntimeError, subprocess.TimeoutExpired):
            pass
        return {
            "first_paint": (origin + paint.get("first-paint", paint["first-contentful-paint"]))
            / 1000
            - spawn,
            "first_contentful_paint": (origin + paint["first-contentful-paint"]) / 1000 - spawn,
            "loaded": loaded,
            "processes": len(pids),
            "rss": rss,
            "pss": pss,
        }
    finally:
        os.close(to_chrome[1])
        os.close(from_chrome[0])
        _stop(process, str(profile))
        shutil.rmtree(profile, ignore_errors=True)
