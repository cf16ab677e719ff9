"""pandas side of cli_corr_rut_eth: a fresh Python process that reads RUT and ETH, joins them on shared dates and
computes the Pearson, Spearman and Kendall correlations of daily log returns (process start included, like the CLI)."""
import os
import subprocess
import sys

from common import DATA, measure, report

SCRIPT = """
import sys
import numpy as np, pandas as pd
from scipy import stats
data = sys.argv[1]
rut = pd.read_csv(data + "/markets/rut_daily.csv", parse_dates=["date"], index_col="date")["close"]
eth = pd.read_csv(data + "/crypto/daily/ETH.csv", parse_dates=["date"], index_col="date")["close"]
r = np.log(pd.concat([rut, eth], axis=1, join="inner").dropna()).diff().dropna()
x, y = r.iloc[:, 0], r.iloc[:, 1]
print(stats.pearsonr(x, y).statistic, stats.spearmanr(x, y).correlation, stats.kendalltau(x, y).correlation)
"""

report(measure(lambda: subprocess.run([sys.executable, "-c", SCRIPT, os.path.abspath(DATA)], check=True, capture_output=True), repeats=5))
