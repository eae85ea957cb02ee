"""Quotes stage (issue 4): direct and indirect quotes with resolved speakers."""
from __future__ import annotations

from typing import Mapping

import pandas as pd
from spacy.tokens import Doc

from ..errors import ErrorLog
from ..tables import empty_frame

STAGE = "quotes"
IMPLEMENTED = False


def extract_quotes(documents: pd.DataFrame, sentences: pd.DataFrame, entities: pd.DataFrame,
                   docs: Mapping[str, Doc], errors: ErrorLog) -> pd.DataFrame:
    """Not built yet: returns an empty table with the right schema."""
    return empty_frame("quotes")
