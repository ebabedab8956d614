"""Who may use the server, and the headers every answer carries.

Two attacks reach a server that listens only on this computer, through the
user's own browser:

- **DNS rebinding.** A page on ``evil.example`` re-points its name at
  127.0.0.1; the browser then treats the local server as that page's own
  origin. Its requests still say ``Host: evil.example``, so only the names
  the server is known by are answered (the localhost names and the address
  it listens on, plus any the user allows).
- **Cross-site requests.** Any page can send a "simple" form POST to
  localhost. Browsers say where a request comes from (``Origin``,
  ``Sec-Fetch-Site``); a state-changing request from another origin is
  refused. Programs such as curl send neither header and are served.

Every response, errors included, carries the same security headers: a
Content-Security-Policy (the page loads nothing that chorus does not serve),
``nosniff`` and no referrer.
"""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
ANY_HOST = "*"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# The browser loads nothing but what chorus serves, and no other site may frame the page.
PAGE_CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
# Sec-Fetch-Site values of a request the user made on this server's own page, or typed.
_OWN_FETCH_SITES = frozenset({"same-origin", "none"})


def security_headers(csp: str = PAGE_CSP) -> dict[str, str]:
    return {**SECURITY_HEADERS, "Content-Security-Policy": csp}


def _script_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def document_csp() -> str:
    """The policy of the self-contained HTML documents the API renders (`format=html`):
    their own inline style and scripts (by hash), nothing else, nothing from the network."""
    from chorus.render.html import PAGE_SCRIPT
    from chorus.render.report_html import REPORT_SCRIPT

    scripts = " ".join(_script_hash(s) for s in (PAGE_SCRIPT, REPORT_SCRIPT))
    return (
        f"default-src 'none'; style-src 'unsafe-inline'; script-src {scripts}; img-src data:; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


def host_name(header: str) -> str:
    """The host of a Host header, without its port: 'localhost:8000' -> 'localhost', '[::1]:80' -> '::1'."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


@dataclass(frozen=True)
class Access:
    """The host names the server answers to and the other origins whose pages may use it."""

    hosts: frozenset[str] = frozenset(LOCAL_HOSTS)
    origins: frozenset[str] = frozenset()

    @classmethod
    def for_address(
        cls, bind_host: str | None = None, hosts: Iterable[str] = (), origins: Iterable[str] = ()
    ) -> Access:
        """The localhost names, the address the server listens on (and, listening
        on every address, this computer's names), and those the user adds."""
        names = set(LOCAL_HOSTS) | {host_name(h) for h in hosts}
        if bind_host:
            names.add(host_name(bind_host))
            try:
                wildcard = ipaddress.ip_address(host_name(bind_host)).is_unspecified
            except ValueError:
                wildcard = False
            if wildcard:
                names |= {socket.gethostname().lower(), socket.getfqdn().lower()}
        return cls(frozenset(names), frozenset(o.strip().rstrip("/").lower() for o in origins))

    def allows_host(self, header: str | None) -> bool:
        return ANY_HOST in self.hosts or (header is not None and host_name(header) in self.hosts)

    def allows_origin(self, origin: str | None, fetch_site: str | None, own_origin: str) -> bool:
        if origin is not None:
            origin = origin.strip().rstrip("/").lower()
            return origin == own_origin.lower() or origin in self.origins
        if fetch_site is not None:
            return fetch_site.strip().lower() in _OWN_FETCH_SITES
        return True  # not a browser: curl, a script


async def _refuse(send: Send, status: int, code: str, message: str) -> None:
    from chorus.web.errors import ApiError, error_response

    await error_response(ApiError(status, code, message, headers=security_headers()))({"type": "http"}, _no_body, send)


async def _no_body() -> Message:
    return {"type": "http.disconnect"}


class RequestGuard:
    """ASGI middleware: refuse unknown hosts and cross-site state-changing
    requests; add the security headers to every response that lacks them."""

    def __init__(self, app: ASGIApp, access: Access) -> None:
        self.app = app
        self.access = access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host")
        if not self.access.allows_host(host):
            allowed = ", ".join(sorted(self.access.hosts))
            await _refuse(
                send,
                400,
                "unknown_host",
                f"This server answers to {allowed}, not to {host or 'a request without a Host header'}. "
                "Start chorus serve with --allow-host NAME to add a name.",
            )
            return
        if scope["method"] not in SAFE_METHODS:
            own = f"{scope.get('scheme', 'http')}://{host}"
            origin = headers.get("origin")
            if not self.access.allows_origin(origin, headers.get("sec-fetch-site"), own):
                await _refuse(
                    send,
                    403,
                    "cross_origin",
                    f"A page of {origin or 'another site'} may not send requests to this server. "
                    "Start chorus serve with --allow-origin ORIGIN to let it.",
                )
                return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.decode("latin-1").lower() for k, _ in message.get("headers", [])}
                extra = [
                    (k.lower().encode("latin-1"), v.encode("latin-1"))
                    for k, v in security_headers().items()
                    if k.lower() not in present
                ]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
