"""Stopping cleanly: a terminated command still runs its clean-up, and takes its child processes with it."""

from __future__ import annotations

import contextlib
import ctypes
import signal
from collections.abc import Iterator
from types import FrameType

PR_SET_PDEATHSIG = 1


@contextlib.contextmanager
def finishing_on_signals() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into SystemExit meanwhile, so that ``finally`` clauses run when a command is stopped."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def die_with_parent() -> None:
    """In a child process (as ``preexec_fn``): be killed when the parent dies, even by SIGKILL (Linux)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
