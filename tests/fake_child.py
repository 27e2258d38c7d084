"""A stand-in for the kiosk under the supervisor: starts in milliseconds, beats, crashes on cue.

``python fake_child.py MODE [args…]`` records its start (``pid mode args``) in the file named by
``FAKE_CHILD_LOG`` and then behaves by MODE:

* ``beat``: writes a heartbeat every 0.1 s to the file named by KIOSK_HEARTBEAT, forever;
* ``crash``: exits with code 3 at once (or beats while the file FAKE_CHILD_HEALTHY exists);
* ``exit0``: beats twice, then exits with code 0 (the admin's clean exit);
* ``silent``: never beats.

With ``--out-of-order`` among its arguments it always beats (the out-of-order screen).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def beat(path: Path, count: int) -> None:
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp.write_text(f"{count} {time.time():.3f} {os.getpid()}\n", "ascii")
    temp.replace(path)


def beat_forever(path: Path, times: int | None = None) -> None:
    count = 0
    while times is None or count < times:
        count += 1
        beat(path, count)
        time.sleep(0.1)


def main() -> int:
    mode, args = sys.argv[1], sys.argv[2:]
    record = os.environ.get("FAKE_CHILD_LOG")
    if record:
        with Path(record).open("a", encoding="utf-8") as file:
            file.write(f"{os.getpid()} {mode} {' '.join(args)}\n")
    heartbeat = Path(os.environ["KIOSK_HEARTBEAT"])
    if "--out-of-order" in args or mode == "beat":
        beat_forever(heartbeat)
    if mode == "crash":
        healthy = os.environ.get("FAKE_CHILD_HEALTHY")
        if healthy and Path(healthy).exists():
            beat_forever(heartbeat)
        return 3
    if mode == "exit0":
        beat_forever(heartbeat, times=2)
        return 0
    if mode == "silent":
        time.sleep(3600)
    return 2


if __name__ == "__main__":
    sys.exit(main())
