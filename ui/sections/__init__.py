"""The sections of each theme page (layout only; every text comes from ``hedensted``)."""
