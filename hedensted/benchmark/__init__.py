"""The Benchmark theme: Hedensted against the country, RAR Østjylland and other
municipalities (frames and sentences per section, tables, charts)."""
