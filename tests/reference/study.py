#!/usr/bin/env python3
"""Independent pandas reference for Bellwether's event study (docs/study.md).

    study.py DATA RUT_FILE AS_OF [--horizons 30,90,180,365] [--top 20] [--index-window 90] [--index-top 50]
             [--bootstrap ASSET/H ...] [--resamples 2000] [--seed 20251215] [--min-independent 10]

Events: the prior multi-year-high breakouts of RUT_FILE (a path in DATA) from structure_breakout.analyze (its own
reimplementation of the breakout rules). Assets, built from the raw CSV files with altseason.py's readers:
  BTC, ETH          closes by calendar day (no row: NaN)
  ALT_BASKET        equal weight, rebalanced daily: members chosen at each valued day's close = the first K coins of
                    the ranking in force (BTC, stablecoins, wrapped, repeated symbols left out) with a close that day
                    (own file first, then scaled contracts such as 1000BONK); the next day's return = mean over the
                    members that have a close then; with none, the day has no level and the members are kept.
  ETH/BTC           ratio of closes on common days
  ALTSEASON         the index (altseason.compute), forward change in points
Prints JSON {"events": [{date, forward: {asset: {h: value|null}}, path: {asset: [move every 7 days]}}],
             "summary": {"ASSET/H": {... median, q25, q75, baseline_median}},
             "bootstrap": {"ASSET/H": {estimate, low, high, p_value, usable}}, "basket": {first, level}}.
The bootstrap replays the documented SplitMix64 stream (vectorised here) and block rule, to check the C# loop.
"""
import argparse
import json
import os

import numpy as np
import pandas as pd

import altseason
from structure_breakout import analyze
from structure_common import load

MASK = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15


def fnv1a(key):
    h = 0xCBF29CE484222325
    for ch in key:
        h ^= ord(ch)
        h = (h * 0x100000001B3) & MASK
    return h


class SplitMix:
    """SplitMix64: output k = mix(seed + (k + 1) * gamma), produced in vectorised chunks."""

    def __init__(self, seed):
        self.state, self.buf, self.pos = seed & MASK, np.empty(0, dtype=np.uint64), 0

    def _refill(self, n=1 << 16):
        with np.errstate(over="ignore"):
            k = np.arange(1, n + 1, dtype=np.uint64)
            z = np.uint64(self.state) + k * np.uint64(GAMMA)
            z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
            z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
            z = z ^ (z >> np.uint64(31))
        self.state = (self.state + n * GAMMA) & MASK
        self.buf = (z >> np.uint64(11)).astype(np.float64) * (1.0 / (1 << 53))
        self.pos = 0

    def uniform(self):
        if self.pos == len(self.buf):
            self._refill()
        u = self.buf[self.pos]
        self.pos += 1
        return float(u)


def bootstrap(values, is_event, resamples, block, seed, key, confidence=0.95):
    """Stationary bootstrap of mean(values | event) - mean(values), the C# draw order replayed."""
    ok = ~np.isnan(values)
    v = np.where(ok, values, 0.0)
    e = ok & is_event
    n = len(v)
    S = np.concatenate([[0.0], np.cumsum(v)])
    C = np.concatenate([[0], np.cumsum(ok)])
    ES = np.concatenate([[0.0], np.cumsum(np.where(e, v, 0.0))])
    EC = np.concatenate([[0], np.cumsum(e)])
    estimate = v[e].sum() / e.sum() - v[ok].sum() / ok.sum()
    rng = SplitMix(seed ^ fnv1a(key))
    log_stay = 0.0 if block <= 1 else np.log(1 - 1 / block)

    def seg(P, a, b):
        return P[b] - P[a] if b <= n else P[n] - P[a] + P[b - n]

    diffs = []
    for _ in range(resamples):
        s = c = es = ec = 0
        filled = 0
        while filled < n:
            start = int(rng.uniform() * n)
            length = 1 if log_stay == 0 else 1 + int(min(n, np.floor(np.log(1 - rng.uniform()) / log_stay)))
            length = min(length, n - filled)
            filled += length
            end = start + length
            s += seg(S, start, end); c += seg(C, start, end); es += seg(ES, start, end); ec += seg(EC, start, end)
        if ec and c:
            diffs.append(es / ec - s / c)
    d = np.array(diffs)
    alpha = 1 - confidence
    return {"estimate": estimate, "low": float(np.quantile(d, alpha / 2)), "high": float(np.quantile(d, 1 - alpha / 2)),
            "p_value": float((1 + np.sum(np.abs(d - estimate) >= abs(estimate))) / (len(d) + 1)), "usable": len(d)}


def basket(lists, flags, closes, top, end):
    """The equal-weight basket's level by calendar day from the first day with a member (list: first, levels)."""
    order = sorted(lists, key=lambda name: (lists[name][1], name))  # altseason.py's precedence
    excluded = set(flags) | {"BTC"}
    wide = altseason.wide_frame(closes)
    first_ranking = min(lists[name][0]["date"].min() for name in order)
    days = pd.date_range(first_ranking, end, freq="D")
    wide = wide.reindex(days)
    contracts = altseason.scaled_contracts(wide.columns)
    col = {s: j for j, s in enumerate(wide.columns)}
    m = wide.to_numpy()
    chosen = altseason.ranking_in_force(lists, order, "latest", days)
    ranked_cache = {}

    def members(i):
        if chosen[i] is None:
            return []
        key = chosen[i]
        if key not in ranked_cache:
            name, date = key
            r = lists[name][0]
            syms = r[r["date"] == pd.Timestamp(date)].sort_values("rank")["symbol"].drop_duplicates(keep="first")
            ranked_cache[key] = [s for s in syms if s not in excluded]
        out = []
        for s in ranked_cache[key]:
            for cand in [s] + contracts.get(s, []):
                if cand in col and not np.isnan(m[i, col[cand]]):
                    out.append(col[cand])
                    break
            if len(out) == top:
                break
        return out

    start = next(i for i in range(len(days)) if members(i))
    level = np.full(len(days) - start, np.nan)
    level[0] = 100.0
    valued, held = start, members(start)
    for i in range(start + 1, len(days)):
        r = m[i, held] / m[valued, held] - 1
        r = r[~np.isnan(r)]
        if len(r) == 0:
            continue
        level[i - start] = level[valued - start] * (1 + r.mean())
        valued, held = i, members(i)
    return days[start], level


def path(first, values):
    return pd.Series(values, index=pd.date_range(first, periods=len(values), freq="D"))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("data")
    p.add_argument("rut")
    p.add_argument("as_of")
    p.add_argument("--horizons", default="30,90,180,365")
    p.add_argument("--top", type=int, default=20)
    p.add_argument("--index-window", type=int, default=90)
    p.add_argument("--index-top", type=int, default=50)
    p.add_argument("--bootstrap", action="append", default=[])
    p.add_argument("--resamples", type=int, default=2000)
    p.add_argument("--seed", type=int, default=20251215)
    p.add_argument("--min-independent", type=int, default=10)
    a = p.parse_args()
    horizons = [int(h) for h in a.horizons.split(",")]
    end = pd.Timestamp(a.as_of)

    rut = load(a.data, a.rut)
    events = sorted({e["date"] for e in analyze(rut, end)["events"] if e["kind"] == "multi_year_high" and e["type"] == "breakout"})

    crypto = os.path.join(a.data, "crypto")
    lists, flags = altseason.read_rankings(crypto), altseason.read_exclusions(crypto)
    closes = {k: v[v.index <= end] for k, v in altseason.read_closes(os.path.join(crypto, "daily")).items()}
    closes = {k: v for k, v in closes.items() if len(v)}

    def daily(sym):
        s = closes[sym]
        return s.reindex(pd.date_range(s.index.min(), s.index.max(), freq="D"))

    btc, eth = daily("BTC"), daily("ETH")
    joined = pd.concat([closes["ETH"], closes["BTC"]], axis=1, join="inner").dropna()
    ratio = joined.iloc[:, 0] / joined.iloc[:, 1]
    ethbtc = ratio.reindex(pd.date_range(ratio.index.min(), ratio.index.max(), freq="D"))
    b_first, b_level = basket(lists, flags, closes, a.top, end)
    alt = path(b_first, b_level)
    first_ranking = min(lists[name][0]["date"].min() for name in lists)
    idx = altseason.compute(lists, flags, closes, [a.index_window], [a.index_top], first_ranking, end)[f"{a.index_top}/{a.index_window}"]
    asi = pd.Series([np.nan if x is None else x for x in idx["index"]], index=pd.to_datetime(idx["dates"]))
    assets = {"BTC": (btc, "return"), "ETH": (eth, "return"), "ALT_BASKET": (alt, "return"), "ETH/BTC": (ethbtc, "return"), "ALTSEASON": (asi, "change")}

    def forward(series, kind, h):
        later = series.shift(-h, freq="D").reindex(series.index)
        return later / series - 1 if kind == "return" else later - series

    out_events = []
    for d in events:
        row = {}
        for name, (s, kind) in assets.items():
            row[name] = {}
            for h in horizons:
                f = forward(s, kind, h)
                v = f.get(pd.Timestamp(d), np.nan)
                row[name][str(h)] = None if pd.isna(v) else float(v)
        # The event's path: the move every 7 calendar days up to the longest horizon.
        paths = {name: [None if pd.isna(v) else float(v) for v in
                        (forward(s, kind, k * 7).get(pd.Timestamp(d), np.nan) for k in range(max(horizons) // 7 + 1))]
                 for name, (s, kind) in assets.items()}
        out_events.append({"date": d, "forward": row, "path": paths})

    summary, boots = {}, {}
    for name, (s, kind) in assets.items():
        valid = s.dropna()
        for h in horizons:
            key = f"{name}/{h}"
            first, last = valid.index.min(), valid.index.max() - pd.Timedelta(days=h)
            if last < first:
                continue
            f = forward(s, kind, h).loc[first:last]
            ev = f.index.isin(pd.to_datetime(events))
            fv, evv = f.to_numpy(), f[ev].dropna()
            kept, last_kept = 0, None
            for t in evv.index:
                if last_kept is None or (t - last_kept).days >= h:
                    kept, last_kept = kept + 1, t
            summary[key] = {"events": int(len(evv)), "independent_events": kept,
                            "mean": float(evv.mean()) if len(evv) else None, "baseline_mean": float(f.mean()),
                            "hit_rate": float((evv > 0).mean()) if len(evv) else None,
                            "baseline_hit_rate": float((f.dropna() > 0).mean()), "baseline_days": int(f.notna().sum()),
                            "baseline_from": str(first.date()), "baseline_to": str(last.date()),
                            "median": float(evv.median()) if len(evv) else None,
                            "q25": float(evv.quantile(0.25)) if len(evv) else None,
                            "q75": float(evv.quantile(0.75)) if len(evv) else None,
                            "baseline_median": float(f.median())}
            if key in a.bootstrap:
                block = max(1.0, min(h, len(f) / 4.0))
                boots[key] = bootstrap(fv, ev, a.resamples, block, a.seed, key)
    print(json.dumps({"events": out_events, "summary": summary, "bootstrap": boots,
                      "basket": {"first": str(b_first.date()), "level": [None if np.isnan(x) else x for x in b_level]}}))


if __name__ == "__main__":
    main()
