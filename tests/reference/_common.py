"""Shared helpers of the reference scripts: read a data-folder CSV the way pandas users would, and print JSON."""
import json
import math
import os

import numpy as np
import pandas as pd

FREQ = {"daily": None, "weekly": "W-FRI", "monthly": "M"}


def closes(data, relpath, since=None, until=None):
    """The non-missing closes of a data-folder CSV (`close` column, or the file's value column), indexed by date."""
    df = pd.read_csv(os.path.join(data, relpath), parse_dates=[0], index_col=0)
    column = "close" if "close" in df.columns else df.columns[0]
    s = df[column].dropna()
    return s[since:until] if (since or until) else s


def aligned(data, files, since, until, freq, on):
    """Resample each series (last close of the W-FRI week / calendar month), inner-join, then take returns."""
    series = []
    for f in files:
        s = closes(data, f, since, until)
        if FREQ[freq]:
            s = s.resample(FREQ[freq]).last().dropna()
        series.append(s)
    joined = pd.concat(series, axis=1, join="inner").dropna()
    if on == "log-returns":
        rows = np.log(joined).diff().iloc[1:]
    elif on == "returns":
        rows = joined.pct_change().iloc[1:]
    else:
        rows = joined
    return joined, rows


def clean(value):
    """JSON-safe: NaN and infinities as null, numpy scalars as Python numbers, dates as yyyy-mm-dd."""
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if isinstance(value, (pd.Timestamp,)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if not math.isfinite(float(value)) else float(value)
    return value


def emit(value):
    print(json.dumps(clean(value)))
