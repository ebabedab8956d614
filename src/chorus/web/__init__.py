"""`chorus serve`: a local web page and JSON API over the summarizer.

``create_app(limits)`` builds the FastAPI application; ``serve(host, port)``
runs it with uvicorn. Importing ``chorus`` does not import this package.
"""

from chorus.web.app import create_app
from chorus.web.limits import Limits
from chorus.web.server import serve

__all__ = ["Limits", "create_app", "serve"]
