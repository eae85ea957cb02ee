"""The content a cue interrupts or follows (``content.content_of``, its last resort):
`<content>, X said`, `Climate change, Mr. Obama says, is ...` (``around``, on the
parse), and the same read off the words around a tangled parse (``set_off``; also
words without a verb before it: `People like Scott, he said.`).

`<content>, X said` read off a tangled parse takes the clause before the attribution
for what was said; on PolNeAR train that clause was often no content at all: a
fronted adverbial (`Before dropping out, Cruz responded ...`), words before an
attribution that introduces a quote of its own (`As Trump attacked Clinton, the
attendees chanted, "Lock her up!"`), or a quote with its own cue (`''...,'' said
Robin Maynard, half joking`).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ...resources import QUOTE_CHARS, adverbial_openers, word_set
from .clause_end import trim_tail
from .cues import VERB_POS, is_cue, report_lexicon
from .records import Content, breaks_paragraph, is_dash, sets_off
from .verb_forms import INHERITED_SUBJ_DEPS, SUBJECT_DEPS, has_subject


def introduces_quote(doc: Doc, after: int, end: int) -> bool:
    """`Regarding the exchanges ..., the campaign said in a statement: ''Neither ...''`,
    `As Trump attacked Clinton, the attendees chanted, "Lock her up!"`, `Wallnau wrote:`
    ending its paragraph, `a man yelled “Stay there!”` (a mark opening right after it):
    the attribution introduces the words that follow it, not the clause before (PolNeAR
    train)."""
    if after < end and doc[after].text in (",", ":"):
        k = after + 1
        while k < end and doc[k].is_space:
            k += 1
        return k >= end or doc[k].text[:1] in QUOTE_CHARS  # (`''` is one token)
    # an opening mark: words follow it
    return after + 1 < end and doc[after].text[:1] in QUOTE_CHARS and not doc[after + 1].is_punct


def fronted_adverbial(doc: Doc, a: int, b: int) -> bool:
    """The words before the attribution are one fronted adverbial clause or phrase (no
    comma inside: a comma would end it and start the content), PolNeAR train."""
    k = a
    while k <= b and (doc[k].pos_ in ("CCONJ", "ADV") or doc[k].is_space):
        k += 1
    # a clause opened by one of these (``adverbial_openers.txt``) before `, X said` is when
    # or why it was said, not what (`As the crowd cheered ..., Costa reported`)
    if k > b or doc[k].lower_ not in adverbial_openers("fronted"):
        return False
    return not any(sets_off(doc[i]) for i in range(k, b + 1))


def attributed_quote_before(doc: Doc, before: range, quoted) -> bool:
    """`''...,'' said Robin Maynard, half joking`: the words before the subject are a
    quote and its own attribution (a cue after the last quoted word), not a content."""
    inside = [i for i in before if quoted(doc[i])]
    return bool(inside) and any(is_cue(doc[i], report_lexicon()) for i in range(inside[-1] + 1, before.stop))


# --- the clause around or before the cue ---------------------------------------------


# what the parser may hang an interrupting attribution on, inside the clause it interrupts
_CLAUSE_PART_DEPS = INHERITED_SUBJ_DEPS | {"advcl"}


def around(tok: Token, quoted=None) -> Content | None:
    """`<content>, X said`: the parser hangs the cue from the content's verb. When the
    content goes on after the attribution (`Climate change, Mr. Obama often says, is
    the greatest threat`, `The outreach, they said, raised new worries`), the content
    is the whole clause, attribution inside."""
    doc = tok.doc
    head = tok.head
    if tok.dep_ == "parataxis" and (head.dep_ in ("aux", "auxpass") or (
            head.dep_ in _CLAUSE_PART_DEPS and head.head.i > tok.i and head.head.pos_ in VERB_POS)):
        # `Even then, he said, he's learned enough ...`: the parser hung the attribution on
        # the auxiliary; the clause is its verb's (PolNeAR train: `he said, he's` came out).
        # `The difference now, he told me on Friday, is that ...`: on the clause's subject
        # (PolNeAR dev); `Though that transition was relatively seamless, he said,
        # replacing Clinton would be ...`: on the adverbial clause before it (PolNeAR dev)
        head = head.head
    if not (tok.dep_ in ("parataxis", "ccomp", "advcl") or _asyndetic(tok)) \
            or head.pos_ not in VERB_POS or head.i == tok.i:
        return None
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.i < tok.i for c in tok.children):
        # `..., although a former congressman pleaded guilty`, `, as Mrs. Clinton echoed the
        # criticism`: a subordinate clause says when or why, not who said the clause it
        # hangs on (PolNeAR train; `as X reported` asides are read before, ``content._as_aside``)
        return None
    left = tok.left_edge.i
    fronted = None
    subj = next((c for c in tok.lefts if c.dep_ == "nsubj"), None)
    if subj is not None and subj.left_edge.i > left and sets_off(doc[subj.left_edge.i - 1]) \
            and all(c.dep_ in ("npadvmod", "advmod", "prep", "punct") for c in tok.lefts if c.i < subj.i):
        # `Many days, former employees said, she would stay ...`: the parser hung the
        # content's fronted adverbial on the cue; it belongs to the content
        fronted, left = left, subj.left_edge.i
    if sets_off(doc[left]) or doc[left].text in QUOTE_CHARS:
        left += 1  # the comma before the attribution may hang from the cue itself
    if not (left > 0 and (sets_off(doc[left - 1]) or doc[left - 1].text in QUOTE_CHARS)):
        return None
    a = head.left_edge.i if fronted is None else min(head.left_edge.i, fronted)
    if a >= left:
        return None  # nothing of the clause before the attribution
    right = tok.right_edge.i
    if doc[right].text == ",":
        right -= 1  # `That, they say, will be easier`: the second comma hangs from the cue
    if right + 1 < len(doc) and doc[right + 1].text == "," and head.right_edge.i > right + 1 \
            and any(not t.is_punct for t in doc[right + 2:head.right_edge.i + 1]):
        # the clause goes on after `, X said,`
        if quoted is not None and not any(t.pos_ in VERB_POS or t.dep_ in SUBJECT_DEPS for t in doc[a:left]) \
                and all(t.is_punct or t.is_space or quoted(t) for t in doc[right + 2:head.right_edge.i + 1]):
            # `But, Mr. Ryan said, ''democracy is ...''`, `In cases of abortion, it said, "the
            # woman is a victim."`: no clause before the attribution, a quote after it: the
            # quote is what was said
            return None
        b = trim_tail(doc, a, head.right_edge.i, head, tok, quoted)
        if b > right and all(t.is_punct or t.lower_ in word_set("connectives") for t in doc[a:left]):
            # `And yet, Mrs. Clinton's aides say, Syria remains a priority for her`: only a
            # connective before the attribution; what was said follows it (PolNeAR train)
            return Content(right + 2, b, "around")
        if b > right:
            return Content(a, b, "around", around=True)
        # (nothing of the clause is left after the attribution: `Prices rose, the minister
        # said, and warned that ...`)
    if head.i > tok.i:
        return None
    more = next((c for c in tok.rights if c.dep_ == "conj" and c.pos_ in VERB_POS and not has_subject(c)
                 and doc[c.left_edge.i - 1].lower_ == "and"
                 and all(t.is_punct for t in doc[tok.i + 1:c.left_edge.i - 1])), None)
    if more is not None and more.tag_ != tok.tag_ and has_subject(head) and not is_cue(more, report_lexicon()):
        # `He had no known political affiliations, the airline added, and had passed all
        # background security checks`: the parser coordinated the clause's second verb
        # with the cue; it goes on with what was said (PolNeAR train). Not a verb in the
        # cue's own tag, the speaker's next act (`The plan had failed, the minister
        # admitted, and walked out`), nor a reporting verb.
        return Content(a, trim_tail(doc, a, more.right_edge.i, head, tok, quoted), "around", around=True)
    return Content(a, left - 1, "around")


def _asyndetic(tok: Token) -> bool:
    """`This includes a special force ..., Defense Secretary Ash Carter told a Senate
    panel`: an attribution after a comma that the parser coordinated with the content's
    verb, with no `and`/`but` between (PolNeAR train)."""
    if tok.dep_ != "conj" or tok.head.i > tok.i:
        return False
    if any(c.dep_ == "cc" and c.i < tok.i for c in tok.head.children if c.i > tok.head.i):
        return False
    return any(c.dep_ == "nsubj" for c in tok.lefts) and tok.doc[tok.left_edge.i - 1].text == ","


_ADJUNCT_MAX = 6  # `said on Tuesday`, `said in an interview with CNN`


def set_off(tok: Token, subj: Token, quoted=None) -> Content | None:
    """`<content>, she said.` and `<content>, they say, <content>` read off the words
    around the attribution when the parse tangled it with the content (the small
    model often takes a noun of the content for a second subject of `said`); words
    without a verb before an attribution that ends the sentence (``_fragment``)."""
    doc = tok.doc
    sent = tok.sent
    if subj.i < tok.i:
        first = subj.left_edge.i
        if any(t.pos_ in VERB_POS for t in doc[subj.right_edge.i + 1:tok.i]):
            return None
    else:
        first = tok.i
    last = subj.right_edge.i if subj.i > tok.i else tok.i
    # a short adjunct after the cue: `said Tuesday`, `said in an interview with CNN`,
    # never an object (`denounced him, rushing to ...`, `said yes`)
    k = last + 1
    if k < sent.end and not doc[k].is_punct and not (
            doc[k].pos_ in ("ADV", "ADP", "PART") or doc[k].ent_type_ in ("DATE", "TIME")):
        return None
    while k < sent.end and k - last <= _ADJUNCT_MAX and not doc[k].is_punct and doc[k].pos_ not in VERB_POS:
        k += 1
    if k < sent.end and not doc[k].is_punct:
        return None
    last = k - 1
    if first - 1 <= sent.start or not sets_off(doc[first - 1]):
        return None
    after = last + 1
    before = range(sent.start, first - 1)
    if not any(doc[i].pos_ in VERB_POS for i in before):
        if after + 1 < sent.end and doc[after].text == "," and doc[after + 1].pos_ in VERB_POS:
            # `<subject>, they say, <predicate>`: the content's subject, the attribution, then
            # its predicate
            return Content(sent.start, sent.end - 1, "around", around=True)
        if after >= sent.end or doc[after].text in (".", "!", "?"):
            return _fragment(doc, sent.start, first - 2)
        return None
    if quoted is not None and attributed_quote_before(doc, before, quoted):
        return None
    if (introduces_quote(doc, after, sent.end) and doc[sent.start].lower_ != "asked") \
            or fronted_adverbial(doc, sent.start, first - 2):
        # (`Asked whether ..., Priebus said, "Probably."`: the question is reported
        # speech too, PolNeAR annotates it)
        return None
    if after >= sent.end or doc[after].text in (".", "!", "?", ";", ":") or doc[after].text in QUOTE_CHARS:
        return Content(sent.start, first - 2, "around")
    if doc[after].text == "," and any(t.is_alpha for t in doc[after + 1:sent.end]):
        return Content(_after_reported_clause(doc, sent.start, first - 1), sent.end - 1, "around", around=True)
    return None


def _fragment(doc: Doc, a: int, b: int) -> Content | None:
    """`People like Scott, he said.`: words [a, b] without a verb, then the attribution
    that ends the sentence, are what was said (PolNeAR dev; train: `The rejection of the
    treaty signals "the beginning of the end" for the EU, said Geert Wilders`, its verb
    tagged a noun). Past an opening `And` or a quotation mark; not a place, time or
    occasion it was said at (`In London, he said.`, `Earlier this year, he said.`: a
    preposition or a date first), nor words across a paragraph break (a heading)."""
    while a < b and (doc[a].is_space or doc[a].text in QUOTE_CHARS or doc[a].pos_ == "CCONJ"
                     or doc[a].lower_ in word_set("connectives")):
        a += 1
    if doc[a].pos_ == "ADP" or doc[a].ent_type_ in ("DATE", "TIME") \
            or any(breaks_paragraph(t) for t in doc[a:b + 1]):
        return None
    return Content(a, b, "fragment")


def _after_reported_clause(doc: Doc, start: int, end: int) -> int:
    """Where a clause interrupted by its attribution begins: after the last dash before
    ``end`` when an attribution of its own stands before that dash, else ``start``
    (`Christie said that was a natural part of having to run against him — no
    different, he said, from George H.W. Bush calling ...`: `he said` reports what
    follows the dash; PolNeAR train)."""
    dash = next((k for k in range(end - 1, start, -1) if is_dash(doc[k])), None)
    if dash is not None and any(t.pos_ in VERB_POS and has_subject(t) and is_cue(t, report_lexicon())
                                for t in doc[start:dash]):
        return dash + 1
    return start
