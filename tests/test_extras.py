"""The core install needs no extra; a command that needs a missing one stops with one line naming it."""
import importlib.util

import pytest

from presswatch import extras
from presswatch.cli import main


@pytest.fixture
def without(monkeypatch):
    """without(module, ...): those modules look uninstalled to the extras check."""
    def hide(*names):
        real = importlib.util.find_spec
        monkeypatch.setattr(extras.importlib.util, "find_spec",
                            lambda name, *a: None if name in names else real(name, *a))
    return hide


@pytest.mark.parametrize("args, missing, extra", [
    (["serve", "--db", "memory:"], "fastapi", "web"),
    (["batch", "in.jsonl", "--out", "OUT"], "distributed", "batch"),
    (["search", "x", "--db", "postgresql://u:p@127.0.0.1:1/db"], "psycopg", "postgres"),
])
def test_a_missing_extra_is_one_line(without, tmp_path, capsys, args, missing, extra):
    without(missing)
    args = [a.replace("OUT", str(tmp_path / "out")).replace("in.jsonl", str(tmp_path / "in.jsonl")) for a in args]
    (tmp_path / "in.jsonl").write_text('{"doc_id": "a", "text": "He said so."}\n')
    with pytest.raises(SystemExit) as ex:
        main(args)
    assert ex.value.code == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and f"pip install 'presswatch[{extra}]'" in lines[0] and missing in lines[0], lines


def test_every_extra_is_installed_here():
    assert all(not extras.missing(e) for e in extras.EXTRAS)  # make test installs .[all,test]


BLOCK = """
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {BLOCKED}:
            raise ModuleNotFoundError(f"No module named {{name!r}} (blocked by the test)", name=name)
sys.meta_path.insert(0, Block())
import importlib.util
real = importlib.util.find_spec
importlib.util.find_spec = lambda n, *a: None if n.split(".")[0] in {BLOCKED} else real(n, *a)
from presswatch.cli import main
main(sys.argv[1:])
"""


def test_the_core_runs_without_any_extra(tmp_path):
    """analyze, ingest into SQLite and search with fastapi, uvicorn, dask, distributed,
    pyarrow, bokeh and psycopg impossible to import."""
    import subprocess
    import sys

    # jinja2 stays: spaCy itself needs it
    blocked = {m for mods in extras.EXTRAS.values() for m in mods} - {"jinja2"} | {"bokeh", "starlette"}
    code = BLOCK.format(BLOCKED=repr(blocked))
    art = tmp_path / "a.txt"
    art.write_text("Budget passes\nThe mayor said that the budget was balanced.\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'c.db'}"

    def pw(*args):
        return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300)
    r = pw("analyze", str(art), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    import json
    (q,) = json.loads(r.stdout)["quotes"]
    assert q["cue"]["text"] == "said" and q["content"][0]["text"] == "that the budget was balanced"
    assert pw("ingest", str(art), "--db", db).returncode == 0
    r = pw("search", "budget", "--db", db, "--format", "json")
    assert r.returncode == 0 and "balanced" in r.stdout, r.stderr
    r = pw("serve", "--db", db)
    assert r.returncode == 1 and "pip install 'presswatch[web]'" in r.stderr and len(r.stderr.strip().splitlines()) == 1
