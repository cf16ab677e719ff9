"""Reference for `bellwether breakout`: the prior multi-year-high track with its breakout state machine, and the
pivot-high zones with theirs, as of a date. Written from docs/structure.md with pandas/numpy, independently of C#.

Usage: structure_breakout.py DATA FILE AS_OF [lookback_years exclude buffer approach test confirm retest fail fail_bars
                                              zone_tol zone_min zone_pivot min_held_days]
Prints JSON {"as_of", "events": [...], "levels": [...]}.
Month ends here come from the data (the last row of each month), not from a calendar.
"""
import json
import sys

import numpy as np
import pandas as pd

from structure_common import load, pivots

DEFAULTS = [5, 63, 0.01, 0.03, 0.005, 3, 0.01, 0.02, 21, 0.015, 2, 10, 365]


def analyze(full, as_of, nums=DEFAULTS):
    """Levels and events of `full` (a frame from structure_common.load) as of `as_of`."""
    Y, EXCLUDE, BUF, APPROACH, TEST, CONFIRM, RETEST, FAIL, FAIL_BARS, ZONE_TOL, ZONE_MIN, ZONE_PIV, MIN_HELD = nums
    Y, EXCLUDE, CONFIRM, FAIL_BARS, ZONE_MIN, ZONE_PIV = int(Y), int(EXCLUDE), int(CONFIRM), int(FAIL_BARS), int(ZONE_MIN), int(ZONE_PIV)
    as_of = pd.Timestamp(as_of)
    df = full[full.index <= as_of]
    dates = df.index
    close = df.close.to_numpy()
    high = df.high.where(df.high.notna(), df.close).to_numpy()
    low = df.low.where(df.low.notna(), df.close).to_numpy()
    n = len(df)
    periods = dates.to_period("M")
    month_end = np.asarray(pd.Series(periods).ne(pd.Series(periods).shift(-1)))
    # The last row is a month end only if the full file has no later row in its month: known from the file's calendar.
    later_in_month = full[(full.index > dates[-1]) & (full.index.to_period("M") == periods[-1])]
    month_end[-1] = len(later_in_month) == 0

    class Machine:
        def __init__(self, level, kind, level_date, all_time_high, held_since):
            self.level, self.kind, self.level_date, self.all_time_high = level, kind, level_date, all_time_high
            self.held_since = pd.Timestamp(held_since)
            self.phase, self.state, self.since = "pre", None, None
            self.b_index = self.streak = 0
            self.confirmed = self.retested = self.recent_top = False
            self.b_date = None

        def shown(self):
            """(state, since): a standing breakout of a top that held under MIN_HELD days is a new (all-time) high."""
            if self.phase == "post" and self.recent_top:
                return ("all_time_high" if self.all_time_high else "new_high"), self.b_date
            return self.state, self.since

        def classify(self, i):
            if high[i] >= self.level * (1 - TEST):
                return "testing"
            return "approaching" if close[i] >= self.level * (1 - APPROACH) else "below"

        def emit(self, out, i, typ, state):
            out.append({"date": str(dates[i].date()), "type": typ, "level": self.level, "close": close[i],
                        "kind": self.kind, "level_date": self.level_date})
            self.state, self.since = state, str(dates[i].date())

        def enter(self, i, state):
            if state != self.state:
                self.state, self.since = state, str(dates[i].date())

        def step(self, i, out):
            c, L = close[i], self.level
            if self.phase != "post":
                if c > L * (1 + BUF):
                    self.phase, self.b_index, self.streak = "post", i, 1
                    self.confirmed = self.retested = False
                    self.b_date = str(dates[i].date())
                    self.recent_top = (dates[i] - self.held_since).days < MIN_HELD
                    self.emit(out, i, "breakout", "breakout")
                    self.try_confirm(i, out)
                elif self.phase == "failed":
                    self.enter(i, "failed")
                else:
                    self.enter(i, self.classify(i))
                return
            if c < L * (1 - FAIL):
                early = i - self.b_index <= FAIL_BARS
                self.phase = "failed" if early else "pre"
                self.emit(out, i, "failed" if early else "reversed", "failed" if early else self.classify(i))
                return
            if not self.confirmed:
                self.streak = self.streak + 1 if c > L else 0
                self.try_confirm(i, out)
                return
            in_band = low[i] <= L * (1 + RETEST)
            if not self.retested and in_band and c >= L:
                self.retested = True
                self.emit(out, i, "retest", "retest")
            elif self.retested:
                self.enter(i, "retest" if in_band else "above")

        def try_confirm(self, i, out):
            if self.streak >= CONFIRM or (month_end[i] and close[i] > self.level):
                self.confirmed = True
                self.emit(out, i, "confirmed", "confirmed")


    # Multi-year-high track: the window of each row, by date and by position.
    starts = dates.searchsorted(dates - pd.DateOffset(years=Y), side="left")
    covered = dates[0] <= dates - pd.DateOffset(years=Y)
    events, tracked = [], None
    for i in range(n):
        cutoff = dates[i] - pd.DateOffset(years=Y)
        if tracked is not None and pd.Timestamp(tracked.level_date) < cutoff:
            tracked = None
        end = i - EXCLUDE
        if covered[i] and end >= starts[i]:
            window = close[starts[i]: end + 1]
            a = starts[i] + int(np.argmax(window))
            H = close[a]
            recent = close[end + 1: i]
            fresh = len(recent) == 0 or recent.max() <= H * (1 + BUF)
            a_date = str(dates[a].date())
            if fresh and (tracked is None or tracked.level_date != a_date):
                tracked = Machine(H, "multi_year_high", a_date, a == 0 or H >= np.nanmax(close[:a]), a_date)
        if tracked is not None:
            tracked.step(i, events)

    last = n - 1
    levels = []
    if tracked is not None:
        piv = pivots(df, "high", ZONE_PIV, ZONE_PIV, last)
        touch = [p for p in piv if dates[p] >= pd.Timestamp(tracked.level_date) and abs(high[p] / tracked.level - 1) <= ZONE_TOL]
        state, since = tracked.shown()
        levels.append({"kind": "multi_year_high", "price": tracked.level, "touches": len(touch), "state": state, "since": since,
                       "first_touch": tracked.level_date, "last_touch": str(dates[touch[-1]].date()) if touch else tracked.level_date})

    # Zones: pivot highs within the lookback, clustered greedily from the lowest.
    piv = [p for p in pivots(df, "high", ZONE_PIV, ZONE_PIV, last) if dates[p] >= as_of - pd.DateOffset(years=Y)]
    frame = pd.DataFrame({"pos": piv, "value": high[piv]}).sort_values(["value", "pos"], kind="mergesort").reset_index(drop=True)
    cluster_id, base, ids = 0, None, []
    for v in frame.value:
        if base is None or v > base * (1 + ZONE_TOL):
            cluster_id, base = cluster_id + (base is not None), v
        ids.append(cluster_id)
    frame["cluster"] = ids
    zone_events = []
    for _, g in frame.groupby("cluster"):
        if len(g) < ZONE_MIN:
            continue
        top = g[g.value == g.value.max()].pos.min()
        m = Machine(high[top], "zone", str(dates[top].date()), top == 0 or high[top] >= np.nanmax(high[:top]), dates[g.pos.min()])
        for i in range(g.pos.max() + 1, n):
            m.step(i, zone_events)
        state, since = m.shown()
        levels.append({"kind": "zone", "price": m.level, "bottom": g.value.min(), "touches": len(g), "state": state, "since": since,
                       "first_touch": str(dates[g.pos.min()].date()), "last_touch": str(dates[g.pos.max()].date())})
    levels = levels[:1] + sorted(levels[1:], key=lambda l: -l["price"]) if tracked is not None else sorted(levels, key=lambda l: -l["price"])
    order = {"multi_year_high": 0, "zone": 1}
    all_events = sorted(events + zone_events, key=lambda e: (e["date"], order[e["kind"]], -e["level"]))
    return {"as_of": str(dates[-1].date()), "events": all_events, "levels": levels}


if __name__ == "__main__":
    args = sys.argv[1:]
    nums = [float(a) for a in args[3:]] or DEFAULTS
    print(json.dumps(analyze(load(args[0], args[1]), args[2], nums)))
