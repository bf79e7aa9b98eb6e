"""Measuring the extractor against the team's hand-annotated gold set (`make eval`)."""
