"""Transactions per second with N concurrent writers on distinct parcels, on either backend, and
the latency of as-of box queries beside them.

    PYTHONPATH=build/python /usr/bin/python3 bench/writers_bench.py DB WRITERS TRANSACTIONS [--reads] [--rate=N]
        [--alternate=T] [--read-db=URI] [--reader-cpus=LIST] [--clients-elsewhere] [--reads-first]
        [--idle-writers | --busy-writers=MS] [--pool=FILE] [--server-log=FILE]

DB is a land database holding a survey (a SpatiaLite path or a postgresql:// URI). Each writer is
its own process with its own Store and changes the land use of parcels of its own map sheet back
and forth (one transaction each, all dated 2026-06-01), so writers never touch the same parcel or
sheet; each writer makes 6 transactions on its connection before the measurement starts. Prints
writers, transactions, seconds and transactions per second. A write refused with "database is
busy" (SpatiaLite's one writer at a time, after 5 s of waiting) is tried again, and counted.

With --reads, a reader process (its own read-only Store) queries the current parcels in random
boxes of about 50 parcels (in the area of the first 20,000 parcels by key: the whole map of the
sample database), one query every 10 ms: for 5 s before the writers start (alone; with --rate, as
long as the writers will write), then while they write. Prints the median and 99th percentile, in
milliseconds, of the reads alone, of those made while every writer was writing (from the last
writer's first transaction to the first writer's last), and of all those from the writers' start
to their exit (16 programs and their server processes starting and ending at once).

With --rate=N, the writers together start at most N transactions per second (each writer paced
evenly, the writers staggered): reads beside a given write load rather than beside as many writes
as the machine takes.

With --alternate=T (and --rate), the writers write for T seconds, pause for T seconds, and so on,
keeping their connections; the reader reads throughout. The reads made in the writing windows are
"beside", those made in the pauses (from 0.1 s after a window) "alone", so both sample the same
stretch of time, and what else the machine does in it, alike. Prints both, their 99th
percentiles and the ratio, and the same for each half of the run (the pauses need 2 windows or
more: "n/a" otherwise).

With --read-db=URI, the reader reads from that database instead, a streaming replica of DB (as
`landd --read-db` does; `bench/pg_cluster.sh replica` makes one).

With --reader-cpus=LIST, the reader and, on PostgreSQL, its server process run on those CPUs only
(taskset's numbering; the writers are not pinned). With --reads-first, and the server and the
writers pinned to the other CPUs (`bench/pg_cluster.sh pin`, `taskset`), the reads have a core of
their own; with --read-db and the replica's server pinned there too, the replica stands for a
machine of its own.

With --clients-elsewhere, the writers' own processes (the officers' programs: Python and
libland building each transaction) run at the lowest CPU priority, standing for programs on the
officers' machines: the database server's work for their writes keeps its normal priority, and
the reads then measure what the server's writes cost them, not what the clients' CPU does.

With --reads-first (as root), the reader and its server process run at real-time priority
(SCHED_FIFO): they take a core the moment they need one, as reads would on a machine with cores
to spare. The reads then measure what the writes cost them apart from sharing the CPU: locks,
buffers, I/O and the database's own work for the writes.

With --idle-writers, the writers connect, warm up and keep the schedule, but write nothing: the
reads "beside" and "alone" then differ only by chance, which shows how far apart two samples of
this size fall when nothing differs (with --alternate: the protocol's own spread).

With --busy-writers=MS, the same, but each writer spins on the CPU for MS milliseconds where it
would write (what a transaction costs the machine's CPUs, client and server together, e.g. 2.9):
the CPU load of the writes without the database, its locks, pages and disk.

With --pool=FILE (and --alternate), the run's reads alone and beside are added to FILE (one JSON
line per run), and the 99th percentiles of every run's reads in FILE together are printed too: one
run's p99 rests on its 20 slowest reads of 2,000, and a pause of the machine's own moves it.

With --server-log=FILE (PostgreSQL, with --alternate; FILE is the server's log, as
bench/pg_cluster.sh writes it: DIR/server.log, each line starting with the time in epoch seconds
and the process id), the reader's server process logs the duration of each of its statements
(log_min_duration_statement=0 for its session only), and the run prints the server's time per
read alone and beside too (median and p99, added to --pool's FILE as well): whether the database
does more work for a read beside the writes, or does the same work and the read waits elsewhere.
"""
import argparse
import bisect
import json
import math
import multiprocessing
import os
import random
import re
import statistics
import subprocess
import sys
import time

import libland

DATE = "2026-06-01"
READ_PAUSE = 0.010   # seconds between two read queries
READ_ALONE = 5.0     # seconds of reads before the writers start (at least; paced: as long as they write)
PARCELS_PER_BOX = 50
WARM_UP = 6          # transactions of each writer before the measurement
SETTLE = 0.1         # seconds after a writing window before the reads count as alone
MAP_PARCELS = 20000  # parcels read (by key) to find the writers' sheets and the reader's area


def sheets_with_parcels(db, writers):
    # The first parcels by key (the whole map when it is small): their sheets are the writers',
    # their extent the reader's.
    native, _, _ = libland.Store(db, read_only=True)._native.parcels(DATE, None, None, None, MAP_PARCELS, 0, "")
    snapshot = libland.Snapshot(native)
    by_sheet = {}
    minx = miny = float("inf")
    maxx = maxy = float("-inf")
    for parcel in snapshot:
        by_sheet.setdefault(parcel.key.rsplit("-", 1)[0], []).append((parcel.key, parcel.use))
        x0, y0, x1, y1 = parcel.geometry.bounds
        minx, miny, maxx, maxy = min(minx, x0), min(miny, y0), max(maxx, x1), max(maxy, y1)
    sheets = sorted(by_sheet, key=lambda s: -len(by_sheet[s]))[:writers]
    if len(sheets) < writers:
        sys.exit(f"{db} has {len(sheets)} sheets; {writers} writers need as many")
    return [by_sheet[s] for s in sheets], (minx, miny, maxx, maxy), len(snapshot)


def toggle_use(store, now, parcel, document):
    """Changes the parcel's use (ONT <-> NTS) in one transaction. Returns the retries after
    "database is busy" (SpatiaLite: one writer at a time, the others wait 5 s)."""
    use = "NTS" if now[parcel] == "ONT" else "ONT"
    retries = 0
    while True:
        try:
            store.set_use(parcel, use, date=DATE, document=document, by="bench")
            break
        except libland.Error as e:
            if "database is busy" not in str(e):
                raise
            retries += 1
    now[parcel] = use
    return retries


def scheduled(start, writing_time, window):
    """When a transaction due `writing_time` seconds into the writing starts: at once, or with
    windows of `window` seconds, in the writing windows only (one pause of as long after each)."""
    if not window:
        return start + writing_time
    return start + 2 * window * (writing_time // window) + writing_time % window


def spin(seconds):
    """Spends `seconds` of this process's CPU."""
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def write(db, parcels, transactions, interval, offset, window, ready, go, start_at, elsewhere, idle, busy, spans):
    if elsewhere:
        os.nice(19)
    store = libland.Store(db)
    now = dict(parcels)  # parcel -> its use
    # Transactions before any measurement, as an officer's program that keeps its connection: a new
    # connection's first transaction makes its server backend parse every statement and load its
    # caches (0.1-0.2 s each when 16 backends start at once), and PostgreSQL plans a prepared
    # statement anew at each of its first five runs before it settles on a plan.
    retries = sum(toggle_use(store, now, parcels[-1][0], f"BENCH-WARM-UP-{i}") for i in range(WARM_UP))
    ready.wait()
    go.wait()
    start = start_at.value
    first = None
    for i in range(transactions):
        if interval:  # paced: transaction i starts at offset + i * interval into the writing at the earliest
            time.sleep(max(0.0, scheduled(start, offset + i * interval, window) - time.perf_counter()))
        first = first or time.perf_counter()
        if busy:
            spin(busy)
        elif not idle:
            retries += toggle_use(store, now, parcels[i % len(parcels)][0], f"BENCH-{i}")
    spans.put((first, time.perf_counter()))  # perf_counter is the system's monotonic clock
    if retries:
        print(f"writer of {parcels[0][0].rsplit('-', 1)[0]}: {retries} retries after 'database is busy'")


def is_postgres(db):
    return "://" in db or db.startswith("PG:")


def reader_server(db):
    """The process id of the reader's server process on PostgreSQL, found by the application name
    libpq sent."""
    # psql inherits the application name: its own server process is not the reader's.
    server = subprocess.run(["psql", db.removeprefix("PG:"), "-XAtc", "SELECT pid FROM pg_stat_activity "
                             "WHERE application_name = 'writers_bench reader' AND pid <> pg_backend_pid()"],
                            check=True, capture_output=True, text=True).stdout.split()
    if not server:
        sys.exit(f"no server process of the reader's connection found on {db}")
    return int(server[0])


def reads_first(server):
    """Puts this process and its server process (PostgreSQL; None on SpatiaLite) at real-time
    priority."""
    for pid in [os.getpid()] + ([server] if server else []):
        subprocess.run(["chrt", "--fifo", "--pid", "1", str(pid)], check=True)


def read(db, bounds, parcels, cpus, first, logged, ready, stop, out):
    """Queries random boxes until `stop` is set; puts [(start time, seconds)] into `out`, and the
    process id of its server process when `logged` (its statements' durations are then logged)."""
    os.environ["PGAPPNAME"] = "writers_bench reader"  # libpq's application name, for reader_server
    if logged:
        os.environ["PGOPTIONS"] = "-c log_min_duration_statement=0"
    for attempt in range(100):  # a replica shows a database just made on the primary soon after
        try:
            native = libland.Store(db, read_only=True)._native
            break
        except libland.Error:
            if attempt == 99:
                raise
            time.sleep(0.1)
    server = reader_server(db) if is_postgres(db) and (first or logged or cpus) else None
    if first:
        reads_first(server)
    if cpus:  # e.g. a core the writes do not use, or the one a replica has to itself
        for pid in [0] + ([server] if server else []):
            os.sched_setaffinity(pid, cpus)
    minx, miny, maxx, maxy = bounds
    share = (PARCELS_PER_BOX / parcels) ** 0.5
    w, h = (maxx - minx) * share, (maxy - miny) * share
    rng = random.Random(1)
    timings = []
    ready.wait()
    while not stop.is_set():
        x = minx + rng.random() * (maxx - minx - w)
        y = miny + rng.random() * (maxy - miny - h)
        t0 = time.perf_counter()
        native.parcels(DATE, (x, y, x + w, y + h), None, None, 1000, 0, "")
        timings.append((t0, time.perf_counter() - t0))
        time.sleep(READ_PAUSE)
    out.put((timings, server))


def p99(seconds):
    ms = sorted(s * 1000 for s in seconds)
    return ms[min(len(ms) - 1, int(round(0.99 * (len(ms) - 1))))]


def percentiles(seconds):
    if len(seconds) < 2:
        return "n/a"
    return f"median {statistics.median(seconds) * 1000:.1f} ms p99 {p99(seconds):.1f} ms ({len(seconds)} queries)"


def alternated(timings, start, window, windows):
    """Splits reads (start time, seconds) into those inside writing windows and those inside the
    pauses between them (from SETTLE after a window), each read wholly inside its window or pause."""
    beside, alone = [], []
    for at, seconds in timings:
        k, into = divmod(at - start, 2 * window)
        if not 0 <= k < windows:
            continue
        if into + seconds <= window:
            beside.append((at, seconds))
        elif k < windows - 1 and window + SETTLE <= into and into + seconds <= 2 * window:  # not the writers' exit
            alone.append((at, seconds))
    return beside, alone


LOGGED = re.compile(r"^(\d+\.\d+) \[(\d+)\] LOG:  duration: ([\d.]+) ms")
LOGGED_LATE = 0.002  # seconds after a read's end: its transaction's COMMIT, sent unanswered as it returns


def server_times(log, server, timings, offset):
    """The seconds the server process `server` logged in `log` for each read (start, seconds) of
    `timings` ({start: seconds}): the durations of its statements from the read's start to
    LOGGED_LATE after its end. `offset` turns a start (perf_counter) into epoch seconds; the log's
    times have milliseconds."""
    starts = sorted(at for at, _ in timings)
    ends = dict(timings)
    spent = dict.fromkeys(starts, 0.0)
    with open(log, errors="replace") as f:
        for line in f:
            m = LOGGED.match(line)
            if not m or int(m.group(2)) != server:
                continue
            at = float(m.group(1)) - offset
            i = bisect.bisect_right(starts, at + 0.001) - 1  # the last read started by then (+ the log's rounding)
            if i >= 0 and at <= starts[i] + ends[starts[i]] + LOGGED_LATE:
                spent[starts[i]] += float(m.group(3)) / 1000
    return spent


def report_alternated(timings, start, window, windows, pool, server=None):
    """Prints the reads alone and beside, and with `server` ({start: seconds}) the server's time
    for them; adds them to `pool` when given and prints every run's in it together."""
    beside, alone = alternated(timings, start, window, windows)

    def compared(a, b):  # "p99 alone / beside (ratio)"
        return f"{p99(a):.1f} / {p99(b):.1f} ms ({p99(b) / p99(a):.2f})" if len(a) > 1 and len(b) > 1 else "n/a"

    print(f"reads in the pauses: {percentiles([s for _, s in alone])}; "
          f"in the writing windows: {percentiles([s for _, s in beside])}; "
          f"p99 alone / beside: {compared([s for _, s in alone], [s for _, s in beside])}")
    middle = start + 2 * window * (windows // 2)
    halves = [compared([s for at, s in alone if part(at)], [s for at, s in beside if part(at)])
              for part in (lambda at: at < middle, lambda at: at >= middle)]
    print(f"p99 alone / beside, first half: {halves[0]}; second half: {halves[1]}")
    run = {"alone": [s for _, s in alone], "beside": [s for _, s in beside]}
    if server is not None:
        run.update(alone_server=[server[at] for at, _ in alone], beside_server=[server[at] for at, _ in beside])
        print(f"the server's time per read: in the pauses: {percentiles(run['alone_server'])}; "
              f"in the writing windows: {percentiles(run['beside_server'])}; "
              f"p99 alone / beside: {compared(run['alone_server'], run['beside_server'])}")
    if pool:
        with open(pool, "a") as f:
            f.write(json.dumps(run) + "\n")
        with open(pool) as f:
            runs = [json.loads(line) for line in f]
        pooled = {k: [s for r in runs for s in r.get(k, [])] for k in run}
        print(f"{len(runs)} runs in {pool}: p99 alone / beside: {compared(pooled['alone'], pooled['beside'])}")
        if server is not None and all("alone_server" in r for r in runs):
            print(f"{len(runs)} runs in {pool}: the server's time per read, p99 alone / beside: "
                  f"{compared(pooled['alone_server'], pooled['beside_server'])}")


def positive(text):
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"not a positive number: {text}")
    return value


def cpu_list(text):
    return {int(c) for c in text.split(",")}


def options():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db")
    parser.add_argument("writers", type=int)
    parser.add_argument("transactions", type=int, help="per writer")
    parser.add_argument("--reads", action="store_true")
    parser.add_argument("--rate", type=float, default=0.0)
    parser.add_argument("--alternate", type=float, default=0.0, metavar="T")
    parser.add_argument("--read-db", metavar="URI")
    parser.add_argument("--reader-cpus", type=cpu_list, default=set(), metavar="LIST")
    parser.add_argument("--clients-elsewhere", action="store_true")
    parser.add_argument("--reads-first", action="store_true")
    parser.add_argument("--idle-writers", action="store_true")
    parser.add_argument("--busy-writers", type=positive, default=0.0, metavar="MS")
    parser.add_argument("--pool", metavar="FILE")
    parser.add_argument("--server-log", metavar="FILE")
    o = parser.parse_args()
    if (o.alternate or o.idle_writers or o.busy_writers) and not (o.rate and o.reads):
        parser.error("--alternate, --idle-writers and --busy-writers need --rate and --reads")
    if o.idle_writers and o.busy_writers:
        parser.error("--idle-writers or --busy-writers, not both")
    if o.pool and not o.alternate:
        parser.error("--pool needs --alternate")
    if o.server_log and not (o.alternate and is_postgres(o.read_db or o.db) and os.path.isfile(o.server_log)):
        parser.error("--server-log needs --alternate, a PostgreSQL database to read and its server's log file")
    if o.reads_first and not (o.reads and os.geteuid() == 0):
        parser.error("--reads-first needs --reads, and root (real-time priority)")
    return o


def main():
    o = options()
    db, writers, transactions, rate, window = o.db, o.writers, o.transactions, o.rate, o.alternate
    reads, idle, busy = o.reads, o.idle_writers, o.busy_writers / 1000
    interval = writers / rate if rate else 0.0  # seconds between two transactions of one writer
    windows = math.ceil(writers * transactions / rate / window) if window else 0  # writing windows
    groups, bounds, parcels = sheets_with_parcels(db, writers)
    ready = multiprocessing.Barrier(writers + 1 + (1 if reads else 0))
    go = multiprocessing.Barrier(writers + 1)
    spans = multiprocessing.Queue()  # each writer's (first transaction's start, last one's end)
    start_at = multiprocessing.Value("d", 0.0)  # when the writing starts (perf_counter)
    procs = [multiprocessing.Process(target=write, args=(db, groups[w], transactions, interval, interval * w / writers, window,
                                                                      ready, go, start_at, o.clients_elsewhere, idle, busy, spans))
             for w in range(writers)]
    for p in procs:
        p.start()
    if reads:
        stop, out = multiprocessing.Event(), multiprocessing.Queue()
        reader = multiprocessing.Process(target=read, args=(o.read_db or db, tuple(bounds), parcels, o.reader_cpus, o.reads_first,
                                                                   bool(o.server_log), ready, stop, out))
        reader.start()
    ready.wait()
    if reads and not window:  # paced writers write for about writers * transactions / rate seconds: as many reads alone
        time.sleep(max(READ_ALONE, writers * transactions / rate if rate else 0.0))
    t0 = time.perf_counter()
    start_at.value = t0 + 0.05  # every writer is past the barrier by then
    go.wait()
    for p in procs:
        p.join()
    seconds = time.perf_counter() - t0
    t1 = time.perf_counter()
    failed = sum(p.exitcode != 0 for p in procs)
    total = writers * transactions
    writing_seconds = seconds - (windows - 1) * window  # without the pauses between writing windows
    print(f"writers {writers} transactions {total} seconds {seconds:.2f} tx/s {total / writing_seconds:.0f}"
          + (f" FAILED writers {failed}" if failed else "") + (" (idle writers: nothing written)" if idle else "")
          + (f" (busy writers: {o.busy_writers} ms of CPU per transaction, nothing written)" if busy else ""))
    if reads:
        stop.set()
        timings, server = out.get()
        reader.join()
        writing = [spans.get() for _ in procs]
        if window:
            logged = None
            if o.server_log:
                logged = server_times(o.server_log, server, timings, time.time() - time.perf_counter())
            report_alternated(timings, start_at.value, window, windows, o.pool, logged)
            return
        all_from, all_to = max(f for f, _ in writing), min(t for _, t in writing)
        alone = [s for start, s in timings if start < t0]
        beside = [s for start, s in timings if all_from <= start and start + s <= all_to]
        around = [s for start, s in timings if t0 <= start and start + s <= t1]
        print(f"reads alone: {percentiles(alone)}; beside the writers: {percentiles(beside)}; "
              f"with the writers' start and exit: {percentiles(around)}")


if __name__ == "__main__":
    main()
