"""Peak resident memory of importing a generated 200 MB CSV with `bellwether import`, against pandas' read_csv of the
same file, in the same run. The file is Stooq's bulk layout (several tickers in one file, the only layout that holds
200 MB of daily bars within the dates an import accepts): 40 tickers, a seeded random walk each, every weekday from
1900. Usage: python3 import_rss_200mb.py BELLWETHER_EXECUTABLE"""
import json
import os
import random
import subprocess
import sys
import tempfile
import time

HEADER = "<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\n"


def generate(path, target=200 * 1024 * 1024):
    rng = random.Random(42)
    import datetime
    days = [d for d in (datetime.date(1900, 1, 1) + datetime.timedelta(n) for n in range(45_000)) if d.weekday() < 5
            and d <= datetime.date(2025, 12, 31)]
    with open(path, "w") as f:
        f.write(HEADER)
        size, ticker = len(HEADER), 0
        while size < target:
            ticker += 1
            price = 100.0
            for d in days:
                o = price
                c = max(0.01, o * (1 + rng.gauss(0, 0.01)))
                h, l = max(o, c) * (1 + abs(rng.gauss(0, 0.003))), min(o, c) * (1 - abs(rng.gauss(0, 0.003)))
                line = f"T{ticker:03d}.US,D,{d:%Y%m%d},000000,{o:.4f},{h:.4f},{l:.4f},{c:.4f},{rng.randint(1000, 9_999_999)},0\n"
                f.write(line)
                size += len(line)
                price = c
                if size >= target:
                    break


# Runs a command and prints its peak resident set (KiB): a wrapper process per measurement, since ru_maxrss of
# children is the largest over every child a process has waited for.
WRAPPER = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], capture_output=True); "
           "sys.stderr.write(p.stderr.decode()[-2000:]); "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if p.returncode == 0 else -1)")


def peak_rss_mb(cmd):
    """Peak resident set of <cmd>, in MiB, and its wall seconds."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True)
    wall = time.perf_counter() - start
    kib = int(proc.stdout.strip().splitlines()[-1])
    if kib < 0:
        sys.exit(f"{cmd[0]} failed: {proc.stderr}")
    return kib / 1024, wall


def main():
    exe = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "bulk.txt")
        generate(data)
        file_mb = os.path.getsize(data) / 2**20
        pandas_rss, pandas_wall = peak_rss_mb([sys.executable, "-c",
                                               f"import pandas as pd; df = pd.read_csv({data!r}); print(len(df))"])
        # The fixed amount: the same import of the file's first thousand rows (runtime, DuckDB, the CLI).
        small = os.path.join(tmp, "small.txt")
        with open(data) as f, open(small, "w") as out:
            out.writelines(line for _, line in zip(range(1001), f))
        fixed_rss, _ = peak_rss_mb([exe, "import", small, "--json", "--store", os.path.join(tmp, "small.duckdb")])
        store = os.path.join(tmp, "store.duckdb")
        bw_rss, bw_wall = peak_rss_mb([exe, "import", data, "--json", "--store", store])
        print(json.dumps({"file_mb": round(file_mb, 1), "pandas_read_csv_rss_mb": round(pandas_rss),
                          "fixed_rss_mb": round(fixed_rss), "above_fixed_over_file": round((bw_rss - fixed_rss) / file_mb, 2),
                          "pandas_seconds": round(pandas_wall, 2), "bellwether_import_rss_mb": round(bw_rss),
                          "bellwether_seconds": round(bw_wall, 2), "ratio": round(bw_rss / pandas_rss, 2),
                          "rss_over_file": round(bw_rss / file_mb, 2)}))


main()
