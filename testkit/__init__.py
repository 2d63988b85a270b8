"""Tools for tests, benchmarks and demos; not part of the lineage pipeline.

- :mod:`testkit.synth`: the synthetic national corpus with planted gaps and its ground truth
  (``lineage synth``, the demo, the benchmarks, ``tests/graph/test_synth.py``);
- :mod:`testkit.arcadedb`: a local Bolt + Cypher server (ArcadeDB from PyPI) for the Neo4j tests
  and benchmarks;
- :mod:`testkit.scans`: scanned pages, image-only and mixed PDFs, Word-printed headers and .doc
  files made from real texts (the OCR and office tests, ``bench/bench_ocr.py``; needs the ``dev``
  extras: fpdf2, Pillow).

Layering: ``testkit`` may import ``ontology``, ``ingest`` and ``graph`` and sits beside ``api`` at
the top; nothing in ``ontology``, ``ingest``, ``graph`` or ``viz`` imports it
(``tests/test_layers.py`` checks this).
"""
