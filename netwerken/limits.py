"""Run one piece of heavy, pure work (a PDF layout, reading a workbook) within limits.

The work runs in a forked child process with a ceiling on its memory and a deadline. Past either,
the child is killed and the caller gets `LimitExceeded`, so a background worker goes on with the
next job instead of running for an hour or being killed by the kernel. The work must be pure: it
gets picklable arguments and returns a picklable result, and must not touch the database (the
child shares the parent's connection objects, which it must leave alone).
"""

import multiprocessing
import os
import resource
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


def _child(conn, func, args, kwargs, memory_bytes):
    try:
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


def run_limited(func, *args, limits: Limits, **kwargs):
    """`func(*args, **kwargs)` in a child process, or LimitExceeded / WorkFailed."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_child, args=(sender, func, args, kwargs, limits.memory_mb * MB), daemon=True
    )
    child.start()
    sender.close()
    try:
        if not receiver.poll(limits.seconds):
            raise LimitExceeded("time", limits.seconds)
        try:
            status, payload = receiver.recv()
        except EOFError:
            # The child died without a word: the kernel killed it, most likely for memory.
            raise LimitExceeded("memory", limits.memory_mb) from None
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
