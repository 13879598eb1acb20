#!/usr/bin/python3
"""Figures of landd under hostile load (the behaviour itself is tested by tests/test_landd_hostile.py):

  1. peak memory (VmHWM) under 8 concurrent 200 MB uploads without a key, then with an officer's
     key (streamed to the temporary folder, then refused as not a survey);
  2. latency of a /collections probe (and of /conformance, the transport alone) while 200
     slowloris connections are open (p50/p99), and without them;
  3. resident memory after 100 transition reports (distinct date pairs) against its baseline.

  bench/landd_hostile_bench.py BUILD_DIR [DB]

Without DB the sample maps are committed to a fresh database (both surveys)."""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

build = sys.argv[1]
LAND = os.path.join(build, "services/land/land")
LANDD = os.path.join(build, "services/landd/landd")
here = os.path.dirname(os.path.abspath(__file__))
work = tempfile.mkdtemp(prefix="landd-hostile-bench-")
if len(sys.argv) > 2:
    db = sys.argv[2]
else:
    db = os.path.join(work, "land.sqlite")
    maps = os.path.join(here, "..", "sample_maps")
    subprocess.run([LAND, "init", db, "--crs", "EPSG:5897"], check=True, capture_output=True)
    for survey, date in (("survey_2019.gpkg", "2019-06-30"), ("survey_2024.gpkg", "2024-06-30")):
        subprocess.run([LAND, "commit", db, os.path.join(maps, survey), "--date", date, "--id", "maXa,soTo,soThua",
                        "--use", "loaiDat"], check=True, capture_output=True)
out = subprocess.run([LAND, "keys", "add", db, "--name", f"bench{os.getpid()}", "--role", "officer"],
                     check=True, capture_output=True, text=True).stdout
key = next(l.strip() for l in out.splitlines() if l.strip().startswith("lk_"))

log = open(os.path.join(work, "landd.log"), "w+")
server = subprocess.Popen([LANDD, "--db", db, "--listen", "127.0.0.1:0", "--quiet"], stderr=log,
                          env=dict(os.environ, TMPDIR=work))
port = None
for _ in range(600):
    text = open(log.name).read()
    if port is None and "http://127.0.0.1:" in text:
        port = int(text.split("http://127.0.0.1:", 1)[1].split("/")[0])
    if "sessions ready" in text:
        break
    time.sleep(0.1)
url = f"http://127.0.0.1:{port}"


def memory(field):
    for line in open(f"/proc/{server.pid}/status"):
        if line.startswith(field):
            return int(line.split()[1]) / 1024.0
    return 0.0


def get(target):
    with urllib.request.urlopen(url + target, timeout=120) as r:
        return r.read()


def upload(authorized, size=200 << 20):
    s = socket.create_connection(("127.0.0.1", port), timeout=120)
    auth = f"Authorization: Bearer {key}\r\n" if authorized else ""
    s.sendall((f"POST /surveys?date=2030-01-01&id=maXa,soTo,soThua&use=loaiDat HTTP/1.1\r\nHost: x\r\n{auth}"
               f"Content-Type: application/octet-stream\r\nContent-Length: {size}\r\n\r\n").encode())
    chunk = b"x" * (1 << 20)
    try:
        for _ in range(size >> 20):
            s.sendall(chunk)
    except OSError:
        pass  # refused before the body: the server closed
    try:
        answer = s.recv(200).split(b"\r\n")[0].decode()
    except OSError:
        answer = "(reset)"
    s.close()
    return answer


get("/collections")
print(f"baseline: VmRSS {memory('VmRSS'):.0f} MB, VmHWM {memory('VmHWM'):.0f} MB")

for authorized in (False, True):
    answers = []
    threads = [threading.Thread(target=lambda: answers.append(upload(authorized))) for _ in range(8)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"8 concurrent 200 MB uploads {'with' if authorized else 'without'} a key: "
          f"{time.monotonic() - started:.1f} s, answers {sorted(set(answers))}, "
          f"peak VmHWM {memory('VmHWM'):.0f} MB, VmRSS after {memory('VmRSS'):.0f} MB, "
          f"uploads left in the temporary folder: {len([f for f in os.listdir(work) if f.startswith('landd-upload')])}")

def probe(target, count=300):
    """Returns the sorted latencies (ms) of `count` sequential GETs of the target."""
    latencies = []
    for _ in range(count):
        started = time.monotonic()
        get(target)
        latencies.append((time.monotonic() - started) * 1000)
        time.sleep(0.02)
    return sorted(latencies)


def percentiles(latencies):
    return (f"p50 {latencies[len(latencies) // 2]:.1f} ms, p99 {latencies[int(len(latencies) * 0.99) - 1]:.1f} ms, "
            f"max {latencies[-1]:.1f} ms ({len(latencies)} probes)")


# What the probes cost on their own: /collections does real work (the log, layers, extents),
# /conformance almost none (the transport's own latency).
print(f"/collections probe, no attackers: {percentiles(probe('/collections'))}")
print(f"/conformance probe, no attackers: {percentiles(probe('/conformance'))}")

# Slowloris: 200 connections trickling a header byte a second (reconnecting when cut).
stop = threading.Event()


def slowloris():
    while not stop.is_set():
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.sendall(b"GET /collections HTTP/1.1\r\nHost: x\r\n")
            while not stop.is_set():
                s.sendall(b"X")
                time.sleep(1)
        except OSError:
            pass


attackers = [threading.Thread(target=slowloris, daemon=True) for _ in range(200)]
for t in attackers:
    t.start()
time.sleep(2)
collections = probe("/collections")
conformance = probe("/conformance")
stop.set()
print(f"/collections probe with 200 slowloris connections open: {percentiles(collections)}")
print(f"/conformance probe with 200 slowloris connections open: {percentiles(conformance)}")

time.sleep(3)
baseline = memory("VmRSS")
dates = [f"{y}-{m:02d}-01" for y in range(2019, 2025) for m in range(1, 13)]
started = time.monotonic()
for i in range(100):
    get(f"/reports/transition?from=2019-06-30&to={dates[i % len(dates)]}" if dates[i % len(dates)] >= "2019-06-30"
        else f"/reports/transition?from={dates[i % len(dates)]}&to=2024-06-30")
took = time.monotonic() - started
time.sleep(3)  # the request threads give freed memory back a second after the last request
after = memory("VmRSS")
print(f"100 transition reports in {took:.1f} s: VmRSS {baseline:.0f} MB before, {after:.0f} MB after "
      f"({(after / baseline - 1) * 100:+.0f} %), peak VmHWM {memory('VmHWM'):.0f} MB")

server.terminate()
server.wait()
shutil.rmtree(work, ignore_errors=True)
