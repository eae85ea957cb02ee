"""Entities stage: named entities with one canonical name per entity (docs/guidelines.md §3)."""
from .stage import extract_entities

__all__ = ["extract_entities"]
