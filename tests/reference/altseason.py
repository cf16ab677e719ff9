#!/usr/bin/env python3
"""Independent pandas implementation of Bellwether's Altcoin Season Index (docs/altseason.md).

Reads the raw CSV files of a data folder (not Bellwether's store) and computes, for every day of a range, the
index, the eligible count and the outperformer count, for several windows N and universe sizes K at once.

    altseason.py DATA_FOLDER --windows 30,90,365 --tops 50,100 --from 2018-01-01 --to 2025-12-31
                 [--mode priority|latest] [--rankings list1,list2] [--exclude A,B] [--include C] [--alias POL=MATIC]
                 [--detail 2025-12-15,2021-05-01]

Where the C# engine walks each day's ranking coin by coin, this script works one ranking period at a time on a
days x candidates matrix of N-day close ratios (cumulative sums pick the first K eligible coins).

Rules mirrored from the import (the store holds rows only after these checks): a daily row is dropped when its
close is missing, any present open/high/low/close is <= 0, or high < low. Symbols are upper-cased everywhere.
Prints JSON: {"K/N": {"dates": [...], "index": [...|null], "eligible": [...], "outperformers": [...]}, ...}
plus "detail": {"K/N": {date: {ranking, bitcoin_ratio, eligible, outperformers}}} for --detail (symbols in rank order).
"""
import argparse
import glob
import json
import os
import re

import numpy as np
import pandas as pd


def read_rankings(crypto):
    """{list name: DataFrame(date, rank, symbol)} for every ranking CSV, detected by header."""
    lists = {}
    for path in sorted(glob.glob(os.path.join(crypto, "*.csv"))):
        header = open(path).readline().strip().split(",")
        if header[:2] == ["date", "rank"] and "symbol" in header:
            df = pd.read_csv(path, usecols=["date", "rank", "symbol", "market_cap_usd"] if "market_cap_usd" in header else ["date", "rank", "symbol"])
        elif header[:2] == ["month_start", "position"] and "symbol" in header:
            df = pd.read_csv(path, usecols=["month_start", "position", "symbol"]).rename(columns={"month_start": "date", "position": "rank"})
        else:
            continue
        df["date"] = pd.to_datetime(df["date"])
        df["symbol"] = df["symbol"].astype(str).str.upper()
        has_caps = "market_cap_usd" in df.columns and df["market_cap_usd"].notna().any()
        lists[os.path.splitext(os.path.basename(path))[0].lower()] = (df.sort_values(["date", "rank"]), has_caps)
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
    """Wide frame of valid closes: every calendar day from the first to the last date, one column per file."""
    cols = {}
    for path in glob.glob(os.path.join(daily, "*.csv")):
        df = pd.read_csv(path, usecols=["date", "open", "high", "low", "close"])
        prices = df[["open", "high", "low", "close"]]
        bad = df["close"].isna() | (prices <= 0).any(axis=1) | (df["high"] < df["low"])
        df = df[~bad]
        cols[os.path.splitext(os.path.basename(path))[0].upper()] = pd.Series(df["close"].values, index=pd.to_datetime(df["date"]))
    wide = pd.DataFrame(cols)
    return wide.reindex(pd.date_range(wide.index.min(), wide.index.max(), freq="D"))


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


def main():
    p = argparse.ArgumentParser()
    p.add_argument("data")
    p.add_argument("--windows", default="90")
    p.add_argument("--tops", default="50")
    p.add_argument("--from", dest="start", default="2018-01-01")
    p.add_argument("--to", dest="end", default=None)
    p.add_argument("--mode", default="priority")
    p.add_argument("--rankings", default=None)
    p.add_argument("--exclude", default="")
    p.add_argument("--include", default="")
    p.add_argument("--alias", action="append", default=[])
    p.add_argument("--detail", default=None)
    a = p.parse_args()

    crypto = os.path.join(a.data, "crypto")
    lists = read_rankings(crypto)
    if a.rankings:
        order = [s.strip().lower() for s in a.rankings.split(",")]
    else:  # lists with market caps first, then by name
        order = sorted(lists, key=lambda n: (not lists[n][1], n))
    excluded = (read_exclusions(crypto) | {s.upper() for s in a.exclude.split(",") if s}) - {s.upper() for s in a.include.split(",") if s}
    excluded.add("BTC")
    closes = read_closes(os.path.join(crypto, "daily"))
    aliases = scaled_contracts(closes.columns)
    user_alias = {}
    for spec in a.alias:
        k, v = spec.upper().split("=")
        user_alias.setdefault(k, []).append(v)

    start = pd.Timestamp(a.start)
    end = pd.Timestamp(a.end) if a.end else closes["BTC"].last_valid_index()
    days = pd.date_range(start, end, freq="D")
    chosen = ranking_in_force(lists, order, a.mode, days)
    windows = [int(x) for x in a.windows.split(",")]
    tops = [int(x) for x in a.tops.split(",")]
    full = closes.reindex(pd.date_range(min(closes.index.min(), start - pd.Timedelta(days=max(windows))), max(closes.index.max(), end), freq="D"))

    detail_days = [pd.Timestamp(x) for x in a.detail.split(",")] if a.detail else []
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
            }
    if a.detail:
        result["detail"] = detail
    print(json.dumps(result))


if __name__ == "__main__":
    main()
