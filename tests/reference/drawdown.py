"""Reference for Bellwether's drawdown: running peak, drawdown, peak date and maximum drawdown, in pandas.

Usage: drawdown.py DAILY_CSV close|high FROM|- TO|-
Reads a `date,open,high,low,close,...` file straight from the data folder (not the store) and prints JSON.
By high, a day's peak candidate is the larger of its high and its close (the close when the high is missing).
"""
import json
import sys

import pandas as pd

path, basis, start, end = sys.argv[1:5]
df = pd.read_csv(path, parse_dates=["date"])
if start != "-":
    df = df[df.date >= start]
if end != "-":
    df = df[df.date <= end]
df = df[df.close.notna()].reset_index(drop=True)
if (df.close <= 0).any():
    sys.exit("non-positive close")
candidate = df.close if basis == "close" else df[["high", "close"]].max(axis=1, skipna=True)
peak = candidate.cummax()
drawdown = df.close / peak - 1
peak_date = df.date.where(candidate >= peak).ffill()
trough = int(drawdown.values.argmin())
print(json.dumps({
    "dates": df.date.dt.strftime("%Y-%m-%d").tolist(),
    "peak": peak.tolist(),
    "peak_date": peak_date.dt.strftime("%Y-%m-%d").tolist(),
    "drawdown": drawdown.tolist(),
    "max_drawdown": float(drawdown.min()),
    "max_drawdown_date": df.date[trough].strftime("%Y-%m-%d"),
    "max_drawdown_peak_date": peak_date[trough].strftime("%Y-%m-%d"),
    "days_since_peak": int((df.date.iloc[-1] - peak_date.iloc[-1]).days),
}))
