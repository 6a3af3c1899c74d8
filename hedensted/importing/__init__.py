"""Validated import of new periods into the data catalog (no Streamlit here).

The shipped ``data/`` folder is version 1 and is never written to. Every import
is a version in the database (the register's database, see
:mod:`hedensted.monthly.db`) and the catalog the app shows is the shipped data
with the active imported versions laid over it.

- ``specs`` — which datasets can be imported, their value rules and titles;
- ``cells`` — one cell: numbers (machine or Danish), units, formula-looking text;
- ``jobindsats_periods`` — Jobindsats period codes (``2024M03``, ``2023QMAT02``)
  to the catalog's codes;
- ``reading`` — bytes to a table of cells: size, encoding, delimiter, XLSX;
- ``template`` — the catalog's own tidy template (CSV/XLSX): download and read;
- ``jobindsats`` — Jobindsats.dk CSV export / API v3 CSV;
- ``validation`` — rows checked against the dataset, the preview of changes;
- ``models``, ``store`` — the versions in the database, rollback;
- ``overlay`` — shipped data + active versions = the effective catalog;
- ``period_views`` — a dataset at one period (newest by default);
- ``service`` — preview, confirm and rollback for the page and the CLI;
- ``api`` — the Jobindsats API v3 client (off unless a token is configured).

Command line: ``python -m hedensted.importing --help``.
"""
