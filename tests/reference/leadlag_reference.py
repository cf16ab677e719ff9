"""Reference for `bellwether leadlag`: pandas cross-correlations, statsmodels VAR lag order (AIC),
grangercausalitytests (ssr_ftest) in both directions, and OLS betas with standard errors.

Usage: leadlag_reference.py DATA A_RELPATH B_RELPATH SINCE UNTIL FREQ ON MAX_LAG   (SINCE/UNTIL may be "-")
"""
import sys
import warnings

import numpy as np
import statsmodels.api as sm
from scipy import stats
from statsmodels.tsa.api import VAR
from statsmodels.tsa.stattools import grangercausalitytests

from _common import aligned, emit

warnings.simplefilter("ignore")


def granger(effect, cause, maxlag):
    """ssr_ftest of `cause` -> `effect` at lags 1..maxlag."""
    data = np.column_stack([effect, cause])
    res = grangercausalitytests(data, maxlag, verbose=False)
    return {lag: {"f": r[0]["ssr_ftest"][0], "p_value": r[0]["ssr_ftest"][1],
                  "df_den": r[0]["ssr_ftest"][2], "df_num": r[0]["ssr_ftest"][3]} for lag, r in res.items()}


def beta(y, x):
    fit = sm.OLS(y, sm.add_constant(x)).fit()
    return {"n": int(fit.nobs), "alpha": fit.params[0], "beta": fit.params[1], "beta_se": fit.bse[1],
            "r_squared": fit.rsquared, "p_value": fit.pvalues[1]}


def main():
    data, fa, fb, since, until, freq, on, k = sys.argv[1:9]
    since = None if since == "-" else since
    until = None if until == "-" else until
    k = int(k)
    _, rows = aligned(data, [fa, fb], since, until, freq, on)
    a, b = rows.iloc[:, 0], rows.iloc[:, 1]
    cross = []
    for lag in range(-k, k + 1):
        pair = np.column_stack([a.values, b.shift(-lag).values])
        pair = pair[~np.isnan(pair).any(axis=1)]
        cross.append({"lag": lag, "n": len(pair), "pearson": a.corr(b.shift(-lag)),
                      "p_value": stats.pearsonr(pair[:, 0], pair[:, 1]).pvalue})
    order = VAR(np.column_stack([a.values, b.values])).select_order(k)
    aic = order.ics["aic"]
    emit({
        "n": len(rows), "cross": cross, "order": int(order.aic), "aic": list(aic),
        "a_to_b": granger(b.values, a.values, k), "b_to_a": granger(a.values, b.values, k),
        "beta_b_on_a": beta(b.values, a.values), "beta_a_on_b": beta(a.values, b.values),
    })


if __name__ == "__main__":
    main()
