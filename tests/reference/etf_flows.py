"""Reference for Bellwether's ETF-flow statistics and rotation, in pandas.

Usage: etf_flows.py INTO_CSV OUT_OF_CSV AS_OF WINDOW
For each table (rows up to AS_OF): a fund is launched from its first non-zero value; a row with no value at all,
or on a day the NYSE is closed with nothing but zeros, is not a flow day. A day's total is the sum of the launched
funds' values. Then rolling 5- and 20-day sums over flow days (full windows only), cumulative sum, signed streaks,
and per fund its launch day and cumulative flow. Rotation: the last WINDOW flow days both tables share.
The NYSE calendar is built here from pandas' holiday rules, independently of Bellwether's.
"""
import json
import sys

import pandas as pd
from pandas.tseries.holiday import (AbstractHolidayCalendar, GoodFriday, Holiday, USLaborDay, USMartinLutherKingJr,
                                    USMemorialDay, USPresidentsDay, USThanksgivingDay, nearest_workday, sunday_to_monday)

into_csv, out_csv, as_of, window = sys.argv[1], sys.argv[2], pd.Timestamp(sys.argv[3]), int(sys.argv[4])


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


def history(path):
    table = pd.read_csv(path, parse_dates=["date"]).set_index("date")
    table = table[table.index <= as_of]
    funds = table.drop(columns="Total")
    launched = funds.ne(0) & funds.notna()
    after_launch = launched.cummax()
    closed = set(Nyse().holidays(table.index[0], table.index[-1]))
    is_session = [(d.dayofweek < 5) and (d not in closed) for d in table.index]
    no_value = funds.isna().all(axis=1)
    all_zero = funds.fillna(0).eq(0).all(axis=1)
    keep = ~no_value & ~(~pd.Series(is_session, index=table.index) & all_zero)
    live = funds.where(after_launch)[keep]
    total = live.sum(axis=1, min_count=0)
    sign = total.apply(lambda v: (v > 0) - (v < 0))
    streak, prev = [], 0
    for s in sign:
        prev = 0 if s == 0 else (prev + s if prev * s > 0 else s)
        streak.append(prev)
    fund_rows = []
    for f in funds.columns:
        first = launched[f][launched[f]].index
        fund_rows.append({"fund": f, "launched": first[0].strftime("%Y-%m-%d") if len(first) else None,
                          "cumulative": float(live[f].sum())})
    return pd.DataFrame({"total": total, "sum5": total.rolling(5).sum(), "sum20": total.rolling(20).sum(),
                         "cum": total.cumsum(), "streak": streak, "table_total": table.Total[keep]}), fund_rows, table.index[~keep]


def out(frame, funds, excluded):
    return {"dates": frame.index.strftime("%Y-%m-%d").tolist(), "total": frame.total.tolist(),
            "sum5": [None if pd.isna(v) else v for v in frame.sum5], "sum20": [None if pd.isna(v) else v for v in frame.sum20],
            "cum": frame.cum.tolist(), "streak": [int(v) for v in frame.streak],
            "max_total_mismatch": float((frame.total - frame.table_total).abs().max()),
            "funds": funds, "excluded": excluded.strftime("%Y-%m-%d").tolist()}


a, a_funds, a_excluded = history(into_csv)
b, b_funds, b_excluded = history(out_csv)
shared = a[["total"]].join(b[["total"]], how="inner", lsuffix="_into", rsuffix="_out").tail(window)
rot = shared[(shared.total_into > 0) & (shared.total_out < 0)]
print(json.dumps({
    "into": out(a, a_funds, a_excluded), "out_of": out(b, b_funds, b_excluded),
    "rotation": {"from": shared.index[0].strftime("%Y-%m-%d"), "to": shared.index[-1].strftime("%Y-%m-%d"), "days": len(shared),
                 "into_sum": float(shared.total_into.sum()), "out_sum": float(shared.total_out.sum()),
                 "rotation_days": len(rot), "into_on_rotation_days": float(rot.total_into.sum()),
                 "out_on_rotation_days": float(rot.total_out.sum()),
                 "weeks": [{"from": g.index[0].strftime("%Y-%m-%d"), "into": float(g.total_into.sum()), "out": float(g.total_out.sum())}
                           for _, g in shared.groupby(shared.index.to_period("W-SUN"))]},
}))
