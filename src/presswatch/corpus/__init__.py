"""The corpus: many analysed articles in a store, speakers merged across them, quotes traced."""
from .ingest import Report, ingest

__all__ = ["ingest", "Report"]
