"""Corpus sources: RSS and Atom feeds (file and URL), WARC and WARC.gz crawls, read as Articles."""
import http.server
import io
import threading

import pytest

from presswatch.ingest import read_inputs
from presswatch.records import Analysis, Article

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><link>https://gazette.example/</link>
<item><title>Council delays vote</title><link>https://gazette.example/vote</link>
<guid>gazette-vote</guid><pubDate>Tue, 02 Apr 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;“We need more time,” said Mayor Helen Marsh.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;p&gt;The vote moves to May.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://gazette.example/empty</link><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Transit Weekly</title><id>urn:tw</id>
<updated>2024-03-01T00:00:00Z</updated>
<entry><title>Line opens</title><id>urn:tw:1</id><link href="https://transit.example/1"/>
<updated>2024-03-01T10:00:00Z</updated><author><name>Ann Lee</name></author>
<content type="html">&lt;p&gt;The line opens in spring, Claire Dubois said.&lt;/p&gt;</content></entry>
</feed>"""

PAGE = """<html><head><title>Port expansion approved</title><meta name="date" content="2024-02-10"></head>
<body><article><h1>Port expansion approved</h1>
<p>HARBOUR CITY - The council approved the port expansion on Monday after a long debate that ran late.</p>
<p>“This is the right decision for the city and for the workers at the port,” said Mayor Helen Marsh.</p>
<p>Critics said the costs would rise by 20 percent next year and that nobody had asked the residents.</p>
</article></body></html>"""


def test_rss_file(write):
    path = write("gazette.rss", RSS)
    items = list(read_inputs([path]))
    first, second = items
    assert isinstance(first, Article)
    assert first.title == "Council delays vote" and first.url == "https://gazette.example/vote"
    assert first.published == "2024-04-02" and first.outlet == "Harbour Gazette" and first.doc_id == "gazette-vote"
    assert first.text == "“We need more time,” said Mayor Helen Marsh.\nThe vote moves to May."
    assert isinstance(second, Analysis) and second.status == "error" and "no text" in second.error


def test_atom_file(write):
    [a] = read_inputs([write("transit.atom", ATOM)])
    assert (a.title, a.url, a.published, a.outlet, a.author) == (
        "Line opens", "https://transit.example/1", "2024-03-01", "Transit Weekly", "Ann Lee")
    assert a.text == "The line opens in spring, Claire Dubois said."


def test_not_a_feed(write):
    [bad] = read_inputs([write("broken.xml", "<html>not a feed</html>")])
    assert bad.status == "error" and "no feed entries" in bad.error


@pytest.fixture
def served():
    """A feed served on 127.0.0.1 by a throwaway HTTP server."""
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = RSS.encode() if self.path == "/feed.rss" else b""
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a):
            pass
    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_feed_url(served):
    items = list(read_inputs([served + "/feed.rss"]))
    assert items[0].url == "https://gazette.example/vote"
    [missing] = read_inputs([served + "/nothing"])
    assert missing.status == "error" and "cannot be fetched" in missing.error


def warc_bytes(pages, gz=False):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for url, status, ctype, body in pages:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    w.write_record(w.create_warc_record("https://port.example/x", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    return buf.getvalue()


PAGES = [("https://port.example/news/port", "200 OK", "text/html; charset=utf-8", PAGE.encode()),
         ("https://port.example/logo.png", "200 OK", "image/png", b"\x89PNG..."),
         ("https://port.example/old", "301 Moved", "text/html", b"<html>moved</html>"),
         ("https://port.example/latin", "200 OK", "text/html; charset=iso-8859-1",
          PAGE.replace("approved", "approuvé").encode("latin-1", "replace"))]


@pytest.mark.parametrize("gz", [False, True])
def test_warc(write, gz):
    path = write("crawl.warc.gz" if gz else "crawl.warc", warc_bytes(PAGES, gz))
    items = list(read_inputs([path]))
    assert [i.url for i in items] == ["https://port.example/news/port", "https://port.example/latin"]
    assert "right decision for the city" in items[0].text and items[0].doc_id == items[0].url
    assert "approuvé" in items[1].text
    assert items[0].origin.startswith(str(path) + "#")


def test_truncated_warc_keeps_what_was_read(write):
    whole = warc_bytes(PAGES[:1], gz=True)
    path = write("cut.warc.gz", whole + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Le")
    items = list(read_inputs([path]))
    assert isinstance(items[0], Article)
    assert items[-1].status == "error" and "cannot be read" in items[-1].error


@pytest.mark.parametrize("where", ["header", "content"])
def test_warc_cut_inside_a_record_ends_with_one_failed_record(write, where):
    """warcio reads a record cut short by the end of an uncompressed file as if it were whole."""
    whole = warc_bytes(PAGES[:1] * 2)
    second = whole.index(b"WARC/1.0", 10)
    cut = second + (40 if where == "header" else whole.index(b"<html>", second) + 30 - second)
    path = write("cut.warc", whole[:cut])
    items = list(read_inputs([path]))
    assert [type(i) for i in items] == [Article, Analysis]
    assert items[1].doc_id == f"cut@{second}-end" and f"cannot be read past byte {second:,}" in items[1].error


def test_directory_holds_feeds_and_crawls(write, tmp_path):
    write("corpus/a.rss", RSS)
    write("corpus/b.warc.gz", warc_bytes(PAGES[:1], gz=True))
    items = list(read_inputs([tmp_path / "corpus"]))
    assert [getattr(i, "url", None) for i in items if isinstance(i, Article)] == [
        "https://gazette.example/vote", "https://port.example/news/port"]
