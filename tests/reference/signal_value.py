#!/usr/bin/env python3
"""Independent pandas reference for Bellwether's signal value (docs/study.md, "Signal value").

    signal_value.py DATA READINESS_CSV [--threshold 60] [--within 90] [--season 75] [--trials 1000] [--seed 20251215]

READINESS_CSV: "yyyy-mm-dd,value" lines (empty: not measurable). The index is the Altcoin Season Index (90 days, top
50) recomputed from the raw files by altseason.compute. Entries: readiness >= threshold after a measured day below,
index measured and below the season threshold that day. Hit: index >= season within `within` days after. Season
start: index >= season after a measured day below, with `within` days of the common span before it. Random sets
replay the documented SplitMix64 draws (partial Fisher-Yates over the eligible days, stream "signal-value").
Prints JSON {entries: [{date, season}], seasons: [{date, entry}], precision, recall, median_lead, random_precision,
random_recall, precision_p, recall_p}.
"""
import argparse
import json
import os

import numpy as np
import pandas as pd

import altseason
from study import SplitMix, fnv1a


def main():
    p = argparse.ArgumentParser()
    p.add_argument("data")
    p.add_argument("readiness")
    p.add_argument("--threshold", type=float, default=60)
    p.add_argument("--within", type=int, default=90)
    p.add_argument("--season", type=float, default=75)
    p.add_argument("--trials", type=int, default=1000)
    p.add_argument("--seed", type=int, default=20251215)
    a = p.parse_args()

    r = pd.read_csv(a.readiness, header=None, names=["date", "value"], parse_dates=["date"]).set_index("date")["value"]
    crypto = os.path.join(a.data, "crypto")
    lists = altseason.read_rankings(crypto)
    first_ranking = min(lists[n][0]["date"].min() for n in lists)
    closes = {k: v[v.index <= r.index.max()] for k, v in altseason.read_closes(os.path.join(crypto, "daily")).items()}
    closes = {k: v for k, v in closes.items() if len(v)}
    idx = altseason.compute(lists, altseason.read_exclusions(crypto), closes, [90], [50], first_ranking, closes["BTC"].index.max())["50/90"]
    index = pd.Series([np.nan if x is None else x for x in idx["index"]], index=pd.to_datetime(idx["dates"]))

    rv, iv = r.dropna(), index.dropna()
    start, end = max(rv.index.min(), iv.index.min()), min(rv.index.max(), iv.index.max())
    days = pd.date_range(start, end, freq="D")
    R = r.reindex(days).to_numpy()
    last_index_day = iv.index.max()
    I_all = index.reindex(pd.date_range(start, last_index_day + pd.Timedelta(days=a.within), freq="D")).to_numpy()
    I = I_all[:len(days)]
    n = len(days)

    below = I < a.season  # NaN compares False
    eligible = [d for d in range(1, n) if not np.isnan(R[d]) and below[d]]
    entries = [d for d in eligible if R[d] >= a.threshold and R[d - 1] < a.threshold]
    seasons = [d for d in range(a.within, n) if I[d] >= a.season and I[d - 1] < a.season]

    def first_season(e):
        for k in range(1, a.within + 1):
            if e + k < len(I_all) and I_all[e + k] >= a.season:
                return e + k
        return None

    def evaluable(e):
        return days[e] + pd.Timedelta(days=a.within) <= last_index_day

    def score(es):
        ev = [e for e in es if evaluable(e)]
        hits = sum(first_season(e) is not None for e in ev)
        called = sum(any(s - a.within <= e < s for e in es) for s in seasons)
        return (hits / len(ev) if ev else float("nan")), (called / len(seasons) if seasons else float("nan"))

    precision, recall = score(entries)
    leads = sorted(first_season(e) - e for e in entries if evaluable(e) and first_season(e) is not None)
    rng = SplitMix(a.seed ^ fnv1a("signal-value"))
    pool = list(eligible)
    rp, rr = [], []
    if entries and len(pool) >= len(entries):
        for _ in range(a.trials):
            for k in range(len(entries)):
                j = k + int(rng.uniform() * (len(pool) - k))
                pool[k], pool[j] = pool[j], pool[k]
            x, y = score(sorted(pool[:len(entries)]))
            if not np.isnan(x):
                rp.append(x)
            if not np.isnan(y):
                rr.append(y)
    out = {
        "from": str(start.date()), "to": str(end.date()),
        "entries": [{"date": str(days[e].date()), "season": None if first_season(e) is None else str((days[0] + pd.Timedelta(days=first_season(e))).date()), "evaluable": evaluable(e)} for e in entries],
        "seasons": [{"date": str(days[s].date()), "entry": next((str(days[e].date()) for e in entries if s - a.within <= e < s), None)} for s in seasons],
        "precision": precision, "recall": recall, "median_lead": float(np.median(leads)) if leads else None,
        "random_precision": float(np.mean(rp)) if rp else None, "random_recall": float(np.mean(rr)) if rr else None,
        "precision_p": (1 + sum(x >= precision for x in rp)) / (len(rp) + 1) if rp else None,
        "recall_p": (1 + sum(y >= recall for y in rr)) / (len(rr) + 1) if rr else None,
    }
    print(json.dumps(out, default=lambda v: None if isinstance(v, float) and np.isnan(v) else v))


if __name__ == "__main__":
    main()
