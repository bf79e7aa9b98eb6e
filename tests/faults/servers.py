"""A raw TCP server on 127.0.0.1 for faults an HTTP framework will not produce on purpose.

Connection resets (RST instead of a response), bodies cut short of their Content-Length,
headers trickled a byte at a time: each is a function of the accepted socket, so a test states
exactly what goes over the wire.
"""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Callable


class RawServer:
    """Accepts connections in a thread and hands each socket to `handler`; use as a context."""

    def __init__(self, handler: Callable[[socket.socket, int], None]):
        self.handler = handler
        self.connections = 0
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._sock.settimeout(0.1)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}"

    def __enter__(self) -> RawServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._sock.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            self.connections += 1
            threading.Thread(target=self._handle, args=(conn, self.connections),
                             daemon=True).start()

    def _handle(self, conn: socket.socket, number: int) -> None:
        try:
            conn.settimeout(5)
            self.handler(conn, number)
        except OSError:
            pass  # the client hung up first: that is what the fault tests provoke
        finally:
            conn.close()


def read_request(conn: socket.socket) -> bytes:
    """Read one request's head (no request bodies in these tests)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def reset(conn: socket.socket) -> None:
    """Close with an RST (SO_LINGER 0) instead of a FIN: the client sees ECONNRESET."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


def response(body: bytes, status: str = "200 OK", **headers: str) -> bytes:
    head = [f"HTTP/1.1 {status}", "Connection: close"]
    head += [f"{k.replace('_', '-')}: {v}" for k, v in headers.items()]
    if "Content-Length" not in headers and "Content_Length" not in headers:
        head.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body
