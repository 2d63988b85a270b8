"""The project's own synthetic corpus: realistic Party and State documents of every province, with
planted gaps and their ground truth.

``generate(out, provinces, scale, seed)`` writes, deterministically for a seed:

- ``central/``: the central documents of real chains (57-NQ/TW → 03/NQ-CP, 71/NQ-CP,
  02-KH/BCĐTW; 68-NQ/TW → 138/NQ-CP; 71-NQ/TW; 72-NQ/TW), as numbered and dated in
  ``ontology/catalog.json``;
- one folder per province (``38_thanh-hoa/``): before 1 July 2025, the programs of the old
  provinces' Party committees, the plans of their People's Committees, departments and districts,
  under the old names (Kon Tum, Hải Dương …); from then, the plans of the Tỉnh ủy / Thành ủy and of
  the UBND of the merged province, department (Sở) plans, commune and ward plans of the units in
  the official list (UBND and Đảng ủy), reports on them, urging letters with their addressees,
  requests for reports, and later responses;
- ``planted-gaps.jsonl``: the ground truth, recorded by the generator from what it wrote (the
  extractor is not run): one row per gap the engine must find — ``kind``, ``source`` (file
  name of the gap's document, null for a central directive with no document), ``document`` (its
  key), ``related``, ``unit``, ``province``, ``situation``;
- ``manifest.json``: parameters and counts by level, kind, format, planted situation and gap kind.

Texts carry the messiness of real files: symbols written ``57/NQ-TW``, ``57NQ/TW``,
``57 - NQ/TW``, ``126 /KH-UBND``, ``126/kh-ubnd``; numbers broken across lines
(``579-\\n\\nCV/VPTU``, ``126/\\nKH-UBND``); NFD paragraphs and whole NFD files; ``Ð`` (U+00D0) for
``Đ``; interleaved header columns; PDF-style wrapped lines with trailing spaces; reports without a
header whose issuer is read from the body; markdown copies; old province and district names before
July 2025.

Planted situations (``SITUATIONS``; a fraction ``gap_rate`` of the documents of each province,
cycled so that every province gets different ones) and the rows each produces:
``no_basis`` → no_basis; ``basis_missing`` → basis_missing; ``no_report`` → no_report;
``report_overdue`` (a plan with a past report deadline) → no_report + report_overdue;
``report_overdue_request`` (a request for reports) → report_overdue; ``report_without_plan`` →
report_without_plan; ``urged_no_response`` → urged_no_response; ``chain_broken`` → chain_broken.

``unit_coverage`` is not planted: the ground truth lists the province cells the engine gives
uncovered — a tracked directive (``graph.coverage.is_tracked``) implemented somewhere in the
corpus, for each province where nothing implements it (with a subset of provinces: every province
not generated). The commune and department cells are not in the ground truth.

Everything else is gap-free under the rules of ``graph.gaps`` (see ``testkit.synth.campaigns``).
"""

import datetime as dt
import json
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.coverage import is_tracked
from testkit.synth.central import write_central
from testkit.synth.files import Sink
from testkit.synth.planted import ProvinceGen
from testkit.synth.units import all_provinces, resolve_provinces
from testkit.synth.world import SITUATIONS, Settings, Timeline

__all__ = ["FORMATS", "SITUATIONS", "SynthReport", "generate", "resolve_provinces"]

FORMATS = ("txt", "md", "docx")


@dataclass(frozen=True, slots=True)
class SynthReport:
    """What ``generate`` wrote."""

    out: Path
    provinces: tuple[str, ...]
    documents: int
    bytes: int
    seconds: float
    by_level: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)
    by_format: dict[str, int] = field(default_factory=dict)
    planted: dict[str, int] = field(default_factory=dict)
    gaps: dict[str, int] = field(default_factory=dict)

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    @property
    def mb_per_second(self) -> float:
        return self.bytes / 1e6 / self.seconds if self.seconds > 0 else 0.0


def generate(
    out: Path,
    provinces: Sequence[str] | None = None,
    scale: int = 50,
    seed: int = 0,
    as_of: str = "2026-11-22",
    formats: Sequence[str] = ("txt", "md"),
    gap_rate: float = 0.05,
    mess: float = 1.0,
) -> SynthReport:
    """Write the synthetic corpus of ``provinces`` (current or old names; None = all 34) to ``out``.

    ``scale`` is the number of documents per province, roughly (never fewer than the skeleton of
    about 10 the chains need); ``gap_rate`` the share of them carrying a planted gap (at least
    one per province when positive); ``mess`` scales the probability of every messy variant (0
    gives clean texts). ``out`` must be empty or absent. The same arguments give byte-identical files.
    """
    if scale < 1:
        msg = f"scale must be at least 1, not {scale}"
        raise ValueError(msg)
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        msg = f"unknown format(s) {', '.join(bad) or '(none)'}; choose from {', '.join(FORMATS)}"
        raise ValueError(msg)
    if not 0 <= gap_rate <= 1 or not 0 <= mess <= 4:
        msg = "gap_rate must lie in [0, 1] and mess in [0, 4]"
        raise ValueError(msg)
    try:
        as_of_date = dt.date.fromisoformat(as_of)
    except ValueError as exc:
        msg = f"as_of {as_of!r} is not an ISO date"
        raise ValueError(msg) from exc
    timeline = Timeline(as_of_date)
    chosen = resolve_provinces(provinces)
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        msg = f"{out} is not empty; generate into a new folder"
        raise FileExistsError(msg)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    settings = Settings(out, seed, scale, as_of_date, tuple(formats), gap_rate, mess)
    sink = Sink(settings)
    central = write_central(sink, settings)
    by_key = {r.key: r for r in central.refs.values()}
    order = {r.key: i for i, r in enumerate(central.refs.values())}
    covered: dict[str, set[str]] = {k: set() for k in by_key}
    # Unit coverage is about the tracked directives (graph.coverage): the catalog's, not laws.
    directives = {
        r.key
        for bases in central.implements.values()
        for r in (central[b] for b in bases)
        if is_tracked({"number": r.number, "level": "central", "date": r.date.isoformat()})
    }
    planted: Counter[str] = Counter()
    gaps: Counter[str] = Counter()
    index = {p.code: i for i, p in enumerate(all_provinces())}
    with open(out / "planted-gaps.jsonl", "w", encoding="utf-8", newline="\n") as truth:

        def emit(row: dict[str, Any]) -> None:
            truth.write(json.dumps(row, ensure_ascii=False) + "\n")
            gaps[row["kind"]] += 1

        for p in chosen:
            gen = ProvinceGen(p, index[p.code], settings, sink, central, timeline)
            gen.run()
            for row in gen.truth:
                emit(row)
            for k in gen.cover:
                covered[k].add(p.name)
            directives |= gen.implemented
            planted.update(gen.planted)
        for d in sorted(directives, key=order.__getitem__):
            for q in all_provinces():
                if q.name not in covered[d]:
                    emit(
                        {
                            "kind": "unit_coverage",
                            "source": by_key[d].file,
                            "document": d,
                            "related": None,
                            "unit": q.name,
                            "province": q.name,
                            "situation": "unit_coverage",
                        }
                    )
    report = SynthReport(
        out,
        tuple(p.name for p in chosen),
        sink.documents,
        sink.bytes,
        time.perf_counter() - started,
        dict(sorted(sink.by_level.items())),
        dict(sorted(sink.by_kind.items())),
        dict(sorted(sink.by_format.items())),
        {k: planted[k] for k in SITUATIONS if planted[k]},
        dict(sorted(gaps.items())),
    )
    manifest = {
        "generator": "testkit.synth",
        "seed": seed,
        "scale": scale,
        "as_of": as_of_date.isoformat(),
        "formats": list(formats),
        "gap_rate": gap_rate,
        "mess": mess,
        "provinces": list(report.provinces),
        "documents": report.documents,
        "bytes": report.bytes,
        "by_level": report.by_level,
        "by_kind": report.by_kind,
        "by_format": report.by_format,
        "planted": report.planted,
        "gaps": report.gaps,
        "ground_truth": "planted-gaps.jsonl: every row `lineage gaps --as-of <as_of>` must give, no province filter",
    }
    (out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return report
