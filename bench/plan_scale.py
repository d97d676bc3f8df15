"""How plan generation scales: 500 and 5,000 organisations × 8 sections.

Run: ``.venv/bin/python bench/plan_scale.py`` (from the project root). Prints, for each
size, the generation time (best of three runs), the time of the canonical JSON, the peak
memory traced by tracemalloc during generation (a separate run, since tracing slows Python
down), and the time ratio between the two sizes — about 10 means linear. Records nothing.
"""

from __future__ import annotations

import gc
import math
import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from govcap.planning import (  # noqa: E402
    Assessment,
    Catalogue,
    Constraints,
    PlanData,
    Targets,
    generate_plan,
    load_catalogue,
)
from govcap.scale import SECTION_KEYS, Level  # noqa: E402

SIZES = (500, 5000)
REPEATS = 3
LEVELS = (Level.BASIC, Level.BASIC, Level.MODERATE, Level.MODERATE, Level.HIGH, None)


def synthetic(orgs: int, seed: int = 7) -> list[Assessment]:
    rng = random.Random(seed)
    rows = []
    for i in range(orgs):
        org_id = f"org-{i:05d}"
        language = "fr" if i % 3 == 0 else "en"
        for section in SECTION_KEYS:
            level = rng.choice(LEVELS)
            rows.append(Assessment(
                org_id=org_id, org_name=f"Ministry {i}", section_key=section, level=level,
                confidence=rng.choice(("low", "medium", "high")), session_id=f"s-{i}",
                rating_id=f"r-{i}-{section}", benchmark_text="Benchmark statement.",
                shared_notes="What the session shared of its notes.",
                not_assessed_reason="" if level else "no participant could speak to it",
                language=language, session_date="2026-01-15",
            ))
    return rows


def settings(orgs: int) -> tuple[Targets, Constraints]:
    targets = Targets(strategic_sections=frozenset({"enterprise-architecture",
                                                    "digital-strategic-plan"}))
    # Capacity grows with the engagement so most of the plan fits in 12 months.
    constraints = Constraints("2026-03", max_parallel=max(6, math.ceil(orgs / 4)),
                              max_parallel_per_domain=max(2, math.ceil(orgs / 20)),
                              blackout_months=frozenset({"2026-08"}))
    return targets, constraints


def run(orgs: int, catalogue: Catalogue) -> tuple[float, float, int, PlanData]:
    rows = synthetic(orgs)
    targets, constraints = settings(orgs)
    generated = serialised = float("inf")
    size = 0
    for _ in range(REPEATS):  # best of a few runs, to keep noise out of the ratio
        gc.collect()
        start = time.perf_counter()
        plan = generate_plan(rows, catalogue, targets, constraints)
        generated = min(generated, time.perf_counter() - start)
        start = time.perf_counter()
        size = len(plan.to_json())
        serialised = min(serialised, time.perf_counter() - start)
        del plan
    gc.collect()
    tracemalloc.start()
    plan = generate_plan(rows, catalogue, targets, constraints)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{orgs:>6} organisations × {len(SECTION_KEYS)} sections: "
          f"generate {generated:6.2f} s, to_json {serialised:5.2f} s ({size / 1e6:.1f} MB), "
          f"peak memory {peak / 2**20:6.1f} MiB — {len(plan.needs)} needs, "
          f"{len(plan.cohorts)} cohorts, {len(plan.unfit)} unfit")
    return generated, serialised, peak, plan


def main() -> None:
    catalogue = load_catalogue()
    catalogue.order  # noqa: B018 — warm the catalogue's cached indexes
    small, large = (run(n, catalogue) for n in SIZES)
    ratio = large[0] / small[0]
    factor = SIZES[1] / SIZES[0]
    print(f"time ratio {SIZES[1]}/{SIZES[0]}: {ratio:.1f} (linear would be {factor:.0f}; "
          f"{ratio / factor:.2f}× linear), memory ratio {large[2] / small[2]:.1f}")


if __name__ == "__main__":
    main()
