"""One structured log line per request: method, path, status, duration in ms, bytes sent.

First in MIDDLEWARE, so static files (whitenoise) are counted too; the cached pages answered in front
of Django (demain/site/page_cache_app.py) write the same line. It goes to the ``demain.request``
logger, which settings.LOGGING writes as JSON.
"""

from __future__ import annotations

import logging
import time

logger = logging.getLogger("demain.request")


def log_request(method: str, path: str, status: int, started: float, size: int | None, cache: str | None) -> None:
    if logger.isEnabledFor(logging.INFO):
        # makeRecord + handle: logger.info() would walk the stack for a caller nobody reads.
        logger.handle(logger.makeRecord(logger.name, logging.INFO, __file__, 0, "request", (), None, extra={
            "method": method, "path": path, "status": status,
            "duration_ms": round((time.perf_counter() - started) * 1000, 2), "bytes": size, "cache": cache,
        }))


def response_bytes(response) -> int | None:
    if response.streaming:
        length = response.get("Content-Length")
        return int(length) if length and length.isdigit() else None
    return len(response.content)


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        log_request(request.method, request.path, response.status_code, started, response_bytes(response),
                    getattr(response, "page_cache", None))
        return response
