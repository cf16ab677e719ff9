"""pandas side of `drawdown_1m`: every day's drawdown of a 1,000,000-day series by close and by high."""
import numpy as np
import pandas as pd

from common import measure, report

i = np.arange(1_000_000)
close = 100 + 50 * np.sin(i / 1000.0) + 10 * np.sin(i / 37.0) + i * 1e-4
# Day numbers stand in for dates: pandas timestamps cannot reach back a million days.
frame = pd.DataFrame({"date": i, "high": close * 1.01, "close": close})


def drawdown(candidate):
    peak = candidate.cummax()
    return frame.close / peak - 1, frame.date.where(candidate >= peak).ffill()


def work():
    by_close, _ = drawdown(frame.close)
    by_high, _ = drawdown(frame[["high", "close"]].max(axis=1))
    return by_close.iloc[-1] + by_high.iloc[-1]


report(measure(work, repeats=5))
