"""One structured log line per request: method, path, status, duration in ms, bytes sent.

First in MIDDLEWARE, so static files (whitenoise) and cached pages are counted too.
The line goes to the ``demain.request`` logger, which settings.LOGGING writes as JSON.
"""

from __future__ import annotations

import logging
import time

logger = logging.getLogger("demain.request")


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
        if logger.isEnabledFor(logging.INFO):
            logger.info("request", extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                "bytes": response_bytes(response),
                "cache": getattr(response, "page_cache", None),
            })
        return response
