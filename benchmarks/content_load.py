"""Benchmark: loading and validating the bundled content (target: well under 50 ms).

Run: ``.venv/bin/python benchmarks/content_load.py``. Each figure is the median of 15 runs in a
fresh process (cold: imports included) or in one process (warm).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COLD = """
import time
t0 = time.perf_counter()
from kiosk.content import load
from kiosk.system.paths import bundled_content_dir
t1 = time.perf_counter()
load(bundled_content_dir())
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def main() -> int:
    from kiosk.content import check, load
    from kiosk.system.paths import bundled_content_dir

    folder = bundled_content_dir()
    imports, firsts = [], []
    for _ in range(15):
        out = subprocess.run(
            [sys.executable, "-c", COLD], capture_output=True, text=True, cwd=ROOT, check=True
        ).stdout.split()
        imports.append(float(out[0]))
        firsts.append(float(out[1]))
    warm = []
    for _ in range(15):
        start = time.perf_counter()
        load(folder)
        warm.append(time.perf_counter() - start)
    size = sum(p.stat().st_size for p in folder.glob("*.toml"))
    content, _ = check(folder)
    assert content is not None
    rows = [
        ("import kiosk.content (fresh process)", statistics.median(imports)),
        ("first load in a fresh process", statistics.median(firsts)),
        ("load, warm", statistics.median(warm)),
    ]
    print(f"content: {len(list(folder.glob('*.toml')))} files, {size / 1000:.0f} kB")
    print(f"{'measure':40} {'median ms':>10}")
    for name, seconds in rows:
        print(f"{name:40} {seconds * 1000:10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
