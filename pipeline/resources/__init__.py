"""Word lists and patterns, kept as data files beside this module.

Algorithms import the loaders here; the lists themselves live in the ``.txt``
files (one entry per line, ``#`` starts a comment) so they can be reviewed and
extended without touching code.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources as _res

# Quotation marks in the wild: straight, curly, low-9, guillemets, and the
# LaTeX/PTB-style `` and '' that PolNeAR and older wire copy use.
OPENING_QUOTES = "\"“„‟«‹'‘‚`"
CLOSING_QUOTES = "\"”»›'’"
QUOTE_CHARS = frozenset(OPENING_QUOTES + CLOSING_QUOTES)


def _read(name: str) -> str:
    """The text of ``resources/<name>.txt`` (every word list is read through here)."""
    try:
        return (_res.files(__package__) / f"{name}.txt").read_text(encoding="utf-8")
    except FileNotFoundError:
        available = sorted(p.name[:-4] for p in _res.files(__package__).iterdir() if p.name.endswith(".txt"))
        raise FileNotFoundError(f"no word list {name!r}; available: {', '.join(available)}") from None


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """Entries of ``resources/<name>.txt``, comments and blanks dropped."""
    text = _read(name)
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return tuple(out)


@lru_cache(maxsize=None)
def word_set(name: str, lower: bool = True) -> frozenset[str]:
    return frozenset(w.lower() if lower else w for w in word_list(name))


@lru_cache(maxsize=None)
def org_heads(mark: str | None = None) -> frozenset[str]:
    """The heads of a body's name of ``resources/org_heads.txt`` (``head`` or ``head | mark``),
    lower case: all of them, or those marked ``mark`` (``in``: the name takes its place,
    "OSCE Office in Ashgabat"; ``unlettered``: an acronym may leave the head out, "PCS")."""
    return frozenset(w.split("|")[0].strip().lower() for w in word_list("org_heads")
                     if mark is None or w.split("|")[-1].strip() == mark)


#: The genders an entry of ``given_names.txt`` or ``gendered_nouns.txt`` can say (see their headers).
GENDER_KINDS = frozenset({"male", "female"})


@lru_cache(maxsize=None)
def given_names(kind: str) -> frozenset[str]:
    """First names of ``resources/given_names.txt`` that say ``kind`` (male, female), lower case."""
    return _words_of_kind("given_names", GENDER_KINDS, kind)


@lru_cache(maxsize=None)
def first_names() -> frozenset[str]:
    """Every first name of ``resources/given_names.txt``, whatever it tells, lower case."""
    return given_names("male") | given_names("female")


#: What an entry of ``titles.txt`` can be (see the file's header).
TITLE_KINDS = frozenset({"office", "courtesy", "word", "org", "male", "female", "peer", "judicial", "camp", "royal",
                         "postnominal", "generation", "surname", "portfolio", "portfolio_office",
                         "party_office"})


@lru_cache(maxsize=None)
def titles(kind: str) -> tuple[str, ...]:
    """Entries of ``resources/titles.txt`` of one kind, as written, in file order."""
    return _entries_of_kind("titles", "title", TITLE_KINDS, kind)


def _entries_of_kind(name: str, what: str, valid: frozenset[str], kind: str) -> tuple[str, ...]:
    """The entries of ``resources/<name>.txt`` (``entry | kind ...`` per line) of one kind, as
    written, in file order; ``what`` names an entry in the error for an unknown kind."""
    if kind not in valid:
        raise ValueError(f"unknown {what} kind {kind!r}; valid kinds: {', '.join(sorted(valid))}")
    out = []
    for line in word_list(name):
        entry, sep, kinds = (p.strip() for p in line.partition("|"))
        given = set(kinds.split())
        if not sep or not entry or not given or not given <= valid:
            raise ValueError(f"{name}.txt: expected 'entry | kind ...' with kinds from "
                             f"{', '.join(sorted(valid))}; got {line!r}")
        if kind in given:
            out.append(entry)
    return tuple(out)


def _words_of_kind(name: str, valid: frozenset[str], kind: str) -> frozenset[str]:
    """The words of ``resources/<name>.txt`` of one kind, lower case."""
    return frozenset(w.lower() for w in _entries_of_kind(name, name, valid, kind))


@lru_cache(maxsize=None)
def gendered_nouns(kind: str) -> frozenset[str]:
    """The nouns of ``resources/gendered_nouns.txt`` that say ``kind`` (male, female), lower case."""
    return _words_of_kind("gendered_nouns", GENDER_KINDS, kind)


#: What an entry of ``depiction_words.txt`` is (see the file's header).
DEPICTION_KINDS = frozenset({"verb", "noun"})


@lru_cache(maxsize=None)
def depiction_words(kind: str) -> frozenset[str]:
    """The words of ``resources/depiction_words.txt`` of one kind (verb, noun), lower case."""
    return _words_of_kind("depiction_words", DEPICTION_KINDS, kind)


#: How an entry of ``person_epithets.txt`` names the person it refers back to (see the file's header).
PERSON_EPITHET_KINDS = frozenset({"age", "nationality", "occupation"})


@lru_cache(maxsize=None)
def person_epithets(kind: str) -> frozenset[str]:
    """The entries of ``resources/person_epithets.txt`` of one kind, lower case."""
    return _words_of_kind("person_epithets", PERSON_EPITHET_KINDS, kind)


#: What an entry of ``role_ranks.txt`` does to the office after it (see the file's header).
ROLE_RANK_KINDS = frozenset({"other", "under"})


@lru_cache(maxsize=None)
def role_ranks(kind: str) -> frozenset[str]:
    """The words of ``resources/role_ranks.txt`` of one kind (other, under), lower case."""
    return _words_of_kind("role_ranks", ROLE_RANK_KINDS, kind)


#: What an entry of ``poll_words.txt`` is (see the file's header).
POLL_WORD_KINDS = frozenset({"poll", "share"})


@lru_cache(maxsize=None)
def poll_words(kind: str) -> frozenset[str]:
    """The words of ``resources/poll_words.txt`` of one kind (poll, share), lower case."""
    return _words_of_kind("poll_words", POLL_WORD_KINDS, kind)


#: How an entry of ``quote_title_cues.txt`` marks a quoted span as a name (see the file's header).
QUOTE_TITLE_CUE_KINDS = frozenset({"naming", "work"})


@lru_cache(maxsize=None)
def quote_title_cues(kind: str) -> frozenset[str]:
    """The words of ``resources/quote_title_cues.txt`` of one kind, lower case."""
    return _words_of_kind("quote_title_cues", QUOTE_TITLE_CUE_KINDS, kind)


#: Where an entry of ``adverbial_openers.txt`` opens an adverbial (see the file's header).
ADVERBIAL_OPENER_KINDS = frozenset({"fronted", "after", "contrast", "reason"})


@lru_cache(maxsize=None)
def adverbial_openers(kind: str) -> frozenset[str]:
    """The words of ``resources/adverbial_openers.txt`` of one kind, lower case."""
    return _words_of_kind("adverbial_openers", ADVERBIAL_OPENER_KINDS, kind)


#: When an entry of ``claims_impersonal_it_verbs.txt`` makes its subject "it" impersonal
#: (see the file's header).
IMPERSONAL_IT_KINDS = frozenset({"always", "clause"})


@lru_cache(maxsize=None)
def impersonal_it_verbs(kind: str) -> frozenset[str]:
    """The lemmas of ``resources/claims_impersonal_it_verbs.txt`` of one kind, lower case."""
    return _words_of_kind("claims_impersonal_it_verbs", IMPERSONAL_IT_KINDS, kind)


#: What an entry of ``reporting_nouns.txt`` is used for (see the file's header).
NOUN_KINDS = frozenset({"content", "addressee-to"})


@lru_cache(maxsize=None)
def reporting_nouns(kind: str) -> frozenset[str]:
    """The nouns of ``resources/reporting_nouns.txt`` of one kind, lower case."""
    return _words_of_kind("reporting_nouns", NOUN_KINDS, kind)


#: What a noun of ``source_nouns.txt`` heads (the speaker kinds, one per noun) and where
#: it stands (``name``: right before a body's name); see the file's header.
SPEAKER_NOUN_KINDS = ("document", "organisation", "group", "speech")
SOURCE_NOUN_KINDS = frozenset(SPEAKER_NOUN_KINDS) | {"name", "subject", "speaks_for"}


@lru_cache(maxsize=None)
def news_agencies() -> frozenset[str]:
    """The agencies of ``resources/news_agencies.txt``, case-folded."""
    return frozenset(a.casefold() for a in word_list("news_agencies"))


@lru_cache(maxsize=None)
def source_nouns_of_kind(kind: str) -> frozenset[str]:
    """The nouns of ``resources/source_nouns.txt`` of one kind, lower case."""
    return _words_of_kind("source_nouns", SOURCE_NOUN_KINDS, kind)


@lru_cache(maxsize=None)
def source_noun_kinds() -> dict[str, str]:
    """noun -> the speaker kind (``SPEAKER_NOUN_KINDS``) of ``resources/source_nouns.txt``;
    a noun with two is refused, and so is a ``name`` or ``subject`` noun that is no ``organisation``
    and a ``speaks_for`` noun that is no ``group``."""
    out: dict[str, str] = {}
    for kind in SPEAKER_NOUN_KINDS:
        for noun in source_nouns_of_kind(kind):
            if out.setdefault(noun, kind) != kind:
                raise ValueError(f"source_nouns.txt: {noun!r} is both {out[noun]} and {kind}; "
                                 f"give it one of {', '.join(SPEAKER_NOUN_KINDS)}")
    for marker, kind in (("name", "organisation"), ("subject", "organisation"), ("speaks_for", "group")):
        for noun in source_nouns_of_kind(marker):
            if out.get(noun) != kind:
                raise ValueError(f"source_nouns.txt: {noun!r} is of kind {marker}, so it must be {kind} too")
    return out


#: What an entry of ``reporting_verbs.txt`` can be used for (see the file's header).
VERB_KINDS = frozenset({"speech", "belief", "commitment", "claim", "call", "judgment", "forecast", "position",
                        "course", "object", "naming", "addressee-object", "addressee-to", "aloud"})


@lru_cache(maxsize=None)
def _verb_entries() -> tuple[tuple[str, frozenset[str], tuple[str, ...]], ...]:
    """(lemma as written, kinds, forms) of each entry of ``reporting_verbs.txt``."""
    out = []
    for line in word_list("reporting_verbs"):
        parts = [p.strip() for p in line.split("|")]
        lemma, kinds = parts[0].lower(), frozenset(parts[1].split()) if len(parts) > 1 else frozenset()
        forms = tuple(parts[2].lower().split()) if len(parts) > 2 else ()
        if not lemma or not kinds or not kinds <= VERB_KINDS or len(parts) > 3:
            raise ValueError(f"reporting_verbs.txt: expected 'lemma | kind ... | form ...' with kinds from "
                             f"{', '.join(sorted(VERB_KINDS))}; got {line!r}")
        out.append((lemma, kinds, forms))
    return tuple(out)


@lru_cache(maxsize=None)
def reporting_verbs(kind: str) -> tuple[str, ...]:
    """Entries of ``reporting_verbs.txt`` of one kind, as written (``point out``), in file order."""
    if kind not in VERB_KINDS:
        raise ValueError(f"unknown verb kind {kind!r}; valid kinds: {', '.join(sorted(VERB_KINDS))}")
    return tuple(lemma for lemma, kinds, _ in _verb_entries() if kind in kinds)


@lru_cache(maxsize=None)
def reporting_verb_lemmas(kind: str) -> frozenset[str]:
    """The head lemmas of one kind (``point out`` counts as ``point``), lower case."""
    return frozenset(entry.split()[0] for entry in reporting_verbs(kind))


@lru_cache(maxsize=None)
def reporting_verb_forms() -> frozenset[str]:
    """Every form listed (the verbs as written that make the words after a quote an attribution)."""
    return frozenset(f for _, _, forms in _verb_entries() for f in forms)
