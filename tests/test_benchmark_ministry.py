"""The ministry's benchmark, Benchmark section 3 (hedensted/benchmark/ministry.py)."""

from __future__ import annotations

from hedensted.benchmark.ministry import (
    benchmark_explanation,
    benchmark_long,
    benchmark_sentences,
    benchmark_view,
    expected_example,
)
from tests.benchmark_support import frame


def test_benchmark_sentences_and_explanation(catalog) -> None:
    table = benchmark_view(frame(catalog, "beskaeftigelsesministeriets_benchmark"))
    sentences = benchmark_sentences(table)
    assert sentences[0] == (
        "**Alle ydelser**: nr. 12 af 98. 2.280 fuldtidspersoner på offentlig forsørgelse mod "
        "forventet 2.400 – 120 færre end forventet. Ændring i kommunale besparelser som opgjort "
        "af ministeriet: −8,4 mio. kr."
    )
    assert sentences[3].startswith("**Sygedagpengeområdet**: nr. 8 af 98. 830")
    assert "70 færre end forventet" in sentences[3]
    example = expected_example(table)
    assert "regnede ministeriet med 2.400 fuldtidspersoner" in example
    assert "Det faktiske tal var 2.280 – 120 færre end forventet" in example
    assert "bedre end forventet" in example
    main, rest = benchmark_explanation(frame(catalog, "benchmark_forklaring"))
    assert len(main) == 3
    assert "på baggrund af dens rammevilkår" in main[0]
    assert "Forventet ud fra rammevilkår" not in set(rest["topic"])
    assert "Dagpengeområdet" in set(rest["topic"])
    long = benchmark_long(table)
    assert len(long) == 8
    assert set(long["series"]) == {"Faktisk", "Forventet"}
