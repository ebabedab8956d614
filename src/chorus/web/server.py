"""`chorus serve`: the web app on a local port, with uvicorn."""

from __future__ import annotations

import errno
import ipaddress
import socket
import sys
from collections.abc import Iterable

from chorus.errors import ChorusError
from chorus.web.guard import ANY_HOST, Access
from chorus.web.limits import Limits


def open_socket(host: str, port: int) -> socket.socket:
    """Bind before starting the server, so a busy port is one clear error, not a log line."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except socket.gaierror as exc:
        raise ChorusError(f"cannot listen on {host!r}: {exc.strerror}") from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        hint = "; another program uses it, choose another with --port" if exc.errno == errno.EADDRINUSE else ""
        raise ChorusError(f"cannot listen on {host}:{port}: {exc.strerror}{hint}") from None
    return sock


def address_url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def is_loopback(sock: socket.socket) -> bool:
    return ipaddress.ip_address(sock.getsockname()[0]).is_loopback


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    limits: Limits | None = None,
    allow_hosts: Iterable[str] = (),
    allow_origins: Iterable[str] = (),
) -> None:
    """Serve the app; it answers to the localhost names, ``host`` and ``allow_hosts``
    ('*': any), and takes requests from its own page and ``allow_origins``."""
    import uvicorn

    from chorus.web.app import create_app

    sock = open_socket(host, port)
    access = Access.for_address(host, allow_hosts, allow_origins)
    app = create_app(limits, access)
    print(f"chorus: serving on {address_url(sock)} (open it in a browser; Ctrl+C stops)", file=sys.stderr, flush=True)
    if not is_loopback(sock):
        print(
            f"chorus: warning: listening on {host}: other computers that can reach this one can use the server",
            file=sys.stderr,
            flush=True,
        )
        if ANY_HOST not in access.hosts:
            print(
                f"chorus: it answers to {', '.join(sorted(access.hosts))}; "
                "add the names others use to reach it with --allow-host NAME",
                file=sys.stderr,
                flush=True,
            )
    uvicorn.Server(uvicorn.Config(app, log_level="info")).run(sockets=[sock])
