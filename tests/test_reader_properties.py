"""Property tests: the readers, given random bytes and texts, give Articles or failed Analyses with
a clear message and never another exception; the search parser gives a query or SearchSyntaxError.

Bounded to about 20 s together (2 cores) (deadline=None: trafilatura's first call is slow); the long run for
releases is bench/fuzz_readers.py. The strategies and the check live in tests/reader_fuzz.py.
"""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reader_fuzz import (check, check_query, feeds, html_bytes, jsonl_files, queries, run_feed, run_file,
                         run_jsonl, run_stdin, search_dates, texts_bytes)

BOUNDED = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return str(tmp_path_factory.mktemp("fuzz"))


@settings(max_examples=150, **BOUNDED)
@given(jsonl_files, st.sampled_from([120, 10_000_000]), st.sampled_from(["warn", "error"]))
def test_jsonl_reader(data, limit, repeated):
    check(run_jsonl(data, limit, repeated))


@settings(max_examples=100, **BOUNDED)
@given(st.one_of(jsonl_files, texts_bytes))
def test_stdin_reader(data):
    check(run_stdin(data))


@settings(max_examples=120, **BOUNDED)
@given(data=html_bytes())
def test_html_reader(folder, data):
    check(run_file(folder, ".html", data))


@settings(max_examples=150, **BOUNDED)
@given(data=feeds())
def test_feed_reader(data):
    check(run_feed(data))


@settings(max_examples=200, **BOUNDED)
@given(data=texts_bytes)
def test_text_reader(folder, data):
    check(run_file(folder, ".txt", data))


@settings(max_examples=500, **BOUNDED)
@given(queries, search_dates, search_dates)
def test_search_parser(text, since, until):
    check_query(text, since, until)
