"""Quotes stage: direct and indirect quotes with resolved speakers (docs/guidelines.md §4)."""
from .stage import extract_quotes

__all__ = ["extract_quotes"]
