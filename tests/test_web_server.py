"""The web app behind a real uvicorn server, configured as `presswatch serve` does: error responses,
kept connections, timeouts for slow clients, worker processes."""
import http.client
import json
import logging
import os
import socket
import subprocess
import sys
import threading
import time

import pytest
from corpus_fixtures import add_all, corpus
from web_server import running

pytest.importorskip("fastapi")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

SECURITY = ("content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options")


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    from presswatch.store import open_store
    url = f"sqlite:///{tmp_path_factory.mktemp('web')}/corpus.db"
    with open_store(url) as store:
        add_all(store, corpus())
    return url


@pytest.fixture(scope="module")
def app(url):
    from presswatch.web import create_app
    app = create_app(url)
    yield app
    app.state.store.close()


@pytest.fixture(scope="module")
def port(app):
    with running(app) as port:
        yield port


def get(conn, path):
    """(response, body) on the open connection `conn`; the connection must stay the same one."""
    before = conn.sock.getsockname() if conn.sock else None
    conn.request("GET", path)
    r = conn.getresponse()
    body = r.read()
    assert before is None or conn.sock.getsockname() == before, "the connection was replaced"
    return r, body


def test_errors_carry_the_security_headers_and_keep_the_connection(app, port, monkeypatch, caplog):
    def broken(*a, **k):
        raise RuntimeError("speakers table on fire")
    monkeypatch.setattr(app.state.store, "speakers", broken)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    expected = [("/api/speakers", 500), ("/speakers", 500), ("/api/articles/nope", 404), ("/articles/nope", 404),
                ("/no/such/page", 404), ("/api/search?limit=many", 422), ("/?page=first", 422),
                ("/api/speakers?format=csv", 500)]
    with caplog.at_level(logging.ERROR, logger="presswatch.web"):
        for path, status in expected:
            r, body = get(conn, path)
            assert r.status == status, (path, r.status, body[:200])
            assert all(r.getheader(h) for h in SECURITY), (path, r.getheaders())
            assert not r.will_close and r.getheader("connection") != "close", path
            if path.startswith("/api/"):
                assert json.loads(body)["error"], path
            else:
                assert r.getheader("content-type").startswith("text/html") and b"<h1>" in body, path
        r, body = get(conn, "/api/stats")  # the same connection still serves
        assert r.status == 200 and json.loads(body)["articles"] == 4
    assert "speakers table on fire" in caplog.text  # the traceback is in the log, not in the answer
    conn.close()


def test_an_internal_error_tells_the_client_nothing_of_it(app, port, monkeypatch):
    def broken(*a, **k):
        raise RuntimeError("secret path /srv/corpus.db")
    monkeypatch.setattr(app.state.store, "article", broken)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    for path in ("/api/articles/x", "/articles/x"):
        r, body = get(conn, path)
        assert r.status == 500 and b"secret" not in body and b"Traceback" not in body
    conn.close()


def test_validation_errors_are_one_line(app, port):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    r, body = get(conn, "/api/search?limit=many")
    err = json.loads(body)["error"]
    assert r.status == 422 and err.startswith("query parameter limit:") and "\n" not in err
    r, body = get(conn, "/api/search?limit=100000")  # past a page's cap: said so, and where to get everything
    assert r.status == 400 and "/api/export" in json.loads(body)["error"]
    conn.close()


def test_requests_run_on_the_configured_threads(url, monkeypatch):
    """Limits.threads bounds how many requests a worker answers at once (anyio's default is 40)."""
    from presswatch.web import create_app
    from presswatch.web.serving import Limits
    app = create_app(url)
    active, peak, lock = [0], [0], threading.Lock()
    real = app.state.store.speakers

    def slow(*a, **k):
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.3)
        with lock:
            active[0] -= 1
        return real(*a, **k)
    monkeypatch.setattr(app.state.store, "speakers", slow)
    statuses = []

    def client(port):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        statuses.append(get(conn, "/api/speakers")[0].status)
        conn.close()
    with running(app, Limits(threads=2)) as port:
        clients = [threading.Thread(target=client, args=(port,)) for _ in range(6)]
        start = time.monotonic()
        for c in clients:
            c.start()
        for c in clients:
            c.join(30)
        took = time.monotonic() - start
    app.state.store.close()
    assert statuses == [200] * 6 and peak[0] == 2 and took >= 0.85, (statuses, peak, took)


# -- slow clients: the request timeout (1 s here) and the keep-alive timeout (1 s)

TIMEOUT = 1.0


@pytest.fixture(scope="module")
def strict_port(app):
    from presswatch.web.serving import Limits
    with running(app, Limits(request_timeout=TIMEOUT, keep_alive=1)) as port:
        yield port


def closed_after(sock, trickle=None, wait=TIMEOUT + 4):
    """Seconds until the server closes `sock` (reading, or writing `trickle` bytes one at a time);
    None if it is still open after `wait` seconds."""
    start = time.monotonic()
    sock.settimeout(0.2)
    while time.monotonic() - start < wait:
        try:
            if trickle:
                sock.send(trickle[:1])
                trickle = trickle[1:] or trickle
            if sock.recv(1024) == b"":
                return time.monotonic() - start
        except socket.timeout:
            continue
        except (ConnectionResetError, BrokenPipeError):
            return time.monotonic() - start
    return None


def connect(port):
    return socket.create_connection(("127.0.0.1", port), timeout=5)


def test_half_a_request_line_is_disconnected_within_the_timeout(strict_port):
    with connect(strict_port) as s:
        s.sendall(b"GET /api/stats HT")
        t = closed_after(s)
    assert t is not None and TIMEOUT * 0.8 <= t <= TIMEOUT + 2, t


def test_a_silent_client_is_disconnected(strict_port):
    with connect(strict_port) as s:
        t = closed_after(s)
    assert t is not None and t <= TIMEOUT + 2, t


def test_a_slowloris_trickling_headers_is_disconnected(strict_port):
    with connect(strict_port) as s:
        s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: x\r\n")
        t = closed_after(s, trickle=b"X-Slow: " + b"a" * 200)  # a byte every 0.2 s never completes the headers
    assert t is not None and t <= TIMEOUT + 2, t


def test_a_request_sent_in_pieces_in_time_is_served_and_the_next_is_timed_too(strict_port):
    with connect(strict_port) as s:
        s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: x\r\n")
        time.sleep(TIMEOUT / 2)
        s.sendall(b"\r\n")
        s.settimeout(5)
        head = s.recv(65536)
        assert head.startswith(b"HTTP/1.1 200 ")
        s.sendall(b"GET /api/st")  # the next request on the kept connection, half sent
        t = closed_after(s)
    assert t is not None and t <= TIMEOUT + 2, t


def test_an_idle_keep_alive_connection_is_closed(strict_port):
    conn = http.client.HTTPConnection("127.0.0.1", strict_port, timeout=10)
    r, _ = get(conn, "/api/stats")
    assert r.status == 200 and not r.will_close
    t = closed_after(conn.sock)
    assert t is not None and t <= 1 + 2, t
    conn.close()


# -- presswatch serve --workers 2: two processes answer

def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid):
    out = set()
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as fh:
            out |= {int(x) for x in fh.read().split()}
    return out


def _owner(sock, server_port, pids):
    """The pid among `pids` holding the server end of the TCP connection `sock` (Linux /proc)."""
    client_port = sock.getsockname()[1]
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        with open(table) as fh:
            for line in fh.readlines()[1:]:
                f = line.split()
                if int(f[1].rsplit(":", 1)[1], 16) == server_port and int(f[2].rsplit(":", 1)[1], 16) == client_port:
                    inodes.add(f"socket:[{f[9]}]")
    for pid in pids:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                if os.readlink(f"/proc/{pid}/fd/{fd}") in inodes:
                    return pid
            except OSError:
                continue
    return None


@pytest.mark.skipif(not os.path.exists("/proc/net/tcp"), reason="finds the answering process through Linux /proc")
def test_serve_with_two_workers_answers_from_two_processes(tmp_path):
    from presswatch.store import open_store
    url = f"sqlite:///{tmp_path}/corpus.db"
    with open_store(url) as store:
        add_all(store, corpus())
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    proc = subprocess.Popen([sys.executable, "-c", "from presswatch.cli import main; main()", "serve", "--db", url,
                             "--port", str(port), "--workers", "2"], env=env, stderr=subprocess.PIPE, text=True)
    try:
        owners = set()
        deadline = time.monotonic() + 60
        while len(owners) < 2 and time.monotonic() < deadline:
            conns = []
            for _ in range(16):  # held open together, so a busy worker leaves the next accept to the other
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                try:
                    r, body = get(conn, "/api/stats")
                except OSError:
                    time.sleep(0.3)  # the workers are still starting
                    continue
                assert r.status == 200 and json.loads(body)["articles"] == 4
                conns.append(conn)
            workers = _children(proc.pid)
            owners |= {_owner(c.sock, port, workers) for c in conns} - {None}
            for c in conns:
                c.close()
        assert len(owners) == 2, f"answered by {owners} of the server's children {_children(proc.pid)}"
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "with 2 workers" in err and "Traceback" not in err


def test_serve_with_workers_and_no_corpus_is_one_line(tmp_path, capsys):
    from presswatch.cli import main
    with pytest.raises(SystemExit) as exc:
        main(["serve", "--workers", "2", "--db", f"sqlite:///{tmp_path}/missing.db"])
    err = capsys.readouterr().err
    assert exc.value.code == 1 and "presswatch ingest" in err and len(err.strip().splitlines()) == 1


def test_a_request_head_growing_past_the_limit_is_refused(strict_port):
    """h11 refuses a head still incomplete past 16 KiB (an endless header cannot fill the memory).
    The last piece is the one that crosses the limit, so nothing arrives after the server closes."""
    head = b"GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Big: "
    with connect(strict_port) as s:
        s.sendall(head)
        sent = len(head)
        while sent + 1024 <= 16 * 1024:
            s.sendall(b"a" * 1024)
            sent += 1024
            time.sleep(0.005)
        s.sendall(b"a" * (16 * 1024 + 100 - sent))
        s.settimeout(5)
        answer = s.recv(65536)
    assert answer.startswith(b"HTTP/1.1 400 "), answer[:100]
