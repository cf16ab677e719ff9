"""Shared helpers for the pandas side of the benchmarks: data folder, timing, output."""
import json
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get("BELLWETHER_DATA") or os.path.join(HERE, "..", "..", "..", "shared", "data")


def measure(work, repeats=5, warmup=1):
    """Median wall seconds of work() over `repeats` runs after `warmup` runs."""
    for _ in range(warmup):
        work()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        work()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def report(seconds, **extra):
    """Prints the result line bench/run reads."""
    print(json.dumps({"seconds": seconds, **extra}))
    sys.stdout.flush()
