"""Run one piece of heavy, pure work (a PDF layout, reading a workbook) within limits.

The work runs in a forked child process with a ceiling on its memory and a deadline. Past either,
the child is killed and the caller gets `LimitExceeded`, so a background worker goes on with the
next job instead of running for an hour or being killed by the kernel. The work must be pure: it
gets picklable arguments and returns a picklable result, and must not touch the database (the
child shares the parent's connection objects, which it must leave alone).

Long work can tell how far it got with `report_progress(message)`; the parent hears it through
`on_progress`, which is also called with `None` every `tick` seconds of silence, so the parent can
show progress and prove it is alive (a heartbeat) while it waits.
"""

import math
import multiprocessing
import os
import resource
import time
import traceback
from dataclasses import dataclass

MB = 1024 * 1024


class LimitExceeded(Exception):
    """The work took longer than its deadline or needed more memory than its ceiling."""

    def __init__(self, kind: str, limit):
        self.kind = kind  # "time" or "memory"
        self.limit = limit
        super().__init__(f"{kind} limit exceeded ({limit})")


class WorkFailed(Exception):
    """The work raised an exception in the child; `remote_type` names it."""

    def __init__(self, remote_type: str, message: str, details: str):
        self.remote_type = remote_type
        self.details = details
        super().__init__(message)


@dataclass(frozen=True)
class Limits:
    seconds: float
    memory_mb: int


_progress_conn = None


def report_progress(message: str) -> None:
    """From inside the work: pass `message` to the parent's `on_progress` (a no-op elsewhere)."""
    if _progress_conn is not None:
        _progress_conn.send(("progress", message))


def _child(conn, func, args, kwargs, memory_bytes, seconds):
    global _progress_conn
    _progress_conn = conn
    try:
        # A backstop for when the parent is killed and cannot enforce the deadline: CPU time is
        # never more than wall time, so this only ends a child that would otherwise run on alone.
        cpu = math.ceil(seconds) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        if memory_bytes:
            # Address space already mapped by the parent counts too, so the ceiling is added to
            # what this process holds when it starts.
            current = _mapped_bytes()
            resource.setrlimit(resource.RLIMIT_AS, (current + memory_bytes, current + memory_bytes))
        result = func(*args, **kwargs)
        conn.send(("ok", result))
    except MemoryError:
        conn.send(("memory", None))
    except BaseException as error:  # noqa: BLE001 - reported to the parent, which decides
        conn.send(("error", (type(error).__name__, str(error), traceback.format_exc())))
    finally:
        conn.close()
        os._exit(0)


def _mapped_bytes() -> int:
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def run_limited(func, *args, limits: Limits, on_progress=None, tick: float = 5.0, **kwargs):
    """`func(*args, **kwargs)` in a child process, or LimitExceeded / WorkFailed.

    `on_progress(message)` is called in the parent for every `report_progress` of the work, and
    `on_progress(None)` after every `tick` seconds without one.
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_child,
        args=(sender, func, args, kwargs, limits.memory_mb * MB, limits.seconds),
        daemon=True,
    )
    deadline = time.monotonic() + limits.seconds
    child.start()
    sender.close()
    try:
        while True:
            remaining = deadline - time.monotonic()
            wait = min(remaining, tick) if on_progress else remaining
            if remaining <= 0 or not receiver.poll(max(wait, 0)):
                if on_progress and time.monotonic() < deadline:
                    on_progress(None)
                    continue
                raise LimitExceeded("time", limits.seconds)
            try:
                status, payload = receiver.recv()
            except EOFError:
                # The child died without a word: the kernel killed it, most likely for memory.
                raise LimitExceeded("memory", limits.memory_mb) from None
            if status != "progress":
                break
            if on_progress:
                on_progress(payload)
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join(5)
    if status == "ok":
        return payload
    if status == "memory":
        raise LimitExceeded("memory", limits.memory_mb)
    name, message, details = payload
    raise WorkFailed(name, message, details)
