"""Stage logic: pure functions from DataFrames (and parsed Docs) to a DataFrame."""
