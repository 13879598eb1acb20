"""The folder layout tells the architecture: each folder of libland/src keeps its private code in
its own namespace, includes only the folders below it, and the library's building blocks exist
once (one STR-tree, one validity test, one reprojection path). Read from the sources themselves."""
import pathlib
import re

SRC = pathlib.Path(__file__).resolve().parent.parent / "libland" / "src"

# folder -> (its namespace, the folders it may include besides itself). A DAG: detail at the bottom.
LAYERS = {
    "detail": ("libland::detail", set()),
    "io": ("libland::io", {"detail"}),
    "query": ("libland::query", {"detail"}),
    "validate": ("libland::validation", {"detail", "io"}),
    "diff": ("libland::change_detection", {"detail", "io"}),
    "report": ("libland::report", {"detail"}),
    "store": ("libland::store", {"detail", "io", "diff", "query"}),
}

INCLUDE = re.compile(r'#include "([a-z_]+)/')
NAMESPACE = re.compile(r"^namespace ([a-z_:]+) \{", re.M)


def sources(folder):
    return sorted((SRC / folder).glob("*.[ch]pp"))


def test_every_folder_is_declared():
    folders = {p.name for p in SRC.iterdir() if p.is_dir()}
    assert folders == set(LAYERS)


def test_folders_include_only_the_layers_below_them():
    wrong = []
    for folder, (_, allowed) in LAYERS.items():
        for path in sources(folder):
            for used in INCLUDE.findall(path.read_text()):
                if used != folder and used not in allowed:
                    wrong.append(f"{path.relative_to(SRC)} includes {used}/")
    assert wrong == []


def test_one_private_namespace_per_folder():
    # `namespace libland {` defines public API functions (libland/include); anything else private
    # lives in the folder's own namespace.
    wrong = []
    for folder, (namespace, _) in LAYERS.items():
        for path in sources(folder):
            for found in NAMESPACE.findall(path.read_text()):
                # `namespace libland { namespace store {` is the folder's namespace, nested
                if found not in (namespace, "libland", namespace.removeprefix("libland::")):
                    wrong.append(f"{path.relative_to(SRC)}: namespace {found}")
    assert wrong == []


def calls_outside(pattern, home):
    """The source files (relative to libland/src) that use `pattern` but are not `home`."""
    found = []
    for path in sorted(SRC.rglob("*.[ch]pp")):
        rel = str(path.relative_to(SRC))
        if rel not in home and re.search(pattern, path.read_text()):
            found.append(rel)
    return found


def test_one_spatial_index_of_boxes():
    assert calls_outside(r"GEOSSTRtree_", {"detail/geos.hpp"}) == []
    assert calls_outside(r"class BoxIndex\b", {"detail/box_index.hpp"}) == []


def test_one_validity_test():
    assert calls_outside(r"GEOSisValid", {"detail/validity.cpp"}) == []


def test_one_reprojection_path():
    # Everything moves between CRSs through libland::Transformer (crs.cpp, PROJ).
    assert calls_outside(r"\bproj_create_crs_to_crs|OCTNewCoordinateTransformation|OGR_G_Transform\b",
                         {"crs.cpp"}) == []


def test_the_library_holds_no_service_concerns():
    # API keys are drawn and hashed by the services (services/api_keys, OpenSSL); the library
    # stores key rows by digest and links no OpenSSL.
    assert calls_outside(r"#include <openssl/", set()) == []
    assert calls_outside(r"\bRAND_bytes\b|\bEVP_", set()) == []
    cmake = re.sub(r"#.*", "", (SRC.parent / "CMakeLists.txt").read_text())  # code, not comments
    assert not re.search(r"OpenSSL|crypto", cmake, re.I), "libland/CMakeLists.txt links OpenSSL"


def test_no_geojson_built_in_sql():
    # Backends hand out domain geometry in the working CRS; longitude/latitude and GeoJSON are made
    # by the one reprojection path (libland::Transformer) and the services' writers.
    assert calls_outside(r"AsGeoJSON|ST_Transform\(|\bTransform\(", set()) == []
