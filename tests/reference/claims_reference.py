"""Reference for `bellwether check`: every reading of every claim of a claims file, recomputed from the CSV files of a
data folder with pandas/numpy, independently of the C# code (docs/claims.md gives the definitions).

Usage: claims_reference.py DATA CLAIMS_YAML
Prints JSON {claim_id: {"verdict": ..., "readings": {label: {measurable, value, state, within, figures, dates}}}}.

Instruments are found by file name (markets/rut_daily.csv is RUT, crypto/daily/BTC.csv is BTC, macro/DFF.csv is DFF,
flows/eth_spot_etf_flows_daily.csv is ETH_SPOT_ETF_FLOWS). Month ends are read from the data (the last row of each
month in the full file), not from a calendar. Trendlines reuse structure_trendline.py and the Altcoin Season Index
reuses altseason.py (both independent pandas references); everything else is written here.
"""
import json
import math
import os
import sys

import numpy as np
import pandas as pd
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import altseason  # noqa: E402
from structure_common import load  # noqa: E402
from structure_trendline import lines_as_of  # noqa: E402

from pandas.tseries.holiday import (AbstractHolidayCalendar, GoodFriday, Holiday, USLaborDay,  # noqa: E402
                                    USMartinLutherKingJr, USMemorialDay, USPresidentsDay, USThanksgivingDay,
                                    nearest_workday, sunday_to_monday)

DATA = sys.argv[1]
BUFFER, CONFIRM, RETEST, FAIL, FAIL_BARS, EXCLUDE = 0.01, 3, 0.01, 0.02, 21, 63
MIN_HELD_DAYS = 365  # a level must have held this long before its break to be long-term resistance


def day(ts):
    return None if ts is None else pd.Timestamp(ts).strftime("%Y-%m-%d")


def path_of(instrument):
    """The data file whose stem (without _daily, upper-cased) is the instrument id."""
    for root, _, files in os.walk(DATA):
        if "coingecko" in root:
            continue
        for f in files:
            stem = f[:-4] if f.endswith(".csv") else None
            if stem is None:
                continue
            if stem.lower().endswith("_daily"):
                stem = stem[:-6]
            if stem.upper() == instrument.upper():
                return os.path.join(root, f)
    return None


def bars(instrument):
    df = pd.read_csv(path_of(instrument), parse_dates=["date"], float_precision="round_trip").set_index("date").sort_index()
    if "close" not in df.columns:  # a FRED file: date,<SERIES>
        df = df.rename(columns={df.columns[0]: "close"})
    for c in ("high", "low"):
        if c not in df.columns:
            df[c] = np.nan
    return df[["high", "low", "close"]].astype(float).dropna(subset=["close"])


def months(ts, n):
    return pd.Timestamp(ts) + pd.DateOffset(months=n)


# ---------------------------------------------------------------------------------------------------------------
# The breakout state machine (docs/structure.md), with month ends taken from the full file.

def month_end_flags(full, cut):
    periods = cut.index.to_period("M")
    flags = np.asarray(pd.Series(periods).ne(pd.Series(periods).shift(-1)))
    if len(cut):
        later = full[(full.index > cut.index[-1]) & (full.index.to_period("M") == periods[-1])]
        flags[-1] = len(later) == 0
    return flags


class Machine:
    def __init__(self, level, level_date, close, high, low, month_end, dates, all_time_high=None):
        """all_time_high: whether the level was the highest value before it; None for a level without history
        (never judged too young to be long-term resistance)."""
        self.level, self.level_date, self.all_time_high = level, level_date, all_time_high
        self.recent_top, self.b_date = False, None
        self.close, self.high, self.low, self.month_end, self.dates = close, high, low, month_end, dates
        self.phase, self.state, self.since = "pre", "below", None
        self.started = False
        self.b = self.streak = 0
        self.confirmed = self.retested = False
        self.events = []

    def classify(self, i):
        if self.high[i] >= self.level * (1 - 0.005):
            return "testing"
        return "approaching" if self.close[i] >= self.level * (1 - 0.03) else "below"

    def emit(self, i, kind, state):
        self.events.append({"date": self.dates[i], "type": kind, "close": self.close[i], "level_date": self.level_date})
        self.state, self.since, self.started = state, self.dates[i], True

    def enter(self, i, state):
        if not (self.started and state == self.state):
            self.state, self.since, self.started = state, self.dates[i], True

    def confirm(self, i):
        if self.streak >= CONFIRM or (self.month_end[i] and self.close[i] > self.level):
            self.confirmed = True
            self.emit(i, "confirmed", "confirmed")

    def step(self, i):
        c, L = self.close[i], self.level
        if self.phase != "post":
            if c > L * (1 + BUFFER):
                self.phase, self.b, self.streak, self.confirmed, self.retested = "post", i, 1, False, False
                self.b_date = self.dates[i]
                self.recent_top = self.all_time_high is not None and \
                    (pd.Timestamp(self.dates[i]) - pd.Timestamp(self.level_date)).days < MIN_HELD_DAYS
                self.emit(i, "breakout", "breakout")
                self.confirm(i)
            elif self.phase == "failed":
                self.enter(i, "failed")
            else:
                self.enter(i, self.classify(i))
            return
        if c < L * (1 - FAIL):
            early = i - self.b <= FAIL_BARS
            self.phase = "failed" if early else "pre"
            self.emit(i, "failed" if early else "reversed", "failed" if early else self.classify(i))
            return
        if not self.confirmed:
            self.streak = self.streak + 1 if c > L else 0
            self.confirm(i)
            return
        in_band = self.low[i] <= L * (1 + RETEST)
        if not self.retested and in_band and c >= L:
            self.retested = True
            self.emit(i, "retest", "retest")
        elif self.retested:
            self.enter(i, "retest" if in_band else "above")

    def shown(self):
        """(state, since): a standing breakout of a top that held under MIN_HELD_DAYS is a new (all-time) high."""
        if self.phase == "post" and self.recent_top:
            return ("all_time_high" if self.all_time_high else "new_high"), self.b_date
        return self.state, self.since


def arrays(df):
    close = df.close.to_numpy()
    high = df.high.where(df.high.notna(), df.close).to_numpy()
    low = df.low.where(df.low.notna(), df.close).to_numpy()
    return close, high, low


def multi_year_track(full, as_of, years, basis):
    """The tracked multi-year-high machine as of `as_of` and every event of the track."""
    df = full[full.index <= pd.Timestamp(as_of)]
    close, high, low = arrays(df)
    value = df.high.where(df.high.notna(), df.close).to_numpy() if basis == "high" else close
    dates = [day(d) for d in df.index]
    flags = month_end_flags(full, df)
    cut = df.index - pd.DateOffset(years=years)
    starts = df.index.searchsorted(cut, side="left")
    tracked, events = None, []
    for i in range(len(df)):
        if tracked is not None and pd.Timestamp(tracked.level_date) < cut[i]:
            events += tracked.events
            tracked = None
        end = i - EXCLUDE
        if df.index[0] <= cut[i] and end >= starts[i]:
            window = value[starts[i]: end + 1]
            a = starts[i] + int(np.nanargmax(window))
            level = value[a]
            recent = close[max(end + 1, 0): i]
            if (len(recent) == 0 or recent.max() <= level * (1 + BUFFER)) and (tracked is None or tracked.level_date != dates[a]):
                if tracked is not None:
                    events += tracked.events
                tracked = Machine(level, dates[a], close, high, low, flags, dates, a == 0 or level >= np.nanmax(value[:a]))
        if tracked is not None:
            tracked.step(i)
    if tracked is not None:
        events += tracked.events
    return tracked, events, df


def level_track(full, level, start, as_of):
    df = full[full.index <= pd.Timestamp(as_of)]
    close, high, low = arrays(df)
    m = Machine(level, None, close, high, low, month_end_flags(full, df), [day(d) for d in df.index])
    for i in np.flatnonzero(df.index >= pd.Timestamp(start)):
        m.step(i)
    return m


def running_peak(df, basis, start, end):
    """Highest close (or high, the close where it is missing or lower) from start to end, and the latest day it was reached."""
    w = df[(df.index >= pd.Timestamp(start)) & (df.index <= pd.Timestamp(end))] if start is not None else df[df.index <= pd.Timestamp(end)]
    cand = w.close if basis == "close" else w[["high", "close"]].max(axis=1, skipna=True)
    peak = cand.max()
    return float(peak), cand[cand == peak].index[-1], w


# ---------------------------------------------------------------------------------------------------------------
# Kinds

def k_breakout(c, p):
    df = bars(p["instrument"])
    out = {}
    for y in ints(p, "lookback_years", [3, 5]):
        for basis in words(p, "basis", ["close", "high"]):
            tracked, events, cut = multi_year_track(df, c["date"], y, basis)
            close = float(cut.close.iloc[-1])
            brk = [e for e in events if e["type"] == "breakout" and e["level_date"] == tracked.level_date]
            state, since = tracked.shown()
            out[f"{y}y high by {basis}"] = reading(close / tracked.level - 1, state,
                                                  {"level": tracked.level, "close": close},
                                                  {"level_date": tracked.level_date, "state_since": since,
                                                   "breakout_date": brk[-1]["date"] if brk else None, "bar": day(cut.index[-1])})
    return out


def k_level_retest(c, p):
    df = bars(p["instrument"])
    df = df[df.index <= pd.Timestamp(c["date"])]
    band = number(p.get("band", "0.02"))
    out = {}
    for basis in words(p, "basis", ["close", "high"]):
        level, level_date, _ = running_peak(df, basis, p["peak_from"], p["peak_to"])
        w = df[df.index >= pd.Timestamp(p["window_from"])].close
        dist = (w / level - 1)
        near = dist.abs().idxmin()
        d = float(dist[near])
        out[f"nearest close to the peak {basis}"] = reading(d, "retest" if abs(d) <= band else "no_retest",
                                                            {"level": level, "close": float(w[near])},
                                                            {"level_date": day(level_date), "nearest_date": day(near)})
        m = level_track(df, level, level_date + pd.Timedelta(days=1), c["date"])
        retests = [e for e in m.events if e["type"] == "retest" and e["date"] >= p["window_from"]]
        r = retests[-1] if retests else None
        brk = [e for e in m.events if e["type"] == "breakout" and e["date"] <= (r["date"] if r else c["date"])]
        out[f"retest of the peak {basis} (state machine)"] = reading(
            r["close"] / level - 1 if r else float("nan"), "retest" if r else m.state,
            {"level": level, "retest_close": r["close"] if r else float("nan")},
            {"level_date": day(level_date), "retest_date": r["date"] if r else None, "breakout_date": brk[-1]["date"] if brk else None})
    return out


def k_record_close(c, p):
    out = {}
    claim = pd.Timestamp(c["date"])
    period_date = pd.Timestamp(p.get("period_date", c["date"]))
    for inst in words(p, "instrument", words(p, "instruments", [], lower=False), lower=False):  # or the older key
        full = bars(inst)
        month = period_date.to_period("M")
        in_month = full[full.index.to_period("M") == month]
        last_session = in_month.index[-1]
        for label, as_of in ((f"{inst} month close as of the claim date", claim), (f"{inst} final month close", last_session)):
            if label.endswith("claim date") and last_session <= claim:
                continue
            known = full[full.index <= as_of]
            closes = known.close.groupby(known.index.to_period("M")).agg(["last"])
            dates = known.index.to_series().groupby(known.index.to_period("M")).last()
            this = float(closes.loc[month, "last"])
            earlier = closes[closes.index < month]["last"]
            prior = float(earlier.max())
            prior_period = earlier.idxmax()
            out[label] = reading(this / prior - 1, "record" if this > prior else "not_record",
                                 {"close": this, "prior_record": prior, "provisional": 1.0 if as_of < last_session else 0.0},
                                 {"close_date": day(dates.loc[month]), "prior_record_date": day(dates.loc[prior_period])})
            out[label]["hindsight"] = bool(as_of > claim)  # reads closes published after the claim date
    return out


def k_correlation(c, p):
    """Pearson's r (and Fisher interval, Spearman, Kendall) from `from` to the claim date: daily levels on shared dates,
    or returns between consecutive shared period closes after resampling each series on its own (W-FRI, M)."""
    from scipy import stats
    lo, hi = pd.Timestamp(p.get("since", p.get("from"))), pd.Timestamp(c["date"])  # "from": the older key
    a, b = (bars(p[k]).close for k in ("a", "b"))
    a, b = a[(a.index >= lo) & (a.index <= hi)], b[(b.index >= lo) & (b.index <= hi)]
    names = words(p, "readings", ["levels", "daily_log", "daily_simple", "weekly_log", "weekly_simple", "monthly_log", "monthly_simple"])
    out = {}
    for name in names:
        freq = name.split("_")[0] if name != "levels" else "daily"
        rule = {"daily": None, "weekly": "W-FRI", "monthly": "M"}[freq]
        x, y = (s if rule is None else s.resample(rule).last().dropna() for s in (a, b))
        joined = pd.concat([x.rename("x"), y.rename("y")], axis=1, join="inner").dropna()
        if name == "levels":
            pairs, label = joined, "daily levels"
        else:
            pairs = np.log(joined).diff() if name.endswith("_log") else joined.pct_change()
            pairs, label = pairs.iloc[1:].dropna(), f"{freq} {name.split('_')[1]} returns"
        n = len(pairs)
        r = float(np.corrcoef(pairs.x, pairs.y)[0, 1])
        h = stats.norm.ppf(0.975) / math.sqrt(n - 3)
        out[label] = reading(r, None, {"n": float(n), "ci95_low": math.tanh(math.atanh(r) - h), "ci95_high": math.tanh(math.atanh(r) + h),
                                       "spearman": float(stats.spearmanr(pairs.x, pairs.y)[0]),
                                       "kendall": float(stats.kendalltau(pairs.x, pairs.y)[0])},
                             {"first": day(joined.index[0]), "last_period": day(pairs.index[-1])})
    return out


def k_move_after_breakout(c, p):
    leader, follower = bars(p["leader"]), bars(p["follower"])
    claim = pd.Timestamp(c["date"])
    window_end = min(pd.Timestamp(p["breakout_to"]), claim)
    out = {}
    for y in ints(p, "lookback_years", [3, 5]):
        _, events, _ = multi_year_track(leader, window_end, y, "close")
        hits = [e for e in events if e["type"] == "breakout" and p["breakout_from"] <= e["date"] <= day(window_end)]
        first = min(hits, key=lambda e: e["date"])
        bdate = pd.Timestamp(first["date"])
        known = follower[follower.index <= claim]
        start_row = known[known.index <= bdate].iloc[-1]
        start, start_date = float(start_row.close), known[known.index <= bdate].index[-1]
        for m in ints(p, "peak_within_months", [12, 24]):
            for basis in words(p, "peak_basis", ["close", "high"]):
                peak, peak_date, _ = running_peak(known, basis, bdate, months(bdate, m))
                out[f"{y}y breakout → peak {basis} within {m}m"] = reading(
                    peak / start - 1, None, {"start": start, "peak": peak, "leader_close": first["close"]},
                    {"breakout_date": first["date"], "start_date": day(start_date), "peak_date": day(peak_date)})
        for h in ints(p, "horizons_months", [3, 6, 12]):
            upto = known[known.index <= months(bdate, h)]
            out[f"{y}y breakout → +{h}m"] = reading(
                float(upto.close.iloc[-1]) / start - 1, None, {"start": start, "end": float(upto.close.iloc[-1])},
                {"breakout_date": first["date"], "start_date": day(start_date), "end_date": day(upto.index[-1])})
    return out


def k_trendline(c, p):
    # series: A or A/B; the older keys instrument and denominator name the same.
    ids = str(p.get("series", p.get("instrument"))).split("/") + ([p["denominator"]] if "denominator" in p else [])
    spec = "|".join(os.path.relpath(path_of(i), DATA) for i in ids)
    frame = load(DATA, spec)
    claim = pd.Timestamp(c["date"])
    recent_from = day(claim - pd.Timedelta(days=ints(p, "recent_days", [30])[0]))
    out = {}
    for m in ints(p, "lookback_months", [6, 12]):
        for piv in ints(p, "pivot_bars", [5, 3]):
            lines = lines_as_of(frame, claim, "resistance", [m, piv, piv, 0.01, 0.01, 2])["lines"]
            broken = [l for l in lines if l["break"] is not None and l["break"]["date"] >= recent_from]
            label = f"{m}m lookback, {piv}-bar pivots"
            if not broken:
                out[label] = reading(float("nan"), "no_recent_break", {"lines": float(len(lines))}, {})
                continue
            line = max(broken, key=lambda l: l["break"]["date"])
            out[label] = reading(line["duration_months"], "broken",
                                 {"slope_pct_per_month": line["slope_pct_per_month"], "touches": float(len(line["touches"])),
                                  "break_close": line["break"]["close"], "line_at_break": line["break"]["line_value"], "lines": float(len(lines))},
                                 {"first_anchor": line["first_anchor"]["date"], "last_anchor": line["last_anchor"]["date"], "break_date": line["break"]["date"]})
    return out


class Nyse(AbstractHolidayCalendar):
    rules = [
        Holiday("New Year", month=1, day=1, observance=sunday_to_monday),
        USMartinLutherKingJr, USPresidentsDay, GoodFriday, USMemorialDay,
        Holiday("Juneteenth", month=6, day=19, start_date="2022-01-01", observance=nearest_workday),
        Holiday("Independence", month=7, day=4, observance=nearest_workday),
        USLaborDay, USThanksgivingDay,
        Holiday("Christmas", month=12, day=25, observance=nearest_workday),
        Holiday("Carter mourning", year=2025, month=1, day=9),
    ]


def flow_days(table_id, as_of):
    """Daily totals of launched funds on flow days (no row of no values, no all-zero row on a closed day)."""
    t = pd.read_csv(path_of(table_id), parse_dates=["date"]).set_index("date")
    t = t[t.index <= as_of]
    funds = t.drop(columns="Total")
    launched = (funds.ne(0) & funds.notna()).cummax()
    closed = set(Nyse().holidays(t.index[0], t.index[-1]))
    session = pd.Series([(d.dayofweek < 5) and (d not in closed) for d in t.index], index=t.index)
    keep = ~funds.isna().all(axis=1) & ~(~session & funds.fillna(0).eq(0).all(axis=1))
    return funds.where(launched)[keep].sum(axis=1, min_count=0)


def k_flow_rotation(c, p):
    claim = pd.Timestamp(c["date"])
    into, out_of = flow_days(p["into"], claim), flow_days(p["out_of"], claim)
    both = pd.concat([into.rename("into"), out_of.rename("out")], axis=1, join="inner")
    out = {}
    for w in ints(p, "window", ints(p, "windows_days", [5, 10, 20])):  # "windows_days": the older key
        s = both.tail(w)
        a, b = float(s["into"].sum()), float(s["out"].sum())
        kind = ("rotation" if a > 0 and b < 0 else "reverse" if a < 0 and b > 0 else "both_inflow" if a > 0 and b > 0
                else "both_outflow" if a < 0 and b < 0 else "flat")
        # The value is the difference, as the flow_rotation signal's: into minus out of.
        out[f"last {w} flow days"] = reading(a - b, kind, {"into_sum": a, "out_of_sum": b, "days": float(len(s)),
                                                        "rotation_days": float(((s["into"] > 0) & (s["out"] < 0)).sum())},
                                             {"from": day(s.index[0]), "to": day(s.index[-1])})
    return out


def k_altseason(c, p):
    crypto = os.path.join(DATA, "crypto")
    # top and window_days; tops and windows_days are the older keys.
    tops = ints(p, "top", ints(p, "tops", [50, 100]))
    windows = ints(p, "window_days", ints(p, "windows_days", [30, 90, 365]))
    res = altseason.compute(altseason.read_rankings(crypto), altseason.read_exclusions(crypto),
                            altseason.read_closes(os.path.join(crypto, "daily")), windows, tops, c["date"], c["date"])
    out = {}
    for k in tops:
        for n in windows:
            r = res[f"{k}/{n}"]
            v = r["index"][0]
            season = "altcoin_season" if v >= 75 else "bitcoin_season" if v <= 25 else "neutral"
            out[f"top {k}, {n} days"] = reading(v, season, {"eligible": float(r["eligible"][0]), "outperformers": float(r["outperformers"][0])}, {})
    return out


def k_drawdown(c, p):
    df = bars(p["instrument"])
    claim = pd.Timestamp(c["date"])
    out = {}
    for win in words(p, "peak_windows", ["all", "365"]):
        start = None if win == "all" else claim - pd.Timedelta(days=int(win))
        for basis in words(p, "by", words(p, "basis", ["close", "high"])):  # "basis": the older key
            peak, peak_date, w = running_peak(df, basis, start, claim)
            close = float(w.close.iloc[-1])
            label = f"{'all-time' if win == 'all' else win + '-day'} peak by {basis}"
            out[label] = reading(close / peak - 1, None, {"close": close, "peak": peak,
                                                          "days_since_peak": float((w.index[-1] - peak_date).days)},
                                 {"close_date": day(w.index[-1]), "peak_date": day(peak_date)})
    return out


def fed_moves(s, threshold=0.15, confirm=5, baseline=10):
    """Sustained steps of the effective rate: every one of `confirm` observations from t on at least `threshold` from the
    median of the `baseline` before t, on one side, and t-1 not; the scan resumes past the confirming window."""
    v = s.to_numpy()
    moves, t = [], baseline
    while t < len(v):
        before = float(np.median(v[t - baseline:t]))
        side = np.sign(v[t] - before)
        if side != 0 and side * (v[t] - before) >= threshold and side * (v[t - 1] - before) < threshold and t + confirm <= len(v) \
                and np.all(side * (v[t:t + confirm] - before) >= threshold):
            moves.append((s.index[t], before, float(np.median(v[t:t + confirm]))))
            t += confirm
            continue
        t += 1
    return moves


def k_fed_path(c, p):
    claim = pd.Timestamp(c["date"])
    s = bars(p.get("instrument", p.get("series", "DFF"))).close
    s = s[s.index <= claim]
    moves = fed_moves(s)
    six = [m for m in moves if m[0] > claim - pd.DateOffset(months=6)]
    regime = "on_hold" if not six else ("easing" if six[-1][2] < six[-1][1] else "tightening")
    out = {}
    for mth in ints(p, "windows_months", [3, 6, 12]):
        inside = [m for m in moves if m[0] > claim - pd.DateOffset(months=mth)]
        cuts = [m for m in inside if m[2] < m[1]]
        out[f"cuts in the last {mth} months"] = reading(float(len(cuts)), regime,
                                                         {"rate": float(s.iloc[-1]), "hikes": float(len(inside) - len(cuts)),
                                                          "net_change_pp": float(sum(m[2] - m[1] for m in inside))},
                                                         {"rate_date": day(s.index[-1]), "last_cut": day(cuts[-1][0]) if cuts else None})
    return out


def k_no_source(c, p):
    return {"no source": {"measurable": False}}


# ---------------------------------------------------------------------------------------------------------------

def number(text):
    t = str(text).strip()
    return float(t[:-1]) / 100 if t.endswith("%") else float(t)


def words(p, name, default, lower=True):
    v = p.get(name)
    if v is None:
        return default
    return [str(x).lower() if lower else str(x) for x in (v if isinstance(v, list) else str(v).split(","))]


def ints(p, name, default):
    return [int(x) for x in words(p, name, [str(d) for d in default])]


def reading(value, state, figures, dates):
    return {"measurable": True, "value": None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value),
            "state": state, "figures": {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in figures.items()},
            "dates": {k: v for k, v in dates.items() if v is not None}}


def within(claim, r):
    if not r["measurable"]:
        return None
    target = claim["claimed"]
    if isinstance(target, list):
        return r["state"] in target
    text = str(target).strip()
    if text[0] in "<>=!":
        op = next(o for o in ("<=", ">=", "==", "!=", "<", ">") if text.startswith(o))
        x, t = r["value"], number(text[len(op):])
        if x is None:
            return False
        return {"<": x < t, "<=": x <= t, ">": x > t, ">=": x >= t, "==": x == t, "!=": x != t}[op]
    try:
        claimed = number(text)
    except ValueError:
        return r["state"] == text
    return r["value"] is not None and abs(r["value"] - claimed) <= number(claim["tolerance"])


def counted(readings):
    """The readings a verdict counts: measured, from data published by the claim date (not hindsight), and each
    finding once (a reading with the same value, state and dates as an earlier one repeats it)."""
    firsts, out = [], []
    for r in readings:
        if r["within"] is None:
            continue
        key = (r["value"], r["state"], tuple(sorted(r["dates"].items())), r.get("hindsight", False))
        if key in firsts:
            continue
        firsts.append(key)
        if not r.get("hindsight", False):
            out.append(r["within"])
    return out


def verdict(flags):
    measured = [f for f in flags if f is not None]
    if not measured:
        return "not_checkable"
    return "supported" if all(measured) else "not_supported" if not any(measured) else "partly"


def as_text(v):
    """YAML scalars back to text (dates, numbers), lists element-wise, as the claims file reader sees them."""
    if isinstance(v, list):
        return [as_text(x) for x in v]
    return day(v) if hasattr(v, "year") else str(v)


def main():
    with open(sys.argv[2]) as f:
        doc = yaml.safe_load(f)
    result = {}
    for claim in doc["claims"]:
        claim = dict(claim)
        claim["date"] = as_text(claim.get("date", doc.get("date")))
        params = {k: as_text(v) for k, v in (claim.get("params") or {}).items()}
        # Old kind names are aliases of the current ones (docs/claims.md).
        kind = {"trendline_break": "trendline", "altcoin_season_index": "altseason", "rate_cuts": "fed_path"}.get(claim["kind"], claim["kind"])
        readings = globals()["k_" + kind](claim, params)
        for r in readings.values():
            r["within"] = within(claim, r)
        result[claim["id"]] = {"verdict": verdict(counted(list(readings.values()))), "readings": readings,
                               "counted": len(counted(list(readings.values())))}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
