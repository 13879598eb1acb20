"""The sample land database and a landd serving it, for the map, tile and hostile-client suites.

Environment: LAND, LANDD (the programs), SAMPLE_MAPS (the sample maps folder)."""
import os
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

LAND = os.environ["LAND"]
LANDD = os.environ["LANDD"]
MAPS = os.environ["SAMPLE_MAPS"]


def land(*args, cwd):
    return subprocess.run([LAND, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def sample_database(folder):
    """Both sample surveys, the tourism sites and planning zones, `dienTich` made private, and a
    registry key (reads private fields). Returns {"db", "registry_key"}."""
    db = str(folder / "land.sqlite")
    land("init", db, "--crs", "EPSG:5897", cwd=folder)
    for survey, date in (("survey_2019.gpkg", "2019-06-30"), ("survey_2024.gpkg", "2024-06-30")):
        land("commit", db, os.path.join(MAPS, survey), "--date", date, "--id", "maXa,soTo,soThua",
             "--use", "loaiDat", cwd=folder)
    land("layer", "load", db, os.path.join(MAPS, "tourism.gpkg"), "--name", "tourism_sites",
         "--layer", "tourism_sites", cwd=folder)
    land("layer", "load", db, os.path.join(MAPS, "planning_zones.gpkg"), "--name", "planning_zones", cwd=folder)
    land("fields", "private", db, "dienTich", cwd=folder)
    out = land("keys", "add", db, "--name", "registry", "--role", "registry", cwd=folder)
    key = next(line.strip() for line in out.splitlines() if line.strip().startswith("lk_"))
    return {"db": db, "registry_key": key}


class Landd:
    """landd on a free port of 127.0.0.1; stop() checks it exits cleanly. With site_path
    ("/landd"), landd is published at http://127.0.0.1:PORT/landd (--public-url), as behind a
    proxy that passes the path on, and `base` ends with it. quiet=False keeps the access log (in
    `log`); landd's temporary files go to `tmpdir` (a new folder unless given)."""

    def __init__(self, db, *options, site_path="", quiet=True, tmpdir=None):
        self.tmpdir = tmpdir or tempfile.mkdtemp(prefix="landd-tmp-")
        self.log = tempfile.NamedTemporaryFile(prefix="landd-", suffix=".log", delete=False)
        listen = ["--listen", "127.0.0.1:0"]
        if site_path:
            with socket.socket() as s:  # a free port, named before landd starts
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
            listen = ["--listen", f"127.0.0.1:{port}", "--public-url", f"http://127.0.0.1:{port}{site_path}"]
        quiet_option = ["--quiet"] if quiet else []
        self.process = subprocess.Popen([LANDD, "--db", db, *listen, *quiet_option, *options], stderr=self.log,
                                        env=dict(os.environ, TMPDIR=self.tmpdir))
        for _ in range(300):
            text = open(self.log.name).read()
            if "http://127.0.0.1:" in text and "\n" in text.split("http://127.0.0.1:", 1)[1]:
                self.port = int(text.split("http://127.0.0.1:", 1)[1].split("/")[0])
                self.base = f"http://127.0.0.1:{self.port}{site_path}"
                return
            time.sleep(0.05)
        raise RuntimeError("landd did not start: " + open(self.log.name).read())

    def stop(self):
        self.process.terminate()
        assert self.process.wait(timeout=30) == 0

    def connect(self, timeout=10):
        """Returns a socket connected to landd."""
        return socket.create_connection(("127.0.0.1", self.port), timeout=timeout)

    def get(self, target, headers=None, timeout=30):
        """Returns (status, headers, body bytes)."""
        request = urllib.request.Request(self.base + target, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as r:
                return r.status, dict(r.headers), r.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()
