"""Heavy work runs within a deadline and a memory ceiling (netwerken.limits)."""

import time

import pytest

from netwerken.limits import LimitExceeded, Limits, WorkFailed, run_limited


def _double(value):
    return value * 2


def _sleep(seconds):
    time.sleep(seconds)


def _allocate(megabytes):
    return len(bytearray(megabytes * 1024 * 1024))


def _fail():
    raise ValueError("kapot")


def test_it_returns_the_result():
    assert run_limited(_double, 21, limits=Limits(seconds=10, memory_mb=200)) == 42


def test_it_stops_work_past_its_deadline():
    started = time.monotonic()
    with pytest.raises(LimitExceeded) as caught:
        run_limited(_sleep, 30, limits=Limits(seconds=1, memory_mb=200))
    assert caught.value.kind == "time"
    assert time.monotonic() - started < 10


def test_it_stops_work_past_its_memory_ceiling():
    with pytest.raises(LimitExceeded) as caught:
        run_limited(_allocate, 1000, limits=Limits(seconds=20, memory_mb=200))
    assert caught.value.kind == "memory"


def test_memory_under_the_ceiling_is_fine():
    assert run_limited(_allocate, 50, limits=Limits(seconds=20, memory_mb=200)) == 50 * 1024 * 1024


def test_an_error_in_the_work_reaches_the_caller():
    with pytest.raises(WorkFailed) as caught:
        run_limited(_fail, limits=Limits(seconds=10, memory_mb=200))
    assert caught.value.remote_type == "ValueError"
    assert str(caught.value) == "kapot"
