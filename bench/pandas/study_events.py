"""pandas side of study_events: forward values of every RUT breakout for BTC, ETH, the altcoin basket, ETH/BTC and the
Altcoin Season Index at 30/90/180/365 days, the all-days baseline, hit rates, independent events, and a stationary
bootstrap with 10,000 resamples per asset and horizon (numpy, vectorised over resamples: block starts and geometric
lengths drawn as matrices, sums from prefix sums). Events, assets and the index come from the test reference
(tests/reference/study.py) and are built outside the timing, as on the C# side, where they start from memory; the
C# side also finds the events inside its timing (the breakout detector over the RUT history, a few ms)."""
import os
import sys

import numpy as np
import pandas as pd

from common import DATA, measure, report

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "reference"))
import altseason  # noqa: E402
from structure_breakout import analyze  # noqa: E402
from structure_common import load  # noqa: E402
from study import basket  # noqa: E402

HORIZONS, RESAMPLES = [30, 90, 180, 365], 10_000
crypto = os.path.join(DATA, "crypto")
lists, flags = altseason.read_rankings(crypto), altseason.read_exclusions(crypto)
closes = altseason.read_closes(os.path.join(crypto, "daily"))
end = closes["BTC"].index.max()
rut = load(DATA, "markets/rut_daily.csv")
events = pd.to_datetime(sorted({e["date"] for e in analyze(rut, end)["events"] if e["kind"] == "multi_year_high" and e["type"] == "breakout"}))


def daily(s):
    return s.reindex(pd.date_range(s.index.min(), s.index.max(), freq="D"))


joined = pd.concat([closes["ETH"], closes["BTC"]], axis=1, join="inner").dropna()
b_first, b_level = basket(lists, flags, closes, 20, end)
first_ranking = min(lists[n][0]["date"].min() for n in lists)
idx = altseason.compute(lists, flags, closes, [90], [50], first_ranking, end)["50/90"]
ASSETS = {"BTC": (daily(closes["BTC"]), "return"), "ETH": (daily(closes["ETH"]), "return"),
          "ALT_BASKET": (pd.Series(b_level, index=pd.date_range(b_first, periods=len(b_level), freq="D")), "return"),
          "ETH/BTC": (daily(joined.iloc[:, 0] / joined.iloc[:, 1]), "return"),
          "ALTSEASON": (pd.Series([np.nan if x is None else x for x in idx["index"]], index=pd.to_datetime(idx["dates"])), "change")}


def bootstrap(values, is_event, block, rng):
    ok = ~np.isnan(values)
    v = np.where(ok, values, 0.0)
    e = ok & is_event
    n = len(v)
    prefix = [np.concatenate([[0.0], np.cumsum(x)]) for x in (v, ok, np.where(e, v, 0.0), e)]
    est = v[e].sum() / e.sum() - v[ok].sum() / ok.sum()
    blocks = int(3 * n / block) + 10
    starts = rng.integers(0, n, size=(RESAMPLES, blocks))
    lengths = rng.geometric(1 / block, size=(RESAMPLES, blocks)) if block > 1 else np.ones((RESAMPLES, blocks), dtype=np.int64)
    ends = np.cumsum(lengths, axis=1)
    lengths = np.clip(n - (ends - lengths), 0, lengths)  # cut the last block, drop those after n days
    stops = starts + lengths

    def total(P):
        wrap = stops > n
        inside = np.where(wrap, P[n] - P[starts] + P[np.where(wrap, stops - n, 0)], P[np.minimum(stops, n)] - P[starts])
        return inside.sum(axis=1)

    s, c, es, ec = (total(P) for P in prefix)
    good = (ec > 0) & (c > 0)
    d = es[good] / ec[good] - s[good] / c[good]
    return est, np.quantile(d, 0.025), np.quantile(d, 0.975), (1 + np.sum(np.abs(d - est) >= abs(est))) / (len(d) + 1)


def work():
    rng = np.random.default_rng(20251215)
    out = {}
    for name, (series, kind) in ASSETS.items():
        valid = series.dropna()
        for h in HORIZONS:
            later = series.shift(-h, freq="D").reindex(series.index)
            fwd = (later / series - 1 if kind == "return" else later - series).loc[valid.index.min():valid.index.max() - pd.Timedelta(days=h)]
            ev = fwd.index.isin(events)
            evv = fwd[ev].dropna()
            kept, last = 0, None
            for t in evv.index:
                if last is None or (t - last).days >= h:
                    kept, last = kept + 1, t
            out[f"{name}/{h}"] = (evv.mean(), fwd.mean(), (evv > 0).mean(), kept,
                                  bootstrap(fwd.to_numpy(), ev, max(1.0, min(h, len(fwd) / 4)), rng))
    return out


result = work()
report(measure(work, repeats=3), tests=len(result))
