"""Long work tells the parent how far it got, and the parent hears a heartbeat while it waits."""

import time

import pytest

from netwerken.limits import LimitExceeded, Limits, report_progress, run_limited


def _steps(count, pause):
    for step in range(count):
        report_progress(f"step {step}")
        time.sleep(pause)
    return "done"


def _quiet(seconds):
    time.sleep(seconds)
    return "done"


def test_progress_reaches_the_parent_in_order():
    heard = []
    assert (
        run_limited(
            _steps, 3, 0, limits=Limits(seconds=10, memory_mb=200), on_progress=heard.append
        )
        == "done"
    )
    assert heard == ["step 0", "step 1", "step 2"]


def test_silence_is_a_heartbeat_every_tick():
    heard = []
    run_limited(
        _quiet, 1.2, limits=Limits(seconds=10, memory_mb=200), on_progress=heard.append, tick=0.2
    )
    assert heard and set(heard) == {None}
    assert 3 <= len(heard) <= 7


def test_progress_does_not_stretch_the_deadline():
    heard = []
    started = time.monotonic()
    with pytest.raises(LimitExceeded) as caught:
        run_limited(
            _steps,
            100,
            0.1,
            limits=Limits(seconds=1, memory_mb=200),
            on_progress=heard.append,
            tick=0.2,
        )
    assert caught.value.kind == "time"
    assert time.monotonic() - started < 5
    assert "step 0" in heard


def test_outside_a_limited_run_reporting_does_nothing():
    report_progress("nobody listens")  # no error
