"""`presswatch speakers ...`: list, apply a registry, merge, split, corrections, undo, recompute, on
a store the fixtures fill; errors are one line and exit 1."""
from click.testing import CliRunner
from corpus_fixtures import add_all, corpus

from presswatch.cli import cli
from presswatch.store import open_store


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def listed(db):
    out = run("speakers", "list", "--db", db).output
    return {line.split("\t")[4]: line.split("\t")[0] for line in out.strip().splitlines()}


def test_speakers_commands(tmp_path):
    db = f"sqlite:///{tmp_path}/c.db"
    with open_store(db) as store:
        add_all(store, corpus())
    ids = listed(db)
    assert {"Ali Khamenei", "Khamenei", "Mojtaba Khamenei"} <= set(ids)
    r = run("speakers", "merge", ids["Khamenei"], ids["Ali Khamenei"], "--db", db)
    assert r.exit_code == 0 and "correction 1" in r.output
    assert "Khamenei" not in listed(db)
    assert run("speakers", "recompute", "--db", db).exit_code == 0 and "Khamenei" not in listed(db)
    assert "merge" in run("speakers", "corrections", "--db", db).output
    assert run("speakers", "undo", "1", "--db", db).exit_code == 0 and "Khamenei" in listed(db)
    reg = tmp_path / "r.csv"
    reg.write_text("name,aliases,gender\nClaire Dubois,C. Dubois,f\n", "utf-8")
    assert run("speakers", "apply", str(reg), "--db", db).exit_code == 0
    out = run("speakers", "list", "--db", db).output
    assert any(line.startswith("reg:") and line.endswith("Claire Dubois") and "\tf\t" in line for line in out.splitlines())


def test_speaker_command_errors_are_one_line(tmp_path, capsys):
    import pytest

    from presswatch.cli import main
    db = f"sqlite:///{tmp_path}/c.db"
    with open_store(db) as store:
        add_all(store, corpus()[:1])
    bad = tmp_path / "bad.toml"
    bad.write_text("[[speaker]]\naliases = ['x']\n", "utf-8")
    for args in (["speakers", "merge", "sp-nope", "sp-other"], ["speakers", "apply", str(bad)],
                 ["speakers", "undo", "7"]):
        with pytest.raises(SystemExit) as exit_:
            main(args + ["--db", db])
        err = capsys.readouterr().err
        assert exit_.value.code == 1 and err.startswith("presswatch: error: ") and err.count("\n") == 1, err
