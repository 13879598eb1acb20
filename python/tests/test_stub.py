"""The type stub _libland.pyi describes the compiled module as it is, and help() has text."""
import ast
from pathlib import Path

import libland
from libland import _libland


def stub_names():
    """Returns {name: set of member names} for classes and {name: None} for functions."""
    tree = ast.parse((Path(libland.__file__).parent / "_libland.pyi").read_text())
    names = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            names[node.name] = {n.name for n in node.body if isinstance(n, ast.FunctionDef)
                                and not n.name.startswith("__")}
        elif isinstance(node, ast.FunctionDef):
            names[node.name] = None
    return names


def test_stub_matches_the_compiled_module():
    stub = stub_names()
    compiled = {name for name in dir(_libland) if not name.startswith("_")}
    assert set(stub) == compiled
    for name, members in stub.items():
        if members is None:
            continue
        actual = {m for m in dir(getattr(_libland, name)) if not m.startswith("_")}
        if issubclass(getattr(_libland, name), BaseException):
            continue
        assert members == actual, name


def test_public_api_has_docstrings():
    for name in libland.__all__:
        item = getattr(libland, name)
        assert item.__doc__ and item.__doc__.strip(), name
    for cls in (libland.Snapshot, libland.ChangeSet, libland.Store, libland.Findings):
        for member, value in vars(cls).items():
            public = not member.startswith("_") or member == "__geo_interface__"
            if public and (callable(value) or isinstance(value, property)):
                assert value.__doc__, f"{cls.__name__}.{member}"
