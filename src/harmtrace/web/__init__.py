"""web: the record served as pages and a JSON API (`create_app`), for a laptop with no network."""

from harmtrace.web.app import create_app

__all__ = ["create_app"]
