"""``kiosk publish CONTENT_DIR FLEET_DIR``: a checked, immutable content release for a fleet.

The full ``kiosk check`` runs first (layout fit included); only clean content is published. The
release is written to a hidden folder, renamed to ``releases/<id>/`` when complete, and only then
does ``releases/current`` (written atomically) point at it: a kiosk never follows a pointer to a
release that is not all there on the office PC. On the kiosks, a synchronised folder may still
bring it file by file; they verify it against its manifest before they show it.
"""

from __future__ import annotations

import argparse
import getpass
import shutil
import socket
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from kiosk import __version__
from kiosk.model.fleet.manifest import (
    DEFAULT_KEEP,
    MANIFEST,
    atomic_write,
    build_manifest,
    content_files,
    prune,
    release_id,
    releases_dir,
    write_current,
)
from kiosk.model.fleet.verify import verify


def command_parser() -> argparse.ArgumentParser:
    """The arguments of ``kiosk publish``."""
    parser = argparse.ArgumentParser(
        prog="kiosk publish",
        description="Check a content folder (as `kiosk check` does) and, when it is clean, "
        "publish it as the current release of a fleet folder; the kiosks that follow the "
        "folder (kiosk --fleet) show it at their next idle reset.",
    )
    parser.add_argument("content", type=Path, help="the content folder to publish")
    parser.add_argument("fleet", type=Path, help="the fleet folder (Syncthing or a share)")
    parser.add_argument(
        "--keep",
        type=int,
        default=DEFAULT_KEEP,
        metavar="N",
        help=f"releases kept in the fleet folder, the current one always (default {DEFAULT_KEEP})",
    )
    return parser


def publish_command(argv: Sequence[str]) -> int:
    """``kiosk publish CONTENT_DIR FLEET_DIR [--keep N]``; 0 when published, 1 otherwise."""
    parser = command_parser()
    args = parser.parse_args(argv)
    if args.keep < 1:
        parser.error("--keep must be at least 1")
    if not args.content.is_dir():
        print(f"{args.content}: not a folder", file=sys.stderr)
        return 1
    from kiosk.commands.check import check_command

    if check_command(args.content, fit=True) != 0:
        print("nothing published: fix the problems above first", file=sys.stderr)
        return 1
    try:
        release = publish(args.content, args.fleet)
    except OSError as exc:
        print(f"nothing published: {exc}", file=sys.stderr)
        return 1
    removed = prune(args.fleet, args.keep)
    print(f"published release {release} to {args.fleet} (it is the current release)")
    if removed:
        print(f"removed {len(removed)} old release(s): {', '.join(removed)}")
    return 0


def publisher() -> str:
    """``user@host`` of whoever publishes."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "unknown"
    return f"{user}@{socket.gethostname()}"


def publish(content: Path, fleet: Path, now: datetime | None = None) -> str:
    """Write the (already checked) *content* as a new release of *fleet*; returns its id.

    Raises:
        OSError: the release cannot be written or its copy does not verify (nothing is pointed
            at it then; a half-written folder is removed).
    """
    now = now or datetime.now(UTC)
    folder = releases_dir(fleet)
    folder.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=".publishing-", dir=folder))
    try:
        for name in content_files(content):
            (temp / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(content / name, temp / name)
        draft = build_manifest(temp, "", __version__, publisher(), now)
        release = release_id(now, draft.files)
        while (folder / release).exists():  # the same content twice in one second
            release += "x"
        manifest = replace(draft, release=release)
        atomic_write(temp / MANIFEST, manifest.to_json().encode())
        target = folder / release
        temp.rename(target)
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    verdict = verify(target)
    if not verdict.ok:
        shutil.rmtree(target, ignore_errors=True)
        raise OSError(f"the release does not verify after writing: {verdict.reason}")
    write_current(fleet, release)
    return release
