"""Sentences stage: the sentences and headings of each cleaned text (docs/guidelines.md §2)."""
from .stage import split_sentences

__all__ = ["split_sentences"]
