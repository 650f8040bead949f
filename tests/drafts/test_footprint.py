"""The footprint ledger: arithmetic, perimeters, the EcoLogits estimate for remote APIs, totals."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

from demain.lib.footprint import Factors, Generation, estimate, total
from demain.lib.footprint.remote import remote_energy_wh
from tests.drafts.stories import settings


def test_it_turns_cpu_time_into_energy_co2e_and_water():
    factors = Factors(cpu_watts_per_core=4.0, pue=1.5, grid_gco2e_per_kwh=50.0, water_l_per_kwh=2.0)
    footprint = estimate(Generation("local", "gemma", 100, 50, wall_seconds=2000.0, cpu_seconds=3600.0), factors)
    assert footprint.method == "cpu-time"
    assert footprint.energy_wh == pytest.approx(6.0)  # 3600 s × 4 W × 1.5 / 3600
    assert footprint.co2e_g == pytest.approx(0.3)  # 6 Wh = 0.006 kWh × 50 g
    assert footprint.water_l == pytest.approx(0.012)
    assert "PUE 1,5" in " ".join(footprint.included)
    assert "4 W par cœur occupé" in footprint.perimeter() and "50 gCO2e/kWh" in footprint.perimeter()
    assert "entraînement du modèle" in footprint.excluded


def test_it_leaves_water_and_cooling_out_when_no_factor_is_declared():
    footprint = estimate(Generation("extractive", "extractive", cpu_seconds=36.0), Factors.from_settings(settings()))
    assert footprint.energy_wh == pytest.approx(36.0 * 3.5 / 3600)
    assert footprint.water_l is None
    assert "eau (aucun facteur déclaré)" in footprint.excluded
    assert "refroidissement et bâtiment (PUE non déclaré)" in footprint.excluded
    assert footprint.perimeter().startswith("Compté : temps CPU de ce processus sur cette machine (36,000 s × 3,5 W")


def test_it_counts_nothing_for_a_cached_answer():
    footprint = estimate(Generation("openai", "m", 500, 200, cached=True), Factors())
    assert (footprint.energy_wh, footprint.co2e_g, footprint.method) == (0.0, 0.0, "cache")


def test_it_estimates_a_remote_model_with_ecologits():
    from ecologits.impacts.llm import compute_llm_impacts

    generation = Generation("openai", "mistral-small-latest", 1000, 400, wall_seconds=5.0, provider="mistralai")
    energy = remote_energy_wh(generation, Factors())
    expected = compute_llm_impacts(model_active_parameter_count=8, model_total_parameter_count=119,
                                   output_token_count=400, request_latency=5.0, if_electricity_mix_adpe=0,
                                   if_electricity_mix_pe=0, if_electricity_mix_gwp=0, if_electricity_mix_wue=0,
                                   datacenter_pue=1.16, datacenter_wue=0).energy.value
    expected_wh = ((expected.min + expected.max) / 2 if hasattr(expected, "min") else expected) * 1000
    assert energy == pytest.approx(expected_wh) and energy > 0
    footprint = estimate(generation, Factors(grid_gco2e_per_kwh=100.0), energy)
    assert footprint.method == "ecologits" and footprint.co2e_g == pytest.approx(energy / 10)
    assert "estimé par EcoLogits" in footprint.included[0]
    assert "temps CPU de cette machine pendant l’appel distant" in footprint.excluded


def test_it_gives_no_estimate_for_an_unknown_remote_model_unless_its_size_is_declared():
    generation = Generation("openai", "mon-modele-maison", 100, 100, wall_seconds=1.0)
    assert remote_energy_wh(generation, Factors()) is None
    footprint = estimate(generation, Factors(), None)
    assert footprint.energy_wh is None and "inconnu d’EcoLogits" in footprint.perimeter()
    small, large = (remote_energy_wh(generation, Factors(remote_params_b=size)) for size in (7, 70))
    assert 0 < small < large


def test_it_sums_an_issue_and_says_what_the_total_misses():
    factors = Factors(cpu_watts_per_core=3.6, grid_gco2e_per_kwh=40.0)
    parts = [estimate(Generation("local", "g", cpu_seconds=1000.0), factors),
             estimate(Generation("local", "g", cpu_seconds=2000.0), factors),
             estimate(Generation("openai", "inconnu", 10, 10), factors, None)]
    summed = total(parts)
    assert summed.energy_wh == pytest.approx(3.0)  # (1000 + 2000) s × 3.6 W / 3600
    assert summed.co2e_g == pytest.approx(0.12)
    assert "1 génération(s) sans estimation ne sont pas dans le total." in summed.notes
    assert "cpu-time" in summed.method and "ecologits" in summed.method
    assert total([]).energy_wh == 0.0


def test_it_defaults_to_frances_grid_factor_as_bundled_in_ecologits():
    mixes = json.loads((files("ecologits") / "data" / "electricity_mixes.json").read_text())
    rows = mixes if isinstance(mixes, list) else next(v for v in mixes.values() if isinstance(v, list))
    france = next(row for row in rows if row["name"] == "FRA")
    assert settings()["FOOTPRINT_GRID_CARBON_G_PER_KWH"] == pytest.approx(france["gwp"] * 1000)


def test_it_accounts_for_every_generation_of_a_draft_including_the_retry(tmp_path):
    from demain.lib.drafting import draft
    from tests.drafts.fake_openai import FakeOpenAI, chat_reply
    from tests.drafts.stories import STORY, valid_article

    urls = [a.url for a in STORY.articles]
    values = settings(LLM_MODEL="mistral-small-latest", LLM_PROVIDER="mistralai", LLM_CACHE=False,
                      VAR_DIR=str(tmp_path))
    with FakeOpenAI([chat_reply("pas du JSON", 900, 300, "mistral-small-latest"),
                     chat_reply(valid_article(urls), 900, 300, "mistral-small-latest")],
                    model="mistral-small-latest") as fake:
        values["LLM_BASE_URL"] = fake.base_url
        result = draft(STORY, values, backend="openai")
    factors = Factors.from_settings(values)
    both = result.footprint(factors)
    one = remote_energy_wh(result.generations[0], factors) + remote_energy_wh(result.generations[1], factors)
    assert len(result.generations) == 2 and both.energy_wh == pytest.approx(one) and both.energy_wh > 0
    assert both.co2e_g == pytest.approx(both.energy_wh / 1000 * 41.44)
