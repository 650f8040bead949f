# demain in a container: `demain serve` by default; the same image runs `demain db_worker` and
# `demain worker` (compose.yaml). Debian's postgresql-client gives `demain backup` its pg_dump, of
# PostgreSQL 15 or newer (a newer pg_dump reads an older server; `demain backup` picks it).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VAR_DIR=/var/lib/demain \
    SERVE_BIND=0.0.0.0:8000

RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system demain \
    && useradd --system --gid demain --home-dir /app --shell /usr/sbin/nologin demain

WORKDIR /app
# Dependencies first (a layer kept while only the code changes), then the code.
COPY pyproject.toml README.md ./
RUN mkdir demain && touch demain/__init__.py && pip install . && pip uninstall -y demain
COPY demain ./demain
RUN pip install --no-deps .

# Static files collected once, in the image (VAR_DIR/static); `demain serve --no-collectstatic` uses them.
# The throw-away key and database exist only for this step.
RUN SECRET_KEY=collectstatic-only DATABASE_URL=sqlite:////tmp/build.sqlite3 demain collectstatic --noinput \
    && rm -f /tmp/build.sqlite3 \
    && mkdir -p /var/lib/demain/private /var/lib/demain/media /var/lib/demain/backups \
    && chown -R demain:demain /var/lib/demain

USER demain
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"
CMD ["demain", "serve", "--no-collectstatic"]
