"""The ``local`` backend for real: llama.cpp with the Gemma 3 270M shipped on PyPI, on CPU.

Skipped, with the reason printed, only when llama_cpp is not installed
(`make test` installs it); with DEMAIN_REQUIRE_LOCAL_LLM=1 (CI) that is a failure.
"""

from __future__ import annotations

import json
import os

import pytest

from demain.lib.drafting import DraftingError, Story, draft
from demain.lib.drafting.local import LocalBackend, bundled_model_path, llama_available, load_model
from tests.drafts.stories import ARTICLE_A, settings

if not llama_available():
    reason = "llama_cpp is not installed: `make local-llm` (or `make test`) builds it"
    if os.environ.get("DEMAIN_REQUIRE_LOCAL_LLM") == "1":
        pytest.fail(f"DEMAIN_REQUIRE_LOCAL_LLM=1 but {reason}", pytrace=False)
    print(f"\nskipping the local backend's tests: {reason}")
    pytest.skip(reason, allow_module_level=True)

SCHEMA = {"type": "object", "properties": {"titre": {"type": "string", "maxLength": 60}}, "required": ["titre"],
          "additionalProperties": False}
MESSAGES = [{"role": "system", "content": "Tu réponds en JSON."},
            {"role": "user", "content": "Donne un titre court pour un article sur un centre de données près de Lyon."}]


def test_it_finds_the_model_file_inside_the_installed_package():
    path = bundled_model_path()
    assert path.suffix == ".gguf" and path.stat().st_size > 100_000_000
    assert "site-packages" in str(path)


def test_it_generates_json_in_the_schema_on_two_threads_and_records_its_cost():
    backend = LocalBackend(threads=2)
    completion = backend.complete(MESSAGES, SCHEMA, max_tokens=40)
    answer = json.loads(completion.text)  # llama.cpp's grammar holds it to the schema
    assert set(answer) == {"titre"} and isinstance(answer["titre"], str)
    generation = completion.generation
    assert generation.backend == "local" and generation.model.startswith("gemma")
    assert generation.input_tokens > 20 and 0 < generation.output_tokens <= 40
    assert generation.cpu_seconds > 0 and generation.wall_seconds > 0
    assert backend.llama.context_params.n_threads == 2


def test_it_loads_the_model_once_per_process():
    first, second = LocalBackend(threads=2), LocalBackend(threads=2)
    assert first.llama is second.llama
    assert load_model.cache_info().currsize == 1


def test_it_reports_a_truncated_answer_after_one_retry_and_keeps_nothing():
    story = Story(title="Un centre de données près de Lyon", articles=(ARTICLE_A,))
    values = settings(LLM_MAX_OUTPUT_TOKENS=12)  # too short for the article schema: the JSON is cut
    with pytest.raises(DraftingError) as caught:
        draft(story, values, backend="local")
    assert caught.value.code == "invalid_answer"
    assert len(caught.value.generations) == 2
    assert all(g.output_tokens == 12 for g in caught.value.generations)


def test_it_says_clearly_when_the_model_file_is_missing(tmp_path):
    with pytest.raises(DraftingError) as caught:
        LocalBackend(str(tmp_path / "absent.gguf"))
    assert caught.value.code == "local_unavailable" and "pip install -e '.[local]'" in caught.value.french
