"""Where a content after its cue ends when the parse hung its end elsewhere (the
clauses, infinitives and interrupted clauses of ``content``), from PolNeAR train and dev:

* at a semicolon: `Republicans said the timing of the immunity news was not
  intentional; they only learned on Friday of the arrangements ...` parses the
  second clause as the cue's content and the first as a clause inside it; what
  follows the semicolon is the writer's next statement (PolNeAR annotates the
  content up to it; train: one row outside the gold fewer, dev: one more gold quote
  found);
* after a reason the parser hung on the cue: `Rep. Trey Gowdy (R-S.C.) said that
  claim smacked of hypocrisy, because Democrats have been ...`: the `because` clause
  right after the content gives the speaker's reason and belongs to what was said;
* before the writer's own words after it (``trim_tail``, ``nonrestrictive_tail``): a
  second attribution coordinated with the cue, a verb in the cue's form that says what
  the speaker did next (``verb_forms.with_the_cue``; even where the parser hung it on a
  verb deeper in the content), an `as X reported` aside or `, according to X` at
  the end (the writer's source, a second attribution), a participle
  or contrast clause at the end (`, calling them ...`, `, while ...`; a reporting
  participle even where the parser hung it deeper: `, saying that ...`), an apposition
  or a relative clause (`, which ...`, `, whose son ...`) that runs to the end. (Not a
  summary of the clause the parser hung on its verb: PolNeAR ends the content before
  `, a mass layoff rivaling ...`, the seed gold keeps `, a goal that starkly
  contradicts ...` as what the minister emphasized.)
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ...resources import QUOTE_CHARS, adverbial_openers, word_set
from .cues import VERB_POS, addresses_object, cue_particle, is_cue, report_lexicon
from .verb_forms import disagrees_with_subject, first_auxiliary, has_subject, in_the_cue_tense, joining_cc, with_the_cue
from .records import CLOSING_BRACKETS, OPENING_BRACKETS, Content, ends_droppable, sets_off

# Punctuation that ends what was said: a reason after it is not part of it.
_STOPS = frozenset({";", ":", ".", "!", "?"})


def before_semicolon(doc: Doc, a: int, b: int, quoted=None) -> int:
    """The last token of content [a, b] before its first semicolon outside a direct
    quote (``quoted(token)``) and outside brackets, or ``b``. A semicolon in brackets
    separates items of an aside: BBC business news gives each sum in two other currencies
    that way (`its profits were 40m rupees ($915,000; £486,000) for the three months`)."""
    depth = 0
    for k in range(a, b + 1):
        text = doc[k].text
        if text in OPENING_BRACKETS:
            depth += 1
        elif text in CLOSING_BRACKETS:
            depth = max(depth - 1, 0)
        elif k > a and text == ";" and not depth and not (quoted is not None and quoted(doc[k])):
            return _last_kept(doc, a, k - 1)
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
                k.dep_ in ("mark", "advmod") and k.lower_ in adverbial_openers("reason") and k.i < r.i for k in r.children):
            return _last_kept(doc, b, r.right_edge.i)
        break  # only the phrase right after the content
    return b


# --- the writer's words after the content --------------------------------------

_RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose", "where", "when"})


def is_as_aside(tok: Token) -> bool:
    """`As The Washington Post reported, ...`, `..., as reported by Western Journalism`:
    an adverbial `as` clause around the cue, with nothing reported in it (not `Clinton
    beamed as she noted how happy she was`: there `as` means while; nor `was powerfully
    emotional as she called for the ratification of ...`, PolNeAR dev: a preposition
    that makes a two-word cue brings its own content)."""
    # (whom a cue like `told` addresses is no content of its own: `As Clinton told the New
    # York Daily News, tax relief is given ...`, PolNeAR train)
    if tok.dep_ != "advcl" or tok.head.pos_ not in VERB_POS:
        return False
    first = tok.doc[tok.left_edge.i]
    if not (first.lower_ == "as" and first.head.i == tok.i and first.dep_ in ("mark", "advmod", "prep")):
        return False
    if any(c.dep_ in _OWN_CONTENT_DEPS and not (c.dep_ == "dobj" and addresses_object(tok)) for c in tok.children):
        return False
    second = cue_particle(tok, report_lexicon())  # (False: no cue at all)
    return second is not False and not (isinstance(second, Token) and second.dep_ == "prep")


_OWN_CONTENT_DEPS = frozenset({"ccomp", "dobj", "xcomp", "oprd", "attr", "dative", "advcl", "conj"})


def continues_content(conj: Token, cue: Token) -> bool:
    """A verb the parser coordinated with the cue that goes on with what was said:
    `announced that Clinton was careless and [...] would face some punishment` (no
    subject, a modal), `said that he had no time and that he'll try ...` (`that`), a
    verb that cannot agree with the cue's subject (``disagrees_with_subject``)."""
    if any(k.dep_ == "mark" and k.lower_ == "that" for k in conj.children):
        return True
    if has_subject(conj):
        return False
    return disagrees_with_subject(conj, cue) or any(k.dep_ == "aux" and k.tag_ == "MD" for k in conj.children)


def trim_tail(doc: Doc, a: int, b: int, root: Token, cue: Token, quoted=None) -> int:
    """The last token of a content clause rooted at ``root`` once a trailing part that
    is not the speaker's is cut off (PolNeAR train ends the content before it):

    * a second reporting verb coordinated with the cue rather than with the clause
      (`said she would not run and predicted that ...`): finite like the cue, without
      a subject of its own, while the clause has one; or with a subject of its own
      (`said Clinton is honest, and three-quarters said the same of Sanders`);
    * a verb in the cue's form, not the clause's (``verb_forms.with_the_cue``: `tweeting
      that it was a "disaster" ... and asking ...`); hung on a verb deeper in the
      clause, with the cue's auxiliary too (``_deep_conjunct_tail``: `has said she
      wants to ... and has expressed ...`);
    * `, as The Post reported`: the writer's source; so is `, according to X` at the
      end, wherever the parser hung it (``_according_tail``);
    * `, calling them ...`: a participle clause after a comma, at the end, unless it
      has a subject of its own (`, whether it was sitting ...`) or goes on with a list
      that `including` opened (``_list_item``); hung on a verb deeper in the clause,
      a reporting one (``_deep_participle_tail``: `, saying that ...`);
    * `, while ...`, `, though ...`: a contrast, at the end (``adverbial_openers.txt``);
    * an apposition or relative clause set off by a comma, at the end
      (``nonrestrictive_tail``).

    Nothing inside a direct quote is cut (``quoted``): those are the speaker's words. A
    paragraph break after the content is none of it (a clause that ends a paragraph is
    cut as one that ends any other: `..., although it may take several days ...`,
    PolNeAR dev).
    """
    while b > a and doc[b].is_space:
        b -= 1
    for c in root.rights:
        if c.i > b:
            break
        start = c.left_edge.i
        if quoted is not None and quoted(doc[start]):
            continue
        cut = None
        if c.dep_ == "conj" and c.pos_ in VERB_POS \
                and (_second_attribution(c, root, cue) or with_the_cue(c, cue, root)):
            # (`said Clinton is honest, and three-quarters said the same of Sanders`: a
            # second attribution with its own speaker; `vowed to keep abortion legal and
            # celebrated the ruling`: what the speaker did next, ``verb_forms.with_the_cue``)
            cc = joining_cc(root, c)
            cut = cc.i if cc is not None else start
        elif is_as_aside(c):  # (an advcl only)
            cut = start  # `..., as The Post reported`: the writer's source, not the content
        elif c.dep_ == "advcl" and follows_set_off(doc, start, a) and _at_end(doc, c, b):
            if _participle_tail(c) \
                    or opened_by(c, "contrast"):
                # (not a clause with a subject of its own, `, whether it was sitting at a lunch
                # counter ... or wearing ...`, nor an item of a list, PolNeAR dev and train;
                # PolNeAR keeps `, even as he had been living ...` in what was said too)
                cut = start
        if cut is not None:
            return _end_before(doc, a, b, cut)
    b = _according_tail(doc, a, b, quoted)
    b = _deep_participle_tail(doc, a, b, root, quoted)
    b = _deep_conjunct_tail(doc, a, b, root, cue, quoted)
    return nonrestrictive_tail(doc, a, b, quoted)


def clause_from(a: int, root: Token, cue: Token, quoted=None) -> Content:
    """The clause content from token ``a`` to the end of ``root``'s subtree, without the
    writer's words after it (``trim_tail``)."""
    return Content(a, trim_tail(root.doc, a, root.right_edge.i, root, cue, quoted), "clause")


def opened_by(clause: Token, kind: str) -> bool:
    """``clause`` is opened by a subordinator of one kind of ``adverbial_openers.txt``
    (`while`, `although`: ``contrast``)."""
    return any(k.dep_ == "mark" and k.lower_ in adverbial_openers(kind) for k in clause.children)


def _deep_conjunct_tail(doc: Doc, a: int, b: int, root: Token, cue: Token, quoted=None) -> int:
    """Content [a, b] ended before a verb at its end that the parser coordinated with a
    verb inside it rather than with the cue (``verb_forms.with_the_cue``), where it has the
    cue's form and auxiliary and not the content root's: `has said she wants to
    establish a safe zone ... and has expressed support for ...` is what Clinton did
    next. A verb without an auxiliary must be a reporting verb too (BBC: `said workers
    did not want to go on strike and called for talks`): `said ... he had seen prime
    ministers ... come and go and knew the pitfalls` goes on with what was said. Not a
    verb in the root's own form (PolNeAR train: 3 more gold quotes found, 2 rows
    outside the gold fewer)."""
    form = _form_and_auxiliary(cue)
    if form == _form_and_auxiliary(root):
        return b
    for c in _deep_children(doc, a, b, root, "conj", quoted):
        if c.pos_ in VERB_POS and c.head.pos_ in VERB_POS and with_the_cue(c, cue, c.head) \
                and _form_and_auxiliary(c) == form and (form[1] or is_cue(c, report_lexicon())):
            cc = joining_cc(c.head, c)
            return _end_before(doc, a, b, cc.i if cc is not None else c.left_edge.i)
    return b


def _according_tail(doc: Doc, a: int, b: int, quoted=None) -> int:
    """Content [a, b] ended before `, according to X` set off at its end, wherever the
    parser hung it: the writer's source for the report, a second attribution
    (docs/guidelines.md §4.2), not what the speaker said (PolNeAR train: `said that Wall
    Street does more to hurt the economy than help, according to preliminary exit polling
    ...`, `told her that it was not that simple, according to an account she gave to ...`;
    the gold leaves it out of every indirect content it ends)."""
    for i in range(b - 1, a + 1, -1):
        tok = doc[i]
        if tok.lower_ == "according" and doc[i + 1].lower_ == "to" and follows_set_off(doc, i, a) \
                and tok.right_edge.i >= b and (quoted is None or not quoted(tok)):
            return _end_before(doc, a, b, i)
    return b


def _deep_participle_tail(doc: Doc, a: int, b: int, root: Token, quoted=None) -> int:
    """Content [a, b] ended before a reporting participle after a comma, at its end, that
    the parser hung on a verb inside it rather than on its root: `her father ... would do
    the same as president, saying that he supports equal pay ...`: a new attribution
    (PolNeAR train: 2 more gold quotes found, 1 row outside the gold fewer; BBC: 3
    contents end there, each before the writer's or a second cue's words). Not another
    participle, which may be the speaker's (`the US deficit reflects the fact the
    America is growing ..., spurring on more demand for imported goods`, BBC; PolNeAR
    leaves out `, implicitly putting his name on the line`, but on BBC such cuts took as
    much of what was said as of the writer's words), nor one with an opener, a subject
    of its own or in a list, as at the root."""
    for c in _deep_children(doc, a, b, root, "advcl", quoted):
        start = c.left_edge.i
        if follows_set_off(doc, start, a) and _participle_tail(c) \
                and not any(k.dep_ == "mark" for k in c.children) and is_cue(c, report_lexicon()):
            return _end_before(doc, a, b, start)
    return b


def _deep_children(doc: Doc, a: int, b: int, root: Token, dep: str, quoted=None):
    """The tokens of content [a, b] with dependency ``dep`` that hang on a token inside
    it before them, other than its root, run to its end and do not start inside a
    direct quote (``quoted``)."""
    for i in range(a + 2, b + 1):
        c = doc[i]
        if c.dep_ == dep and c.head.i != root.i and a <= c.head.i < i and _at_end(doc, c, b) \
                and (quoted is None or not quoted(doc[c.left_edge.i])):
            yield c


def _form_and_auxiliary(verb: Token) -> tuple[str, str]:
    """``verb_forms.verb_form`` with the lemma of the auxiliary that gives it (`has said`: VBZ,
    have; `wants`: VBZ, none)."""
    aux = first_auxiliary(verb)
    return (aux or verb).tag_, aux.lemma_ if aux is not None else ""


def _at_end(doc: Doc, c: Token, b: int) -> bool:
    """Clause ``c`` runs to the end ``b`` of the content, punctuation aside."""
    return c.right_edge.i >= b or all(t.is_punct for t in doc[c.right_edge.i + 1:b + 1])


def _participle_tail(c: Token) -> bool:
    """Clause ``c`` is a participle with no subject of its own (not `, whether it was
    sitting ...`) and no item of a list (``_list_item``)."""
    return c.tag_ == "VBG" and not has_subject(c) and not _list_item(c.doc, c.left_edge.i)


def _second_attribution(verb: Token, root: Token, cue: Token) -> bool:
    """A reporting verb coordinated with the content's root that starts an attribution
    of its own: finite like the cue and without a subject (`said she would not run and
    predicted that ...`), or with a subject and something it reports."""
    if not has_subject(root) or not is_cue(verb, report_lexicon()):
        return False
    if not has_subject(verb):
        return in_the_cue_tense(verb, cue)
    return reports(verb) and not continues_content(verb, cue)


def _list_item(doc: Doc, start: int) -> bool:
    """The words from ``start`` go on with a list that `including`/`such as` opened before
    the comma (``resources/example_openers.txt``) (`to charge him with three felonies, including conspiracy, violating the
    Espionage Act and lying to the FBI`: the parser hung the last items on the verb)."""
    if start < 2 or doc[start - 1].text != ",":
        return False
    prev = doc[start - 2]
    return any(t.dep_ == "prep" and t.lower_ in word_set("example_openers") for t in (prev, *prev.ancestors))


def reports(verb: Token) -> bool:
    """Whether a cue verb has something reported hanging from it (a clause or an object)."""
    return any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children)


def follows_set_off(doc: Doc, start: int, a: int) -> bool:
    """The words from ``start`` follow a comma, dash or semicolon inside range [a, ...]."""
    return start - 1 >= a and (sets_off(doc[start - 1]) or _after_closing_comma(doc, start, a))


def _after_closing_comma(doc: Doc, start: int, a: int) -> bool:
    """`said things "should be wrapped up by Cleveland," referring to ...`: the comma
    sits inside the closing mark (American style)."""
    k = start - 1
    while k > a and doc[k].text in QUOTE_CHARS:
        k -= 1
    return k < start - 1 and doc[k].text == ","


def _end_before(doc: Doc, a: int, b: int, cut: int) -> int:
    end = _last_kept(doc, a, cut - 1, ("and", "but"))
    return end if end >= a else b


def _last_kept(doc: Doc, a: int, end: int, words: tuple[str, ...] = ()) -> int:
    """``end`` moved back, not past ``a``, over what a content does not end with
    (``records.ends_droppable``) and the ``words`` given."""
    while end > a and (ends_droppable(doc, a, end) or doc[end].lower_ in words):
        end -= 1
    return end


def _list_of_phrases(appos: Token) -> bool:
    """An apposition that is an item of a list the parser misread: the preposition of
    the noun it describes comes back, coordinated, inside it (PolNeAR dev: `has long
    called for tax fairness, the closure of loopholes that benefit only the wealthy and
    for relief for middle class families`); or a phrase with a determiner of its own,
    or a name, is coordinated with it by `and`/`or` (PolNeAR train: `differ on Israel,
    the Iranian nuclear deal and the possibility of ...`, `Trump is a "loser," a "liar"
    and a "whiner."`). A description shares its determiner with what it coordinates
    (`Harold Doley, a banker and former Reagan administration official who ...`, which
    stays a description the trim cuts)."""
    prep = appos.head.head
    if appos.head.dep_ == "pobj" and prep.dep_ == "prep" and any(
            t.dep_ == "conj" and t.lower_ == prep.lower_ for t in appos.subtree):
        return True
    # the items coordinated with it, a conjunct's conjuncts too: the parser chains a list
    # (`Harriet Harman, two officials, a QC and Lord Irvine`: officials -> QC -> Irvine,
    # the `and` on QC; BBC politics cut such a list after its first item)
    items = appos.conjuncts
    return any(c.pos_ == "PROPN" or (c.pos_ == "NOUN" and any(d.dep_ == "det" for d in c.children))
               for c in items) \
        and any((cc := joining_cc(c.head, c)) is not None and cc.lower_ in ("and", "or") for c in items)


def nonrestrictive_tail(doc: Doc, a: int, b: int, quoted=None) -> int:
    """`..., a move that could ...`, `..., which ...`: an apposition or relative clause
    set off by a comma that runs to the end of the content describes the last noun
    for the reader; PolNeAR train ends the content before it. One may end where the
    next begins: `... since January, when Our Principles launched with an initial $3
    million donation from Marlene Ricketts, the matriarch of the family ...` (PolNeAR
    train) ends before both, the apposition of the relative clause's last noun first."""
    while True:
        end = _before_nonrestrictive(doc, a, b, quoted)
        if end == b:
            return b
        b = end


def _before_nonrestrictive(doc: Doc, a: int, b: int, quoted=None) -> int:
    """Content [a, b] ended before the one apposition or relative clause at its end
    (``nonrestrictive_tail``), or ``b``."""
    for i in range(b, a + 1, -1):
        tok = doc[i]
        if not sets_off(doc[i - 1]) or (quoted is not None and quoted(tok)):
            continue
        mod = None
        if tok.dep_ == "appos" or (tok.head.dep_ == "appos" and tok.head.left_edge.i == i):
            mod = tok if tok.dep_ == "appos" else tok.head
            if (mod.pos_ == "PROPN" and doc[i].pos_ != "DET") or _list_of_phrases(mod):
                # a name, not a description (`his wife, Lonnie, and other family members`), or
                # an item of a list
                mod = None
        elif tok.lower_ in _RELATIVE_WORDS and tok.head.dep_ == "relcl" and tok.head.left_edge.i == i:
            mod = tok.head
        elif tok.lower_ in _RELATIVE_WORDS and tok.dep_ == "relcl":
            mod = tok
        elif tok.lower_ == "whose":
            # `..., whose son Sean was killed in ...`: the relative clause is the
            # verb `whose` hangs below, through its noun
            mod = next((h for h in (tok.head, tok.head.head) if h.dep_ == "relcl"), None)
            if mod is not None and mod.left_edge.i != i:
                mod = None
        if mod is not None and mod.right_edge.i >= b and a <= mod.head.i < i:
            return _end_before(doc, a, b, i)
    return b
