"""Reference for the dense Pearson matrix: numpy.corrcoef of returns joined on the dates all series share.

Usage: matrix_reference.py DATA SINCE UNTIL FREQ ON RELPATH...   (SINCE/UNTIL may be "-")
"""
import sys

import numpy as np

from _common import aligned, emit

data, since, until, freq, on, *files = sys.argv[1:]
_, rows = aligned(data, files, None if since == "-" else since, None if until == "-" else until, freq, on)
emit({"n": len(rows), "matrix": np.corrcoef(rows.values.T).tolist()})
