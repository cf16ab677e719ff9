"""Reference for `bellwether corr`: pandas resampling and joins, scipy correlations and p-values, pandas rolling corr.

Usage: corr_reference.py DATA CASES_JSON
CASES_JSON is a list of {"a": relpath, "b": relpath, "since": date|null, "until": date|null, "freq": daily|weekly|monthly,
"on": log-returns|returns|levels, "window": null | 90 | "90d", "min_count": int|null}. Prints one JSON list, one
result per case.
"""
import json
import sys

from scipy import stats

from _common import aligned, emit


def one(data, case):
    joined, rows = aligned(data, [case["a"], case["b"]], case.get("since"), case.get("until"), case["freq"], case["on"])
    x, y = rows.iloc[:, 0], rows.iloc[:, 1]
    pr = stats.pearsonr(x, y)
    ci = pr.confidence_interval(0.95)
    sr = stats.spearmanr(x, y)
    kt = stats.kendalltau(x, y)
    result = {
        "n": len(rows), "from": joined.index[0], "to": rows.index[-1],
        "pearson": pr.statistic, "p_value": pr.pvalue, "ci95_low": ci.low, "ci95_high": ci.high,
        "spearman": sr.correlation, "spearman_p_value": sr.pvalue,
        "kendall": kt.correlation, "kendall_p_value": kt.pvalue,
    }
    window = case.get("window")
    if window is not None:
        if isinstance(window, str) and window.endswith("d"):
            roll = x.rolling(window[:-1] + "D", min_periods=case.get("min_count") or 3).corr(y)
        else:
            roll = x.rolling(int(window), min_periods=case.get("min_count") or int(window)).corr(y)
        result["rolling"] = [{"date": d, "pearson": v} for d, v in roll.items()]
        spread = x - y
        w = spread.rolling(window[:-1] + "D", min_periods=case.get("min_count") or 3) if isinstance(window, str) \
            else spread.rolling(int(window), min_periods=case.get("min_count") or int(window))
        z = (spread - w.mean()) / w.std()
        result["spread_z"] = [{"date": d, "z": v} for d, v in z.items()]
    return result


if __name__ == "__main__":
    data, cases = sys.argv[1], json.loads(sys.argv[2])
    emit([one(data, c) for c in cases])
