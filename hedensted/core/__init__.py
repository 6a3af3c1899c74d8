"""What every theme shares: the data catalog and its provenance, periods, comparisons,
data quality, the thematic discussion and the constants (``constants``)."""
