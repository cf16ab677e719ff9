#!/usr/bin/env python3
"""Independent pandas implementation of Bellwether's Altcoin Season Index (docs/altseason.md).

Reads the raw CSV files of a data folder (not Bellwether's store) and computes, for every day of a range, the
index, the eligible count and the outperformer count, for several windows N and universe sizes K at once.

    altseason.py DATA_FOLDER --windows 30,90,365 --tops 50,100 --from 2018-01-01 --to 2025-12-31
                 [--mode latest|priority] [--rankings list1,list2] [--exclude A,B] [--include C] [--alias POL=MATIC]
                 [--detail 2025-12-15,2021-05-01] [--ranking-file more_lists.csv ...]

Where the C# engine walks each day's ranking coin by coin, this script works one ranking period at a time on a
days x candidates matrix of N-day close ratios (cumulative sums pick the first K eligible coins).

Rules mirrored from the import (the store holds rows only after these checks): a daily row is dropped when its
close is missing, any present open/high/low/close is <= 0, or high < low. Symbols are upper-cased everywhere.
Lists combine as in docs/altseason.md: by default the newest ranking of any list; on a shared date the list with market
caps, then a collected snapshot list (date,snapshot_commit_utc,rank,...), then any other order-only list, each group
by name. --ranking-file adds ranking files from outside the data folder.
Status per day: stale_ranking when the ranking is older than 35 days, else partial below 80 % of K eligible, else ok.
Prints JSON: {"K/N": {"dates": [...], "index": [...|null], "eligible": [...], "outperformers": [...], "status": [...]}, ...}
plus "detail": {"K/N": {date: {ranking, bitcoin_ratio, eligible, outperformers}}} for --detail (symbols in rank order).
bench/pandas/altseason_history.py times compute() from files already read.
"""
import argparse
import glob
import json
import os
import re

import numpy as np
import pandas as pd


def read_rankings(crypto, extra=()):
    """{list name: (DataFrame(date, rank, symbol), precedence)} for every ranking CSV, detected by header;
    precedence 0 = market caps, 1 = collected snapshot list (with its time), 2 = other order-only list."""
    lists = {}
    for path in sorted(glob.glob(os.path.join(crypto, "*.csv"))) + list(extra):
        header = open(path).readline().strip().split(",")
        if header[:2] == ["date", "rank"] and "symbol" in header:
            df = pd.read_csv(path, usecols=["date", "rank", "symbol", "market_cap_usd"] if "market_cap_usd" in header else ["date", "rank", "symbol"])
        elif header[:3] == ["date", "snapshot_commit_utc", "rank"] and "symbol" in header:
            df = pd.read_csv(path, usecols=["date", "snapshot_commit_utc", "rank", "symbol"])
        elif header[:2] == ["month_start", "position"] and "symbol" in header:
            df = pd.read_csv(path, usecols=["month_start", "position", "symbol"]).rename(columns={"month_start": "date", "position": "rank"})
        else:
            continue
        df["date"] = pd.to_datetime(df["date"])
        df["symbol"] = df["symbol"].astype(str).str.upper()
        if "market_cap_usd" in df.columns and df["market_cap_usd"].notna().any():
            precedence = 0
        elif "snapshot_commit_utc" in df.columns and df["snapshot_commit_utc"].notna().any():
            precedence = 1
        else:
            precedence = 2
        lists[os.path.splitext(os.path.basename(path))[0].lower()] = (df.sort_values(["date", "rank"]), precedence)
    return lists


def read_exclusions(crypto):
    """Symbols flagged stablecoin or wrapped in any coin list (header symbol,...,is_stablecoin,is_wrapped)."""
    out = set()
    for path in glob.glob(os.path.join(crypto, "*.csv")):
        header = open(path).readline().strip().split(",")
        if header[0] == "symbol" and "is_stablecoin" in header and "is_wrapped" in header:
            df = pd.read_csv(path, usecols=["symbol", "is_stablecoin", "is_wrapped"])
            flagged = (df["is_stablecoin"].fillna(0).astype(int) == 1) | (df["is_wrapped"].fillna(0).astype(int) == 1)
            out |= set(df.loc[flagged, "symbol"].astype(str).str.upper())
    return out


def read_closes(daily):
    """{file symbol: Series of valid closes by date}."""
    cols = {}
    for path in glob.glob(os.path.join(daily, "*.csv")):
        df = pd.read_csv(path, usecols=["date", "open", "high", "low", "close"])
        prices = df[["open", "high", "low", "close"]]
        bad = df["close"].isna() | (prices <= 0).any(axis=1) | (df["high"] < df["low"])
        df = df[~bad]
        cols[os.path.splitext(os.path.basename(path))[0].upper()] = pd.Series(df["close"].values, index=pd.to_datetime(df["date"]))
    return cols


def wide_frame(closes):
    """Closes side by side on every calendar day from the first to the last date (NaN where a file has no row)."""
    closes = {k: v for k, v in closes.items() if len(v)}
    days = pd.date_range(min(v.index.min() for v in closes.values()), max(v.index.max() for v in closes.values()), freq="D")
    m = np.full((len(days), len(closes)), np.nan)
    for j, v in enumerate(closes.values()):
        m[days.get_indexer(v.index), j] = v.to_numpy()
    return pd.DataFrame(m, index=days, columns=list(closes))


def scaled_contracts(symbols):
    """{base symbol: [contract symbols ordered by scale]} for ids like 1000BONK (a 1 followed by 3+ zeros)."""
    found = {}
    for s in symbols:
        m = re.fullmatch(r"1(0{3,})(\D.*)", s)
        if m:
            found.setdefault(m.group(2), []).append((len(m.group(1)), s))
    return {base: [s for _, s in sorted(v)] for base, v in found.items()}


def ranking_in_force(lists, order, mode, days):
    """(list, date) in force for each day: priority = first list with a ranking on or before the day; latest = the
    most recent ranking among the lists, ties to the earlier list."""
    chosen = []
    per_list = {name: np.array(sorted(lists[name][0]["date"].unique()), dtype="datetime64[ns]") for name in order}
    for d in days.values:
        best = None
        for name in order:
            dates = per_list[name]
            i = np.searchsorted(dates, d, side="right") - 1
            if i < 0:
                continue
            if mode == "priority":
                best = (name, dates[i])
                break
            if best is None or dates[i] > best[1]:
                best = (name, dates[i])
        chosen.append(best)
    return chosen


def compute(lists, flags, closes, windows, tops, start, end=None, mode="latest", rankings=None, exclude=(), include=(),
            alias=(), detail=(), min_coverage=0.8, max_age=35):
    """The index history for every (K, N): {"K/N": {dates, index, eligible, outperformers}} (+ "detail")."""
    if rankings:
        order = [s.lower() for s in rankings]
    else:  # market caps, then snapshot lists, then other order-only lists, each by name
        order = sorted(lists, key=lambda n: (lists[n][1], n))
    excluded = (flags | {s.upper() for s in exclude}) - {s.upper() for s in include}
    excluded.add("BTC")
    wide = wide_frame(closes)
    aliases = scaled_contracts(wide.columns)
    user_alias = {}
    for spec in alias:
        k, v = spec.upper().split("=")
        user_alias.setdefault(k, []).append(v)

    start = pd.Timestamp(start)
    end = pd.Timestamp(end) if end else wide["BTC"].last_valid_index()
    days = pd.date_range(start, end, freq="D")
    chosen = ranking_in_force(lists, order, mode, days)
    full = wide.reindex(pd.date_range(min(wide.index.min(), start - pd.Timedelta(days=max(windows))), max(wide.index.max(), end), freq="D"))
    detail_days = [pd.Timestamp(x) for x in detail]
    ranked_symbols = sorted(set().union(*(set(lists[name][0]["symbol"]) for name in order)))
    result, detail = {}, {}
    for n in windows:
        ratio = (full / full.shift(n)).loc[days]  # close(t) / close(t-n): NaN unless both closes exist
        btc = ratio["BTC"].to_numpy()
        # Each ranking symbol's ratio: its own file first, then scaled contracts, then user aliases (one series each).
        resolved = ratio.reindex(columns=ranked_symbols)
        for s in ranked_symbols:
            for cand in aliases.get(s, []) + user_alias.get(s, []):
                if cand in ratio.columns:
                    resolved[s] = resolved[s].combine_first(ratio[cand])
        values = resolved.to_numpy()
        column = {s: j for j, s in enumerate(ranked_symbols)}
        periods = pd.Series(range(len(days))).groupby([str(c) for c in chosen]).apply(list)
        for k in tops:
            idx = np.full(len(days), np.nan)
            elig = np.zeros(len(days), dtype=int)
            outp = np.zeros(len(days), dtype=int)
            status = np.array(["no_ranking"] * len(days), dtype=object)
            for key, rows in periods.items():
                if key == "None":
                    continue
                name, date = chosen[rows[0]]
                ranked = lists[name][0]
                ranked = ranked[ranked["date"] == pd.Timestamp(date)].sort_values("rank")
                syms = [s for s in ranked["symbol"].drop_duplicates(keep="first") if s not in excluded]
                m = values[np.ix_(rows, [column[s] for s in syms])]
                valid = ~np.isnan(m)
                take = valid & (np.cumsum(valid, axis=1) <= k)
                b = btc[rows]
                e = take.sum(axis=1)
                o = (take & (m > b[:, None])).sum(axis=1)
                ok = ~np.isnan(b) & (e > 0)
                elig[rows] = np.where(np.isnan(b), 0, e)
                outp[rows] = np.where(np.isnan(b), 0, o)
                idx[rows] = np.where(ok, 100.0 * o / np.where(e > 0, e, 1), np.nan)
                age = (days[rows] - pd.Timestamp(date)).days.to_numpy()
                status[rows] = np.where(np.isnan(b), "no_benchmark_closes", np.where(e == 0, "no_eligible_coins",
                                        np.where(age > max_age, "stale_ranking", np.where(e < min_coverage * k, "partial", "ok"))))
                for when in detail_days:
                    if when not in days[rows]:
                        continue
                    r = rows.index(days.get_loc(when))
                    detail.setdefault(f"{k}/{n}", {})[str(when.date())] = {
                        "ranking": [name, str(pd.Timestamp(date).date())],
                        "bitcoin_ratio": None if np.isnan(b[r]) else b[r],
                        "eligible": [s for j, s in enumerate(syms) if take[r, j]],
                        "outperformers": [s for j, s in enumerate(syms) if take[r, j] and m[r, j] > b[r]],
                    }
            result[f"{k}/{n}"] = {
                "dates": [str(d.date()) for d in days],
                "index": [None if np.isnan(x) else x for x in idx],
                "eligible": elig.tolist(),
                "outperformers": outp.tolist(),
                "status": status.tolist(),
            }
    if detail_days:
        result["detail"] = detail
    return result


def main():
    p = argparse.ArgumentParser()
    p.add_argument("data")
    p.add_argument("--windows", default="90")
    p.add_argument("--tops", default="50")
    p.add_argument("--from", dest="start", default="2018-01-01")
    p.add_argument("--to", dest="end", default=None)
    p.add_argument("--mode", default="latest")
    p.add_argument("--rankings", default=None)
    p.add_argument("--exclude", default="")
    p.add_argument("--include", default="")
    p.add_argument("--alias", action="append", default=[])
    p.add_argument("--detail", default=None)
    p.add_argument("--ranking-file", action="append", default=[])
    a = p.parse_args()
    crypto = os.path.join(a.data, "crypto")
    csv_list = lambda text: [x.strip() for x in text.split(",") if x.strip()] if text else []
    result = compute(read_rankings(crypto, a.ranking_file), read_exclusions(crypto), read_closes(os.path.join(crypto, "daily")),
                     [int(x) for x in csv_list(a.windows)], [int(x) for x in csv_list(a.tops)], a.start, a.end, a.mode,
                     csv_list(a.rankings) or None, csv_list(a.exclude), csv_list(a.include), a.alias, csv_list(a.detail))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
