"""Proof sheets: render every screen offscreen to PNG, for editors to check before the expo."""

from __future__ import annotations

import argparse
import html
import json
import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.commands.arguments import size_argument
from kiosk.commands.compare import Comparison, changes_page, compare
from kiosk.commands.sheets import Shot, contact_sheets, file_stem, mark_colours

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap

    from kiosk.ui.shell import Shell

log = logging.getLogger("kiosk.render")

DEFAULT_SIZES = ((1920, 1080), (1366, 768), (1080, 1920), (3840, 2160))


@dataclass
class Proofs:
    """What a render wrote: the screens, the contact sheets, the index and the comparison."""

    shots: list[Shot]
    sheets: list[Path]
    index: Path
    comparison: Comparison | None = None
    changes: Path | None = None

    @property
    def wholes(self) -> int:
        """How many long pages were also rendered whole."""
        return sum(1 for s in self.shots if s.full is not None)


def render(
    outdir: Path,
    sizes: Sequence[tuple[int, int]] = DEFAULT_SIZES,
    langs: Sequence[str] = ("zh", "en"),
    content_dir: Path | None = None,
    only: Sequence[str] = (),
    full: bool = True,
    modes: Sequence[str] = (),
    compare_with: Path | None = None,
) -> Proofs:
    """Render every route (or those whose name starts with one of *only*) to *outdir*.

    With *full*, a page longer than the screen is also rendered whole (``…-full.png``), so an
    editor sees every line of it. With *compare_with*, each PNG is compared with the one of the
    same name there; changed and new screens are marked on the sheets and shown in
    ``changes.html``.
    """
    if "QT_QPA_PLATFORM" not in os.environ:
        screen = outdir / ".offscreen.json"
        outdir.mkdir(parents=True, exist_ok=True)
        big = max(max(w, h) for w, h in sizes)
        spec = {"name": "render", "x": 0, "y": 0, "width": big, "height": big, "dpr": 1}
        screen.write_text(json.dumps({"screens": [spec]}), encoding="utf-8")
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from kiosk.app import create_application, load_content
    from kiosk.commands.fit import quiet_qt
    from kiosk.model.routes import all_routes
    from kiosk.model.session import Session
    from kiosk.model.settings import Settings
    from kiosk.model.speech import Silent
    from kiosk.ui.shell import Shell

    quiet_qt()
    app = QApplication.instance() or create_application("kiosk-render")
    content = load_content(content_dir)
    outdir.mkdir(parents=True, exist_ok=True)
    shots = []
    routes = [r for r in all_routes(content) if not only or str(r).startswith(tuple(only))]
    for width, height in sizes:
        for lang in langs:
            settings = Settings.defaults().replace(language=lang, transition_ms=150)
            session = Session(content, settings)
            # Proof sheets show every number at its final value.
            shell = Shell(session, kiosk_mode=False, animate=False)
            # ...and the bar as on a machine with read-aloud voices (its widest: every toggle).
            shell.speech.attach(Silent())
            shell.bar.set_language(session.lang)
            shell.resize(width, height)
            shell.show()
            for mode in modes:
                session.set_mode(mode, True)
            for route in routes:
                session.nav.show(route)
                shell.host.finish_transition()
                QCoreApplication.processEvents()
                stem = file_stem(width, height, modes, lang, str(route))
                path = outdir / f"{stem}.png"
                shell.grab().save(str(path))
                long = _full_length(shell) if full else None
                long_path = None
                if long is not None:
                    long_path = outdir / f"{stem}-full.png"
                    long.save(str(long_path))
                shots.append(Shot(width, height, tuple(modes), lang, str(route), path, long_path))
            shell.allow_close()
            shell.close()
            shell.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del app
    comparison = None
    marks: dict[str, str] = {}
    if compare_with is not None:
        names = [f.name for shot in shots for f in shot.files]
        prefixes = _scope(sizes, langs, modes, only)
        comparison = compare(names, outdir, compare_with, lambda n: n.startswith(prefixes))
        for shot in shots:
            status = [comparison.status(f.name) for f in shot.files]
            mark = "new" if "new" in status else "changed" if "changed" in status else None
            if mark:
                marks[shot.path.name] = mark
    sheets = contact_sheets(shots, outdir, marks)
    changes = changes_page(comparison, outdir) if comparison is not None else None
    index = index_page(shots, sheets, outdir / "index.html", marks, comparison)
    return Proofs(shots, sheets, index, comparison, changes)


def _scope(
    sizes: Sequence[tuple[int, int]],
    langs: Sequence[str],
    modes: Sequence[str],
    only: Sequence[str],
) -> tuple[str, ...]:
    """The starts of the file names this render could have written."""
    routes = [o.replace("/", "--") for o in only] or [""]
    return tuple(
        file_stem(w, h, modes, lang, route) for w, h in sizes for lang in langs for route in routes
    )


def index_page(
    shots: Sequence[Shot],
    sheets: Sequence[Path],
    out: Path,
    marks: Mapping[str, str],
    comparison: Comparison | None = None,
) -> Path:
    """An HTML page with the contact sheets and every screen by group, for the editor's browser."""
    from kiosk.ui.tokens import THEME

    palette = THEME.palette
    parts = []
    if comparison is not None:
        parts.append(
            f"<p class=summary>{html.escape(comparison.summary())}: "
            "<a href='changes.html'>see the changes</a></p>"
        )
    links = "".join(f"<li><a href='{p.name}'>{p.name}</a></li>" for p in sheets)
    parts.append(f"<h2>Contact sheets</h2><ul>{links}</ul>")
    for group, members in groupby(shots, key=lambda s: s.group):
        figures = []
        for shot in members:
            name = html.escape(shot.path.name)
            mark = marks.get(shot.path.name)
            whole = (
                f" · <a href='{html.escape(shot.full.name)}'>whole page</a>" if shot.full else ""
            )
            tag = f"<b>{mark}</b> " if mark else ""
            figures.append(
                f"<figure class='{mark or ''}'><a href='{name}'><img src='{name}' loading=lazy>"
                f"</a><figcaption>{tag}{html.escape(shot.route)}{whole}</figcaption></figure>"
            )
        parts.append(f"<h2>{html.escape(group)}</h2>{''.join(figures)}")
    colours = "".join(
        f"figure.{m} img{{outline:4px solid {c}}}figure.{m} b{{color:{c}}}"
        for m, c in mark_colours().items()
    )
    out.write_text(
        "<!doctype html><meta charset=utf-8><title>kiosk proof sheets</title>"
        f"<style>body{{background:{palette.background_deep};color:{palette.text};"
        f"font:14px sans-serif;margin:24px}}a{{color:{palette.accent}}}"
        "figure{display:inline-block;margin:8px;width:300px;vertical-align:top}"
        f"img{{width:300px}}{colours}</style>"
        f"<h1>kiosk proof sheets</h1>{''.join(parts)}",
        encoding="utf-8",
    )
    return out


def _full_length(shell: Shell) -> QPixmap | None:
    """The whole scrolling content of the shell's page, or None for a page that fits."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QPixmap, QRegion
    from PySide6.QtWidgets import QWidget

    from kiosk.ui.pages.base import ScrollPage

    page = shell.host.page
    if not isinstance(page, ScrollPage):
        return None
    inner = page.scroll_area.widget()
    if inner is None or inner.height() <= page.scroll_area.viewport().height():
        return None
    pixmap = QPixmap(inner.size())
    pixmap.fill(QColor(shell.theme.palette.background))
    inner.render(pixmap, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
    return pixmap


def command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk render",
        description="Render every screen to PNG, with contact sheets (one per size and mode) and "
        "an HTML index; optionally compare with an earlier render.",
    )
    parser.add_argument(
        "outdir",
        type=Path,
        help="folder for the PNGs, the index-*.png sheets and index.html (created)",
    )
    parser.add_argument(
        "--size",
        type=size_argument,
        action="append",
        metavar="WxH",
        help="screen size; repeat for several (default: 1920x1080, 1366x768, 1080x1920 and "
        "3840x2160)",
    )
    parser.add_argument(
        "--lang", choices=("zh", "en"), action="append", help="language; repeat (default: both)"
    )
    parser.add_argument(
        "--content", type=Path, metavar="DIR", help="content folder (default: the bundled one)"
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="ROUTE",
        help="only the screens whose route starts with this, e.g. home or theme/; repeat",
    )
    parser.add_argument(
        "--mode",
        action="append",
        default=[],
        choices=("large_text", "high_contrast", "low_reach"),
        help="render with this accessibility mode on",
    )
    parser.add_argument(
        "--compare",
        type=Path,
        metavar="OLD_DIR",
        help="compare each screen with the one of the same name in an earlier render; list, "
        "mark and show the changed, new and missing ones (changes.html)",
    )
    return parser


def render_command(argv: Sequence[str]) -> int:
    """``kiosk render OUTDIR [--size WxH ...] [--lang zh|en ...] [--only ROUTE ...]
    [--compare OLD_DIR]``."""
    parser = command_parser()
    args = parser.parse_args(argv)
    if args.compare is not None:
        if not args.compare.is_dir():
            parser.error(f"--compare: no such folder: {args.compare}")
        if args.compare.resolve() == args.outdir.resolve():
            parser.error("--compare needs another folder than OUTDIR (the render overwrites it)")
    proofs = render(
        args.outdir,
        args.size or DEFAULT_SIZES,
        args.lang or ("zh", "en"),
        args.content,
        args.only,
        modes=args.mode,
        compare_with=args.compare,
    )
    sheets = len(proofs.sheets)
    print(
        f"{len(proofs.shots)} screens written to {args.outdir}"
        + (f" (and {proofs.wholes} long pages whole)" if proofs.wholes else "")
        + f", with {sheets} contact sheet{'s' if sheets != 1 else ''} and index.html"
    )
    if proofs.comparison is not None:
        print("\n".join(proofs.comparison.lines()))
        print(f"see {proofs.changes}")
    return 0
