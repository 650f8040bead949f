"""Energy of a remote generation, estimated with EcoLogits (offline, bundled data).

Why EcoLogits: it runs offline from the data in its PyPI package (model
parameter counts, provider PUE/WUE, electricity mixes), its method is public
and documented (energy per output token regressed on measured GPU runs, plus
the server's share and the datacenter's PUE), and it is the estimate the
French public sector points to. It does not know a self-hosted model by name:
``FOOTPRINT_REMOTE_PARAMS_B`` declares its size, else there is no estimate.
"""

from __future__ import annotations

from .ledger import Factors, Generation

DEFAULT_PUE = 1.2  # for a self-declared model: EcoLogits' figure for OpenAI, the highest it bundles


def remote_energy_wh(generation: Generation, factors: Factors) -> float | None:
    """EcoLogits' mean energy estimate in Wh, or None when the model is unknown (or EcoLogits is absent)."""
    try:
        from ecologits.impacts.llm import compute_llm_impacts
        from ecologits.model_repository import ParametersMoE, models
        from ecologits.tracers.utils import PROVIDER_CONFIG_MAP
    except ImportError:
        return None
    found = find_model(models, generation.provider, generation.model)
    if found is not None:
        model, provider = found
        params = model.architecture.parameters
        active, total = (params.active, params.total) if isinstance(params, ParametersMoE) else (params, params)
        pue = PROVIDER_CONFIG_MAP[provider].datacenter_pue if provider in PROVIDER_CONFIG_MAP else DEFAULT_PUE
    elif factors.remote_params_b:
        active = total = factors.remote_params_b
        pue = factors.pue if factors.pue > 1.0 else DEFAULT_PUE
    else:
        return None
    impacts = compute_llm_impacts(
        model_active_parameter_count=active, model_total_parameter_count=total,
        output_token_count=generation.output_tokens, request_latency=max(generation.wall_seconds, 1e-3),
        if_electricity_mix_adpe=0.0, if_electricity_mix_pe=0.0, if_electricity_mix_gwp=0.0,
        if_electricity_mix_wue=0.0, datacenter_pue=pue, datacenter_wue=0.0)
    return mean(impacts.energy.value) * 1000.0  # kWh → Wh


def find_model(models, provider: str, name: str):
    if provider:
        model = models.find_model(provider=provider, model_name=name)
        return (model, provider) if model else None
    for model in models.list_models():
        if model.name == name:
            return model, getattr(model.provider, "value", str(model.provider))
    return None


def mean(value) -> float:
    if hasattr(value, "min") and hasattr(value, "max"):
        return (value.min + value.max) / 2.0
    return float(value)
