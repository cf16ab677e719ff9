#!/usr/bin/env python3
"""Independent pandas reference for Bellwether's rotation backtest and benchmarks (docs/study.md).

    backtest.py DATA READINESS_CSV FROM TO SPLIT [--threshold 60] [--fallback bitcoin|cash] [--commission 10]
                [--slippage 10] [--top 20]

READINESS_CSV: lines "yyyy-mm-dd,value" (empty value: not measurable). Prices come from the raw CSV files: BTC and
ETH closes, and the equal-weight basket rebuilt by study.basket. Rules:
  rotation   the position held into day d is decided at the close of d-1 from readiness of day d-2 (a signal of day t
             is traded at the close of t+1); basket if readiness >= threshold, else the fallback; the first day's
             position comes from readiness of the day before FROM, without cost. Each change costs
             (commission + slippage) bp on every asset side traded (switch: two sides, to or from cash: one).
  benchmarks buy and hold BTC, ETH, the basket; 50/50 BTC/ETH reset at each month's last close, paying the same cost.
Metrics over (start, end]: total, CAGR (365.25-day years), volatility and Sharpe (sqrt 365, sample sd), Sortino
(downside root mean square over all days), max drawdown, turnover (one-way per 365.25-day year), time in market
and in the basket, trades. Prints JSON {strategy: {"returns": [...], "full"|"in_sample"|"out_of_sample": {...}}}.
"""
import argparse
import json
import os

import numpy as np
import pandas as pd

import altseason
from study import basket


def metrics(equity, returns, traded, invested, in_basket, start, end):
    r = returns[start + 1:end + 1]
    n = len(r)
    e = equity[start:end + 1]
    total = e[-1] / e[0] - 1
    sd = r.std(ddof=1)
    down = np.sqrt(np.mean(np.minimum(r, 0) ** 2))
    dd = (e / np.maximum.accumulate(e) - 1).min()
    years = n / 365.25
    return {"total_return": total, "cagr": (1 + total) ** (1 / years) - 1, "volatility": sd * np.sqrt(365),
            "sharpe": r.mean() / sd * np.sqrt(365), "sortino": r.mean() / down * np.sqrt(365), "max_drawdown": min(dd, 0.0),
            "turnover": traded[start + 1:end + 1].sum() / years, "time_in_market": invested[start + 1:end + 1].mean(),
            "time_in_basket": None if in_basket is None else in_basket[start + 1:end + 1].mean(),
            "trades": int((traded[start + 1:end + 1] > 1e-12).sum()), "days": n}


def simulate(moves, targets, cost_bp):
    """moves: days x assets close-to-close returns (day 0 unused); targets[d]: weights set at close of d or None."""
    n, k = moves.shape
    w = np.array(targets[0], dtype=float)
    equity, returns, traded = np.ones(n), np.zeros(n), np.zeros(n)
    held = np.zeros((n, k))
    for d in range(1, n):
        held[d] = w
        m = np.nan_to_num(moves[d])
        r = float(w @ m)
        w = w * (1 + m) / (1 + r) if 1 + r != 0 else w * 0
        value = equity[d - 1] * (1 + r)
        t = targets[d]
        if t is not None:
            t = np.array(t, dtype=float)
            assets = np.abs(t - w).sum()
            cash = abs((1 - t.sum()) - (1 - w.sum()))
            traded[d] = (assets + cash) / 2
            value *= 1 - assets * cost_bp / 10000
            w = t
        equity[d] = value
        returns[d] = value / equity[d - 1] - 1
    return equity, returns, traded, held


def main():
    p = argparse.ArgumentParser()
    p.add_argument("data")
    p.add_argument("readiness")
    p.add_argument("start")
    p.add_argument("end")
    p.add_argument("split")
    p.add_argument("--threshold", type=float, default=60)
    p.add_argument("--fallback", default="bitcoin")
    p.add_argument("--commission", type=float, default=10)
    p.add_argument("--slippage", type=float, default=10)
    p.add_argument("--top", type=int, default=20)
    a = p.parse_args()
    start, end, split = pd.Timestamp(a.start), pd.Timestamp(a.end), pd.Timestamp(a.split)
    cost = a.commission + a.slippage

    crypto = os.path.join(a.data, "crypto")
    closes = {k: v[v.index <= end] for k, v in altseason.read_closes(os.path.join(crypto, "daily")).items()}
    closes = {k: v for k, v in closes.items() if len(v)}
    b_first, b_level = basket(altseason.read_rankings(crypto), altseason.read_exclusions(crypto), closes, a.top, end)
    days = pd.date_range(start, end, freq="D")
    alt = pd.Series(b_level, index=pd.date_range(b_first, periods=len(b_level), freq="D"))

    def moves(series):
        s = series.reindex(pd.date_range(series.index.min(), series.index.max(), freq="D"))
        last = s.ffill()  # the move after a gap is measured from the last close (the gap day itself has no move)
        return (s / last.shift(1) - 1).reindex(days).to_numpy()

    btc_m, eth_m, alt_m = moves(closes["BTC"]), moves(closes["ETH"]), moves(alt.dropna())
    text = pd.read_csv(a.readiness, header=None, names=["date", "value"], parse_dates=["date"])
    readiness = text.set_index("date")["value"].reindex(pd.date_range(start - pd.Timedelta(days=1), end, freq="D"))
    inside = (readiness >= a.threshold).to_numpy()  # NaN compares False: unknown readiness never buys the basket
    fallback = [0.0, 1.0] if a.fallback == "bitcoin" else [0.0, 0.0]
    # targets[d] (close of day d) from readiness of day d-1 = inside[d] (readiness index starts the day before FROM)
    rot_targets = [[1.0, 0.0] if inside[d] else fallback for d in range(len(days))]
    month_end = [d.month != (d + pd.Timedelta(days=1)).month for d in days]
    runs = {
        "rotation": (np.column_stack([alt_m, btc_m]), rot_targets, cost, 0),
        "btc": (btc_m[:, None], [[1.0]] + [None] * (len(days) - 1), 0, None),
        "eth": (eth_m[:, None], [[1.0]] + [None] * (len(days) - 1), 0, None),
        "basket": (alt_m[:, None], [[1.0]] + [None] * (len(days) - 1), 0, 0),
        "btc_eth_50_50": (np.column_stack([btc_m, eth_m]), [[0.5, 0.5]] + [[0.5, 0.5] if month_end[d] else None for d in range(1, len(days))], cost, None),
    }
    s, last = (split - start).days, len(days) - 1
    out = {}
    for name, (m, targets, c, basket_col) in runs.items():
        equity, returns, traded, held = simulate(m, targets, c)
        invested = (np.abs(held).sum(axis=1) > 1e-12).astype(float)
        in_basket = None if basket_col is None else (held[:, basket_col] > 1e-12).astype(float)
        out[name] = {"returns": returns.tolist(),
                     "full": metrics(equity, returns, traded, invested, in_basket, 0, last),
                     "in_sample": metrics(equity, returns, traded, invested, in_basket, 0, s),
                     "out_of_sample": metrics(equity, returns, traded, invested, in_basket, s, last)}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
