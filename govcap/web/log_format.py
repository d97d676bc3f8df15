"""Log formatters: one JSON object per line (GOVCAP_LOG_FORMAT=json, the default of
`govcap serve --production`), or plain text lines."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

# What every LogRecord carries; anything else was passed as `extra` and goes in the line.
STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}
# Django's `extra` on django.request records: objects, not data.
SKIP = {"request", "server_time"}


def request_id() -> str | None:
    # logging is configured from the settings, before the apps (and request_log) load
    from govcap.web.request_log import current_request_id

    return current_request_id.get()


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        rid = getattr(record, "request_id", None) or request_id()
        if rid:
            line["request_id"] = rid
        for key, value in vars(record).items():
            if key in STANDARD or key in SKIP or key in line:
                continue
            line[key] = value if isinstance(value, str | int | float | bool | None) else str(value)
        if record.exc_info:
            line["exc_type"] = record.exc_info[0].__name__ if record.exc_info[0] else None
            line["traceback"] = self.formatException(record.exc_info)
        elif record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        return json.dumps(line, ensure_ascii=False)


class PlainFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")
