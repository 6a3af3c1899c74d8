"""The front page (Forside): the headline figures."""
