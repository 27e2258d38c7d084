"""The kiosk's own rotating log file (no logging.handlers import before the first frame)."""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.system.logs import RotatingFile


def test_the_log_rotates_at_its_size_and_keeps_the_newest_files(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.log"
    handler = RotatingFile(path, max_bytes=1000, backups=3)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("kiosk.test-rotation")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for i in range(200):
            logger.warning("line %03d %s", i, "x" * 40)
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["kiosk.log", "kiosk.log.1", "kiosk.log.2", "kiosk.log.3"]
    assert all((tmp_path / f).stat().st_size <= 1000 for f in files)
    assert "line 199" in path.read_text("utf-8"), "the newest line is in the current file"
    older = (tmp_path / "kiosk.log.1").read_text("utf-8").splitlines()
    newer = path.read_text("utf-8").splitlines()
    assert int(older[-1].split()[1]) + 1 == int(newer[0].split()[1]), "nothing lost in between"
