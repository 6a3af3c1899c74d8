"""Shared widgets: KPI tile, chart, table, source line, controls."""
