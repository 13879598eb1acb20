"""Parity with the `land` command: every command `land --help` lists has its Python counterpart
in the table of docs/python.md, and every option of it a keyword of that counterpart.

The commands and their options are read from `land --help` (and `land COMMAND --help` where it
answers), so a command added to `land` without a row in the table fails here, naming it. The
table is the one in docs/python.md under "Parity with `land`"; an option is either spelled the
same way (`--sliver-width` is `sliver_width=`), or listed in the row's last column as
`OPTION`: `Callable(keyword)`, `OPTION`: `keyword`, or `OPTION`: none, WHY.
"""
import inspect
import re
import subprocess
from pathlib import Path

import pytest

import libland

DOCS = Path(__file__).resolve().parents[2] / "docs" / "python.md"
TABLE_TITLE = "## Parity with `land`"


def cli_commands(land):
    """Returns {command: set of options} from `land --help`'s usage lines (a line "land NAME
    ..." starts a command; indented lines without "land" continue it)."""
    done = land.run("--help")
    commands, current = {}, None
    for line in done.stdout.splitlines():
        match = re.match(r"\s*land ([a-z][a-z0-9-]*)\b(.*)", line)
        if match:
            current = match.group(1)
            commands.setdefault(current, set())
            text = match.group(2)
        elif current and line.startswith(" "):
            text = line
        else:
            current = None
            continue
        commands[current] |= options_in(text)
    for command in commands:  # a command's own --help, where `land` has one, may list more
        own = subprocess.run([land.path, command, "--help"], capture_output=True, text=True)
        if own.returncode == 0:
            commands[command] |= options_in(own.stdout)
    return commands


def options_in(text):
    options = set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*|-o)\b", text))
    return options - {"--help", "--version"}


def parity_table():
    """Returns {command: (callables, {option: target})} from the table in docs/python.md."""
    text = DOCS.read_text()
    assert TABLE_TITLE in text, f"{DOCS} has no section {TABLE_TITLE!r}"
    section = text.split(TABLE_TITLE, 1)[1]
    rows = {}
    for line in section.splitlines():
        if not line.startswith("|"):
            if rows:
                break
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or set(cells[0]) <= set("-: "):
            continue
        command = re.findall(r"`([^`]+)`", cells[0])
        if not command or command[0] == "land":
            continue
        callables = re.findall(r"`([^`]+)`", cells[1])
        renames = {}
        for entry in filter(None, (e.strip() for e in cells[2].split(";"))):
            option, _, target = entry.partition(":")
            renames[option.strip().strip("`")] = target.strip()
        rows[command[0].split()[0]] = (callables, renames)
    return rows


def resolve(name):
    """Returns the object named `libland.x`, `Class.method` or `libland.Class.method`."""
    parts = name.split(".")
    if parts[0] == "libland":
        parts = parts[1:]
    target = libland
    for part in parts:
        assert hasattr(target, part), f"{name}: libland has no {part!r}"
        target = getattr(target, part)
    return target


def keywords(function):
    return set(inspect.signature(function).parameters) - {"self"}


@pytest.fixture(scope="module")
def commands(land):
    found = cli_commands(land)
    assert {"validate", "diff", "commit", "history", "log"} <= set(found), found
    return found


def test_every_command_has_a_python_counterpart(commands):
    table = parity_table()
    missing = sorted(set(commands) - set(table))
    assert not missing, (f"`land` commands without a Python counterpart in the parity table of "
                         f"{DOCS}: {', '.join(missing)}")
    stale = sorted(set(table) - set(commands))
    assert not stale, f"rows of the parity table for commands `land --help` lacks: {stale}"


def test_every_counterpart_exists(commands):
    for command, (callables, _) in parity_table().items():
        assert callables, f"{command}: no Python callable named"
        for name in callables:
            assert callable(resolve(name)), name


def test_every_option_is_a_keyword_of_the_counterpart(commands):
    table = parity_table()
    problems = []
    for command, options in sorted(commands.items()):
        if command not in table:
            continue  # reported by test_every_command_has_a_python_counterpart
        callables, renames = table[command]
        offered = set().union(*(keywords(resolve(name)) for name in callables))
        for option in sorted(options):
            target = renames.get(option)
            if target is None:
                keyword = option.lstrip("-").replace("-", "_")
                if keyword not in offered:
                    problems.append(f"{command} {option}: no keyword {keyword}= in "
                                    f"{', '.join(callables)}")
                continue
            if target.startswith("none"):
                assert len(target) > len("none, "), f"{command} {option}: say why it has none"
                continue
            call = re.fullmatch(r"`([\w.]+)\((\w+)\)`", target)
            plain = re.fullmatch(r"`(\w+)`", target)
            if call:
                if call.group(2) not in keywords(resolve(call.group(1))):
                    problems.append(f"{command} {option}: {call.group(1)} has no {call.group(2)}=")
            elif plain:
                if plain.group(1) not in offered:
                    problems.append(f"{command} {option}: no keyword {plain.group(1)}=")
            else:
                problems.append(f"{command} {option}: cannot read the table's {target!r}")
    assert not problems, "\n".join(problems)


def test_the_table_parser_sees_a_missing_command(commands):
    """The check above would name a new command: a made-up one is reported as missing."""
    table = parity_table()
    assert "frobnicate" not in table
    assert sorted({"frobnicate", *commands} - set(table)) == ["frobnicate"]
