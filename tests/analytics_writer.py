"""A kiosk recording statistics far faster than visitors could, until it is killed.

Run by tests/test_analytics.py: ``python analytics_writer.py DB FLUSH_SECONDS ROUND``. It prints
``event N T`` after recording screen view N (T: ``time.monotonic()``), ``flush`` when a commit
starts, ``writing`` half-way through it and ``flushed`` when it is done. The page
cache is tiny and the rows are long, so a commit spills pages into the write-ahead log as it
goes; at ``writing`` it waits a moment inside the open transaction: a kill then lands mid-write.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from kiosk.model.analytics import AnalyticsStore, Recorder

PAD = "x" * 3000


class LoudRecorder(Recorder):
    """Says when a commit starts, when it is well under way (pages already written to the log,
    the transaction still open: it then waits a moment, to be killed), and when it is done."""

    steps = 0

    def dawdle(self) -> int:
        self.steps += 1
        if self.steps == 40:
            print("writing", flush=True)
            time.sleep(0.05)
        return 0

    def flush(self) -> None:
        print("flush", flush=True)
        self.steps = 0
        self.store.db.set_progress_handler(self.dawdle, 100)
        super().flush()
        self.store.db.set_progress_handler(None, 0)
        print("flushed", self.commits, flush=True)


def main() -> None:
    path, flush_every, round_ = Path(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
    store = AnalyticsStore(path)
    store.db.execute("PRAGMA cache_size = 2")  # pages: a commit spills to the log as it goes
    recorder = LoudRecorder(store, flush_every=flush_every)
    recorder.session_start("zh")
    number = 0
    while True:
        recorder.screen(f"r{round_}/{number}/{PAD}", "zh")
        for k in range(8):
            recorder.touch(((number + k) % 16 + 0.5) / 16, (k % 9 + 0.5) / 9)
        print("event", number, time.monotonic(), flush=True)
        number += 1
        time.sleep(0.001)  # pace it: a few hundred screens a second


if __name__ == "__main__":
    main()
