"""Reference for month-end / week-end closes and record closes (`bellwether monthly-close`), written from
docs/structure.md with pandas groupby, independently of the C# code.

Usage: structure_record_closes.py DATA FILE AS_OF month|week [record_years]
Prints JSON {"closes": [{period_start, date, close, provisional, is_record, prior_record, prior_record_date}]}.
A period is provisional when the full file has rows of that period after AS_OF (the data stands in for the calendar).
"""
import json
import sys

import numpy as np
import pandas as pd

from structure_common import load

data, spec, as_of, period = sys.argv[1], sys.argv[2], pd.Timestamp(sys.argv[3]), sys.argv[4]
years = int(sys.argv[5]) if len(sys.argv) > 5 else None

full = load(data, spec).dropna(subset=["close"])
df = full[full.index <= as_of]


def start_of(index):
    if period == "month":
        return index.to_period("M").to_timestamp()
    return (index - pd.to_timedelta(index.weekday, unit="D")).normalize()


frame = pd.DataFrame({"date": df.index, "close": df.close.to_numpy(), "start": start_of(df.index)})
last = frame.groupby("start", sort=True).tail(1).reset_index(drop=True)
full_starts = pd.Series(start_of(full.index), index=full.index)
out = []
for k, row in last.iterrows():
    earlier = last.iloc[:k]
    if years is not None:
        earlier = earlier[earlier.start >= row.start - pd.DateOffset(years=years)]
    if len(earlier):
        j = earlier.close.idxmax()  # first position of the maximum
        prior, prior_date = float(earlier.close[j]), str(earlier.date[j].date())
    else:
        prior, prior_date = None, None
    later_rows = full_starts[(full_starts.index > as_of) & (full_starts == row.start)]
    out.append({"period_start": str(row.start.date()), "date": str(row.date.date()), "close": float(row.close),
                "provisional": bool(len(later_rows)), "is_record": prior is not None and float(row.close) > prior,
                "prior_record": prior, "prior_record_date": prior_date})
print(json.dumps({"closes": out}))
