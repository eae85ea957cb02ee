"""claimex: news articles -> who claimed what, about whom, of what kind, where."""
__version__ = "0.1.0"
