"""Generations, factors, and the arithmetic from one to the other (see the package docstring)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Iterable, Mapping

FRANCE_GRID_GCO2E_PER_KWH = 41.44  # EcoLogits 0.11.3, data/electricity_mixes.json, zone FRA (0.04144 kg/kWh)
CPU_WATTS_PER_CORE = 3.5  # Cloud Carbon Footprint's coefficient for a busy vCPU (AWS, max W per vCPU)

EXCLUDED_ALWAYS = ["entraînement du modèle", "fabrication du matériel (énergie grise)", "réseau",
                   "poste du lecteur et de la rédaction"]


@dataclass
class Generation:
    backend: str
    model: str
    input_tokens: int = 0
    output_tokens: int = 0
    wall_seconds: float = 0.0
    cpu_seconds: float = 0.0  # CPU time of this process during the generation
    cached: bool = False
    provider: str = ""  # for remote APIs, EcoLogits' provider name when known

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Factors:
    cpu_watts_per_core: float = CPU_WATTS_PER_CORE
    pue: float = 1.0  # 1.0: cooling and the building are not counted
    grid_gco2e_per_kwh: float = FRANCE_GRID_GCO2E_PER_KWH
    water_l_per_kwh: float | None = None  # None: water is not reported
    remote_params_b: float | None = None  # active parameters (billions) of a remote model EcoLogits lacks

    @classmethod
    def from_settings(cls, values: Mapping[str, Any]) -> "Factors":
        water = values.get("FOOTPRINT_WATER_L_PER_KWH")
        params = values.get("FOOTPRINT_REMOTE_PARAMS_B")
        return cls(cpu_watts_per_core=values.get("FOOTPRINT_CPU_WATTS_PER_CORE", CPU_WATTS_PER_CORE),
                   pue=values.get("FOOTPRINT_PUE", 1.0),
                   grid_gco2e_per_kwh=values.get("FOOTPRINT_GRID_CARBON_G_PER_KWH", FRANCE_GRID_GCO2E_PER_KWH),
                   water_l_per_kwh=water if water else None, remote_params_b=params if params else None)


@dataclass
class Footprint:
    energy_wh: float | None
    co2e_g: float | None
    water_l: float | None
    method: str
    included: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    def perimeter(self) -> str:
        """One French sentence: what the figures count and what they leave out."""
        text = f"Compté : {', '.join(self.included) or 'rien'}. Non compté : {', '.join(self.excluded)}."
        return f"{text} {' '.join(self.notes)}".strip()


def estimate(generation: Generation, factors: Factors, remote_energy_wh: float | None = None) -> Footprint:
    """The footprint of one generation. ``remote_energy_wh``: the EcoLogits estimate, for remote APIs."""
    if generation.cached:
        return derived(0.0, factors, "cache", ["aucune génération : réponse prise dans le cache"], [])
    if generation.backend == "openai":
        included = ["calcul d’inférence chez le fournisseur (GPU et serveur, PUE du centre de données), "
                    "estimé par EcoLogits"]
        if remote_energy_wh is None:
            return Footprint(None, None, None, "ecologits", [], EXCLUDED_ALWAYS + ["inférence distante"],
                             [f"Modèle « {generation.model} » inconnu d’EcoLogits : pas d’estimation "
                              "(FOOTPRINT_REMOTE_PARAMS_B permet d’en déclarer la taille)."])
        return derived(remote_energy_wh, factors, "ecologits", included, ["temps CPU de cette machine pendant l’appel distant"])
    watts = factors.cpu_watts_per_core
    energy_wh = generation.cpu_seconds * watts * factors.pue / 3600.0
    included = [f"temps CPU de ce processus sur cette machine ({french(generation.cpu_seconds, 3)} s "
                f"× {french(watts)} W par cœur occupé)"]
    excluded = ["mémoire, disque et alimentation au repos"]
    if factors.pue > 1.0:
        included.append(f"refroidissement et bâtiment (PUE {french(factors.pue)})")
    else:
        excluded.append("refroidissement et bâtiment (PUE non déclaré)")
    return derived(energy_wh, factors, "cpu-time", included, excluded)


def derived(energy_wh: float, factors: Factors, method: str, included: list[str], excluded: list[str]) -> Footprint:
    co2e = energy_wh / 1000.0 * factors.grid_gco2e_per_kwh
    notes = [f"CO2e : facteur du réseau déclaré, {french(factors.grid_gco2e_per_kwh)} gCO2e/kWh."]
    water = None
    if factors.water_l_per_kwh is not None:
        water = energy_wh / 1000.0 * factors.water_l_per_kwh
        notes.append(f"Eau : {french(factors.water_l_per_kwh)} L/kWh déclarés.")
    else:
        excluded = [*excluded, "eau (aucun facteur déclaré)"]
    return Footprint(energy_wh, co2e, water, method, included, [*excluded, *EXCLUDED_ALWAYS], notes)


def total(footprints: Iterable[Footprint]) -> Footprint:
    """The sum over an issue's generations; what any part leaves out, the total leaves out too."""
    footprints = list(footprints)
    known = [f for f in footprints if f.energy_wh is not None]
    missing = len(footprints) - len(known)

    def add(name: str) -> float | None:
        values = [getattr(f, name) for f in known]
        return None if not values or any(v is None for v in values) else sum(values)

    included = unique(item for f in known for item in f.included)
    excluded = unique(item for f in footprints for item in f.excluded)
    notes = unique(note for f in footprints for note in f.notes)
    if missing:
        notes.append(f"{missing} génération(s) sans estimation ne sont pas dans le total.")
    methods = unique(f.method for f in footprints)
    return Footprint(add("energy_wh") if known else 0.0, add("co2e_g") if known else 0.0, add("water_l"),
                     "+".join(methods) or "aucune", included, excluded, notes)


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def french(value: float, decimals: int | None = None) -> str:
    """A number as French writes it: decimal comma (« 41,44 », « 0,002 »)."""
    text = f"{value:.{decimals}f}" if decimals is not None else f"{value:g}"
    return text.replace(".", ",")
