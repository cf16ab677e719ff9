"""Reference for the signals of Bellwether's default thesis board: the headline number, label and "since" of each
signal as of each date, from the raw files of a data folder, written from docs/thesis.md independently of the C#.

Usage: board.py DATA DATE[,DATE...]
Prints JSON {date: {signal id: {"value", "label", "since", ...}}}.

The core statistics behind the signals have their own references; this script reuses them (importing the structure
and altseason references, running the fed path, net liquidity, ETF-flow and divergence references as programs) and
adds what the board adds: distances in percent, labels, and the day each label's run began.
"""
import json
import os
import subprocess
import sys

import numpy as np
import pandas as pd

import altseason
from structure_breakout import analyze
from structure_common import load
from structure_trendline import lines_as_of

HERE = os.path.dirname(os.path.abspath(__file__))
data, dates = sys.argv[1], [pd.Timestamp(d) for d in sys.argv[2].split(",")]


def run(script, *args):
    out = subprocess.run([sys.executable, os.path.join(HERE, script), *map(str, args)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def day(ts):
    return None if ts is None else pd.Timestamp(ts).strftime("%Y-%m-%d")


def run_start(labels):
    """Position where the run of equal values ending at the last one starts."""
    i = len(labels) - 1
    while i > 0 and labels[i - 1] == labels[-1]:
        i -= 1
    return i


# --- Russell 2000 against its prior 5-year high (value: % from the level) -----------------------------------------
rut = load(data, "markets/rut_daily.csv")


def resistance(d):
    report = analyze(rut, d)
    level = next(l for l in report["levels"] if l["kind"] == "multi_year_high")
    close = rut.close[rut.index <= d].dropna().iloc[-1]
    return {"value": (close / level["price"] - 1) * 100, "label": level["state"], "since": level["since"]}


# --- Record monthly close (value: % against the best earlier month-end close) -------------------------------------
def nyse_sessions(start, end):
    from pandas.tseries.holiday import (AbstractHolidayCalendar, GoodFriday, Holiday, USLaborDay, USMartinLutherKingJr,
                                        USMemorialDay, USPresidentsDay, USThanksgivingDay, nearest_workday, sunday_to_monday)

    class Nyse(AbstractHolidayCalendar):
        rules = [Holiday("New Year", month=1, day=1, observance=sunday_to_monday), USMartinLutherKingJr, USPresidentsDay,
                 GoodFriday, USMemorialDay, Holiday("Juneteenth", month=6, day=19, start_date="2022-01-01", observance=nearest_workday),
                 Holiday("Independence", month=7, day=4, observance=nearest_workday), USLaborDay, USThanksgivingDay,
                 Holiday("Christmas", month=12, day=25, observance=nearest_workday), Holiday("Carter mourning", year=2025, month=1, day=9)]
    closed = set(Nyse().holidays(start, end))
    return [x for x in pd.date_range(start, end) if x.dayofweek < 5 and x not in closed]


def record_month(d):
    s = rut.close[rut.index <= d].dropna()
    month_end = s.groupby(s.index.to_period("M")).last()
    prior_best = month_end.cummax().shift(1)
    is_record = (month_end > prior_best).tolist()
    month = month_end.index[-1]
    provisional = any(x > d for x in nyse_sessions(month.start_time, month.end_time.normalize()))
    value = (month_end.iloc[-1] / prior_best.iloc[-1] - 1) * 100
    label = "below_record" if not is_record[-1] else "provisional_record" if provisional else "record"
    start = run_start(is_record[1:]) + 1  # the first month is never a record and never starts a run
    return {"value": value, "label": label, "since": day(month_end.index[start].start_time)}


# --- Russell 2000 against ETH and BTC: correlation of daily log returns over the trailing year, and its trend -------
def closes(path):
    return pd.read_csv(os.path.join(data, path), parse_dates=["date"]).set_index("date").close.dropna()


rut_close, pair = closes("markets/rut_daily.csv"), {"ETH": closes("crypto/daily/ETH.csv"), "BTC": closes("crypto/daily/BTC.csv")}


def log_returns(other, start, d):
    joined = pd.concat({"a": rut_close, "b": other}, axis=1, join="inner")
    joined = joined[(joined.index >= start) & (joined.index <= d)]
    return np.log(joined / joined.shift(1)).dropna()


def correlation(d, coin):
    r = log_returns(pair[coin], d - pd.Timedelta(days=364), d)
    rho, n = r.a.corr(r.b), len(r)
    h = 1.959963984540054 / np.sqrt(n - 3)
    low, high = np.tanh(np.arctanh(rho) - h), np.tanh(np.arctanh(rho) + h)
    return {"value": rho, "label": "positive" if low > 0 else "negative" if high < 0 else "indistinct", "since": None,
            "ci95_low": low, "ci95_high": high, "n": n}


def correlation_trend(d, coin):
    r = log_returns(pair[coin], d - pd.Timedelta(days=730), d)
    rolling = r.a.rolling(90).corr(r.b)
    dates = list(r.index)
    labels, previous = [], []
    for i, t in enumerate(dates):
        earlier = rolling[rolling.index <= t - pd.Timedelta(days=90)]
        prev = earlier.iloc[-1] if len(earlier) else np.nan
        previous.append(prev)
        # A breakdown: more than 0.3 below the highest value of the 30 days before (NaN values are not peaks).
        peak = rolling[(rolling.index >= t - pd.Timedelta(days=30)) & (rolling.index < t)].max()
        if not np.isnan(rolling.iloc[i]) and not np.isnan(peak) and peak - rolling.iloc[i] > 0.3:
            labels.append("breakdown")
            continue
        change = rolling.iloc[i] - prev
        labels.append("unknown" if np.isnan(change) else "rising" if change >= 0.1 else "falling" if change <= -0.1 else "stable")
    return {"value": rolling.iloc[-1] - previous[-1], "label": labels[-1], "since": day(dates[run_start(labels)]),
            "current": rolling.iloc[-1], "previous": previous[-1]}


# --- Bitcoin drawdown from its peak close -------------------------------------------------------------------------
btc = pd.read_csv(os.path.join(data, "crypto/daily/BTC.csv"), parse_dates=["date"]).set_index("date").close.dropna()


def drawdown(d):
    s = btc[btc.index <= d]
    peak = s.cummax()
    at_peak = s[s >= peak]
    return {"value": s.iloc[-1] / peak.iloc[-1] - 1, "since": day(at_peak.index[-1])}  # a fraction (units version 2)


# --- ETH/BTC downtrend line (value: % above the line extended to the date) ----------------------------------------
eth_btc = load(data, "crypto/daily/ETH.csv|crypto/daily/BTC.csv")


def trendline(d):
    line = lines_as_of(eth_btc, d, "resistance")["dominant"]
    if line is None:
        return {"value": None, "label": "no_line", "since": None}
    close = eth_btc.close[eth_btc.index <= d].iloc[-1]
    broken = line["break"] is not None
    return {"value": (close / line["value_at_as_of"] - 1) * 100, "label": "broken" if broken else "holding",
            "since": line["break"]["date"] if broken else line["first_anchor"]["date"]}


# --- Fed funds path: net change over 12 months (bp), regime and the day it began ----------------------------------
fed = run("fed_path.py", os.path.join(data, "macro/DFF.csv"), 0.15, 5, 10, *[day(d) for d in dates])


def fed_path(d, reading):
    # DFF for a day is public the next Federal Reserve business day (docs/release-lags.md): by the end of d, the days
    # before d's last business day; a move is known once its confirming observation is.
    from pandas.tseries.holiday import USFederalHolidayCalendar
    closed = set(USFederalHolidayCalendar().holidays(d - pd.Timedelta(days=14), d))
    published = [x for x in pd.date_range(d - pd.Timedelta(days=14), d) if x.dayofweek < 5 and x not in closed][-1] - pd.Timedelta(days=1)
    known = [m for m in fed["moves"] if m["confirmed_on"] <= day(published)]
    year_ago = day(d - pd.DateOffset(months=12))
    net = sum(m["after"] - m["before"] for m in known if m["date"] > year_ago) * 100
    recent = [m for m in known if m["date"] > day(d - pd.DateOffset(months=6))]
    regime = "on_hold" if not recent else "easing" if recent[-1]["after"] < recent[-1]["before"] else "tightening"
    since = None
    if known and regime == "on_hold":
        # The first day on which the last move is dated six months or more before.
        last = pd.Timestamp(known[-1]["date"])
        since = next(x for x in pd.date_range(last, last + pd.DateOffset(months=7)) if x - pd.DateOffset(months=6) >= last)
    elif known:
        k = len(known) - 1
        cut = lambda m: m["after"] < m["before"]
        while k > 0 and cut(known[k - 1]) == cut(known[k]) and \
                pd.Timestamp(known[k - 1]["date"]) > pd.Timestamp(known[k]["date"]) - pd.Timedelta(days=1) - pd.DateOffset(months=6):
            k -= 1
        since = known[k]["date"]
    return {"value": net, "label": regime, "since": day(since)}


# --- Net liquidity: 13-week change and the trend's run ------------------------------------------------------------
def liquidity(d):
    r = run("net_liquidity.py", data, day(d))
    def trend(c4, c13):
        if c4 is None or c13 is None:
            return "unknown"
        return "rising" if c4 > 0 and c13 > 0 else "falling" if c4 < 0 and c13 < 0 else "mixed"
    labels = [trend(a, b) for a, b in zip(r["chg4"], r["chg13"])]
    return {"value": r["chg13"][-1], "label": labels[-1], "since": r["weeks"][run_start(labels)]}


# --- ETH ETF flows over 20 flow days, and the ETH-vs-BTC rotation -------------------------------------------------
def flows(d):
    # A flow day is public on the next NYSE session (docs/release-lags.md): by the end of d, the days before d's last session.
    published = nyse_sessions(d - pd.Timedelta(days=14), d)[-1] - pd.Timedelta(days=1)
    r = run("etf_flows.py", os.path.join(data, "flows/eth_spot_etf_flows_daily.csv"), os.path.join(data, "flows/btc_spot_etf_flows_daily.csv"), day(published), 20)
    into = r["into"]
    signs = [None if v is None else int(np.sign(v)) for v in into["sum20"]]
    sign = signs[-1]
    eth = {"value": into["sum20"][-1], "label": {1: "inflow", -1: "outflow", 0: "flat"}[sign], "since": into["dates"][run_start(signs)]}
    # Rotation over the last 20 shared flow days, and the label of the window ending on every shared day.
    a = pd.Series(into["total"], index=pd.to_datetime(into["dates"]))
    b = pd.Series(r["out_of"]["total"], index=pd.to_datetime(r["out_of"]["dates"]))
    shared = pd.concat({"into": a, "out": b}, axis=1, join="inner")
    sums = shared.rolling(20, min_periods=1).sum()
    def kind(i, o):
        return "rotation" if i > 0 and o < 0 else "reverse" if i < 0 and o > 0 else "both_inflow" if i > 0 and o > 0 \
            else "both_outflow" if i < 0 and o < 0 else "flat"
    kinds = [kind(i, o) for i, o in zip(sums["into"], sums["out"])]
    rotation = {"value": sums["into"].iloc[-1] - sums["out"].iloc[-1], "label": kinds[-1], "since": day(sums.index[run_start(kinds)])}
    return eth, rotation


# --- Russell 2000 near its high while Bitcoin is deep in drawdown -------------------------------------------------
def divergence(d):
    r = run("divergence.py", os.path.join(data, "markets/rut_daily.csv"), os.path.join(data, "crypto/daily/BTC.csv"), 0.05, 0.20, day(d))
    start = run_start(r["active"])
    return {"value": (r["index"][-1] - r["crypto"][-1]) * 100, "label": "diverging" if r["active"][-1] else "not_diverging",
            "since": r["dates"][start], "episode_days": len(r["active"]) - start if r["active"][-1] else 0}


# --- Altcoin Season Index, N days, top K: value, its change over 30 days, and the band's run --------------------
crypto = os.path.join(data, "crypto")
season = altseason.compute(altseason.read_rankings(crypto), altseason.read_exclusions(crypto), altseason.read_closes(os.path.join(crypto, "daily")),
                           [30, 90, 365], [50, 100], "2017-01-01", day(max(dates)))


def alt(d, n=90, k=50):
    """The signal; a reading whose status is not ok (partial, stale_ranking, undefined) is not measurable."""
    h = season[f"{k}/{n}"]
    i = h["dates"].index(day(d))
    if h["status"][i] != "ok":
        return {"not_measurable": h["status"][i]}
    band = lambda v: None if v is None else "altcoin_season" if v >= 75 else "bitcoin_season" if v <= 25 else "neutral"
    bands = [band(v) for v in h["index"][: i + 1]]
    month_ago = h["index"][i - 30] if i >= 30 else None
    variants = {f"d{n}_k{k}": season[f"{k}/{n}"]["index"][season[f"{k}/{n}"]["dates"].index(day(d))] for n in (30, 90, 365) for k in (50, 100)}
    return {"value": h["index"][i], "label": bands[-1], "since": h["dates"][run_start(bands)],
            "change_30d": None if month_ago is None else h["index"][i] - month_ago, **variants}


result = {}
for d, reading in zip(dates, fed["readings"]):
    eth, rotation = flows(d) if d >= pd.Timestamp("2024-08-21") else (None, None)
    result[day(d)] = {k: v for k, v in {
        "rut_resistance": resistance(d), "rut_record_month": record_month(d), "btc_drawdown": drawdown(d),
        "rut_eth_corr": correlation(d, "ETH"), "rut_btc_corr": correlation(d, "BTC"), "rut_eth_corr_trend": correlation_trend(d, "ETH"),
        "eth_btc_trendline": trendline(d), "fed_path": fed_path(d, reading), "net_liquidity": liquidity(d),
        "eth_etf_flows": eth, "eth_vs_btc_etf_flows": rotation, "rut_btc_divergence": divergence(d), "altseason_90d_k50": alt(d),
        "altseason_90d_k100": alt(d, 90, 100), "altseason_30d_k50": alt(d, 30, 50), "altseason_365d_k50": alt(d, 365, 50),
    }.items() if v is not None}
print(json.dumps(result, default=float))
