"""pandas side of rolling_corr_1m: rolling Pearson correlation, window 90, of two 1,000,000-point series."""
import numpy as np
import pandas as pd

from common import measure, report

rng = np.random.default_rng(42)
common_part = rng.standard_normal(1_000_000)
x = pd.Series(common_part)
y = pd.Series(0.5 * common_part + rng.standard_normal(1_000_000))

report(measure(lambda: x.rolling(90).corr(y)))
