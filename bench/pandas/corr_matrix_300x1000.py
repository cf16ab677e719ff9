"""numpy side of corr_matrix_300x1000: the full Pearson matrix of 300 series of 1,000 rows (numpy.corrcoef)."""
import numpy as np

from common import measure, report

data = np.random.default_rng(42).standard_normal((300, 1000))

report(measure(lambda: np.corrcoef(data), repeats=20))
