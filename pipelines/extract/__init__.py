"""The figure extractor: plain Python (no Dagster), usable as a library and as a CLI.

    from pipelines.extract import extract_figures
    for figure in extract_figures(text, published=date(2024, 2, 8), outlet="The Levant Ledger"):
        print(figure.to_dict())
"""

from pipelines.extract.figures import Figure, extract_figures

__all__ = ["Figure", "extract_figures"]
