"""Denmark's 98 municipalities as Jobindsats and Statistikbanken name them.

The names are without »Kommune« (as in the sources' area columns). A dataset
whose refresh covers ``areas = "kommuner"`` (e.g. the ministry's benchmark)
accepts every one of them; other areas in a response (``Uoplyst område``,
regions, Christiansø …) are ignored.
"""

from __future__ import annotations

MUNICIPALITIES: tuple[str, ...] = (
    # Region Hovedstaden (29)
    "Albertslund", "Allerød", "Ballerup", "Bornholm", "Brøndby", "Dragør", "Egedal",
    "Fredensborg", "Frederiksberg", "Frederikssund", "Furesø", "Gentofte", "Gladsaxe",
    "Glostrup", "Gribskov", "Halsnæs", "Helsingør", "Herlev", "Hillerød", "Hvidovre",
    "Høje-Taastrup", "Hørsholm", "Ishøj", "København", "Lyngby-Taarbæk", "Rudersdal",
    "Rødovre", "Tårnby", "Vallensbæk",
    # Region Sjælland (17)
    "Faxe", "Greve", "Guldborgsund", "Holbæk", "Kalundborg", "Køge", "Lejre", "Lolland",
    "Næstved", "Odsherred", "Ringsted", "Roskilde", "Slagelse", "Solrød", "Sorø", "Stevns",
    "Vordingborg",
    # Region Syddanmark (22)
    "Assens", "Billund", "Esbjerg", "Fanø", "Fredericia", "Faaborg-Midtfyn", "Haderslev",
    "Kerteminde", "Kolding", "Langeland", "Middelfart", "Nordfyns", "Nyborg", "Odense",
    "Svendborg", "Sønderborg", "Tønder", "Varde", "Vejen", "Vejle", "Ærø", "Aabenraa",
    # Region Midtjylland (19)
    "Favrskov", "Hedensted", "Herning", "Holstebro", "Horsens", "Ikast-Brande", "Lemvig",
    "Norddjurs", "Odder", "Randers", "Ringkøbing-Skjern", "Samsø", "Silkeborg",
    "Skanderborg", "Skive", "Struer", "Syddjurs", "Viborg", "Aarhus",
    # Region Nordjylland (11)
    "Brønderslev", "Frederikshavn", "Hjørring", "Jammerbugt", "Læsø", "Mariagerfjord",
    "Morsø", "Rebild", "Thisted", "Vesthimmerlands", "Aalborg",
)  # fmt: skip

assert len(MUNICIPALITIES) == len(set(MUNICIPALITIES)) == 98


def area_name(text: str, known: set[str] | frozenset[str]) -> str:
    """An area as the catalog spells it (``Hedensted Kommune`` → ``Hedensted``)."""
    text = text.strip()
    for candidate in (text, text.removesuffix(" Kommune").strip(), f"RAR {text}"):
        if candidate in known:
            return candidate
    return text
