"""Clean stage: the article body, title, dateline, source and date of each input (docs/guidelines.md §1)."""
from .stage import clean_documents

__all__ = ["clean_documents"]
