"""The footprint ledger, as pure arithmetic (no Django).

Every generation (one call to a drafting backend) is recorded as a
:class:`Generation`: backend, model, input and output tokens, wall and CPU
time. :func:`estimate` turns it into a :class:`Footprint` (energy in Wh, CO2e
in g, water in L when a factor is configured), each naming its perimeter:
what is included and what is left out. :func:`total` sums the footprints of
an issue. Methods:

- ``cpu-time`` (the ``local`` and ``extractive`` backends: work done on this
  machine): energy = process CPU seconds × declared watts per busy core
  (``FOOTPRINT_CPU_WATTS_PER_CORE``) × PUE (``FOOTPRINT_PUE``) / 3600. There
  is no RAPL on these machines, so the power is a declared model, not a meter.
- ``ecologits`` (the ``openai`` backend: a remote API): energy estimated by
  EcoLogits (offline, with the data bundled in the pinned package) from the
  model's parameter count, the output tokens and the request latency; it
  includes the GPUs and the rest of the server and the provider's datacenter
  PUE. A model EcoLogits does not know gets no estimate (energy ``None``), and
  the perimeter says so: never a guess dressed as a figure.
- ``cache``: an answer from the request cache costs no generation.

CO2e = energy × ``FOOTPRINT_GRID_CARBON_G_PER_KWH`` (default: France's mix as
bundled in EcoLogits 0.11.3, 41.44 gCO2e/kWh); water = energy ×
``FOOTPRINT_WATER_L_PER_KWH`` when set.
"""

from .ledger import Factors, Footprint, Generation, estimate, total
from .remote import remote_energy_wh

__all__ = ["Factors", "Footprint", "Generation", "account", "estimate", "total"]


def account(generation: Generation, factors: Factors) -> Footprint:
    """The footprint of one generation, with EcoLogits' estimate when it ran on a remote API."""
    remote = None
    if generation.backend == "openai" and not generation.cached:
        remote = remote_energy_wh(generation, factors)
    return estimate(generation, factors, remote)
