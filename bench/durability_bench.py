"""What an acknowledged write's durability costs: times N set-use transactions in one process
(Python, one Store) on a copy of a land database. Run it as is (synchronous=FULL: the WAL is
fsynced at every commit) and under `eatmydata` (fsync made a no-op: what synchronous=NORMAL would
cost at most); the difference is the price of durability per transaction.

    /usr/bin/python3 bench/durability_bench.py BUILD/python DB [N [USE_FIELD]]
    eatmydata /usr/bin/python3 bench/durability_bench.py BUILD/python DB [N [USE_FIELD]]

DB is a land database whose last commit is before today (e.g. the sample pair committed, as
scripts/demo.sh does); USE_FIELD is its surveys' land-use field (default loaiDat).
"""
import os
import shutil
import sys
import tempfile
import time

from datetime import date

sys.path.insert(0, sys.argv[1])
import libland  # noqa: E402

source = sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 200
use_field = sys.argv[4] if len(sys.argv) > 4 else "loaiDat"
with tempfile.TemporaryDirectory() as work:
    db = os.path.join(work, "land.sqlite")
    shutil.copy(source, db)
    store = libland.Store(db)
    day = date.today().isoformat()
    today = store.as_of(day)
    keys = list(today[today[use_field] != "CLN"]["key"])[:count]
    started = time.perf_counter()
    for i, key in enumerate(keys):
        store.set_use(key, "CLN", date=day, document=f"QD-{i}")
    took = time.perf_counter() - started
    print(f"{len(keys)} transactions: {took:.2f} s, {1000 * took / len(keys):.2f} ms each")
