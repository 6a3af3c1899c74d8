"""Names the data and the pages share, defined once.

They are the names the source documents and Jobindsats use for areas and groups,
so they appear as values in the catalog's CSV files.
"""

from __future__ import annotations

HEDENSTED = "Hedensted"
COUNTRY = "Hele landet"
RAR_OESTJYLLAND = "RAR Østjylland"
DEFAULT_REFERENCE = RAR_OESTJYLLAND
TOTAL_GROUP = "Ydelsesgrupper i alt"
