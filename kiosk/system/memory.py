"""The C allocator, tuned for a process that allocates and frees screen-sized images all day.

Every page transition allocates two screen-sized pixmaps (8 MB each at 1080p, 33 MB at 4K) and
frees them 280 ms later. glibc serves the first such block with ``mmap`` and gives it back at
once, but then raises its mmap threshold to that size, so every later one comes from the heap,
whose freed pages stay resident: about 20 MB that the kiosk never uses again
(benchmarks/RESULTS.md). Pinning the threshold at 1 MB keeps large blocks in ``mmap``, and
:func:`release_free_memory` hands back what the heap no longer needs when the kiosk goes idle.
Elsewhere (not glibc) both functions do nothing. A block fresh from ``mmap`` faults at its first
write (4 ms at 1080p), so while a visitor browses the transitions keep their last pixmaps for the
next change (``kiosk.ui.buffers``) and let them go at the idle reset.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger("kiosk.memory")

M_MMAP_THRESHOLD = -3  # from glibc's <malloc.h>
MMAP_THRESHOLD = 1 << 20

_libc: ctypes.CDLL | None = None


def _glibc() -> ctypes.CDLL | None:
    global _libc
    if _libc is None and sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL("libc.so.6")  # glibc's soname (find_library costs a subprocess)
            libc.mallopt  # noqa: B018 - glibc (and not, say, musl) has both
            libc.malloc_trim  # noqa: B018
        except (OSError, AttributeError):
            return None
        _libc = libc
    return _libc


def tune_allocator() -> bool:
    """Serve blocks of 1 MB and more from ``mmap`` for good; True when it was done."""
    libc = _glibc()
    if libc is None:
        return False
    done = bool(libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))
    if not done:
        log.warning("mallopt(M_MMAP_THRESHOLD) refused")
    return done


def release_free_memory() -> None:
    """Give the heap's free pages back to the system (a few ms; call it when idle)."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)
