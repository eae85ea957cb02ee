"""HTML pages -> main text, through trafilatura (a maintained main-content extractor)."""
from __future__ import annotations

import trafilatura

from ...inputs.decode import normalize_text


def html_to_text(html: str) -> tuple[str, str | None]:
    """Return (main text with one paragraph per line, page title or None)."""
    result = trafilatura.bare_extraction(html, include_comments=False, include_tables=False, with_metadata=True)
    if result is None:
        return "", None
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    # the extractor decodes character references (&#x202E;; trafilatura 2.0 even turns
    # `&amp;#163;` into `£`): normalise its output as the input was (invisible and bidi
    # controls removed, spaces), decoding nothing more
    text, _ = normalize_text(data.get("text") or "", unescape=False)
    title = data.get("title")
    return text, normalize_text(title, unescape=False)[0] if title else title
