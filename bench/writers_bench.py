"""Transactions per second with N concurrent writers on distinct parcels, on either backend.

    PYTHONPATH=build/python /usr/bin/python3 bench/writers_bench.py DB WRITERS TRANSACTIONS

DB is a land database holding a survey (a SpatiaLite path or a postgresql:// URI). Each writer is
its own process with its own Store and changes the land use of parcels of its own map sheet back
and forth (one transaction each, all dated 2026-06-01), so writers never touch the same parcel or
sheet. Prints writers, transactions, seconds and transactions per second.
"""
import multiprocessing
import sys
import time

import libland


def sheets_with_parcels(db, writers):
    snapshot = libland.Store(db, read_only=True).as_of("2026-06-01")
    by_sheet = {}
    for key in snapshot["key"]:
        by_sheet.setdefault(key.rsplit("-", 1)[0], []).append(key)
    sheets = sorted(by_sheet, key=lambda s: -len(by_sheet[s]))[:writers]
    if len(sheets) < writers:
        sys.exit(f"{db} has {len(sheets)} sheets; {writers} writers need as many")
    return [by_sheet[s] for s in sheets]


def write(db, parcels, transactions, ready, go):
    store = libland.Store(db)
    ready.wait()
    go.wait()
    now = {}  # parcel -> its use as this writer last set it
    for i in range(transactions):
        parcel = parcels[i % len(parcels)]
        use = "NTS" if now.get(parcel) == "ONT" else "ONT"
        try:
            store.set_use(parcel, use, date="2026-06-01", document=f"BENCH-{i}", by="bench")
        except libland.UsageError as e:  # the first touch of a parcel that had that use already
            if "already has the use" not in str(e):
                raise
            use = "NTS" if use == "ONT" else "ONT"
            store.set_use(parcel, use, date="2026-06-01", document=f"BENCH-{i}", by="bench")
        now[parcel] = use

def main():
    db, writers, transactions = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    groups = sheets_with_parcels(db, writers)
    ready = multiprocessing.Barrier(writers + 1)
    go = multiprocessing.Barrier(writers + 1)
    procs = [multiprocessing.Process(target=write, args=(db, groups[w], transactions, ready, go))
             for w in range(writers)]
    for p in procs:
        p.start()
    ready.wait()
    t0 = time.perf_counter()
    go.wait()
    for p in procs:
        p.join()
    seconds = time.perf_counter() - t0
    failed = sum(p.exitcode != 0 for p in procs)
    total = writers * transactions
    print(f"writers {writers} transactions {total} seconds {seconds:.2f} tx/s {total / seconds:.0f}"
          + (f" FAILED writers {failed}" if failed else ""))


if __name__ == "__main__":
    main()
