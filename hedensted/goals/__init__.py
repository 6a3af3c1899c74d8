"""The goal register: every goal of the five documents, judged in one place."""
