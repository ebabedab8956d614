"""`chorus serve`: a local web page and JSON API over the summarizer.

``create_app(limits)`` builds the FastAPI application; ``serve(host, port)``
runs it with uvicorn. Importing ``chorus`` does not import this package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from chorus.web.app import create_app
    from chorus.web.limits import Limits
    from chorus.web.server import serve

__all__ = ["Limits", "create_app", "serve"]

# Imported when first asked for: `chorus.web.defaults`, which the CLI's help
# reads, must not load FastAPI.
_HOMES = {"create_app": "chorus.web.app", "Limits": "chorus.web.limits", "serve": "chorus.web.server"}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'chorus.web' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(_HOMES[name]), name)
