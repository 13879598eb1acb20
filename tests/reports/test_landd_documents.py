"""landd's printable documents over real HTTP: the change report as PDF and XLSX and a parcel's
extract, read back with pdftotext and openpyxl; bad parameters are 400, an unknown parcel 404."""
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request

import openpyxl
import pytest

from conftest import FROM, TO

LANDD = os.environ.get("LANDD_CLI", "")


@pytest.fixture(scope="module")
def server(database):
    if not LANDD:
        pytest.skip("LANDD_CLI is needed")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([LANDD, "--db", str(database), "--listen", f"127.0.0.1:{port}", "--public-read",
                                "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=10)


def get(url):
    with urllib.request.urlopen(url, timeout=60) as answer:
        return answer.headers.get("Content-Type"), answer.read()


def test_the_change_report_comes_as_pdf_and_xlsx(server, tmp_path):
    kind, body = get(f"{server}/reports/changes?from={FROM}&to={TO}&f=pdf")
    assert kind == "application/pdf" and body.startswith(b"%PDF")
    (tmp_path / "r.pdf").write_bytes(body)
    text = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "BÁO CÁO BIẾN ĐỘNG ĐẤT ĐAI" in text and "tách thửa" in text
    kind, body = get(f"{server}/reports/changes?from={FROM}&to={TO}&f=xlsx&lang=en")
    assert kind.startswith("application/vnd.openxmlformats")
    (tmp_path / "r.xlsx").write_bytes(body)
    assert openpyxl.load_workbook(tmp_path / "r.xlsx").sheetnames[0] == "Land-use change"


def test_a_parcel_extract_comes_as_pdf(server, tmp_path):
    kind, body = get(f"{server}/collections/parcels/items/14362-1-100/extract.pdf?datetime={TO}")
    assert kind == "application/pdf"
    (tmp_path / "e.pdf").write_bytes(body)
    text = subprocess.run(["pdftotext", str(tmp_path / "e.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "14362-1-100" in text


@pytest.mark.parametrize("path,status", [
    (f"/reports/changes?from={FROM}&to={TO}&f=docx", 400),
    (f"/reports/changes?from=2024-02-30&to={TO}", 400),
    ("/collections/parcels/items/99999-9-9/extract.pdf", 404),
])
def test_bad_requests_are_refused(server, path, status):
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(server + path, timeout=30)
    assert refused.value.code == status
