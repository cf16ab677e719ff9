"""pandas side of backtest_grid: 200 rotation backtests (10 thresholds x 20 readiness series) from 2018-01-01 to
Bitcoin's last close, each with its daily returns, costs and in-/out-of-sample metrics, vectorised with numpy (held
asset = the signal shifted by one close, a cost on each switch; tests/reference/backtest.py's metrics). The board has no pandas counterpart, so the 20 readiness series are seeded random 0-100
walks of the same length: the work per point (positions, returns, costs, metrics) is the same whatever the values.
Prices (BTC and the basket rebuilt by tests/reference/study.py) are prepared outside the timing, as on the C# side,
where readiness components are also computed in setup (bench entry readiness_history times that part)."""
import os
import sys

import numpy as np
import pandas as pd

from common import DATA, measure, report

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "reference"))
import altseason  # noqa: E402
from backtest import metrics  # noqa: E402
from study import basket  # noqa: E402

crypto = os.path.join(DATA, "crypto")
closes = altseason.read_closes(os.path.join(crypto, "daily"))
end = closes["BTC"].index.max()
start = pd.Timestamp("2018-01-01")
b_first, b_level = basket(altseason.read_rankings(crypto), altseason.read_exclusions(crypto), closes, 20, end)
days = pd.date_range(start, end, freq="D")


def moves(series):
    s = series.reindex(pd.date_range(series.index.min(), series.index.max(), freq="D"))
    return (s / s.ffill().shift(1) - 1).reindex(days).to_numpy()


M = np.column_stack([moves(pd.Series(b_level, index=pd.date_range(b_first, periods=len(b_level), freq="D")).dropna()), moves(closes["BTC"])])
rng = np.random.default_rng(1)
READINESS = [np.clip(50 + np.cumsum(rng.normal(0, 3, len(days) + 1)), 0, 100) for _ in range(20)]
THRESHOLDS = [40 + 5 * i for i in range(10)]
split = int(round((len(days) - 1) * 0.6))


moves_basket, moves_btc = np.nan_to_num(M[:, 0]), np.nan_to_num(M[:, 1])
n = len(days)


def point(r, theta, cost_bp=20):
    target = r[:n] >= theta                       # decided at the close of each day from readiness of the day before
    held = np.empty(n, dtype=bool)
    held[0], held[1:] = False, target[:-1]        # held into day d: the target set at the close of d-1
    gross = np.where(held, moves_basket, moves_btc)
    gross[0] = 0.0
    switch = np.zeros(n)
    switch[1:] = target[1:] != target[:-1]
    factor = (1 + gross) * (1 - 2 * switch * cost_bp / 10000)
    equity = np.cumprod(factor)
    returns = factor - 1
    returns[0] = 0.0
    invested = np.ones(n)
    invested[0] = 0.0
    return equity, returns, switch, invested, held.astype(float)


def work():
    out = []
    for r in READINESS:
        for theta in THRESHOLDS:
            equity, returns, traded, invested, in_basket = point(r, theta)
            out.append((metrics(equity, returns, traded, invested, in_basket, 0, split),
                        metrics(equity, returns, traded, invested, in_basket, split, n - 1)))
    return out


result = work()
report(measure(work, repeats=5), points=len(result))
