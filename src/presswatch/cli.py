"""The presswatch command: a thin adapter over the library (ingest -> analyze_many -> output).

Errors the user can fix (PresswatchError) become one line on stderr and exit code 1, never a
traceback; Ctrl-C exits 130.
"""
from __future__ import annotations

import json
import os
import sys
import textwrap
from contextlib import contextmanager
from typing import NoReturn

import click

from . import __version__
from .errors import PresswatchError
from .extras import require
from .ingest import read_inputs
from .options import DEFAULT, DEFAULT_RUN, Options, RunOptions, env_values
from .pipeline import analyze_many
from .render import render
from .settings import SETTINGS, markdown_table


def _fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"presswatch: {'error: ' if code == 1 else ''}{message}", err=True)
    sys.exit(code)


def _warn(message: str) -> None:
    """What the readers read but did not use (ingest/warn.py): one line on stderr, the run goes on."""
    click.echo(f"presswatch: warning: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="presswatch")
def cli():
    """presswatch: who said what, when, in news articles."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl"]), default="text",
              show_default=True, help="text: a report to read; json: one array; jsonl: one result per line")
@click.option("--batch-size", type=click.IntRange(min=1), default=None,
              help=f"articles per spaCy batch (default: PRESSWATCH_BATCH_SIZE or {DEFAULT.batch_size})")
@click.option("--reference", "reference", multiple=True, metavar="FILE",
              help="CSV of reference series (series,date,value,source) to check quantity claims against; repeatable")
@click.option("--facts", "facts", multiple=True, metavar="FILE",
              help="CSV of dated events (event,date,source[,keywords]) to check historical dates against; repeatable")
def analyze(paths, fmt, batch_size, reference, facts):
    """Analyze articles in PATH... (.txt, .html, .jsonl files, directories of them, or - for stdin).

    Results come out in input order, one per article (per line for JSONL input). Exits 1 if any
    article failed; the others are still written."""
    options = _options(reference, facts)
    items = read_inputs(paths, stdin=sys.stdin, max_bytes=_run_options().max_bytes, warn=_warn)
    try:
        failed = _write(analyze_many(items, options, batch_size=batch_size), fmt, sys.stdout)
    except PresswatchError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    if failed:
        sys.exit(1)


def _run_options(**given) -> RunOptions:
    """The run settings of PRESSWATCH_* variables, with the command line's options (None: not given)."""
    try:
        return RunOptions.from_env(**given)
    except PresswatchError as exc:
        _fail(str(exc))


def _options(reference=(), facts=()) -> Options:
    """The analysis options of PRESSWATCH_* variables, with --reference and --facts added. The tables
    are loaded now: a file that cannot be used stops here with one line, before any article;
    skipped rows are listed as warnings."""
    from .check import tables_for

    try:
        options = Options.from_env()
    except PresswatchError as exc:
        _fail(str(exc))
    options = options.with_(reference=options.reference + tuple(reference), facts=options.facts + tuple(facts))
    if not options.reference and not options.facts:
        return options
    tables = tables_for(options.reference, options.facts)
    if tables.errors:
        _fail(tables.errors[0])
    for problem in tables.problems[:20]:
        click.echo(f"presswatch: warning: skipped {problem}", err=True)
    if len(tables.problems) > 20:
        click.echo(f"presswatch: warning: ... and {len(tables.problems) - 20} more skipped rows", err=True)
    return options


@cli.command("calendar")
@click.argument("observance")
@click.argument("years")
@click.option("--country", metavar="CC", help="a country's practice (ISO code such as IR or SA); "
                                              "default: the observance's own (Iran for Quds Day, else Umm al-Qura)")
@click.option("--overrides", multiple=True, metavar="FILE",
              help="TOML file with [[override]] tables (observance, country, date, source) of announced dates")
@click.option("--explain", is_flag=True, help="say how each date was computed")
def calendar_cmd(observance, years, country, overrides, explain):
    """Dates of OBSERVANCE in YEARS: presswatch calendar "Quds Day" 2000..2030 (or 2024, or 2019,2021)."""
    from .check.observances import CalendarError, Calendar, default_calendar, parse_years

    try:
        cal = Calendar.load(overrides=overrides) if overrides else default_calendar()
        obs = cal.lookup(observance)
        year_list = parse_years(years)
    except PresswatchError as exc:
        _fail(str(exc))
    practice = obs.rule_text(country)
    click.echo(f"{obs.name}: {practice}")
    printed = 0
    for y in year_list:
        try:
            occs = cal.occurrences(obs, y, country)
        except CalendarError as exc:
            click.echo(f"{y}  -           {exc}")
            continue
        if not occs:
            click.echo(f"{y}  -           does not fall in {y}")
        for o in occs:
            printed += 1
            click.echo(f"{y}  {o.date}  {o.date:%a}  {o.caveat}")
            if explain:
                click.echo(f"      {o.explanation}")
    if not printed:
        sys.exit(1)


def _write(analyses, fmt: str, out) -> int:
    """Write each result as soon as it is made (also when piped); return how many failed."""
    n = failed = 0
    for a in analyses:
        if a.status != "ok":
            failed += 1
            click.echo(f"ERROR {a.doc_id}: {a.error}", err=True)
        if fmt == "jsonl":
            out.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == "json":
            body = json.dumps(a.to_dict(), ensure_ascii=False, indent=2)
            out.write(("[\n" if n == 0 else ",\n") + textwrap.indent(body, "  "))
        else:
            out.write(("\n" if n else "") + render(a))
        out.flush()
        n += 1
    if fmt == "json":
        out.write("\n]\n" if n else "[]\n")
    return failed


_DB = click.option("--db", default=None, metavar="URL",
                   help=f"the corpus store: sqlite:///FILE.db or postgresql://... (default: PRESSWATCH_DB or "
                        f"{DEFAULT_RUN.db})")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_DB
@click.option("--batch-size", type=click.IntRange(min=1), default=None, help="articles per spaCy batch")
@click.option("--registry", type=click.Path(dir_okay=False), default=None,
              help="a speaker registry (CSV or TOML: names, aliases, roles, gender) applied with this run")
def ingest(paths, db, batch_size, registry):
    """Analyze articles in PATH... (files, folders, RSS/Atom feeds or their URLs, WARC crawls, JSONL;
    a `presswatch batch` output folder is loaded as analysed) and store them with their statements,
    speakers and claims. Articles already stored are skipped; an interrupted ingest run again
    completes. Exits 1 if any article failed."""
    from .corpus import ingest as run_ingest
    from .corpus.progress import progress_bar, summary
    from .store import open_store

    run = _run_options(db=db)
    with open_store(run.db) as store, progress_bar() as bar:
        if registry:
            from .corpus.people import keep_registry
            keep_registry(store, registry)  # read first: a bad registry stops the run before any work
        report = run_ingest(paths, store, _options(), max_bytes=run.max_bytes, batch_size=batch_size,
                            progress=bar, stdin=sys.stdin, warn=_warn)
    for doc_id, reason in report.errors:
        click.echo(f"ERROR {doc_id}: {reason}", err=True)
    click.echo(summary(report), err=True)
    if report.counts["error"]:
        sys.exit(1)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, metavar="DIR",
              help="folder for the Parquet tables (articles, statements, speakers, claims, errors); "
                   "a re-run into it replaces its files")
@click.option("--scheduler", metavar="ADDRESS", help="a running Dask scheduler (tcp://HOST:8786); default: "
                                                     "a local cluster on this machine")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="local cluster: worker processes, one thread each (default: one per core); "
                   "with --scheduler: wait for this many workers")
@click.option("--partition-mb", type=click.FloatRange(min=0.001), default=None,
              help="input megabytes per task (default: PRESSWATCH_BATCH_PARTITION_MB or "
                   f"{DEFAULT_RUN.batch_partition_mb})")
@click.option("--retries", type=click.IntRange(min=0), default=2, show_default=True,
              help="times a failed partition is retried before it is reported")
@click.option("--batch-size", type=click.IntRange(min=1), default=None, help="articles per spaCy batch")
def batch(inputs, out, scheduler, workers, partition_mb, retries, batch_size):
    """Analyse INPUT... (WARC, WARC.gz, JSONL, folders) on a Dask cluster into Parquet tables in
    --out; `presswatch ingest DIR` loads them into a store. Exits 1 if an article or a partition
    failed (they are rows of the errors table)."""
    require("batch", "presswatch batch")
    from .batch.console import progress_display
    from .batch.job import connect, dashboard_link, prepare_out, run_job
    from .batch.partitions import refuse_stdin

    refuse_stdin(inputs)
    prepare_out(out)  # a folder that cannot take the output: one line now, before a cluster starts
    run = _run_options(batch_partition_mb=partition_mb)
    options = _options()
    with connect(scheduler, workers) as client:
        click.echo(f"presswatch: batch: dashboard {dashboard_link(client) or 'unavailable (install bokeh)'}", err=True)
        with progress_display() as progress:
            s = run_job(inputs, out, client, options, run, retries=retries, batch_size=batch_size,
                        progress=progress)
    for name, what, error in s.failed_partitions[:20]:
        click.echo(f"FAILED partition {name} ({what}): {error}", err=True)
    click.echo(f"presswatch: batch: {s.line()} on {s.workers} worker{'s' * (s.workers != 1)}; output {s.out}", err=True)
    if s.failed or s.failed_partitions:
        sys.exit(1)


def _search_options(f):
    """The words and filters `search` and `export` share."""
    for option in reversed([
        click.argument("query", default=""), _DB,
        click.option("--speaker", help="only statements by this speaker (any name variant, or a speaker id)"),
        click.option("--outlet", help="only this outlet"),
        click.option("--since", help="published on or after (2024-04-05, 2024-04 or 2024)"),
        click.option("--until", help="published on or before"),
        click.option("--target", type=click.Choice(["statements", "claims", "articles"]), default=None,
                     help="what to search: statements (default), claims, or articles (title and text)"),
        click.option("--claims", is_flag=True, help="search claims, the most check-worthy first (--target claims "
                                                     "--order score)"),
        click.option("--order", type=click.Choice(["date", "relevance", "score"]), default=None,
                     help="date: newest first (default); relevance: the best matches of the words first; "
                          "score: claims, the most check-worthy first (the default with --claims)"),
        click.option("--technique", metavar="NAME", help="only statements holding a span of this persuasion "
                     "technique (PTC's name, e.g. Loaded_Language; `presswatch techniques` counts them)"),
    ]):
        f = option(f)
    return f


def _search(query, speaker, outlet, since, until, target, claims, order, technique, limit=50, offset=0):
    from .corpus.names import query_keys
    from .store import Search
    target = target or ("claims" if claims else "statements")
    order = order or ("score" if claims else "date")
    return Search(query, speaker=speaker, speaker_keys=query_keys(speaker) if speaker else (), outlet=outlet,
                  since=since, until=until, target=target, order=order, limit=limit, offset=offset,
                  technique=technique)


@cli.command()
@_search_options
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True,
              help="hits shown (at most 1000: `presswatch export` writes every match)")
@click.option("--offset", type=click.IntRange(min=0), default=0)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def search(query, db, speaker, outlet, since, until, target, claims, order, technique, limit, offset, fmt):
    """Search the corpus: words, "a phrase", word OR word, -word, prefix*."""
    from .corpus.export import to_csv, to_json, to_table
    from .store import open_store

    s = _search(query, speaker, outlet, since, until, target, claims, order, technique, limit, offset)
    with open_store(_run_options(db=db).db, readonly=True) as store:
        page = store.search(s, facets=fmt == "json")
    out = {"json": lambda: to_json(page, s), "csv": lambda: to_csv(page.hits, s.target),
           "table": lambda: to_table(page, s)}[fmt]()
    sys.stdout.write(out)


@cli.command()
@_search_options
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), default=None,
              help="write to this file (default: standard output)")
def export(query, db, speaker, outlet, since, until, target, claims, order, technique, fmt, out):
    """Every match of a search (the words and filters of `search`), as CSV or JSON lines, written as
    it is read: no cap, nothing held whole in memory."""
    from .corpus.export import csv_lines, jsonl_lines
    from .store import open_store

    s = _search(query, speaker, outlet, since, until, target, claims, order, technique)
    with open_store(_run_options(db=db).db, readonly=True) as store:
        rows = store.export(s)  # a bad search stops here, before the file is opened
        lines = csv_lines(rows, s.target) if fmt == "csv" else jsonl_lines(rows, s.target)
        with (open(out, "w", encoding="utf-8", newline="") if out else _stdout()) as fh:
            for line in lines:
                fh.write(line)


@contextmanager
def _stdout():
    yield sys.stdout


@cli.command()
@_DB
@click.option("--by", "by", type=click.Choice(["speaker", "outlet", "month", "technique"]), default="technique",
              show_default=True, help="one row per speaker, outlet or month (and technique), or per technique")
@click.option("--technique", metavar="NAME", help="only this technique (PTC's name, e.g. Name_Calling,Labeling)")
@click.option("--speaker", help="only spans in this speaker's statements (any name variant, or a speaker id)")
@click.option("--outlet", help="only this outlet")
@click.option("--since", help="published on or after (2024-04-05, 2024-04 or 2024)")
@click.option("--until", help="published on or before")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def techniques(db, by, technique, speaker, outlet, since, until, fmt):
    """Count persuasion techniques in the corpus, split by who uses them: the speaker (inside a
    direct quote) or the outlet (its own wording, reported speech included). A label marks
    rhetoric, not falsehood."""
    from .corpus.export import counts_table, to_csv
    from .corpus.names import query_keys
    from .store import open_store
    from .store.base import TechniqueCounts, count_columns

    c = TechniqueCounts(by, technique=technique, speaker=speaker, speaker_keys=query_keys(speaker) if speaker else (),
                        outlet=outlet, since=since, until=until)
    with open_store(_run_options(db=db).db, readonly=True) as store:
        rows = store.technique_counts(c)
    out = {"json": lambda: json.dumps({"by": by, "counts": rows}, ensure_ascii=False, indent=2) + "\n",
           "csv": lambda: to_csv(rows, columns=count_columns(by)), "table": lambda: counts_table(rows, by)}[fmt]()
    sys.stdout.write(out)


@cli.command()
@_DB
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="worker processes (uvicorn workers), each with its own store connections")
@click.option("--request-timeout", type=click.FloatRange(0.1, 3600), default=10.0, show_default=True,
              help="seconds a client has to send its whole request (a slow or stalled client is disconnected)")
@click.option("--timeout-keep-alive", type=click.IntRange(1, 3600), default=5, show_default=True,
              help="seconds an idle keep-alive connection stays open")
@click.option("--limit-concurrency", type=click.IntRange(1), default=1000, show_default=True,
              help="connections per worker; past them a request gets a 503")
@click.option("--threads", type=click.IntRange(1, 256), default=4, show_default=True,
              help="threads per worker answering requests (more only queue for Python's lock)")
@click.option("--analyze", "analyze_page", is_flag=True,
              help="add the /analyze page: paste a text or upload a .txt/.html file and see it analysed "
                   "(the app's one form that posts; nothing is stored without --analyze-store)")
@click.option("--analyze-store", is_flag=True,
              help="with --analyze: store each analysed article in the corpus, as `presswatch ingest` does (once)")
@click.option("--analyze-max-bytes", type=click.IntRange(1, 100_000_000), default=1_000_000, show_default=True,
              help="with --analyze: the largest text or file accepted, in bytes (a larger one is a 413)")
@click.option("--analyze-timeout", type=click.FloatRange(1, 3600), default=60.0, show_default=True,
              help="with --analyze: seconds one analysis may run before it is stopped")
@click.option("--analyze-workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="with --analyze: analyses at once per server worker (processes); 4 more may wait, then 'busy'")
def serve(db, host, port, workers, request_timeout, timeout_keep_alive, limit_concurrency, threads,
          analyze_page, analyze_store, analyze_max_bytes, analyze_timeout, analyze_workers):
    """Serve the corpus read-only in a web app (search, articles, speakers, provenance, exports, JSON API);
    with --analyze also a page to analyse one pasted or uploaded article."""
    require("web", "presswatch serve")
    from .web.serving import Limits
    from .web.serving import serve as run_server

    limits = Limits(workers=workers, request_timeout=request_timeout, keep_alive=timeout_keep_alive,
                    concurrency=limit_concurrency, threads=threads)
    if analyze_store and not analyze_page:
        _fail("serve: --analyze-store needs --analyze (the page that stores what it analyses)")
    analyze = None
    if analyze_page:
        from .web.analyze import AnalyzeSettings
        analyze = AnalyzeSettings(options=_options(), store=analyze_store, max_bytes=analyze_max_bytes,
                                  timeout=analyze_timeout, workers=analyze_workers)
    shown = f" with {workers} workers" if workers > 1 else ""
    shown += (" and /analyze" + (" (storing)" if analyze_store else "")) if analyze else ""
    run_server(_run_options(db=db).db, host, port, limits, analyze=analyze, announce=lambda url: click.echo(
        f"presswatch: serving {url} on http://{host}:{port}/{shown}", err=True))


@cli.group()
def speakers():
    """Who is who across the corpus: list the speakers, apply a registry, correct by hand."""


def _people_store(db):
    from .store import open_store
    return open_store(_run_options(db=db).db)


@speakers.command("list")
@_DB
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
def speakers_list(db, limit):
    """The corpus speakers, most quoted first: id, statements, kind, gender, name."""
    with _people_store(db) as store:
        for sp in store.speakers(limit):
            click.echo(f"{sp['id']}\t{sp['statements']}\t{sp['kind']}\t{sp.get('gender') or '-'}\t{sp['name']}")


@speakers.command("apply")
@click.argument("registry", type=click.Path(dir_okay=False))
@_DB
def speakers_apply(registry, db):
    """Apply a speaker REGISTRY (CSV or TOML) to the stored corpus; it is kept and applied again
    whenever the speakers are recomputed."""
    from .corpus.people import apply_registry
    with _people_store(db) as store:
        identity = apply_registry(store, registry)
    click.echo(f"presswatch: speakers: registry {registry} applied; {len(identity.speakers)} speakers", err=True)


@speakers.command("merge")
@click.argument("speaker_a")
@click.argument("speaker_b")
@_DB
def speakers_merge(speaker_a, speaker_b, db):
    """Make SPEAKER_A part of SPEAKER_B (ids from `speakers list`); recorded, undone with `speakers undo`."""
    from .corpus.people import merge
    with _people_store(db) as store:
        merge(store, speaker_a, speaker_b)
        n = store.corrections()[-1]["n"]
    click.echo(f"presswatch: speakers: {speaker_a} merged into {speaker_b} (correction {n})", err=True)


@speakers.command("split")
@click.argument("speaker")
@click.argument("name")
@_DB
def speakers_split(speaker, name, db):
    """Take the mentions of SPEAKER written NAME out into a speaker of their own; recorded."""
    from .corpus.people import split
    with _people_store(db) as store:
        split(store, speaker, name)
        n = store.corrections()[-1]["n"]
    click.echo(f"presswatch: speakers: {name!r} split from {speaker} (correction {n})", err=True)


@speakers.command("corrections")
@_DB
def speakers_corrections(db):
    """The corrections made by hand, oldest first (n, when, action, speakers, name, undone)."""
    with _people_store(db) as store:
        for c in store.corrections():
            click.echo(f"{c['n']}\t{c['at']}\t{c['action']}\t{c['speaker_id']}\t{c['other'] or c['name'] or ''}"
                       f"\t{'undone ' + c['undone_at'] if c['undone_at'] else ''}")


@speakers.command("undo")
@click.argument("n", type=int)
@_DB
def speakers_undo(n, db):
    """Undo correction N (it stays recorded as undone)."""
    from .corpus.people import undo
    with _people_store(db) as store:
        undo(store, n)
    click.echo(f"presswatch: speakers: correction {n} undone", err=True)


@speakers.command("recompute")
@_DB
def speakers_recompute(db):
    """Work out who is who again from everything stored (ingest does it at the end of each run)."""
    from .corpus.people import recompute
    with _people_store(db) as store:
        identity = recompute(store)
    click.echo(f"presswatch: speakers: {len(identity.speakers)} speakers", err=True)


@cli.command("settings")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True,
              help="markdown: the README's table")
def show_settings(fmt):
    """List every setting: name, environment variable, default, allowed values and what it does."""
    if fmt == "markdown":
        click.echo(markdown_table(), nl=False)
        return
    current = env_values()
    for s in SETTINGS.values():
        now = f"  (now {current[s.name]!r})" if s.name in current else ""
        click.echo(f"{s.owner}.{s.name}\n  env: {s.env}\n  default: {s.shown_default!r}{now}\n"
                   f"  allowed: {s.allowed}\n  {s.help}\n")


def main(argv=None):
    """Console entry point."""
    try:
        code = cli.main(args=argv, prog_name="presswatch", standalone_mode=False)
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.ClickException as exc:  # usage errors: click's own message, exit 2
        exc.show()
        code = exc.exit_code
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo("presswatch: interrupted", err=True)
        code = 130
    except PresswatchError as exc:
        click.echo(f"presswatch: error: {exc}", err=True)
        code = 1
    except BrokenPipeError:  # `presswatch analyze ... | head`: the reader left; not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 1
    sys.exit(code or 0)


if __name__ == "__main__":
    main()
