"""A fake OpenAI-compatible chat-completions server on loopback, started by the tests (threaded http.server).

Give it a script: a list of replies, one per request, each
``(status, body_dict_or_text, headers)``; when the script runs out, the last
reply repeats. Every request body it receives is kept in ``requests``.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def chat_reply(content: str, prompt_tokens: int = 120, completion_tokens: int = 80, model: str = "fake-model") -> tuple:
    return (200, {"id": "x", "object": "chat.completion", "model": model,
                  "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                               "finish_reason": "stop"}],
                  "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                            "total_tokens": prompt_tokens + completion_tokens}}, {})


class FakeOpenAI:
    def __init__(self, script: list[tuple] | None = None, api_key: str = "", model: str = "fake-model"):
        self.script = list(script or [])
        self.api_key = api_key
        self.model = model
        self.requests: list[dict] = []
        self.headers: list[dict] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8")
                fake.headers.append(dict(self.headers))
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = {"raw": raw}
                fake.requests.append(body)
                status, payload, headers, *delay = fake.reply(self.path, dict(self.headers), body)
                if delay:
                    time.sleep(delay[0])
                data = payload.encode("utf-8") if isinstance(payload, str) else json.dumps(payload).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def reply(self, path: str, headers: dict, body: dict) -> tuple:
        if path.rstrip("/") != "/v1/chat/completions":
            return 404, {"error": {"message": "not found"}}, {}
        if self.api_key and headers.get("Authorization") != f"Bearer {self.api_key}":
            return 401, {"error": {"message": "Incorrect API key provided", "code": "invalid_api_key"}}, {}
        if body.get("model") != self.model:
            return 404, {"error": {"message": f"The model {body.get('model')} does not exist",
                                   "code": "model_not_found"}}, {}
        index = len(self.requests) - 1
        return self.script[min(index, len(self.script) - 1)]

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> "FakeOpenAI":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def closed_port() -> int:
    """A loopback port nothing listens on (bound then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
