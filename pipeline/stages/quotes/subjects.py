"""Who does a reporting verb: the speaker *mention* of a cue on one spaCy parse
(resolving it to a name is ``speakers``' job).

``subject_of`` takes a verb's nominal subject, inherited along conj/xcomp chains and
through the shapes in which the small parser hides it: a speaker after the verb
(`"...," said X`), the object of a verb that made someone speak (`forced Stumpf to
admit`), someone shown or heard (`footage of Hillary Clinton asking`), the possessor
of a past response (`his best response was to say`), the first of two verbs the
parser did not coordinate, a name whose apposition ends before the verb. Used by
``attribution``, ``before_quote``, ``after_quote``, ``indirect`` and ``stage``; the cue
lexicons and what can speak are in ``cues``.
"""
from __future__ import annotations

from spacy.tokens import Token

from ...nlp.lemmas import lemma as lemma_of
from ...resources import depiction_words, word_set
from ..names import title_words
from .conjuncts import conjunct_head
from .cues import MUTE_ENTS, VERB_POS, attribution_lexicon, can_speak, is_cue, speaker_like, speaking_noun, speaking_possessor
from .mentions import worded
from .objects import first_child
from .records import DASHES, breaks_paragraph, is_dash
from .sources import DATELINE_TAIL, NOT_SOURCES, a_thing, source_noun_kind
from .verb_forms import FINITE, INHERITED_SUBJ_DEPS, has_subject, is_to_infinitive


# Subject dependencies that name who speaks (a passive subject is what was said, not who).
_SUBJ_DEPS = frozenset({"nsubj"})
# A cue verb without a subject of its own takes the subject of the verb it hangs
# from: `He said X and added that ...` (conj), `wants to say` (xcomp),
# `..., adding that ...` (advcl with a gerund).
_PRONOUN_NO_SPEAKER = frozenset({"there", "this", "that", "what", "which", "who", "whom"})
_RELATIVE = frozenset({"who", "that", "which"})


_INVERTED_DEPS = frozenset({"dobj", "attr", "npadvmod", "appos", "nsubjpass", "oprd", "dep", "pobj"})


def _speaker_word(t: Token) -> bool:
    """A word that can name a speaker and is no date or number (``sources.NOT_SOURCES``)."""
    return speaker_like(t) and t.ent_type_ not in NOT_SOURCES


def _inverted_subject(verb: Token) -> Token | None:
    """`"...," said Leslie Wimes`: after a quote the parser sometimes files the
    post-verbal speaker as an object; take a name or role noun right after the verb.
    `"...," tweeted Rubio spokesman Alex Conant`: it took the verb for an adjective of
    the name (PolNeAR train)."""
    if verb.dep_ == "amod" and verb.tag_ in FINITE and verb.head.left_edge.i == verb.i:
        head = verb.head
        while head.dep_ in ("compound", "poss") and head.head.i > head.i:
            head = head.head  # (through a possessor to whom it names: `Alex Conant's aide`)
        return head if _speaker_word(head) else None
    for c in verb.rights:
        if c.dep_ in ("punct",):
            continue
        if c.dep_ in _INVERTED_DEPS and c.left_edge.i - verb.i <= 2 \
                and (_speaker_word(c) or source_noun_kind(c) == "document"):
            # (`said Monday`: a date is no speaker; `"...," read the email`: a document
            # speaks for its authors, docs/guidelines.md §4.6; PolNeAR train)
            return c
        return None
    return None


def _reporting_between(participle: Token) -> Token | None:
    """The reporting verb with a subject, in parataxis, that the head of ``participle``
    holds between the two (`"Too much hate," she said, blaming ...`, PolNeAR train)."""
    head = participle.head
    return next((k for k in head.children if k.dep_ == "parataxis" and head.i < k.i < participle.i
                 and k.pos_ in VERB_POS and has_subject(k) and is_cue(k, attribution_lexicon())), None)


def _shouting_heading(tok: Token) -> bool:
    """An all-caps dateline or section word the parser took for a subject
    (`WASHINGTON -- President Obama ... said`, `THE BORROWING Back when ...`):
    not an organisation acronym like CNN or NATO."""
    return len(tok.text) >= 4 and tok.text.isupper() and tok.text.isalpha() and tok.ent_type_ not in ("ORG", "PERSON")


def _dateline_place(tok: Token) -> bool:
    """A place that opens its line and is followed by a dateline's tail (`New York (AFP) –
    Vice President Joe Biden on Monday hit ...`: the parser made the place the subject and
    the person its apposition; PolNeAR train). The place never speaks (docs/guidelines.md
    §4); the person the parser hung on it does (``_heading_person``)."""
    if tok.ent_type_ not in ("GPE", "LOC"):
        return False
    doc = tok.doc
    start, end = tok.i, tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    if start > 0 and not breaks_paragraph(doc[start - 1]):
        return False
    tail = doc[end].whitespace_ + "".join(t.text_with_ws for t in doc[end + 1:end + 8])
    return DATELINE_TAIL.match(tail) is not None


def _heading_person(tok: Token) -> Token | None:
    """The name the parser hung on a heading word: the last one, nearest the verb, not
    the date, agency or place of a dateline before it (PolNeAR train: `CLEVELAND, July
    19 (UPI) — Former Attorney General Michael Mukasey told delegates ...` gave "July
    19", `LA CROSSE, Wisc. — Gov. Mike Pence on Thursday blamed ...` "LA"), nor a date
    hung on it after the name (`WASHINGTON — Sen. Ted Cruz Tuesday said ...`)."""
    got = None
    for c in tok.children:
        if c.dep_ in ("appos", "conj", "npadvmod", "compound") and c.pos_ == "PROPN" and not _shouting_heading(c) \
                and _speaker_word(c):
            got = c
    return got


def _person_in_time(subj: Token) -> Token:
    """A date or time the parser made the subject, with a person named inside it: that
    person (PolNeAR train: `Broaddrick Sunday night recounted ...`, `Saturday at the
    Massachusetts Democratic state’s party convention Sen. Elizabeth Warren (D-MA)
    said ...`); the last one named, outside a clause that describes it (BBC: `The
    27-year-old, who captained St Helens to ...`, an age the tagger took for a date, is
    no time). Else the subject as it is."""
    if subj.ent_type_ not in ("DATE", "TIME"):
        return subj
    names = [t for t in subj.subtree if t.ent_type_ == "PERSON" and t.head.ent_type_ != "PERSON"
             and not _in_clause_below(t, subj)]
    if not names:
        return subj
    # (a possessor names whose the speaker is: `Tuesday, Clinton's campaign said`)
    return names[-1].head if names[-1].dep_ == "poss" and names[-1].head.i != subj.i else names[-1]


_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp"})


def _in_clause_below(tok: Token, top: Token) -> bool:
    """``tok`` lies in a clause hung below ``top`` (one of its subtree)."""
    while tok.i != top.i:
        if tok.dep_ in _CLAUSE_DEPS:
            return True
        tok = tok.head
    return False


def subject_of(verb: Token, inverted: bool = False, avoid=None) -> Token | None:
    """Who does ``verb``: its nominal subject, inherited along conj/xcomp chains;
    with ``inverted``, also a speaker placed right after the verb (`said X`).
    ``avoid(token)``: subjects to pass over (a word inside the quote itself, which
    the parser sometimes files as a second subject: `"... mode," said Wimes`); a verb
    the parser coordinated with an avoided one inherits no subject through it."""
    if inverted:
        got = subject_of(verb, avoid=avoid)
        if got is None and not any(c.dep_ in _SUBJ_DEPS and not (avoid and avoid(c)) for c in verb.children):
            got = _inverted_subject(verb)
        return got
    agent = passive_agent(verb)
    if agent is not None and not (avoid and avoid(agent)):
        return agent  # `was first reported by The Washington Post`
    v = verb
    inherited_advcl = False
    extraposed = False  # the last step went up from an infinitive to a copula with a predicate
    for _ in range(6):
        at_copula, extraposed = extraposed, False
        # A verb whose subject is inherited may take a passive subject too: `Mr. Trump
        # was forced into damage control and said ...`, `was asked to explain`.
        deps = _SUBJ_DEPS if v is verb else INHERITED_SUBJ_DEPS
        # nearest subject first: `for people with ... ideas to organize ..., she said`
        # can come out with two subjects of `said`
        subj = next((w for c in sorted(v.children, key=lambda c: abs(c.i - v.i))
                     if c.dep_ in deps and (w := worded(c)) is not None and not (avoid and avoid(w))), None)
        if subj is not None:
            if subj.lower_ in _RELATIVE and v.dep_ == "relcl":
                # `Mr. Clarke, who said ...`: the noun the clause describes;
                # `released a letter that says ...`: who released it
                return _who_antecedent(v) if subj.lower_ == "who" else _antecedent(v.head)
            if subj.lower_ in _PRONOUN_NO_SPEAKER or (subj.lower_ == "it" and at_copula):
                return None
            if _shouting_heading(subj):
                return _heading_person(subj)
            if _dateline_place(subj):
                # (a place before a bracketed aside is no dateline's: `China (the largest
                # emitter) said ...` keeps its subject)
                subj = _heading_person(subj) or subj
            subj = _person_in_time(subj)
            if v is verb:
                subj = _last_conjunct(subj, verb)
            if not inherited_advcl or can_speak(subj):
                return subj
            # `This document aims to ..., emphasizing opposition`: a gerund inherits only
            # a subject that can speak; one hung inside a reported clause goes on to the
            # reporting verb (`Trump argued that a database would keep people out,
            # saying ...`; PolNeAR train); else the clause before its comma may give one
            if v.dep_ not in ("ccomp", "conj", "xcomp"):
                return _speaker_of_clause_before(verb, v, avoid)
        if v is verb and verb.i > 0:
            # `"Cruz," Beck joked`: a name right before the verb and hanging from it
            # (as `compound`) is its subject, before any inherited one.
            prev = verb.doc[verb.i - 1]
            if prev.pos_ == "PROPN" and prev.head.i == verb.i and not (avoid and avoid(prev)):
                return prev
        if v.dep_ == "conj":
            head = conjunct_head(v)
            if v is verb and avoid is not None and avoid(head) and (head.dep_ in ("ccomp", "xcomp") or not any(
                    c.dep_ in INHERITED_SUBJ_DEPS and not avoid(c) for c in head.children)):
                # `“..., We will achieve justice in this case,” Tulsa police Chief Chuck
                # Jordan said Monday`: the parser coordinated the verb with the quote's
                # own; no one inside the quote is its subject (PolNeAR dev), nor the
                # subject of a quoted verb of what was reported (`said that the organs
                # ... should be "made available ..." and proposed ...`, BBC). A quoted
                # main verb with its subject outside the marks still gives it (`Jones
                # “flatly rejected” the offer and said: ...`).
                break
            v = head
        elif v.dep_ == "xcomp":
            controller = (_object_controller(v) or _depicted_speaker(v) or _possessor_of_copula(v)) if v is verb else None
            if controller is not None:
                return None if avoid and avoid(controller) else controller
            v = v.head
            if v.dep_ == "acomp":  # `Sexton was quick to point out`, `are more likely to say`
                v = v.head
            extraposed = _extraposing(v)
        elif v.dep_ == "advcl" and v.tag_ == "VB" and is_to_infinitive(v):
            # a purpose clause: `Groberg then went on to explain what ...` (not `the
            # decision will increase the pressure on her to say ...`: someone who can speak)
            inherited_advcl = True
            v = v.head
        elif v.dep_ in ("advcl", "dep") and v.tag_ in FINITE and v.head.tag_ == "VBG" and v.head.dep_ == "ROOT" \
                and has_subject(v.head) and not any(k.dep_ in ("mark", "aux") for k in (*v.children, *v.head.children)):
            # `Protesters marching through the streets chanted "What curfew?"`: the parser
            # took the participle for the main verb and hung the finite one on it (also as
            # `dep`: `Republican activists clamoring to block Donald Trump ... say ...`,
            # PolNeAR train); the subject is both's (PolNeAR dev)
            v = v.head
        elif (v is verb or inherited_advcl) and _taken_for_relative(v, avoid):
            return None if avoid and avoid(v.head) else v.head
        elif v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
            said = _reporting_between(v)
            if said is not None:
                # `"Too much hate," she said, blaming some of it on ...`: the parser took the
                # quoted words for the main clause and hung both the reporting verb and the
                # participle on them; the participle goes on from the reporting verb
                inherited_advcl = True
                v = said
                continue
            # `footage of Hillary Clinton asking, "..."`, `with analysts saying ...`,
            # `issued a statement saying ...` (PolNeAR train)
            got = _antecedent(v.head)
            return None if got is None or (avoid and avoid(got)) else got
        elif v.dep_ in ("advcl", "pcomp", "acl") and v.tag_ == "VBG":
            # `..., saying that ...`, `in saying ...`: the gerund's subject is the clause's
            inherited_advcl = True
            v = v.head if v.dep_ != "pcomp" else v.head.head
            if v.dep_ == "advmod" and v.lower_ in ("aside", "apart"):
                v = v.head  # `aside from saying ...` (PolNeAR dev); not `instead of saying ...`
            if v.dep_ == "ccomp" and v.head.pos_ in VERB_POS and is_cue(v.head, attribution_lexicon()):
                # `He denied fathers' activists had forced the changes, telling the BBC
                # "..."` (BBC politics), `Trump argued that a database would keep people
                # out, saying ...` (PolNeAR train): a participle the parser hung inside a
                # reported clause speaks with the reporting verb's subject
                v = v.head
            elif v.i < verb.i and v.head.i != v.i \
                    and any(k.dep_ == "advmod" and k.lower_ in ("where", "when") and k.i < v.i for k in v.children) \
                    and any(k.text in DASHES and v.i < k.i < verb.i for k in v.children):
                # `looping the streets around the stadium - where the Panthers played the
                # Vikings - while chanting, "..."`: a clause of place or time set off by dashes
                # that the parser hung the participle after it on; whoever the clause hangs on
                # chants (PolNeAR dev; not `Congress, where he appeared ... for saying ...`)
                v = v.head
        elif inherited_advcl and v.dep_ in ("ccomp",):
            v = v.head
        elif (first := _first_of_coordinated(v)) is not None:
            v = first
        else:
            break
    if v is not verb:
        return None
    doc = verb.doc
    if _imperative(verb):
        # no one before an imperative speaks it, neither a name it addresses (`Senator
        # Warren, tell us what ...`) nor the end of an apposition (BBC: `... is
        # Euroscepticism, so explain to me how ...` gave the quote to "Euroscepticism")
        return None
    # The small parser sometimes misses the subject of a reporting verb after a long
    # opener (`In a meeting with the Washington Post Trump said that ...`): a proper
    # name right before the verb is its speaker.
    k = verb.i - 1
    if k >= 1 and doc[k].text == "," and doc[k - 1].pos_ == "PROPN":
        k -= 1  # `her senior policy adviser, Jake Sullivan, said: ...`
    prev = doc[k] if k >= 0 else None
    if prev is not None and prev.pos_ == "PROPN" and not verb.is_sent_start:
        return prev
    return _apposed_subject(verb)


def _taken_for_relative(v: Token, avoid=None) -> bool:
    """`a man yelled “Stay there!”`, `Donald Trump, the front-runner, tweeted on Friday
    that ...`: the parser hung the verb ``v`` on the noun before it (``acl``; nothing
    between but the noun's own apposition or relative clause) as if it began a reduced
    relative, which takes a participle (`a statement released Tuesday`), not a verb in
    the past tense, and leaves the sentence a verb of its own: ``v`` is in the past tense,
    or (in any form) reports a clause under a noun that is the sentence's root; it has no
    `by` agent; and the noun is the root, or the subject of a quoted verb only (not of a
    verb outside the quotes: `A blog, called the "Feed," ... pumps out articles`; nor an
    object: `a package of security measures agreed with the US`, BBC). The noun is then
    its subject, and that of a clause that inherits it (`... set up to highlight ...`;
    PolNeAR train: the quote went to a cue earlier in the sentence, or to no one)."""
    noun = v.head
    if v.dep_ != "acl" or noun.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    root = noun.dep_ == "ROOT"
    if not (root or noun.dep_ in INHERITED_SUBJ_DEPS and avoid is not None and avoid(noun.head)):
        return False
    if not (v.tag_ == "VBD" or root and any(c.dep_ == "ccomp" for c in v.children)):
        return False
    return not any(c.dep_ == "agent" for c in v.children) and all(noun.is_ancestor(t) for t in v.doc[noun.i + 1:v.i])


def _extraposing(v: Token) -> bool:
    """``v`` is a copula with a predicate adjective or noun: its subject `it` stands for the
    infinitive or gerund after it (`it was wholly wrong to suggest that ...`, `it is hard
    to say whether ...`, `It's all very well criticising that policy`), so nobody it names
    says that (BBC politics: 10 quotes were given to the body named before, "UK
    government", "High Court"; PolNeAR annotates `It is important to note that ...` with no
    source). `it was to report ...` (no predicate) still refers to someone."""
    return lemma_of(v) in ("be", "become", "seem") and any(c.dep_ in ("acomp", "attr") for c in v.children)


def _speaker_of_clause_before(verb: Token, main: Token, avoid=None) -> Token | None:
    """`The first incident came during a speech ..., when Sanders protesters interrupted
    her speech, shouting “she wins, we lose!”`: the parser hung the participle ``verb`` on
    the ``main`` verb, whose subject cannot speak; the clause of the word before the comma
    before it (the first subordinate, relative or coordinated clause up that word's heads,
    short of ``main`` or the root) has a subject that can, and it is who shouts (PolNeAR
    train)."""
    doc = verb.doc
    k = verb.i - 1
    if k < 1 or doc[k].text != "," or doc[k - 1].is_punct:
        return None
    t = doc[k - 1]
    for _ in range(8):
        if t.i == main.i or t.head.i == t.i:
            return None
        if t.pos_ in VERB_POS and t.dep_ in ("advcl", "relcl", "conj"):
            subj = subject_of(t, avoid=avoid)
            return subj if subj is not None and can_speak(subj) else None
        t = t.head
    return None


def _first_of_coordinated(v: Token) -> Token | None:
    """`Trump further summed up Clinton as “terrible,” denounced her record ... and said
    she should not ...`: the parser made the first of coordinated verbs a clause
    (`advcl` or `ccomp`) of the second, which is left without a subject; the first lends
    it its own when it opens the sentence in the same tense (not a quote in another
    tense, nor a clause after an opening quotation mark: PolNeAR train), only
    punctuation follows it (not `The bickering began ..., as Peña Nieto, contradicting
    Trump, said ...`: PolNeAR) and no dash sets part of it off (PolNeAR train: 5 more
    gold quotes found, 2 wrong speakers fewer, no new row outside the gold)."""
    if v.dep_ != "ROOT" or v.tag_ not in FINITE or has_subject(v):
        return None
    doc = v.doc
    for c in v.lefts:
        if c.dep_ not in ("advcl", "ccomp") or c.tag_ != v.tag_ \
                or c.left_edge.i != v.sent.start or not all(t.is_punct for t in doc[c.right_edge.i + 1:v.i]):
            continue
        if any(is_dash(t) for t in doc[c.left_edge.i:c.right_edge.i + 1]):
            # (not a dash: an apposition the parser took for a clause, `A
            # representative for the Ivanka Trump brand - a 12-employee business pitched as
            # "..." - noted that ...`, ``opening_speaker``)
            continue
        if any(k.dep_ == "dobj" and can_speak(k) and all(t.is_punct for t in doc[k.right_edge.i + 1:v.i])
               for k in c.children):
            # (not after an object that can speak: it is the second verb's subject, BBC
            # `But Mr Howard denied Mr Yeo, his transport and environment spokesman, said
            # the plans "stink"`; a quoted thing is none: `Clinton supports "appropriate
            # pay raises," opposes ...`)
            continue
        after = _inverted_subject(v)
        if after is not None and all(t.is_punct for t in doc[after.right_edge.i + 1:v.sent.end]):
            return None  # `Prices rose, said the minister.`: the speaker after the verb, taken for its object
        return c
    return None


def _imperative(verb: Token) -> bool:
    """A base form with neither subject nor auxiliary that opens its clause (after a
    comma, a conjunction or an adverb, or first in its sentence). A base form right
    after a noun is more likely a mis-tagged noun or present tense (`According to the
    Datamonitor report the trend ...`, BBC: the report is the source)."""
    if verb.tag_ != "VB" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    prev = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    return prev is None or prev.is_punct or prev.pos_ in ("CCONJ", "SCONJ", "ADV")


def _object_controller(xcomp: Token) -> Token | None:
    """`forced Stumpf to admit that ...`, `led Apacs to conclude ...`: the object of a
    verb of ``object_control_verbs.txt``, between it and the cue, an infinitive hung on
    it, does the infinitive when it can speak. Only for the cue itself: a participle
    the parser hung on such an infinitive (`urged people ... to develop ..., telling
    them to ...`) keeps the subject it inherits."""
    head = xcomp.head
    if lemma_of(head).lower() not in word_set("object_control_verbs"):
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < xcomp.i), None)
    if obj is None:
        return None
    # (also a person by sex or occupation: `prompted his wife ... to make a controversial
    # comment`, PolNeAR dev; not a document or a speech)
    return obj if can_speak(obj) or (speaking_noun(obj) and source_noun_kind(obj) not in ("document", "speech")) \
        else None


def _depicted_speaker(xcomp: Token) -> Token | None:
    """`The ad uses footage of Hillary Clinton asking, "..."`, `quoted Mr Clarke telling
    ...`: a participle the parser made the complement of a verb, right after that verb's
    object, is said by the object's last noun when it can speak, where the verb or the
    object shows or hears someone (``depiction_words.txt``; not `left UKIP saying ...`)."""
    if xcomp.tag_ != "VBG" or xcomp.i == 0:
        return None
    last = xcomp.doc[xcomp.i - 1]
    obj = next((c for c in xcomp.head.children if c.dep_ == "dobj" and c.right_edge.i == last.i), None)
    if obj is None or not (lemma_of(xcomp.head).lower() in depiction_words("verb")
                           or lemma_of(obj).lower() in depiction_words("noun")):
        return None
    return last if speaker_like(last) and last.ent_type_ not in MUTE_ENTS else None


def _possessor_of_copula(xcomp: Token) -> Token | None:
    """`his best response was to say he would ...`: the infinitive after a past `be` whose
    subject is a thing someone has (``sources.a_thing``) is said by its possessor, a
    person (not `its`, `their`; PolNeAR dev); not advice in the present (`Trump's best
    argument ... is to argue that ...`)."""
    if lemma_of(xcomp.head).lower() != "be" or xcomp.head.tag_ != "VBD" or not is_to_infinitive(xcomp):
        return None
    subj = first_child(xcomp.head, ("nsubj",))
    if subj is None or not a_thing(subj):
        return None
    return next((c for c in subj.children if speaking_possessor(c)), None)


_NOT_SPEAKER_LABELS = NOT_SOURCES | {"GPE", "LOC", "FAC", "EVENT"}


# the dashes that set an apposition off (a plain hyphen would as often join words)
_SPACED_DASHES = DASHES - {"-"}


def _apposed_subject(verb: Token) -> Token | None:
    """`At Boca West, where ..., Jay DiPietro, the club's president, suggested that ...`:
    after a long opener the small parser may hang the speaker, with its apposition, from
    a noun of the opener and leave the verb without a subject. The person whose
    apposition ends right before the verb (past its comma and the verb's adverbs: `also
    railed against`, `bluntly suggested`; 2 more gold quotes found on PolNeAR train, no
    new row outside the gold) speaks (PolNeAR train)."""
    if verb.dep_ not in ("ROOT", "conj") or any(c.dep_ in INHERITED_SUBJ_DEPS for c in verb.children):
        return None
    for c in verb.lefts:
        if c.dep_ in ("nummod", "npadvmod", "quantmod") and c.pos_ in ("NUM", "NOUN") \
                and c.ent_type_ in ("CARDINAL", "PERCENT", ""):
            # `About 4 in 10 say they want ...`: a poll's share of people, hung on the verb
            return c
        if c.dep_ in ("ccomp", "advcl", "parataxis", "relcl") \
                and any(k.dep_ == "nsubj" and k.lower_ == "who" for k in c.children):
            # `Sanders, meanwhile, who sits at zero endorsements, said ...`: the parser
            # made the relative clause the verb's clause and its antecedent that clause's subject
            named = next((k for k in c.children if k.dep_ == "nsubj" and k.lower_ != "who" and k.i < c.i
                          and k.pos_ in ("PROPN", "NOUN")), None)
            if named is not None:
                return named
    doc = verb.doc
    first = verb.sent.start
    k = verb.i - 1
    while k > first and (doc[k].text == "," or doc[k].text in _SPACED_DASHES
                         or (doc[k].dep_ == "advmod" and doc[k].head.i == verb.i)
                         or (doc[k].like_num and doc[k - 1].text == "," and doc[k + 1].text == ",")):
        # (and the verb's own adverb: `..., Paul Manafort, bluntly suggested that ...`, or an
        # age: `Marcel Lehel Lazar, 44, said that ...`, PolNeAR train)
        k -= 1
    t = doc[k]
    if t.pos_ not in ("NOUN", "PROPN") or t.i == first or t.head.i == verb.i:
        return None
    if t.pos_ == "NOUN" and t.ent_type_ in ("PERCENT", "CARDINAL") and t.dep_ in ("appos", "conj") \
            and doc[t.i + 1].text == ",":
        # `Among likely GOP primary voters, about two-thirds, 67 percent, say ...`: a poll's
        # share set off after the group it is a share of (PolNeAR train); not a figure
        # (`the official unemployment rate of 4.9 percent, suggested ...`)
        return t
    best = None
    for _ in range(6):
        if t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and not t.ent_type_) or t.lower_ in title_words():
            if t.ent_type_ not in _NOT_SPEAKER_LABELS:
                best = t
        if t.dep_ not in ("appos", "conj") or t.head.i >= t.i:
            break
        t = t.head
    return best


def _last_conjunct(subj: Token, verb: Token) -> Token:
    """`The source of the attraction to Mr. Trump, union members and leaders say, is
    manifold`: the parser made the speakers a conjunct inside the content's subject and
    that subject the verb's. The noun phrase between the last comma of the subject and
    the verb, coordinated into it and holding no verb, is who speaks (PolNeAR train)."""
    if subj.i > verb.i or subj.right_edge.i != verb.i - 1:
        return subj
    doc = verb.doc
    j = verb.i - 1
    while j > subj.i and doc[j].text != ",":
        if doc[j].pos_ in VERB_POS:
            return subj
        j -= 1
    if j <= subj.i or j == verb.i - 1:
        return subj
    heads = [t for t in doc[j + 1:verb.i] if not j < t.head.i < verb.i]
    if len(heads) != 1 or heads[0].dep_ != "conj" or heads[0].pos_ not in ("NOUN", "PROPN"):
        return subj
    return heads[0]


def passive_agent(verb: Token) -> Token | None:
    """The object of a passive verb's `by` phrase (`was first reported by the Post`)."""
    agent = first_child(verb, ("agent",))
    return first_child(agent, ("pobj",)) if agent is not None else None


def _who_antecedent(relcl: Token) -> Token:
    """The noun a `who` clause describes: the one the parser hung it on, or the conjunct
    of that noun right before `, who` (`celebrities like Oprah Winfrey, Will Smith ...
    and Stevie Wonder, who joked ...`: the parser hung it on Will Smith; PolNeAR dev:
    1 speaker right, train: 4)."""
    head = relcl.head
    k = relcl.left_edge.i - 1
    while k > head.i and relcl.doc[k].is_punct:
        k -= 1
    # (not within an apposition, two descriptions of one person: `Bob Mulholland, a
    # California superdelegate and Clinton supporter, who accused ...`, PolNeAR train)
    if k > head.i and head.dep_ != "appos" and relcl.doc[k] in head.conjuncts:
        return relcl.doc[k]
    return _past_place(head)


def _past_place(noun: Token) -> Token:
    """`who` never means a place: a clause the parser hung on a place that is the object of
    a preposition after a noun (`a gynecologist from Englewood, New Jersey, who said ...`,
    PolNeAR train) describes that noun."""
    if noun.ent_type_ in ("GPE", "LOC", "FAC") and noun.dep_ == "pobj" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        return noun.head.head
    return noun


def _antecedent(noun: Token) -> Token | None:
    """Who speaks through a noun a saying clause hangs from: the noun itself when it
    can speak (`analysts saying`, `Hillary Clinton asking`) or follows `with`; for a
    document (`a statement saying`, `a letter that says`) its issuer, the subject of
    the verb it is the object of, else the document itself (`the report says`)."""
    if speaker_like(noun) or noun.head.lower_ == "with":
        return noun
    if noun.dep_ in ("dobj", "attr", "oprd") and noun.head.pos_ in VERB_POS:
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.head.pos_ in VERB_POS:
        verb = noun.head.head
    else:
        return noun
    got = subject_of(verb)
    return got if got is not None else noun
