"""Installed like a Python package: `cmake --install` puts libland where Debian's /usr/bin/python3
finds it; the build tree works with PYTHONPATH=build/python; the source folder alone says what to
build instead of failing with a circular import."""
import os
import subprocess
from pathlib import Path

import pytest

import libland

SOURCE = Path(__file__).resolve().parents[2]
DEBIAN_PYTHON = "/usr/bin/python3"


def python(code, pythonpath, cwd):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run([DEBIAN_PYTHON, "-c", code], capture_output=True, text=True, env=env,
                          cwd=cwd)


@pytest.fixture(scope="module")
def build_dir():
    path = os.environ.get("LIBLAND_BUILD_DIR")
    if not path or not (Path(path) / "CMakeCache.txt").exists():
        pytest.skip("LIBLAND_BUILD_DIR does not name a configured build")
    return Path(path)


def site_dir(build_dir):
    """The install folder relative to the prefix, as CMake was configured."""
    for line in (build_dir / "CMakeCache.txt").read_text().splitlines():
        if line.startswith("LIBLAND_PYTHON_INSTALL_DIR:"):
            return line.split("=", 1)[1]
    pytest.fail("LIBLAND_PYTHON_INSTALL_DIR is not in CMakeCache.txt")


def test_cmake_install_puts_it_on_debians_path(build_dir, tmp_path):
    cmake = os.environ.get("CMAKE_COMMAND", "cmake")
    stage = tmp_path / "stage"
    done = subprocess.run([cmake, "--install", str(build_dir), "--prefix", "/usr/local"],
                          capture_output=True, text=True, env={**os.environ, "DESTDIR": str(stage)})
    assert done.returncode == 0, done.stderr
    relative = site_dir(build_dir)
    searched = python("import site; print('\\n'.join(site.getsitepackages()))", "", tmp_path)
    assert f"/usr/local/{relative}" in searched.stdout.split(), searched.stdout
    installed = stage / "usr" / "local" / relative
    package = installed / "libland"
    assert (package / "__init__.py").exists() and list(package.glob("_libland*.so"))
    done = python("import libland, geopandas; print(libland.__file__); "
                  "print(libland.land_use_codes()['code'].iloc[0])", installed, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == str(package / "__init__.py")


def test_the_build_tree_is_importable():
    package = Path(libland.__file__).parent
    assert list(package.glob("_libland*.so")), package
    assert (package / "_records.py").read_text() == (SOURCE / "python/libland/_records.py").read_text()


def test_the_source_folder_alone_says_what_to_build(tmp_path):
    done = python("import libland", SOURCE / "python", tmp_path)
    assert done.returncode != 0
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("ImportError: libland's compiled extension libland._libland"), last
    assert "PYTHONPATH=build/python" in last and "cmake --build build" in last
    assert "circular" not in done.stderr
