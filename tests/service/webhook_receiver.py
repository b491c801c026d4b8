"""A real HTTP receiver on 127.0.0.1 for webhook tests: it answers with scripted statuses (or
stalls), records every request, verifies signatures and de-duplicates by idempotency key, as a
council's receiver is asked to."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECRET = "test-secret-" + "x" * 28
"""A secret long enough for the connectors file's rule."""


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """What the server does and saw. Set `statuses` (used in order, then 200) or `stall`."""

    statuses: list[int] = field(default_factory=list)
    stall: float = 0.0
    requests: list[Received] = field(default_factory=list)
    posted: dict[str, bytes] = field(default_factory=dict)
    """Bodies accepted, by idempotency key: what the platform would have posted, once each."""
    url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, headers: dict[str, str], body: bytes) -> int:
        with self.lock:
            self.requests.append(Received(headers, body))
            status = self.statuses.pop(0) if self.statuses else 200
            if status < 300:
                self.posted.setdefault(headers["Idempotency-Key"], body)
        return status


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if receiver.stall:
                time.sleep(receiver.stall)
            status = receiver.answer(dict(self.headers.items()), body)
            reply = b"ok" if status < 300 else b"nope"
            try:
                self.send_response(status)
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the sender gave up waiting (the timeout test)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextmanager
def running_receiver() -> Iterator[Receiver]:
    """A receiver listening on 127.0.0.1 at a free port, stopped on exit."""
    receiver = Receiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(receiver))
    server.daemon_threads = True
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
