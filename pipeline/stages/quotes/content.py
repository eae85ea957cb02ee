"""What a reporting cue reports: the content of an indirect quote, on the one parse.

Given a cue verb (and the particle or preposition of a two-word entry of
``resources/reporting_verbs.txt``), :func:`content_of` returns the token range of
what was said, trying in order (each from a PolNeAR train pattern or
docs/guidelines.md §4):

1. the object of the entry's preposition (`warned of Russian efforts`), from the
   verb's own object on (`accused Trump of lying`, `described the plan as a joke`),
   with a gerund the parser hung on the verb right after it (`bragged about her
   father teaching her how to shoot`);
2. a content clause (`said that ...`, `said he would ...`; also one the parser hung
   on a noun after the cue, or made the main clause with the cue's clause hung on
   it), without a trailing clause that is the writer's, not the speaker's (`...,
   even as he ...`, `..., calling them ...`, `... and predicted that ...`;
   ``clause_end``);
3. a to-infinitive of a ``commitment`` verb, with its addressee (`urged voters to
   register`, `called on Congress to act`), without the writer's words after it;
4. ``naming``: the object with the name it is given (`called him a liar`);
5. ``object``: the direct object, a noun phrase (`denied every allegation`), or
   the clause it is the subject of when the parser hung the clause's verb
   elsewhere (`denied global warming is taking place`); 4 and 5 are in ``objects``;
6. for an ``object`` verb, a passive with its agent: the passive subject (`The move
   was first reported by the Post`; not `The song was written by ...`);
7. the clause the cue interrupts or follows (`<content>, X said`, `Climate change,
   Mr. Obama says, is ...`); an interrupted clause is one span with the
   attribution inside it (``Content.around``); or words without a verb before an
   attribution that ends the sentence (`People like Scott, he said.`); in ``setoff``.

Before all of these, a speech cue's yes or no (`said yes`, `said no to the Iraq war`:
``_answer``).

Only light Python over a few tokens per cue; no second parse.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ...nlp.lemmas import lemma as lemma_of
from ...resources import QUOTE_CHARS, adverbial_openers, reporting_verbs
from .clause_end import (before_semicolon, clause_from, continues_content, follows_set_off, is_as_aside,
                         nonrestrictive_tail, opened_by, trim_tail, with_reason)
from .cues import (VERB_POS, addresses_object, can_speak, is_cue, is_speech_occasion, of_kind, report_lexicon,
                   speech_lexicon)
from .verb_forms import INHERITED_SUBJ_DEPS, has_subject, is_base_spelling, is_to_infinitive
from .objects import first_child, naming_content, object_content, phrase_end
from .records import Content, is_dash
from .setoff import around, set_off
from .sources import of_objects, personal_pronouns


@lru_cache(maxsize=None)
def entries(kind: str) -> frozenset[str]:
    """The lexicon's entries of one kind as written (``call on``), lower case."""
    return frozenset(e.lower() for e in reporting_verbs(kind))


def content_of(tok: Token, particle: Token | None, entry: str, quoted=None, subject: Token | None = None) -> Content | None:
    """What the cue ``tok`` reports (see the module docstring), or None. ``quoted(token)``:
    whether a token lies inside a direct quote (the speaker's own words are never cut);
    ``subject``: the cue's speaker mention, which bounds an attribution set off by commas."""
    aside = _as_aside(tok)
    if aside is not None:
        return aside
    if particle is not None and particle.dep_ == "prep":
        return _prep_object(tok, particle, entry, quoted)
    if particle is not None and particle.dep_ == "mark":
        clause = particle.head  # `called for the strongholds to be hit`
        return Content(particle.i + 1, clause.right_edge.i, "clause")
    speech = entry in entries("speech")
    answer = _answer(tok) if speech else None
    if answer is not None:
        # (before the content clause: the parser hangs a clause after `said yes, yes, yes,
        # over and over again, until ...` on the cue, PolNeAR dev)
        return answer
    ccomps = [c for c in tok.children if c.dep_ == "ccomp" and not _subordinate(c)]
    if _repeats_attribution(tok, ccomps):
        return None
    clause = _clause(tok, ccomps, quoted)
    if clause is not None:
        return clause
    if entry in entries("commitment"):
        got = _infinitive(tok)
        if got is not None:
            return got
    if entry in entries("naming"):
        return naming_content(tok)
    if entry in entries("object"):
        got = object_content(tok, quoted) or _passive_subject(tok)  # the passive's subject is the active's object
        if got is not None:
            return got
    if not speech:
        return None  # `His leverage, they believe, isn't going anywhere`: no speech of its own
    got = around(tok, quoted)
    if got is None and subject is not None:
        got = set_off(tok, subject, quoted)
    return got


# --- 0. `as X reported` -----------------------------------------------------------


def _as_aside(tok: Token) -> Content | None:
    """What an `as X reported` aside attributes is the clause it is set in, on the
    other side of the aside (PolNeAR train annotates `As BuzzFeed News first
    reported, Mr. Trump voiced support ...` so)."""
    if not is_as_aside(tok):
        return None
    head = tok.head
    if tok.left_edge.i < head.i:
        return Content(tok.right_edge.i + 1, head.right_edge.i, "around")
    return Content(head.left_edge.i, tok.left_edge.i - 1, "around")


_ANSWERS = frozenset({"yes", "no"})


def _answer(tok: Token) -> Content | None:
    """`Mr. Smith said yes`, `He said no to the Iraq war`: a yes or no right after the cue
    is what it reports, with what it answers after `to`. PolNeAR annotates it (train: 11 of
    the 17 yes or no after say, answer or reply; not `said so`, which only points back).
    The small model makes the word an interjection or an object of the cue. Not where a
    content clause follows (`said no, she would not run`: the clause is the content), nor
    the `to` of whom it was said to (`said no to reporters`), nor an infinitive's answer,
    which nobody gives (PolNeAR train: `It's hard to answer no to any of those questions`)."""
    doc = tok.doc
    k = tok.i + 1
    if k >= len(doc) or doc[k].lower_ not in _ANSWERS or doc[k].head.i != tok.i or doc[k].dep_ not in ("intj", "dobj") \
            or is_to_infinitive(tok):
        return None
    b = k
    while b + 2 < len(doc) and doc[b + 1].text == "," and doc[b + 2].lower_ == doc[k].lower_:
        b += 2  # `said yes, yes, yes, over and over again` (PolNeAR dev)
    if any(c.dep_ == "ccomp" and c.i > b and has_subject(c) for c in tok.children):
        return None
    to = next((c for c in tok.rights if c.i == b + 1 and c.lower_ == "to" and c.dep_ == "prep"), None)
    whom = first_child(to, ("pobj",)) if to is not None else None
    return Content(k, b if whom is None or can_speak(whom) else to.right_edge.i, "answer")


# --- 1. prepositional objects ---------------------------------------------------


def _prep_object(tok: Token, prep: Token, entry: str, quoted=None) -> Content | None:
    obj = first_child(prep, ("pobj", "pcomp"))
    if obj is None:
        return None
    a, b = obj.left_edge.i, phrase_end(prep)  # `described as ...`
    own = next((c for c in tok.children if c.dep_ == "dobj" and c.i < prep.i), None)
    if own is not None:
        a = own.left_edge.i  # `accused Trump of lying`: who is accused belongs to it
    clause = next((c for c in tok.rights if c.dep_ == "ccomp" and c.i > prep.right_edge.i), None)
    if clause is not None:  # `agreed with the President that Britain would have to wait its turn`
        return Content(clause.left_edge.i, clause.right_edge.i, "clause")
    if entry in entries("commitment"):
        inf = _to_infinitive(tok, after=prep.i)
        if inf is not None:  # `called on Congress to act`
            b = max(b, inf.right_edge.i)
    as_phrase = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "as" and c.left_edge.i == b + 1), None)
    if as_phrase is not None:  # `pointed to China as the regional enforcer` (PolNeAR train)
        b = phrase_end(as_phrase)
    gerund = next((c for c in tok.rights if c.dep_ == "advcl" and c.tag_ == "VBG" and c.left_edge.i == b + 1), None)
    if gerund is not None and not follows_set_off(tok.doc, b + 1, a) \
            and not any(k.dep_ == "mark" or k.lower_ in adverbial_openers("after") for k in gerund.lefts):
        # `bragged about her father teaching her how to shoot`, `complained about the
        # United States' backing independence for Kosovo`: a gerund right after the
        # object, with no comma (nor one inside a closing mark: `only “partial,”
        # meaning ...`) and nothing that opens an adverbial (`while visiting ...`), is
        # the object's own clause, which the parser hung on the cue (PolNeAR train
        # annotates the whole of it)
        b = gerund.right_edge.i
    # an apposition or relative clause after a comma that runs to the end describes the
    # object for the reader, as after a direct object (``objects.object_content``):
    # `railed against the Trans-Pacific Partnership, the 12-country trade deal the
    # administration finished negotiating last year`, `speaks of his brother Freddy, who
    # died as an alcoholic in 1981` (PolNeAR train annotates the object alone)
    return Content(a, nonrestrictive_tail(tok.doc, a, b, quoted), "prep")


# --- 2. content clauses -----------------------------------------------------------


# Cues whose content is a question: `asked if/whether ...` is what was asked (PolNeAR
# train: 62 of 72 such clauses annotated), while after other cues `if` opens a condition.
_QUESTION_CUES = frozenset({"ask", "question", "wonder", "inquire", "query"})
_QUESTION_MARKS = frozenset({"if", "whether"})


def _clause(tok: Token, ccomps: list[Token], quoted=None) -> Content | None:
    doc = tok.doc
    marks = {"that"}
    if lemma_of(tok).lower() in _QUESTION_CUES:
        marks |= _QUESTION_MARKS
    # (not a clause a subordinator opens, an adverbial the parser took for the content:
    # `but - after a Supreme Court ruling made it legal nationwide - he urged
    # conservatives to obey the decision`, PolNeAR train; the cue's infinitive is)
    if not ccomps:
        # `Trump said after the convention he would not accept ...`: the small model
        # often labels an unmarked content clause `advcl`; one with its own subject
        # and no adverbial conjunction (`when`, `if`, `because`) is the content.
        ccomps = [c for c in tok.rights if c.dep_ == "advcl" and any(k.dep_ == "nsubj" for k in c.children)
                  and not any(k.dep_ == "mark" and k.lower_ not in marks for k in c.children)]
    if not ccomps:
        return _detached_clause(tok, quoted) or _inverted_that_clause(tok, quoted) or _inverted_clause(tok, quoted)
    # Prefer the clause after the cue (`Republicans said they ... and Democrats
    # accused ...`), the nearest one; else the nearest before it (`<content>, X said`).
    right = [c for c in ccomps if c.i > tok.i]
    if right and _attributes_quote_before(tok, ccomps, quoted):
        right = [c for c in right if not _writers_clause(tok, c, quoted)]
        ccomps = [c for c in ccomps if c.i < tok.i or c in right]
    c = min(right, key=lambda c: c.i) if right else max(ccomps, key=lambda c: c.i)
    if not right and (_complement_after(tok) or _after_colon(tok, c)):
        return None
    a, b = c.left_edge.i, c.right_edge.i
    subject = _object_as_subject(tok, c)
    if subject is not None:
        a = subject.left_edge.i
    elif c.i > tok.i:
        a = _after_time_of_speech(tok, c, a)
    if a < tok.i < b:  # the cue sits inside its clause's span (inversion): keep the side of the clause root
        # (`the changes, which officials said will go into effect ...`: the clause's
        # relative pronoun lies before the cue, the rest after it and its subject)
        if c.i < tok.i:
            b = tok.i - 1
            while b > a and not _in_subtree(doc[b], c):
                b -= 1
        else:
            a = tok.i + 1
            while a < b and not _in_subtree(doc[a], c):
                a += 1
    if c.i < tok.i:
        # `Clinton had told police officials that ..., but the NYPD overruled that
        # request, the source added.`: the parser gave the cue both halves of what was
        # said as clauses of their own, joined by `and` or `but` (PolNeAR dev; not by a dash
        # alone: `is not whether he slides out of the race — that won't happen, they believe
        # —`); not clauses with a quotation in them, which has a speaker of its own (`"His
        # normal demeanor is grumpy," she said, but ..., "I think he will do it,"`,
        # PolNeAR train)
        for c0 in sorted((k for k in ccomps if k.i < c.i), key=lambda k: -k.i):
            if c0.right_edge.i < a and _only_joiners(doc, c0.right_edge.i, a) \
                    and any(t.dep_ == "cc" and t.head.i in (c0.i, c.i) for t in doc[c0.right_edge.i:a + 1]) \
                    and not any(t.is_punct and t.text[:1] in QUOTE_CHARS for t in doc[c0.left_edge.i:b + 1]):
                a = c0.left_edge.i
    else:
        # `said that she had seen several emails ..., and that talk of dissent ...`: a
        # second content clause of the same cue, joined by `and`/`but` (not a second
        # attribution: `said Clinton is honest, and three-quarters said the same`); not
        # the writer's summary after a dash (``_summary_after_dash``)
        for c2 in sorted(right, key=lambda k: k.i):
            if c2.i > b and not _summary_after_dash(c2, b, quoted) \
                    and (doc[c2.left_edge.i].lower_ == "that" or not is_cue(c2, report_lexicon())) \
                    and _only_joiners(doc, b, c2.left_edge.i):
                b = c2.right_edge.i
        # `stressed that consensus is not a technical process, but the only way ...`:
        # the small model hangs the second half off the cue as a verbless conjunct;
        # it is still part of what was said.
        for r in tok.rights:
            if r.i > b and r.dep_ == "conj" and (r.pos_ not in VERB_POS or continues_content(r, tok)):
                b = max(b, r.right_edge.i)
            elif r.i > b and _infinitive_goes_on(r, tok, a, b):
                b = r.right_edge.i
        b = with_reason(tok, a, before_semicolon(doc, a, trim_tail(doc, a, b, c, tok, quoted), quoted))
    return Content(a, b, "clause")


def _attributes_quote_before(tok: Token, ccomps: list[Token], quoted=None) -> bool:
    """The cue's clause before it is a direct quote that ends right at its attribution
    (`"...," Mr. Manafort said`, `"...," said Gregory W. Slayton`): the cue attributes that
    quotation. Not one set apart by a dash (`- "does she have to keep giving them so much
    ammunition?" - Democrats in Iowa who watched the Saturday debate said they were
    unfazed`, PolNeAR train), where the clause after the cue is its content."""
    if quoted is None:
        return False
    doc = tok.doc
    subject = first_child(tok, INHERITED_SUBJ_DEPS)
    attribution = min(tok.i, subject.left_edge.i) if subject is not None else tok.i
    return any(c.i < tok.i and quoted(c) and c.right_edge.i < attribution
               and all(t.is_punct and not is_dash(t) for t in doc[c.right_edge.i + 1:attribution])
               for c in ccomps)


def _writers_clause(tok: Token, clause: Token, quoted) -> bool:
    """A clause the parser hung after the cue of the direct quote before it
    (``_attributes_quote_before``) is the writer's, never a second content: `said on CBS's
    ''Face the Nation''`, `said in a statement issued a half-hour before ...`, `said
    Gregory W. Slayton, whom ..., and who is now supporting Senator Marco Rubio` (PolNeAR
    train: 8 such rows, none in the gold). What the cue still reports after it is
    introduced as such: a quotation of its own, `that` or a colon (`"It's our bad luck,"
    he said, that both violent men ...`, `Rubio said: That Cruz is ...`), or another cue's
    clause (`Kiedis said, mentioning the long-awaited album is ...`), or a clause the cue
    hands down (`Warren told Stumpf, after he admitted ... he hadn't ...`, PolNeAR dev); nor
    the complement of a word between them (`she said of the election, in which she was sure
    Trump would triumph`, PolNeAR dev: a belief the gold keeps)."""
    doc = tok.doc
    first, before = doc[clause.left_edge.i], doc[clause.left_edge.i - 1]
    lex = report_lexicon()
    return not quoted(clause) and first.lower_ != "that" and not is_cue(clause, lex) and not is_cue(first, lex) \
        and first.lower_ not in adverbial_openers("after") and before.pos_ not in ("ADJ", "VERB", "AUX") \
        and not any(t.text == ":" for t in doc[tok.i + 1:clause.left_edge.i])


def _repeats_attribution(tok: Token, clauses: list[Token]) -> bool:
    """The clause before the cue, its only content, is an attribution of its own and
    the cue's subject `he`, `she` or `they` (PolNeAR dev: `DuVernay said she felt the
    13th Amendment was worth examining because “...,” she said`): the cue repeats who
    said it and reports nothing else; the content is the inner cue's. Not a name or
    `it`, which reports the attribution (PolNeAR train: `Clinton told federal
    investigators ... she was ..., the New York Times reported`), nor a pronoun the
    inner cue addressed (`Trump told him he should drop the case, he said`), nor a
    belief (BBC: `The BPI strongly believes that ...," it said`), nor an inner subject
    that cannot speak or is no personal pronoun (BBC: `Opinion polls suggested that ...,
    he said`, `This suggested he was likely ..., it said`)."""
    if not clauses or clauses[-1].i > tok.i:
        return False
    if not any(k.dep_ == "nsubj" and k.lower_ in personal_pronouns((3,), "subject") for k in tok.children):
        return False
    inner = clauses[-1]
    own = next((k for k in inner.rights if k.dep_ == "ccomp"), None)
    who = next((k for k in inner.lefts if k.dep_ == "nsubj"), None)
    # (its content runs to the cue: not `Other Republican candidates said they support
    # charter schools ..., but they wouldn’t advocate for them ..., they said`, PolNeAR
    # train, where the cue reports the second half)
    return own is not None and who is not None and is_cue(inner, speech_lexicon()) \
        and can_speak(who) and (who.pos_ != "PRON" or who.lower_ in personal_pronouns(case="subject")) \
        and not any(k.dep_ in ("dobj", "dative") and k.lower_ in personal_pronouns((3,), "object")
                    for k in inner.children) \
        and all(t.is_punct for t in tok.doc[own.right_edge.i + 1:inner.right_edge.i + 1])


def _after_time_of_speech(tok: Token, clause: Token, a: int) -> int:
    """The start ``a`` of a content clause after its cue, past a time the parser hung
    on the clause, right after the cue's object and before the clause's subject:
    `told African-Americans this weekend he would consider it ...` (PolNeAR dev) says
    when they were told. Right after the cue a time may be what was said (`said next
    year taxes would rise`), and is left in."""
    doc = clause.doc
    when = next((k for k in clause.lefts if k.left_edge.i == a), None)
    if when is None or when.dep_ != "npadvmod" or when.ent_type_ not in ("DATE", "TIME") \
            or not any(k.dep_ in ("dobj", "dative") and k.right_edge.i == a - 1 for k in tok.children) \
            or not any(k.dep_ in INHERITED_SUBJ_DEPS and k.i > when.i for k in clause.lefts):
        return a
    a = when.right_edge.i + 1
    while a < clause.i and doc[a].is_punct:
        a += 1
    return a


def _after_colon(tok: Token, clause: Token) -> bool:
    """A colon or semicolon stands between ``clause`` and the cue after it: the clause is
    the writer's lead-in, not what the cue reports (`It is on social issues that they
    lean left: 42% say they're liberal`, `We have been here before: Osama bin Laden
    declared war on the United States`, `World leaders denounce N. Korea test; Obama,
    others vow consequences`; PolNeAR train and dev). The parser may hang the mark on
    the clause or on the cue."""
    return any(t.text in (":", ";") and (t.i > clause.right_edge.i or t.head.i in (clause.i, tok.i))
               for t in tok.doc[clause.i:tok.i])


def _complement_after(tok: Token) -> bool:
    """The cue has what it reports right after it, a gerund or an object, so a clause the
    parser hung before it is none of its content (`In his 2002 book, ''Make Your Kid a
    Millionaire,'' Mr. McKinley suggested looking at ...`: the title came out as the
    content, PolNeAR dev; BBC: `..., An EU spokesman in Washington dismissed the US
    complaint`). A gerund only after a verb of a position (``reporting_verbs.txt`` kind
    ``position``: `suggested looking`, not BBC `"...," Williams said referring to her
    match`, `..., he said adding that ...`); not an object that can speak, whom the cue
    addresses or quotes (`<content>, she told reporters`, `..., Kennedy wrote Linick`,
    BBC: `is warning a committee of MSPs`, `reports a union source as saying`), nor one
    without a determiner (BBC: `Gibson said backstage at the event`). PolNeAR dev: 3
    more gold quotes found, 4 rows outside the gold fewer (with ``_after_colon``);
    train: 2 and 9."""
    doc = tok.doc
    k = tok.i + 1
    while k < len(doc) and doc[k].head.i == tok.i and doc[k].dep_ in ("prt", "advmod"):
        k += 1
    for c in tok.rights:
        if c.left_edge.i != k:
            continue
        if c.dep_ == "xcomp" and c.tag_ == "VBG":
            return of_kind(tok, "position")
        if c.dep_ == "dobj":
            return not can_speak(c) and not addresses_object(tok) and doc[k].tag_ in ("DT", "PDT", "PRP$")
    return False


def _subordinate(clause: Token) -> bool:
    """``clause`` opens with a subordinator of ``adverbial_openers.txt`` kind ``after``
    (its first word past punctuation). Not one the parser hung on the clause from inside
    it (`suggests that globalization ... since the turn of the century have contributed
    ...`, PolNeAR train; BBC: `said AOL's underlying profit before exceptional items rose
    8%`, `I think the person as opposed to the song has been voted for`)."""
    doc = clause.doc
    first = next((t for t in doc[clause.left_edge.i:clause.i] if not t.is_punct), None)
    return first is not None and first.dep_ == "mark" and first.head.i == clause.i \
        and first.lower_ in adverbial_openers("after")


def _infinitive_goes_on(verb: Token, cue: Token, a: int, b: int) -> bool:
    """A bare verb the parser hung on the cue, right after content [a, b] that ends
    with a to-infinitive: the next item of that infinitive's list (`said money is
    needed to develop a vaccine, educate the public and learn more ...`, PolNeAR
    train). Not after a cue spelt as its base form, which such a verb may go on from
    (`Campaigners say the money was used to build roads, and demand an inquiry`), nor
    a reporting verb, nor a verb with an auxiliary or an opener of its own."""
    if verb.dep_ not in ("conj", "advcl") or verb.tag_ != "VB" or is_base_spelling(cue) or has_subject(verb) \
            or any(k.dep_ in ("aux", "mark") for k in verb.children) or is_cue(verb, report_lexicon()):
        return False
    doc = cue.doc
    if not _only_joiners(doc, b, verb.left_edge.i):
        return False
    last = b
    while last > a and doc[last].is_punct:
        last -= 1
    return any(t.tag_ == "VB" and is_to_infinitive(t) and t.right_edge.i >= last for t in doc[a:last + 1])


def _only_joiners(doc: Doc, b: int, start: int) -> bool:
    """Only punctuation and conjunctions between the end ``b`` of a content and ``start``."""
    return all(t.is_punct or t.dep_ == "cc" for t in doc[b + 1:start])


def _object_as_subject(tok: Token, clause: Token) -> Token | None:
    """The clause's subject that the parser hung on the cue as its object: a clause
    without a subject right after the cue's object, nothing but punctuation between
    (BBC: `Mr Greenspan warned Asian states could soon stop funding the US deficit`
    gave `could soon stop ...`; 9 of 3,416 quotes of 400 BBC articles, each whole
    now). Not after a cue whose object is whom it addresses (`told reporters`)."""
    if clause.i < tok.i or has_subject(clause) or addresses_object(tok) \
            or all(k.is_punct for k in clause.children):  # a lone auxiliary (a headline's `Doesn’t` split)
        return None
    obj = next((k for k in tok.children if k.dep_ == "dobj" and tok.i < k.i < clause.i), None)
    if obj is None or not all(t.is_punct for t in tok.doc[obj.right_edge.i + 1:clause.left_edge.i]):
        return None
    return obj


def _summary_after_dash(c2: Token, b: int, quoted=None) -> bool:
    """`said he doesn't ... want to kill the families of terrorists — a controversial
    proposal he has raised ...`, `..., a swipe at the recent disturbances ...`: a noun
    phrase after a dash, or an indefinite one after a comma, that the parser made a
    second content clause is the writer's summary (PolNeAR train: 3 more gold quotes
    found, 3 rows outside the gold fewer). Not a word that goes on with the clause (`at
    one gigabit a second - up to 20 times faster ...`, `..., should Labour win` with
    `win` tagged a noun), nor words in quotation marks, the speaker's own (`debt relief
    - "the vast bulk" of money owed ...`; all three BBC)."""
    doc = c2.doc
    first = doc[c2.left_edge.i]
    return c2.pos_ in ("NOUN", "PROPN", "PRON") \
        and (any(is_dash(t) for t in doc[b:c2.left_edge.i]) or first.lower_ in ("a", "an")) \
        and not (quoted is not None and any(quoted(t) for t in doc[c2.left_edge.i:c2.right_edge.i + 1]))


def _in_subtree(t: Token, root: Token) -> bool:
    return t.i == root.i or root.is_ancestor(t)


_DETOUR_DEPS = frozenset({"prep", "pobj", "npadvmod", "dobj", "dative", "advmod"})


def _detached_clause(tok: Token, quoted=None) -> Content | None:
    """`claimed at the time that ...`, `told reporters at a rally that ...`: the parser
    hangs the that-clause from a noun of a phrase between; the clause is still what
    was said. Only through prepositional phrases, objects and adverbials, never
    through another verb."""
    stack = [c for c in tok.rights if c.dep_ in _DETOUR_DEPS and _circumstance(c)]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.i < t.i:
                continue
            if c.dep_ in ("acl", "relcl", "ccomp", "advcl") and c.pos_ in VERB_POS and _that_clause(c):
                return clause_from(c.left_edge.i + 1, c, tok, quoted)  # after `that`
            if c.dep_ in _DETOUR_DEPS and c.pos_ not in VERB_POS and _circumstance(c):
                stack.append(c)
    return None


def _inverted_clause(tok: Token, quoted=None) -> Content | None:
    """`While he acknowledged funding was a major reason he felt demoralized ..., Ham
    also noted ...`: the parser hung a cue with nothing after it on the clause that
    follows it, as an adverbial; that clause, from its subject right after the cue,
    is what was said (PolNeAR dev; BBC: `although Baros insisted thoughts of
    quitting Anfield are "not in my mind right now"`). Only after a contrast
    (``adverbial_openers.txt``): after `if` or `when` the clause the parser found
    runs on into the main clause (`when Mr Johnson had announced Mr Smith was going
    he got the "clear impression" ...`, BBC)."""
    v = tok.head
    if tok.dep_ != "advcl" or tok.right_edge.i != tok.i or v.pos_ not in VERB_POS or v.i < tok.i \
            or not opened_by(tok, "contrast"):
        return None
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i), None)
    if subj is None or subj.left_edge.i != tok.i + 1:
        return None
    return clause_from(tok.i + 1, v, tok, quoted)


def _inverted_that_clause(tok: Token, quoted=None) -> Content | None:
    """`The nominee continues to insist, most recently in an interview, that he
    really wants to release his taxes`: after a long aside the parser makes the
    that-clause the main clause and hangs the cue's clause on it; the clause from
    `that` on is still what was said (PolNeAR dev)."""
    v = tok
    while v.dep_ == "xcomp":  # `continues to insist`
        v = v.head
    main = v.head
    if v.dep_ != "ccomp" or main.pos_ not in VERB_POS or main.i < tok.i or not has_subject(main):
        return None
    mark = next((c for c in main.children if c.dep_ == "mark" and c.lower_ == "that" and c.i > v.right_edge.i), None)
    if mark is None:
        return None
    return clause_from(mark.i + 1, main, tok, quoted)


def _circumstance(t: Token) -> bool:
    """A word on the way from a cue to a detached that-clause: a preposition or a number,
    the time or occasion of the saying (`at the time`, `at a news conference last week`,
    a noun whose `of` names one: `in one of a series of Twitter messages`), or who was
    addressed (`told reporters`); never a noun with a that-clause of its own (`think
    about the possibility that ...`)."""
    if t.pos_ in ("ADP", "ADV", "PART", "NUM"):
        return True
    if t.ent_type_ in ("DATE", "TIME") or is_speech_occasion(t):
        return True
    # (PolNeAR train)
    if any(is_speech_occasion(o) for o in of_objects(t)):
        return True
    # who was addressed: `told reporters`, `told the audience at his fundraiser for
    # veterans that ...` (the parser hung the that-clause on `veterans`)
    return t.dep_ in ("dobj", "dative", "pobj") and (t.pos_ in ("PROPN", "PRON") or can_speak(t))


def _that_clause(v: Token) -> bool:
    """A clause opened by the complementiser `that` (which the parser may label a
    relative adverb when the clause hangs from a noun, or a relative pronoun whose place
    the clause fills with another word: `predicted at the most recent GOP debate that
    Republicans will take "every state"`, PolNeAR train), with a subject of its own."""
    first = v.doc[v.left_edge.i]
    if first.lower_ != "that" or first.head.i != v.i:
        return False
    if first.dep_ == "dobj":
        others = [c for c in v.children if c.i != first.i]
        return any(c.dep_ == "dobj" for c in others) and any(c.dep_ == "nsubj" for c in others)
    return first.dep_ in ("mark", "advmod") and has_subject(v)


# --- 3. to-infinitives ------------------------------------------------------------


def _to_infinitive(tok: Token, after: int = -1) -> Token | None:
    for c in tok.rights:
        if c.i <= after:
            continue
        if c.dep_ == "xcomp" and c.pos_ in VERB_POS and is_to_infinitive(c):
            return c
        if c.dep_ == "ccomp":
            return None
    return None


def _infinitive(tok: Token) -> Content | None:
    """`pledged to cut taxes`; `urged voters to register` (the addressee belongs to
    what was urged; PolNeAR train annotates it with the infinitive)."""
    c = _to_infinitive(tok)
    if c is None:
        return None
    a, b = c.left_edge.i, c.right_edge.i
    addressee = next((k for k in tok.children if k.dep_ in ("dobj", "dative") and tok.i < k.i < c.i), None)
    if addressee is not None:
        a = min(a, addressee.left_edge.i)
    for k in tok.rights:
        # `pledged to enact judicial reform, fix the campaign finance system`: the
        # parser may hang the second infinitive from the cue
        if k.i > b and k.dep_ == "conj" and k.tag_ == "VB" and not has_subject(k) and k.left_edge.i <= b + 3:
            b = k.right_edge.i
    # (`vowed to work to repeal the Hyde Amendment, a longstanding federal provision ...`,
    # `pledged to bolster its military, reversing its ... pacifism`: PolNeAR train, 3
    # more gold quotes found, 3 rows outside the gold fewer)
    return Content(a, trim_tail(tok.doc, a, b, c, tok), "infinitive")


# --- 6. passives ------------------------------------------------------------------


def _passive_subject(tok: Token) -> Content | None:
    """`The move was first reported by the Post`: what was reported is the passive
    subject (its speaker is the agent, see ``subjects.subject_of``). Only for a verb whose
    object can be what was said (kind ``object``): `The song was written by Lionel
    Richie`, `were admitted to hospital` report nothing (BBC)."""
    if not any(c.dep_ == "agent" for c in tok.children):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subj is None or (subj.pos_ == "PRON" and subj.left_edge.i == subj.right_edge.i):
        return None
    return Content(subj.left_edge.i, subj.right_edge.i, "passive")
