"""Long calls release the GIL: another Python thread keeps running while they work."""
import sys
import threading
import time

import libland


def stamps_while(call):
    """Runs call() in a worker thread while this thread's helper counts; returns the call's start
    and end times and the times the counter was seen running."""
    stamps, done, span = [], threading.Event(), {}

    def count():
        n = 0
        while not done.is_set():
            n += 1
            if n % 50 == 0:
                stamps.append(time.perf_counter())

    def work():
        span["start"] = time.perf_counter()
        span["result"] = call()
        span["end"] = time.perf_counter()

    counter = threading.Thread(target=count)
    counter.start()
    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    done.set()
    counter.join()
    return span, stamps


def assert_counter_ran_inside(span, stamps):
    # Holding the GIL, the call would let the counter run at most one switch interval (5 ms)
    # after it started; margins of three intervals keep that out of the window looked at.
    margin = 3 * sys.getswitchinterval()
    assert span["end"] - span["start"] > 4 * margin, "the call is too short for the check"
    inside = [t for t in stamps if span["start"] + margin < t < span["end"] - margin]
    assert len(inside) > 10


def test_diff_releases_the_gil(before, after):
    # A tolerance of 1 mm makes re-measured parcels go through the full overlay (long enough).
    span, stamps = stamps_while(lambda: libland.diff(before, after, tolerance=0.001, threads=1))
    assert span["result"].counts()["split"] >= 1
    assert_counter_ran_inside(span, stamps)


def test_validate_releases_the_gil(before):
    span, stamps = stamps_while(lambda: libland.validate(before))
    assert isinstance(span["result"], libland.Findings)
    assert_counter_ran_inside(span, stamps)
