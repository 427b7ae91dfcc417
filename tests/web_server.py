"""A real uvicorn server on a free loopback port, in a thread, for tests that need sockets."""
from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager


@contextmanager
def running(app, limits=None):
    """Serve `app` on 127.0.0.1 as `presswatch serve` does (its uvicorn configuration, `limits`, one
    process); yields the port."""
    import uvicorn

    from presswatch.web.serving import Limits, config, worker_threads

    limits = limits or Limits()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(config(worker_threads(app, limits.threads), port=port, limits=limits))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "the web app did not start"
    try:
        yield port
    finally:
        srv.should_exit = True
        thread.join(10)
        sock.close()
