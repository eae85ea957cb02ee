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
    text = without_repeated_tail(text)
    title = data.get("title")
    return text, normalize_text(title, unescape=False)[0] if title else title


#: trafilatura recovers a page's paragraphs again only when what it extracted is shorter than this
_RECOVERED_BELOW = int(trafilatura.settings.DEFAULT_CONFIG["DEFAULT"]["MIN_EXTRACTED_SIZE"])


def without_repeated_tail(text: str) -> str:
    """``text`` without a run of paragraphs that repeats the run right before it at the end,
    when that run is shorter than the size below which trafilatura recovers paragraphs.

    trafilatura 2.0 extracts a small ``<article>`` or ``<main>`` body twice: its main
    extraction falls short of ``MIN_EXTRACTED_SIZE`` (250 characters), and the recovery
    appends the page's paragraphs again (upstream issue 879: heading, p1, p2, p1, p2),
    which would count every quote and claim twice. A longer article is left as it is."""
    lines = text.split("\n")
    longest, size = 0, 0  # the most lines a recovered run can have
    while longest < len(lines) // 2 and size + len(lines[-longest - 1]) + 1 < _RECOVERED_BELOW:
        longest += 1
        size += len(lines[-longest]) + 1
    for k in range(longest, 0, -1):  # the longest repeat first: `A\nA` doubled is `A\nA\nA\nA`
        if lines[-k:] == lines[-2 * k:-k] and any(len(line) >= 20 for line in lines[-k:]):
            return "\n".join(lines[:-k])
    return text
