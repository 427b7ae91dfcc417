"""The command line: output order and shape, exit codes, and one-line errors without tracebacks.

The step from a processed Doc to its Analysis is replaced by a stub here (see `stub_extractor`), so
these tests check the CLI and ingest, not what quotes are found; tests/test_cli_e2e.py runs the
real thing.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import presswatch
from presswatch import cli as cli_module
from presswatch.cli import cli
from presswatch.records import Analysis
from presswatch.settings import SETTINGS

ARTICLE = "Transit money promised\nOTTAWA - The minister said the money would come. \"Soon,\" she said.\n"


@pytest.fixture(autouse=True)
def stub_extractor(monkeypatch):
    def extract(article, doc):
        assert doc.text == article.text  # the pipeline parsed this article's text
        return Analysis(doc_id=article.doc_id, title=article.title, origin=article.origin)
    monkeypatch.setattr(presswatch.pipeline, "_analyze_doc", extract)


def run(args, input=None, env=None):
    result = CliRunner().invoke(cli, args, input=input, env=env)
    # an exception other than SystemExit escaping the command would be a traceback for the user
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture
def mixed(write, tmp_path):
    """Several inputs, some bad, in a known order; with the doc_ids they must come out as."""
    files = [
        write("1-good.txt", ARTICLE),
        write("2-empty.txt", b""),
        write("3-lines.jsonl", '{"doc_id": "j1", "text": "She said yes."}\n'
                               "this is not json\n"
                               '{"doc_id": "j3", "text": "He said no."}\n'),
        write("4-good.txt", ARTICLE),
        tmp_path / "5-missing.txt",
    ]
    ids = ["1-good", "2-empty", "j1", "3-lines-2", "j3", "4-good", "5-missing"]
    ok = ["1-good", "j1", "j3", "4-good"]
    return [str(f) for f in files], ids, ok


def test_jsonl_output_in_input_order_one_line_each(mixed):
    paths, ids, ok = mixed
    result = run(["analyze", "--format", "jsonl", "--batch-size", "2", *paths])
    lines = result.stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["doc_id"] for r in records] == ids
    assert [r["doc_id"] for r in records if r["status"] == "ok"] == ok
    for r in records:  # every line follows the output contract
        assert {"doc_id", "status", "error", "publication", "quotes", "claims", "times", "entities"} <= set(r)
        assert (r["error"] is None) == (r["status"] == "ok")
    assert result.exit_code == 1  # some failed, the good ones are still there


def test_errors_on_stderr_one_line_each(mixed):
    paths, ids, ok = mixed
    result = run(["analyze", "--format", "jsonl", *paths])
    err = result.stderr.splitlines()
    assert [e.split(":")[0] for e in err] == ["ERROR 2-empty", "ERROR 3-lines-2", "ERROR 5-missing"]
    assert "is empty" in err[0] and "3-lines.jsonl:2" in err[1] and "no such file" in err[2]
    assert "Traceback" not in result.stderr


def test_exit_code_0_when_all_ok(write):
    result = run(["analyze", "--format", "jsonl", str(write("a.txt", ARTICLE)), str(write("b.txt", ARTICLE))])
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["doc_id"] for line in result.stdout.splitlines()] == ["a", "b"]
    assert result.stderr == ""


def test_json_format_is_one_array(mixed):
    paths, ids, ok = mixed
    result = run(["analyze", "--format", "json", *paths])
    assert [r["doc_id"] for r in json.loads(result.stdout)] == ids
    assert result.stdout.startswith("[\n  {")  # pretty


def test_text_format(mixed):
    paths, ids, ok = mixed
    result = run(["analyze", *paths])
    out = result.stdout
    assert "== 1-good: Transit money promised" in out
    assert "ERROR 2-empty: " in out and "ERROR 5-missing: " in out
    assert out.index("1-good") < out.index("2-empty") < out.index("j1") < out.index("4-good")


def test_stdin(write):
    result = run(["analyze", "--format", "jsonl", "-"], input=ARTICLE)
    [rec] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (rec["doc_id"], rec["status"], rec["title"]) == ("stdin", "ok", "Transit money promised")
    result = run(["analyze", "--format", "jsonl", "-"],
                 input='{"doc_id": "x", "text": "a"}\n{"doc_id": "y", "text": "b"}\n')
    assert [json.loads(line)["doc_id"] for line in result.stdout.splitlines()] == ["x", "y"]


BAD = {
    "missing path": (lambda d: d / "nope.txt", "no such file or directory"),
    "empty directory": (lambda d: (d / "emptydir").mkdir() or d / "emptydir", "is a directory with no"),
    "empty file": (lambda d: (d / "e.txt").write_bytes(b"") and None or d / "e.txt", "is empty"),
    "binary file": (lambda d: (d / "b.txt").write_bytes(b"\x89PNG\x00\x00") and d / "b.txt", "binary"),
    "invalid utf-8": (lambda d: (d / "l.txt").write_bytes(b"na\xefve text") and d / "l.txt", "not valid UTF-8"),
    "huge file": (lambda d: (d / "h.txt").write_bytes(b"x" * 4097) and d / "h.txt", "over the limit of 4,096"),
    "bad jsonl line": (lambda d: (d / "c.jsonl").write_text("{oops\n") and d / "c.jsonl", "c.jsonl:1: is not valid JSON"),
}
ENV = {"PRESSWATCH_MAX_BYTES": "4096"}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_one_line_no_traceback(tmp_path, write, case):
    make, needle = BAD[case]
    bad = str(make(tmp_path))
    good = str(write("good.txt", ARTICLE))
    result = run(["analyze", "--format", "jsonl", good, bad], env=ENV)
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    [err] = result.stderr.splitlines()
    assert err.startswith("ERROR ") and needle in err and bad in err
    good_rec, bad_rec = [json.loads(line) for line in result.stdout.splitlines()]
    assert good_rec["status"] == "ok" and bad_rec["status"] == "error" and needle in bad_rec["error"]


def presswatch_command():
    script = Path(sys.executable).with_name("presswatch")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from presswatch.cli import main; main()"]


def test_real_process_bad_inputs_no_traceback(tmp_path):
    """The installed command, in its own process: the same inputs, all at once, no traceback."""
    paths = [str(make(tmp_path)) for make, _ in BAD.values()]
    proc = subprocess.run([*presswatch_command(), "analyze", "--format", "jsonl", *paths],
                          capture_output=True, text=True, env={**os.environ, **ENV}, timeout=300)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(records) == len(BAD) and all(r["status"] == "error" for r in records)
    assert len(proc.stderr.splitlines()) == len(BAD)


@pytest.mark.parametrize("env,needle", [
    ({"PRESSWATCH_BATCH_SIZE": "lots"}, "PRESSWATCH_BATCH_SIZE='lots' is not valid: use a whole number of at least 1"),
    ({"PRESSWATCH_MODEL": "no_such_model_xyz"}, "no spaCy model could be loaded"),
])
def test_presswatch_error_is_one_line_exit_1(write, env, needle):
    result = run(["analyze", str(write("a.txt", ARTICLE))], env=env)
    assert result.exit_code == 1
    assert result.stderr.startswith("presswatch: error: ") and needle in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_keyboard_interrupt_exits_130(write, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
        yield
    monkeypatch.setattr(cli_module, "analyze_many", interrupted)
    result = run(["analyze", str(write("a.txt", ARTICLE))])
    assert result.exit_code == 130
    assert result.stderr == "presswatch: interrupted\n"
    with pytest.raises(SystemExit) as exc:
        cli_module.main(["analyze", str(write("b.txt", ARTICLE))])
    assert exc.value.code == 130


def test_main_exit_codes(write, capsys):
    with pytest.raises(SystemExit) as exc:
        cli_module.main(["analyze", "--format", "jsonl", str(write("a.txt", ARTICLE))])
    assert exc.value.code == 0
    with pytest.raises(SystemExit) as exc:
        cli_module.main(["analyze", "--format", "jsonl", str(write("e.txt", b""))])
    assert exc.value.code == 1
    with pytest.raises(SystemExit) as exc:
        cli_module.main(["analyze", "--format", "yaml", "x"])
    assert exc.value.code == 2
    assert "Invalid value for '--format'" in capsys.readouterr().err


def test_version():
    result = run(["--version"])
    assert result.exit_code == 0 and presswatch.__version__ in result.stdout


def test_settings_lists_every_setting():
    result = run(["settings"])
    assert result.exit_code == 0
    for s in SETTINGS.values():
        assert f"{s.owner}.{s.name}" in result.stdout and s.env in result.stdout and s.help in result.stdout
        assert repr(s.shown_default) in result.stdout and s.allowed in result.stdout


def test_analyze_and_ingest_print_reader_warnings_on_stderr(write, tmp_path):
    write("d/a.jsonl", '{"doc_id": "j1", "text": "She said yes.", "published": "someday"}\n\n')
    write("d/b.txt", ARTICLE)
    write("d/notes.pdf", b"%PDF-1.4")
    folder = str(tmp_path / "d")
    warnings = [f"presswatch: warning: {folder}: skipped 1 file of unknown type (notes.pdf); articles are read "
                f"from .txt, .html, .htm, .jsonl, .rss, .atom, .xml, .warc, .warc.gz files",
                f"presswatch: warning: {folder}/a.jsonl:1: published 'someday' is not a date, so the analysis "
                f"looks for the date in the text; write it as YYYY-MM-DD",
                f"presswatch: warning: {folder}/a.jsonl:2: blank line skipped; each line of a JSONL file holds "
                f"one article"]
    result = run(["analyze", "--format", "jsonl", folder])
    assert result.exit_code == 0 and result.stderr.splitlines() == warnings
    assert [json.loads(line)["doc_id"] for line in result.stdout.splitlines()] == ["j1", "b"]
    result = run(["ingest", folder, "--db", f"sqlite:///{tmp_path}/c.db"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[:3] == warnings and "2 stored" in result.stderr


def test_ingest_refuses_a_repeated_doc_id(write, tmp_path):
    from presswatch.store import open_store

    path = write("r.jsonl", '{"doc_id": "a", "text": "She said yes."}\n'
                            '{"doc_id": "a", "text": "She said yes."}\n'
                            '{"doc_id": "a", "text": "He said no."}\n'
                            '{"doc_id": "b", "text": "They said maybe."}\n')
    db = f"sqlite:///{tmp_path}/c.db"
    result = run(["ingest", str(path), "--db", db])
    assert result.exit_code == 1
    same = (f"{path}:2: doc_id 'a' was already given on line 1 of {path}, for the same article; "
            f"the first is kept: give each article its own doc_id")
    other = (f"{path}:3: doc_id 'a' was already given on line 1 of {path}, with another text or URL; "
             f"the first is kept: give each article its own doc_id")
    assert f"ERROR a: {same}" in result.stderr.splitlines() and f"ERROR a: {other}" in result.stderr.splitlines()
    with open_store(db) as store:
        assert store.stats()["articles"] == 2  # line 1 and line 4: nothing stored twice or overwritten
        statuses = store.statuses(store.runs()[0]["id"])
        assert [(s["doc_id"], s["status"]) for s in statuses] == [("a", "ok"), ("a", "error"), ("a", "error"),
                                                                  ("b", "ok")]
        assert [s["reason"] for s in statuses[1:3]] == [same, other]


def test_analyze_jsonl_with_a_lone_surrogate_escape_is_one_error_line(write):
    path = write("s.jsonl", '{"doc_id": "a\\udc80", "text": "He said yes."}\n{"doc_id": "b", "text": "ok"}\n')
    result = run(["analyze", "--format", "jsonl", str(path)])  # was a UnicodeEncodeError traceback
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert [json.loads(line)["status"] for line in result.stdout.splitlines()] == ["error", "ok"]
    assert "half of a UTF-16 surrogate pair" in result.stderr
