"""Claims stage: one row per claim, typed and scored (docs/guidelines.md §5)."""
from .stage import classify_claims

__all__ = ["classify_claims"]
