"""Random inputs for the readers and the search parser, the runs that feed them in, and the check of
what comes out: used by tests/test_reader_properties.py (bounded) and bench/fuzz_readers.py (long).

The promise checked: whatever bytes a reader is given, it yields Articles (with text that is not
blank, every field encodable as UTF-8, so the CLI can print it) or failed Analyses with a one-line
reason naming the input, and warnings of one line naming it; an input gives at least one item or
one warning (nothing disappears without a word); no other exception escapes. The search parser
gives a parsed query or SearchSyntaxError.
"""
from __future__ import annotations

import io
import json
import os

from hypothesis import strategies as st

from presswatch.errors import SearchSyntaxError
from presswatch.ingest import read_path, read_stdin
from presswatch.ingest.feeds import read_feed
from presswatch.ingest.jsonl import read_jsonl
from presswatch.records import Analysis, Article

# --- pieces -------------------------------------------------------------------------------------

QUOTES = ["\"", "'", "“", "”", "‘", "’", "«", "»", "„", "''"]
CONTROL = [chr(c) for c in (1, 7, 8, 11, 12, 27, 127)] + ["\x85", "\u2028", "\u2029", "\ufeff", "\r", "\t"]
DATES = ["2024-04-05", "2024-13-45", "2024", "05/03/2024", "April 5, 2024", "Tue, 05 Mar 2024 10:00:00 GMT",
         "yesterday", "0000-00-00", "9999-12-31T23:59:59Z", "1e10", "", " ", "12", "2024-02-30"]
WORDS = ["said", "the", "minister", "budget", "Ottawa", "OR", "-", "*", "\"a phrase", "2024", "&amp;", "&#0;",
         "&#x110000;", "&nbsp", "<", ">", "&"]
SENTENCE = "The finance minister said on Tuesday that the budget was fair and balanced and would pass."
TAGS = ["div", "p", "span", "article", "main", "section", "b", "i", "a", "li", "ul", "table", "tr", "td", "h1",
        "blockquote", "script", "style", "noscript", "title", "head", "body", "html", "meta", "br", "img", "time",
        "svg", "math", "template", "iframe", "nav", "footer", "x-custom", "p:q"]

texts = st.lists(st.one_of(st.characters(), st.sampled_from(QUOTES + CONTROL)), max_size=60).map("".join)
wordy = st.lists(st.one_of(st.sampled_from(WORDS + QUOTES + DATES), texts), max_size=12).map(" ".join)
junk = st.binary(max_size=300)
invalid_utf8 = st.builds(lambda a, b, c: a + b + c, junk, st.sampled_from(
    [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00"]), junk)


def _attrs(draw) -> str:
    out = []
    for _ in range(draw(st.integers(0, 3))):
        name = draw(st.sampled_from(["class", "id", "href", "content", "property", "name", "itemprop", "style",
                                     "charset", "datetime", "onload", "x\"y", "a b"]))
        value = draw(st.one_of(wordy, st.sampled_from(DATES)))
        if draw(st.integers(0, 9)) == 0:  # a huge attribute
            value = "x" * draw(st.integers(10_000, 300_000))
        quote = draw(st.sampled_from(['"', "'", ""]))
        out.append(f" {name}={quote}{value}{quote}")
    return "".join(out)


@st.composite
def html_pages(draw) -> str:
    """Markup: random trees of tags (some left open or closed twice), text with quotes and entities,
    meta dates, comments, CDATA and odd declarations, huge attributes, and deep chains."""
    def node(depth: int) -> str:
        kind = draw(st.integers(0, 9 if depth < 4 else 3))
        if kind <= 3:
            return draw(st.one_of(wordy, st.sampled_from(["<!-- c -->", "<![CDATA[x]]>", "<![foo[ x ]]>", "<!x>",
                                                          "<?php x ?>", "</p>", "<", "&", "<!--"])))
        tag = draw(st.sampled_from(TAGS))
        inner = "".join(node(depth + 1) for _ in range(draw(st.integers(0, 3))))
        close = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", "", f"</{tag}></{tag}>"]))
        return f"<{tag}{_attrs(draw)}>{inner}{close}"

    body = "".join(node(0) for _ in range(draw(st.integers(0, 4))))
    if draw(st.booleans()):  # an article trafilatura can find, somewhere among the rest
        paras = "".join(f"<p>{SENTENCE} {draw(wordy)}</p>" for _ in range(draw(st.integers(1, 3))))
        at = draw(st.integers(0, len(body)))
        body = body[:at] + f"<article><h1>{draw(wordy)}</h1>{paras}</article>" + body[at:]
    if draw(st.booleans()):  # a deep chain around an article
        tag = draw(st.sampled_from(["div", "span", "b", "blockquote", "li", "p", "table", "td"]))
        n = draw(st.integers(200, 3000))
        closed = draw(st.sampled_from([n, 0, n // 2]))
        body = f"<{tag}>" * n + body + "<p>" + draw(wordy) + "</p>" + f"</{tag}>" * closed
    head = "".join(f'<meta property="article:published_time" content="{d}">'
                   for d in draw(st.lists(st.sampled_from(DATES), max_size=2)))
    return draw(st.sampled_from(["", "<!DOCTYPE html>", '<?xml version="1.0" encoding="utf-8"?>'])) + \
        f"<html><head>{head}<title>{draw(wordy)}</title></head><body>{body}</body></html>"


def html_bytes() -> st.SearchStrategy[bytes]:
    utf8 = html_pages().map(lambda s: s.encode("utf-8", "surrogatepass"))
    utf16 = html_pages().map(lambda s: s.encode("utf-16", "surrogatepass"))
    latin1 = html_pages().map(lambda s: s.encode("latin-1", "replace"))
    return st.one_of(utf8, utf8, utf8, junk, invalid_utf8, utf16, latin1)


# JSON string contents as written in the file, escapes included (lone surrogates: \ud800)
json_escapes = st.sampled_from(["\\ud800", "\\udfff", "\\ud83d\\ude00", "\\u0000", "\\n", "\\\"", "\\\\", "\\t",
                                "\\q", "\\u12", "\\/", "\\u2028"])
raw_json_string = st.lists(st.one_of(json_escapes, texts.map(lambda t: json.dumps(t)[1:-1])), max_size=6).map(
    lambda parts: '"' + "".join(parts) + '"')
json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), texts, wordy,
                        st.sampled_from(DATES)).map(lambda v: json.dumps(v)) | raw_json_string


@st.composite
def jsonl_lines(draw) -> bytes:
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(st.one_of(junk, invalid_utf8))
    if kind == 1:
        return draw(st.sampled_from([b"", b"   ", b"\t", b"\r", b"[1,2]", b'"s"', b"{", b"{}", b"null",
                                     b'{"doc_id": "x", "text": "open']))
    fields = {}
    for key in draw(st.lists(st.sampled_from(["doc_id", "text", "html", "title", "url", "published", "outlet",
                                              "author", "extra"]), max_size=7, unique=True)):
        if key == "html" and draw(st.booleans()):
            fields[key] = json.dumps(draw(html_pages()))
        elif key == "doc_id":
            fields[key] = draw(st.one_of(json_scalar, st.sampled_from(['"a"', '"a"', '"b"', "1", '"1"', '""', '" "'])))
        else:
            fields[key] = draw(json_scalar)
    if draw(st.booleans()):
        fields.setdefault("doc_id", '"a"')
        fields.setdefault("text", json.dumps(draw(wordy)))
    body = "{" + ", ".join(f'"{k}": {v}' for k, v in fields.items()) + "}"
    return body.encode("utf-8", "surrogatepass")


jsonl_files = st.builds(lambda lines, ends: b"".join(line + ends for line in lines),
                        st.lists(jsonl_lines(), max_size=8), st.sampled_from([b"\n", b"\r\n", b""]))
texts_bytes = st.one_of(junk, invalid_utf8, wordy.map(lambda s: s.encode("utf-8", "surrogatepass")),
                        st.sampled_from([b"", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n", b"\n\r\n", b"\x00"]))


@st.composite
def feeds(draw) -> bytes:
    def item() -> str:
        date = draw(st.sampled_from(DATES + [draw(wordy)]))
        desc = draw(st.one_of(wordy, html_pages()))
        cdata = draw(st.booleans())
        desc = f"<![CDATA[{desc}]]>" if cdata and "]]>" not in desc else desc.replace("&", "&amp;").replace("<", "&lt;")
        title, guid = draw(wordy).replace("<", "&lt;"), draw(st.sampled_from(["a", "b", "", "a"]))
        return (f"<item><title>{title}</title><guid>{guid}</guid><pubDate>{date.replace('<', '')}</pubDate>"
                f"<description>{desc}</description></item>")
    if draw(st.integers(0, 4)) == 0:
        return draw(st.one_of(junk, invalid_utf8))
    items = "".join(item() for _ in range(draw(st.integers(0, 3))))
    title = draw(wordy).replace("<", "")
    doc = f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>'
    if draw(st.booleans()):
        doc = doc.replace("<rss version=\"2.0\"><channel>", '<feed xmlns="http://www.w3.org/2005/Atom">').replace(
            "</channel></rss>", "</feed>").replace("<item>", "<entry>").replace("</item>", "</entry>")
    if draw(st.integers(0, 3)) == 0:
        doc = doc[:draw(st.integers(0, len(doc)))]  # cut short
    if draw(st.integers(0, 7)) == 0:  # a NUL: not XML, so feedparser's loose parser reads it
        at = draw(st.integers(0, len(doc)))
        doc = doc[:at] + "\x00" + doc[at:]
    return doc.encode("utf-8", "surrogatepass")


queries = st.one_of(texts, wordy, st.lists(st.sampled_from(WORDS + QUOTES + ["(", ")", "OR OR", "--", "*a", "a**",
                                                                         "\"", "-\"x\"", "\"\"*"]),
                                           max_size=40).map(" ".join))
search_dates = st.one_of(st.none(), st.sampled_from(DATES + ["2024-04", "٢٠٢٤", "2024\n", " 2024 "]), texts)

# --- runs -----------------------------------------------------------------------------------------------


class Run:
    """One reader run: items, warnings, and the name its reasons and warnings must carry."""

    def __init__(self, name: str):
        self.name, self.warnings, self.items = name, [], []

    def warn(self, line: str) -> None:
        self.warnings.append(line)


def run_jsonl(data: bytes, limit: int = 10_000_000, repeated: str = "warn") -> Run:
    r = Run("fuzz.jsonl")
    r.items = list(read_jsonl(io.BytesIO(data), r.name, "fuzz", limit, r.warn, repeated))  # type: ignore[arg-type]
    return r


def run_stdin(data: bytes, limit: int = 10_000_000) -> Run:
    r = Run("<stdin>")
    r.items = list(read_stdin(io.BytesIO(data), limit, r.warn))
    return r


def run_file(folder: str, suffix: str, data: bytes) -> Run:
    path = os.path.join(folder, "fuzz" + suffix)
    with open(path, "wb") as fh:
        fh.write(data)
    r = Run(path)
    r.items = list(read_path(path, 10_000_000, r.warn))
    return r


def run_feed(data: bytes) -> Run:
    r = Run("fuzz.rss")
    r.items = list(read_feed(data, r.name, "fuzz", r.warn))
    return r


def check(r: Run) -> dict:
    """Assert the readers' promise for one run; return its outcome counts."""
    assert r.items or r.warnings, f"{r.name}: nothing came out, not even a warning"
    for w in r.warnings:
        assert isinstance(w, str) and w.strip() and "\n" not in w and w.startswith(r.name), w
        w.encode("utf-8")
    counts = {"articles": 0, "failed": 0, "warnings": len(r.warnings)}
    for item in r.items:
        if isinstance(item, Article):
            assert isinstance(item.text, str) and item.text.strip(), item
            assert isinstance(item.doc_id, str) and item.doc_id.strip(), item
            counts["articles"] += 1
        else:
            assert isinstance(item, Analysis) and item.status == "error", item
            assert item.error and "\n" not in item.error and r.name in item.error, item.error
            counts["failed"] += 1
        json.dumps(item.to_dict(), ensure_ascii=False).encode("utf-8")  # what `analyze --format jsonl` prints
    return counts


def check_query(text: str, since=None, until=None) -> str:
    """'parsed' or 'refused' (SearchSyntaxError with a message); anything else raises."""
    from presswatch.store import Search
    from presswatch.store.query import Parsed, parse

    try:
        assert isinstance(parse(text), Parsed)
        s = Search(text, since=since, until=until).checked()
        assert isinstance(s.parsed, Parsed)
    except SearchSyntaxError as exc:
        assert str(exc).strip() and "\n" not in str(exc), exc
        return "refused"
    return "parsed"

