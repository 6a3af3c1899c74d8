"""Editor screens: the monthly entry of the investment projects and »Opdater data«."""
