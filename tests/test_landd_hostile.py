"""landd against hostile clients, over raw sockets: bodies refused from their headers before
they are read, slow and idle connections that hold no worker, malformed requests, bounded
connections, expensive endpoints in a loop, and answers that show no server path.

Behaviour is asserted (status codes, a probe answered while attackers hold connections) with
generous bounds; figures (memory, latency percentiles) are measured in bench/landd_hostile_bench.py.
Environment: LAND, LANDD (the programs), SAMPLE_MAPS (the sample maps folder)."""
import json
import os
import socket
import sys
import tempfile
import time

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from landd_process import MAPS, Landd, land  # noqa: E402


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    db = str(folder / "land.sqlite")
    land("init", db, "--crs", "EPSG:5897", cwd=folder)
    for survey, date in (("survey_2019.gpkg", "2019-06-30"), ("survey_2024.gpkg", "2024-06-30")):
        land("commit", db, os.path.join(MAPS, survey), "--date", date, "--id", "maXa,soTo,soThua",
             "--use", "loaiDat", cwd=folder)
    out = land("keys", "add", db, "--name", "officer", "--role", "officer", cwd=folder)
    key = next(line.strip() for line in out.splitlines() if line.strip().startswith("lk_"))
    return {"db": db, "key": key, "folder": folder}


def exchange(server, raw, timeout=10):
    """Sends raw bytes, returns (status, headers, body text) of the answer (the connection closed
    or the answer complete)."""
    s = server.connect(timeout)
    s.sendall(raw)
    return read_answer(s)


def read_answer(s):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1]) if lines and lines[0].startswith("HTTP/") else None
    headers = {k.strip().lower(): v.strip() for k, v in (l.split(":", 1) for l in lines[1:] if ":" in l)}
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = s.recv(65536)
        if not chunk:
            break
        body += chunk
    s.close()
    return status, headers, body.decode("utf-8", "replace")


@pytest.fixture(scope="module")
def server(database):
    s = Landd(database["db"], "--threads", "4", "--header-timeout", "3", "--keep-alive", "2")
    yield s
    s.stop()


def test_big_body_without_key_refused_from_its_headers(server):
    started = time.monotonic()
    s = server.connect()
    # 200 MB announced, not a byte of it sent: the answer cannot wait for the body.
    s.sendall(b"POST /surveys?date=2025-01-01&id=maXa&use=loaiDat HTTP/1.1\r\nHost: x\r\n"
              b"Content-Type: application/octet-stream\r\nContent-Length: 209715200\r\n\r\n")
    status, headers, body = read_answer(s)
    assert status == 401
    assert headers.get("www-authenticate") == "Bearer"
    assert time.monotonic() - started < 5


def test_content_length_1e11_answered_413_at_once(server, database):
    for auth in (b"", b"Authorization: Bearer " + database["key"].encode() + b"\r\n"):
        status, _, body = exchange(server, b"POST /surveys?date=2025-01-01 HTTP/1.1\r\nHost: x\r\n" + auth +
                                   b"Content-Length: 100000000000\r\n\r\n")
        assert status == 413
        assert json.loads(body)["parameter"] == "body"


def test_wrong_key_refused_before_body(server):
    status, _, _ = exchange(server, b"POST /transactions/retire HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer lk_nope\r\n"
                                    b"Content-Type: application/json\r\nContent-Length: 500000\r\n\r\n")
    assert status == 403


def test_form_upload_gets_415_not_413(server, database):
    status, _, body = exchange(server, b"POST /surveys?date=2025-01-01&id=maXa&use=loaiDat HTTP/1.1\r\nHost: x\r\n"
                                       b"Authorization: Bearer " + database["key"].encode() + b"\r\n"
                                       b"Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 10\r\n\r\n0123456789")
    assert status == 415
    assert "application/octet-stream" in json.loads(body)["description"]


def test_slowloris_does_not_block_a_probe_and_is_cut_at_its_deadline(server):
    attackers = []
    for _ in range(60):
        s = server.connect()
        s.sendall(b"GET /collections HTTP/1.1\r\nHost: x\r\n")
        attackers.append(s)
    for s in attackers:  # one more byte each: the deadline is per request, not per recv
        s.sendall(b"X")
    status, _, body = server.get("/collections", timeout=5)
    assert status == 200 and "parcels" in body.decode()
    # --header-timeout 3: every slow connection is closed by then, however it trickles.
    deadline = time.monotonic() + 20
    closed = 0
    for s in attackers:
        while time.monotonic() < deadline:
            try:
                s.sendall(b"Y")
                if s.recv(1, socket.MSG_DONTWAIT) == b"":
                    closed += 1
                    break
            except BlockingIOError:
                time.sleep(0.2)
            except OSError:
                closed += 1
                break
        s.close()
    assert closed == len(attackers)


def test_keep_alive_flood_holds_no_worker(server):
    idle = []
    for _ in range(200):
        s = server.connect()
        s.sendall(b"GET /conformance HTTP/1.1\r\nHost: x\r\n\r\n")
        idle.append(s)
    for s in idle:
        assert s.recv(65536).startswith(b"HTTP/1.1 200")
    # 200 idle keep-alive connections, 4 request threads: a probe is still answered.
    status, _, _ = server.get("/collections/parcels/items?limit=5", timeout=5)
    assert status == 200
    for s in idle:
        s.close()


@pytest.mark.parametrize("raw, expected", [
    (b"THIS IS NOT HTTP\r\n\r\n", 400),
    (b"GET /collections HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20000 + b"\r\n\r\n", 431),
    (b"GET /collections/%zz HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    (b"POST /transactions/retire HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
    (b"POST /transactions/retire HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n", 400),
    (b"GET http://evil/ HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    (b"PUT /collections HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", 405),
    (b"DELETE /collections/parcels/items/1 HTTP/1.1\r\nHost: x\r\n\r\n", 405),
])
def test_malformed_and_unsupported_requests(server, raw, expected):
    status, headers, body = exchange(server, raw)
    assert status == expected
    assert "code" in json.loads(body)
    if expected == 405:
        assert "GET" in headers["allow"]
    # the service is still there
    assert server.get("/conformance")[0] == 200


def test_cors_preflight(server):
    status, headers, _ = exchange(server, b"OPTIONS /transactions/split HTTP/1.1\r\nHost: x\r\nOrigin: http://map.example\r\n"
                                          b"Access-Control-Request-Method: POST\r\n\r\n")
    assert status == 204
    assert "POST" in headers["access-control-allow-methods"]
    assert "Authorization" in headers["access-control-allow-headers"]
    assert headers["access-control-allow-origin"] == "*"
    status, headers, _ = exchange(server, b"OPTIONS /collections/parcels/queryables HTTP/1.1\r\nHost: x\r\n"
                                          b"Origin: http://map.example\r\nAccess-Control-Request-Method: GET\r\n\r\n")
    assert status == 204 and "GET" in headers["allow"] and "POST" not in headers["allow"]


def test_reports_in_a_loop_are_gated_and_cached(server):
    import concurrent.futures
    target = "/reports/transition?from=2019-06-30&to=2024-06-30"
    with concurrent.futures.ThreadPoolExecutor(12) as pool:
        results = list(pool.map(lambda _: server.get(target, timeout=60), range(24)))
    statuses = [r[0] for r in results]
    assert set(statuses) <= {200, 503}
    assert statuses.count(200) >= 1
    assert all(r[1].get("Retry-After") for r in results if r[0] == 503)
    bodies = {r[2] for r in results if r[0] == 200}
    assert len(bodies) == 1  # the same matrix, computed once or answered from the cache
    for _ in range(40):
        assert server.get(target, timeout=60)[0] == 200
    assert server.get("/collections", timeout=5)[0] == 200


def test_answers_show_no_server_path(server, database):
    status, _, body = server.get("/collections/parcels/items/nope")
    assert status == 404
    assert database["db"] not in body.decode() and "land.sqlite" not in body.decode()
    key = database["key"].encode()
    for payload in (b"{ not json at all", b"SQLite format 3\x00 but not a database"):
        status, _, body = exchange(server, b"POST /surveys?date=2030-01-01&id=maXa,soTo,soThua&use=loaiDat HTTP/1.1\r\n"
                                           b"Host: x\r\nAuthorization: Bearer " + key + b"\r\nContent-Length: " +
                                           str(len(payload)).encode() + b"\r\n\r\n" + payload)
        assert status == 400
        assert "/tmp" not in body and server.tmpdir not in body and "landd-upload" not in body
        assert "SELECT" not in body and "internal error" not in body
    assert [f for f in os.listdir(server.tmpdir) if f.startswith("landd-upload")] == []


def test_unknown_parcels_named_without_the_database(server, database):
    """The library names the database file in "no parcel 'x' in FILE"; landd says "the database"."""
    answers = [server.get("/collections/parcels/items/nope/extract.pdf"), server.get("/parcels/nope/history")]
    key = database["key"].encode()
    for operation in (b"retire", b"set-use"):
        document = json.dumps({"parcel": "nope", "date": "2025-01-10", "document": "QD-1", "use": "ONT"}).encode()
        answers.append(exchange(server, b"POST /transactions/" + operation + b" HTTP/1.1\r\nHost: x\r\n"
                                b"Authorization: Bearer " + key + b"\r\nContent-Type: application/json\r\n"
                                b"Content-Length: " + str(len(document)).encode() + b"\r\n\r\n" + document))
    for status, _, body in answers:
        text = body if isinstance(body, str) else body.decode()
        assert status in (400, 404), text
        assert "nope" in text
        assert "land.sqlite" not in text and str(database["folder"]) not in text, text
        assert "refused by the database" not in text, text


def test_links_from_public_url_never_host(database):
    s = Landd(database["db"], "--public-url", "https://land.example/api/")
    try:
        status, _, body = s.get("/collections/parcels/items?limit=1", headers={"Host": "evil.example"})
        links = [l["href"] for l in json.loads(body)["links"]]
        assert links and all(h.startswith("https://land.example/api/collections/parcels") for h in links)
        assert "evil" not in body.decode()
    finally:
        s.stop()


def test_connections_beyond_the_bound_get_503(database):
    s = Landd(database["db"], "--max-connections", "5")
    try:
        held = [s.connect() for _ in range(5)]
        time.sleep(0.3)
        status, headers, _ = read_answer(s.connect())
        assert status == 503 and headers["retry-after"]
        for c in held:
            c.close()
        time.sleep(0.3)
        assert s.get("/conformance")[0] == 200
    finally:
        s.stop()


def test_requests_of_clients_gone_are_not_run(database):
    """Requests whose clients hung up while they waited for a request thread are dropped (logged
    499), so that a client firing requests and hanging up cannot keep the threads busy."""
    s = Landd(database["db"], "--threads", "1", "--workers", "1", quiet=False)
    try:
        sockets = [s.connect() for _ in range(40)]
        for c in sockets:
            c.sendall(b"GET /collections/parcels/items?limit=10000 HTTP/1.1\r\nHost: x\r\n\r\n")
        for c in sockets:
            c.close()
        for _ in range(200):
            log = open(s.log.name).read()
            if log.count(" 499 ") + log.count(" 200 ") >= 40:
                break
            time.sleep(0.1)
        assert log.count(" 499 ") >= 10, log
        assert s.get("/conformance")[0] == 200
    finally:
        s.stop()


def test_stale_uploads_removed_at_start(database):
    tmpdir = tempfile.mkdtemp(prefix="landd-hostile-tmp-")
    pid = 1
    while os.path.exists(f"/proc/{pid}"):
        pid = (pid * 7919 + 13) % 4000000 + 2
    stale = os.path.join(tmpdir, f"landd-upload-{pid}-abcdef")
    open(stale, "w").write("left by a killed landd")
    s = Landd(database["db"], tmpdir=tmpdir)
    try:
        assert not os.path.exists(stale)
    finally:
        s.stop()
