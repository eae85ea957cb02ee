from .stage import build_actors

__all__ = ["build_actors"]
