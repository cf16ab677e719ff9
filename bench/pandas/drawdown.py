"""pandas side of `drawdown`: every day's drawdown of BTC by close and by high (running peak, drawdown, peak date)."""
import os

import pandas as pd

from common import DATA, measure, report

btc = pd.read_csv(os.path.join(DATA, "crypto", "daily", "BTC.csv"), parse_dates=["date"])
btc = btc[btc.close.notna() & (btc.close > 0)].reset_index(drop=True)


def drawdown(frame, candidate):
    peak = candidate.cummax()
    return frame.close / peak - 1, frame.date.where(candidate >= peak).ffill()


def work():
    by_close, _ = drawdown(btc, btc.close)
    by_high, _ = drawdown(btc, btc[["high", "close"]].max(axis=1))
    return by_close.iloc[-1] + by_high.iloc[-1]


report(measure(work, repeats=20))
