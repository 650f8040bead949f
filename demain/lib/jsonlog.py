"""One JSON object per log line: the message, the level, the logger, and the record's extra fields.

``logger.info("request", extra={"method": "GET", "status": 200})`` prints
``{"time": "...", "level": "INFO", "logger": "demain.request", "msg": "request", "method": "GET", "status": 200}``.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime, timezone

# Attributes every LogRecord has; anything else on a record came from ``extra=``.
STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        fields = vars(record)
        line.update((key, fields[key]) for key in fields.keys() - STANDARD)
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)
