"""Hand-made expected sentence segmentation of the five seeds (docs/guidelines.md §2).

Written sentence by sentence from the cleaned seed texts and the guidelines,
not from pipeline output: each entry is the beginning of one sentence (or
heading segment), in order. A sentence runs from its beginning to the next
one's (trailing whitespace excluded); every paragraph starts a sentence.

Decisions, per the guidelines:
* a quotation of several sentences is split at its sentence ends; the last
  quoted sentence keeps the closing mark and the attribution
  (``... no future,” Igor Sekreta said.``);
* ``...consequences." "In Eurasia, ...`` splits before the second quote;
* no split inside ``[are]``, ``(CSTO - TASS here and henceforth)``,
  ``A.Lukashenko``, ``K.Muttonen``, ``M.G. Link``, ``Mrs. Natalya Drozd``,
  ``"Eurasian Security: Reality and Prospects in a Transforming World."``;
* headings ("Eurasian Charter", "Future security architecture") are segments.
This is a stand-in until the gold set (data/gold/sentences.jsonl) is merged.
"""
from __future__ import annotations

SENTENCE_STARTS: dict[str, list[str]] = {
    "000_f9a2daf624c96908": [
        "To end conflicts and achieve",
        "“The crisis of the international",
        "Our organization has ceased",
        "Instead of dialogue, we have",
        "But the OSCE was never intended",
        "We are convinced that without",
        "The Belarusian diplomat stressed",
        "“Attempts to undermine it",
        "Today it is important to recognize",
        "If our governments are temporarily",
        "Belarus is ready to host these",
        "He noted that over the past three",
        "“What can be done right now?",
        "First of all, we should abandon",
        "We must honestly assess",
        "We must responsibly acknowledge",
        "“We call on participating states",
        "Allow diplomats to do the work",
        "The diplomat emphasized that it is time",
        "“It is essential to restore",
        "This is no less important",
        "Our geopolitical position in the heart",
        "If we want our continent",
        "Belarus is ready to participate",
        "We invite our colleagues",
    ],
    "001_6a3d367cbd76c6b2": [
        "Over the past decade, the OSCE's",
        "He emphasized that NATO",
        "The diplomat pointed out that the OSCE is progressively",
        "\"The OSCE's peacekeeping activities over",
        "On the contrary, the OSCE has failed",
        "He also criticized",
        "\"Rather than fostering",
        "Sekreta further noted",
        "Nevertheless, Sekreta acknowledged",
        "\"It is this inclusiveness",
        "Belarus believes it is time",
        "The organization needs reforms",
        "Eurasian Charter",
        "Regarding Eurasian security",
        "This document aims to enshrine",
        "He clarified that this charter",
        "\"It could serve as the foundation",
        "It might also become a topic",
        "A section dedicated to progress",
    ],
    "002_701231718bd41216": [
        "Belarus and Russia are working",
        "Earlier, both countries",
        "According to Ryzhenkov, all nations",
        "“The initiative taken by Belarus",
        "He emphasized that the document emerged",
        "The minister pointed out that the security",
        "Ryzhenkov highlighted that since",
        "He argued that these countries",
        "“Despite these shifts",
        "We are working on approaches",
        "He acknowledged that while",
        "Ryzhenkov also noted that Hungary",
        "He highlighted that Hungarian",
        "Belarus and Russia continue to champion",
    ],
    "003_bd39f4df3422110e": [
        "The actions of the West",
        "\"It must be acknowledged",
        "NATO members believe",
        "And [they are] not just ignoring",
        "We can see this in the Collective",
        "Aleinik pointed out that the most important",
        "\"In Eurasia, the importance",
        "They have great respect",
        "Future security architecture",
        "Aleinik named the need",
        "Belarus has \"already formulated",
        "\"We should not forget",
        "According to Aleinik, \"it is necessary",
        "\"An architecture that would ensure",
    ],
    "004_57f42ced19feb766": [
        "The Organization for Security and Cooperation in Europe (OSCE) is",
        "The OSCE mandate covers",
        "All decisions within the OSCE",
        "The OSCE's comprehensive approach",
        "The Republic of Belarus has been a full-fledged member",
        "In 1992 the Permanent Delegation",
        "The participation in the OSCE activities",
        "Belarus takes an active part",
        "Belarus participates in the Organization's",
        "Belarus’ representatives work",
        "Since July 2016 Mrs. Natalya",
        "The Delegation of the National Assembly",
        "In 2011 — 2014 Belarusian",
        "The 26th Annual Session",
        "In the course of the PA inaugural",
        "The resolution initiated by",
        "The Republic of Belarus has been developing",
        "The OSCE Advisory and Monitoring",
        "A number of significant projects",
        "Currently Belarus is cooperating",
        "Since 2007 a large-scale",
        "The project aims at strengthening",
        "A pilot package of technical",
        "The joint visit to Minsk",
        "During the visit the high-ranking",
        "On the sidelines of the visit",
        "The OSCE Secretary General and the Minister of Defense signed",
        "During the last meeting of the OSCE Ministerial",
        "The General Secretary underscored",
        "Belarus is traditionally in favor",
        "Belarus actively supports the priority",
    ],
}


def expected_spans(doc_id: str, text: str) -> list[tuple[int, int]]:
    """(start, end) of every expected sentence of ``text``; fails loudly when a
    sentence beginning is not found (the cleaned text changed)."""
    starts = []
    pos = 0
    for snippet in SENTENCE_STARTS[doc_id]:
        at = text.find(snippet, pos)
        if at < 0:
            raise ValueError(f"{doc_id}: sentence start {snippet!r} not found after offset {pos}")
        starts.append(at)
        pos = at + len(snippet)
    spans = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        while end > start and text[end - 1].isspace():
            end -= 1
        spans.append((start, end))
    return spans
