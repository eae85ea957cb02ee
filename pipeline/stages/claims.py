"""Claims stage (issue 5): claim type, speaker and check-worthiness."""
from __future__ import annotations

from typing import Mapping

import pandas as pd
from spacy.tokens import Doc

from ..errors import ErrorLog
from ..tables import empty_frame

STAGE = "claims"
IMPLEMENTED = False


def classify_claims(documents: pd.DataFrame, sentences: pd.DataFrame, quotes: pd.DataFrame,
                    docs: Mapping[str, Doc], errors: ErrorLog) -> pd.DataFrame:
    """Not built yet: returns an empty table with the right schema."""
    return empty_frame("claims")
