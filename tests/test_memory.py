"""The allocator tuning: freed screen-sized blocks go back to the system (glibc)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kiosk.system import memory

pytestmark = pytest.mark.skipif(memory._glibc() is None, reason="glibc only")

# Allocates, touches and frees a 16 MB block twice, then prints how much of it stays resident.
_SCRIPT = """
import ctypes, sys
from kiosk.system import memory
if sys.argv[1] == "tuned":
    assert memory.tune_allocator()
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
size = 16 << 20
for _ in range(2):  # the first free raises glibc's threshold; the second block is what counts
    block = libc.malloc(size)
    ctypes.memset(block, 1, size)
    before = rss()
    libc.free(block)
print(before - rss())
"""


def _returned_mb(mode: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", _SCRIPT, mode], capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip())


def test_a_freed_screen_sized_block_goes_back_to_the_system() -> None:
    assert _returned_mb("tuned") > 15, "tuned: the 16 MB go back at free"
    assert _returned_mb("plain") < 1, "untuned glibc keeps them (what the tuning is for)"
    memory.release_free_memory()  # harmless at any time
