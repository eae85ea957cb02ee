"""Where a content clause after its cue ends when the parse hung its end elsewhere
(``content._clause``), from PolNeAR train and dev:

* at a semicolon: `Republicans said the timing of the immunity news was not
  intentional; they only learned on Friday of the arrangements ...` parses the
  second clause as the cue's content and the first as a clause inside it; what
  follows the semicolon is the writer's next statement (PolNeAR annotates the
  content up to it; train: one row outside the gold fewer, dev: one more gold quote
  found);
* after a reason the parser hung on the cue: `Rep. Trey Gowdy (R-S.C.) said that
  claim smacked of hypocrisy, because Democrats have been ...`: the `because` clause
  right after the content gives the speaker's reason and belongs to what was said.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

# The subordinator of a reason clause (PolNeAR train: extending the content over a
# `because` clause hung on the cue found 3 more gold quotes, no new row outside the
# gold; over the clauses of `when`, `since`, `as`, `if`, `unless`, `while`, `although`,
# `though` too, it added 5 rows outside the gold: those say when or why the words were
# said, or what the writer sets against them).
_REASON_MARKS = frozenset({"because"})
# Punctuation that ends what was said: a reason after it is not part of it.
_STOPS = frozenset({";", ":", ".", "!", "?"})
_OPENING_BRACKETS, _CLOSING_BRACKETS = frozenset("([{"), frozenset(")]}")


def before_semicolon(doc: Doc, a: int, b: int, quoted=None) -> int:
    """The last token of content [a, b] before its first semicolon outside a direct
    quote (``quoted(token)``) and outside brackets, or ``b``. A semicolon in brackets
    separates items of an aside: BBC business news gives each sum in two other currencies
    that way (`its profits were 40m rupees ($915,000; £486,000) for the three months`)."""
    depth = 0
    for k in range(a, b + 1):
        text = doc[k].text
        if text in _OPENING_BRACKETS:
            depth += 1
        elif text in _CLOSING_BRACKETS:
            depth = max(depth - 1, 0)
        elif k > a and text == ";" and not depth and not (quoted is not None and quoted(doc[k])):
            end = k - 1
            while end > a and doc[end].is_punct:
                end -= 1
            return end
    return b


def with_reason(cue: Token, a: int, b: int) -> int:
    """The last token of content [a, b] (after ``cue``) extended over a reason clause
    that the parser hung on the cue right after it (past a comma or closing mark, never a semicolon), or
    ``b``."""
    doc = cue.doc
    for r in cue.rights:
        if r.i <= b or r.dep_ != "advcl":
            continue
        if all(t.is_punct and t.text not in _STOPS for t in doc[b + 1:r.left_edge.i]) and any(
                k.dep_ in ("mark", "advmod") and k.lower_ in _REASON_MARKS and k.i < r.i for k in r.children):
            end = r.right_edge.i
            while end > b and doc[end].is_punct:
                end -= 1
            return end
        break  # only the phrase right after the content
    return b
