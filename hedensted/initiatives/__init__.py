"""Indsatser: the other initiatives the committee decided on or heard about, and
what became of them (Rum til os, Kvinder i job, Kompensationskort, the 2019 projects,
the integration 3-2 model, seniorførtidspension, the FGU school)."""
