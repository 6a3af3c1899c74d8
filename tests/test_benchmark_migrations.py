"""Where people came from, Benchmark section 7 (hedensted/benchmark/migrations.py)."""

from __future__ import annotations

from hedensted.benchmark.migrations import (
    document_quote,
    migration_blocks,
    migration_sentence,
    migrations,
)


def test_migrations_largest_first_with_the_documents_note(catalog) -> None:
    dataset = catalog.get("vandringer_forrige_maalgruppe")
    result = migrations(dataset.frame)
    blocks = dict(migration_blocks(result))
    assert list(blocks) == [
        "Kontanthjælpsmodtagere (aktivitetsparate)",
        "Sygedagpengemodtagere",
        "Kontanthjælpsmodtagere (jobparate)",
    ]
    sick = blocks["Sygedagpengemodtagere"]
    assert list(sick["previous_target_group"][:2]) == ["Ingen", "Dagpengemodtagere"]
    assert sick["value"].is_monotonic_decreasing
    assert sick["total"].iloc[0] == 763
    quote = document_quote(dataset.metadata.notes, "Ingen")
    assert quote == "Ingen betyder formentlig job"
    assert migration_sentence(sick, quote) == (
        "**Sygedagpengemodtagere**: 763 forløb oprettet. Flest (557, 73,0\u00a0%) havde forrige "
        "målgruppe »Ingen«. Dokumentet bemærker: »Ingen betyder formentlig job«."
    )
    active = migration_sentence(blocks["Kontanthjælpsmodtagere (aktivitetsparate)"], quote)
    assert "Flest kom fra »Kontanthjælpsmodtagere (jobparate)« (89, 86,4\u00a0%)" in active
    assert "3 (2,9\u00a0%) havde forrige målgruppe »Ingen«" in active
