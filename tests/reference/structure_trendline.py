"""Reference for `bellwether trendline`: successive trendlines from the extreme pivot of the lookback, each walked
to its break, and the dominant one. Written from docs/structure.md with pandas cumulative maxima (one vector pass
per trend) instead of the C# bar-by-bar sweep.

Usage: structure_trendline.py DATA SPEC resistance|support AS_OF[,AS_OF...] [months left right buffer touch min_touches]
SPEC is a file relative to DATA, or 'A.csv|B.csv' for the ratio of closes on common dates.
Prints JSON {as_of: {"dominant": line|null, "lines": [...]}}.
"""
import json
import math
import sys

import numpy as np
import pandas as pd

from structure_common import load, pivots

DAYS_PER_MONTH = 365.2425 / 12
DEFAULTS = [6, 5, 5, 0.01, 0.01, 2]


def lines_as_of(full, as_of, side, nums=DEFAULTS):
    """The trend chain and the dominant line of `side` in `full` (a frame from structure_common.load) as of `as_of`."""
    MONTHS, LEFT, RIGHT, BUF, TOUCH, MIN_TOUCHES = int(nums[0]), int(nums[1]), int(nums[2]), nums[3], nums[4], int(nums[5])
    sign = 1.0 if side == "resistance" else -1.0
    as_of = pd.Timestamp(as_of)
    df = full[full.index <= as_of]
    last = len(df) - 1
    days = (df.index - pd.Timestamp("1970-01-01")).days.to_numpy()
    close = df.close.to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        cy = sign * np.log(np.where(close > 0, close, np.nan))
    first_pos = int(df.index.searchsorted(as_of - pd.DateOffset(months=MONTHS), side="left"))
    kind = "high" if side == "resistance" else "low"
    piv = [p for p in pivots(df, kind, LEFT, RIGHT, last, first_pos)]
    col = df[kind].where(df[kind].notna(), df.close).to_numpy()
    piv = [p for p in piv if col[p] > 0]
    # The same vectorised log as the closes', so a close-only pivot sits exactly on its own close.
    with np.errstate(divide="ignore", invalid="ignore"):
        logcol = sign * np.log(np.where(col > 0, col, np.nan))
    py = {p: logcol[p] for p in piv}
    lines, after = [], -1
    while True:
        cand = [p for p in piv if p > after]
        if not cand:
            break
        a = max(cand, key=lambda p: (py[p], -p))
        ya = py[a]
        j = np.arange(a + 1, last + 1)
        dt = (days[j] - days[a]).astype(float)
        steepest = pd.Series((cy[j] - ya) / dt).fillna(-np.inf).cummax().to_numpy()
        slopes = np.full(len(j), np.nan)
        for p in piv:
            if p > a and py[p] < ya:
                k = p - a - 1
                s = (py[p] - ya) / dt[k]
                if s >= steepest[k]:
                    slopes[k] = s
        # The shallowest valid anchor so far (cummax leaves NaN rows NaN, so fill them first).
        hull = pd.Series(slopes).fillna(-np.inf).cummax().replace(-np.inf, np.nan)
        before = hull.shift(1).to_numpy()
        with np.errstate(invalid="ignore"):
            breach = ((cy[j] - math.log(1 + BUF) - ya) / dt) > before
        breach &= ~np.isnan(before)
        hits = np.flatnonzero(breach)
        stop = hits[0] if len(hits) else len(j)
        if stop == 0 or np.isnan(hull.iloc[stop - 1]):
            break
        slope = hull.iloc[stop - 1]
        b = a + 1 + int(np.flatnonzero(hull.to_numpy()[:stop] == slope)[0])
        end = a + 1 + stop if len(hits) else last
        line_at = lambda pos: col[a] * math.exp(sign * slope * (days[pos] - days[a]))
        touches = [p for p in piv if a <= p <= end and abs(py[p] - (ya + slope * (days[p] - days[a]))) <= math.log(1 + TOUCH)]
        line = {
            "first_anchor": {"date": str(df.index[a].date()), "value": col[a]},
            "last_anchor": {"date": str(df.index[b].date()), "value": col[b]},
            "touches": [str(df.index[p].date()) for p in touches],
            "slope_pct_per_month": (math.exp(sign * slope * DAYS_PER_MONTH) - 1) * 100,
            "end": str(df.index[end].date()),
            "duration_months": (days[end] - days[a]) / DAYS_PER_MONTH,
            "value_at_as_of": line_at(last),
            "break": {"date": str(df.index[end].date()), "close": close[end], "line_value": line_at(end)} if len(hits) else None,
        }
        if len(touches) >= MIN_TOUCHES:
            lines.append((days[end] - days[a], len(touches), days[a], line))
        if not len(hits):
            break
        after = end
    dominant = max(lines, key=lambda t: t[:3])[3] if lines else None
    return {"dominant": dominant, "lines": [t[3] for t in lines]}


if __name__ == "__main__":
    args = sys.argv[1:]
    frame = load(args[0], args[1])
    nums = [float(a) for a in args[4:]] or DEFAULTS
    print(json.dumps({d: lines_as_of(frame, d, args[2], nums) for d in args[3].split(",")}))
