#!/usr/bin/env python3
"""Reference for Holm's step-down adjustment: statsmodels' multipletests(method="holm").

    multitest.py P1,P2,...     ("nan" for a missing p-value, which stays missing and does not count)
Prints JSON [adjusted p or null, ...] in the order given.
"""
import json
import sys

import numpy as np
from statsmodels.stats.multitest import multipletests

p = np.array([float(x) for x in sys.argv[1].split(",")])
ok = ~np.isnan(p)
out = [None] * len(p)
if ok.any():
    adjusted = multipletests(p[ok], method="holm")[1]
    for i, v in zip(np.flatnonzero(ok), adjusted):
        out[i] = float(v)
print(json.dumps(out))
