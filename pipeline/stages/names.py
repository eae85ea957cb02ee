"""Names shared by the entities and quotes stages: person names (titles off a
mention, a mention to the person's full name) and acronyms (an acronym read off
its expansion).

Title stripping (:func:`strip_titles`) serves both the entities stage (canonical names,
:mod:`pipeline.stages.entities.canonical`, offices and courtesy titles only) and the quotes stage (speaker
labels, :mod:`pipeline.stages.quotes.speakers`, roles too). Surname to full name (:class:`PersonNames`)
serves the speakers only: canonical names resolve surnames with their own corpus-wide rules
(``person_target`` in :func:`pipeline.stages.entities.canonical.canonical_names`). Title and role words
come from ``resources/titles.txt``.

* :func:`strip_titles`: the name in a titled mention, docs/guidelines.md §3 (job titles
  are not part of a name): ``Belarusian Deputy Foreign Minister Igor Sekreta`` ->
  ``Igor Sekreta``, ``President of Belarus A. Lukashenko`` -> ``A. Lukashenko``,
  ``Mr. Clarke`` -> ``Clarke``, and for speakers roles too (``Founder Beverly Bond``); a
  judge known only by title keeps it (``Mr Justice Forbes``, :func:`judge_name`). Roles
  before a full name leave a canonical name too, and party and camp words both
  (:func:`pipeline.stages.entities.forms.without_affiliation`, which reads the parties
  off the alias list).
  A mention that is all titles and roles (``deputy minister``) or whose words after
  the title are not a name (``spokesman for Fox``) is kept. Determiners and possessives
  are the callers' business: a canonical name drops only "the" and a final "'s"
  (:func:`pipeline.stages.entities.forms.surface`), a speaker label drops every determiner and
  inner possessives too (:func:`pipeline.stages.quotes.sources.speaker_name`).
* :class:`PersonNames`: the persons one document names, by surname, so that a lone
  surname or a titled surname resolves to the full name given elsewhere in the same
  document (docs/guidelines.md §3: ``Sekreta``, ``Mr Sekreta`` -> ``Igor Sekreta``), where
  that name fits the surname's gender (``Mr. Obama`` is not ``Michelle Obama``).
  Descriptions (``the deputy minister``) need the parse and the quotes around them:
  :class:`pipeline.stages.quotes.speakers.SpeakerResolver` resolves them.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..resources import first_names, org_heads, titles
from .gender import fits_gender


#: Unicode categories of a mark that is no word of a name: emoji and other symbols, a
#: joiner or variation selector, a combining mark on its own (not `%` or `£`, which
#: head `18%` and `£5m`)
_MARK_CATEGORIES = frozenset({"So", "Sk", "Cf", "Mn", "Me"})


def is_mark(text: str) -> bool:
    """``text`` (a token) is only marks: an emoji the tagger made part of a name or
    the subject of a verb (`Minister 😀 John Smith said`)."""
    return bool(text) and all(unicodedata.category(ch) in _MARK_CATEGORIES for ch in text)


# Punctuation at either end of a word that is not part of it when matching titles:
# "Sen.", "Minister,", "Belarus’".
WORD_PUNCT = ".,’'"


@lru_cache(maxsize=None)
def title_words() -> frozenset[str]:
    """Title and role words (``titles.txt`` kind ``word``), lower case, without a final dot."""
    return frozenset(t.lower().rstrip(".") for t in titles("word"))


@lru_cache(maxsize=None)
def name_title_words() -> frozenset[str]:
    """The one-word offices and courtesy titles of ``titles.txt`` (``President``,
    ``Chancellor``, ``Mr``, ``Lord``, ``Prof.``), lower case, without a final dot: the
    words an entity's canonical name drops. Not limited to :func:`title_words`: the
    ``word`` kind leaves out "chancellor" for the speakers' sake only (see titles.txt),
    and "Chancellor Angela Merkel" is still "Angela Merkel" as a name.
    Roles and abbreviated titles (``Founder``, ``Judge``, ``Rep.``) are not stripped
    here: the NER cuts offices and courtesy titles only, and a lone first name left by
    a split mention ("High Court Judge Richard" | "Mawrey") would otherwise resolve to
    another person with that surname ("Cliff Richard"). They go only before a full name
    (:func:`pipeline.stages.entities.forms.without_affiliation`: "Lawyer Louise
    Christian" -> "Louise Christian")."""
    return frozenset(t.lower().rstrip(".") for t in titles("office") + titles("courtesy")
                     if len(t.split()) == 1)


@lru_cache(maxsize=None)
def all_title_words() -> frozenset[str]:
    """Title and role words, and one-word offices and courtesy titles (:func:`title_words`
    and :func:`name_title_words`)."""
    return title_words() | name_title_words()


@lru_cache(maxsize=None)
def org_title_words() -> frozenset[str]:
    """Title words that also qualify organisations (``Foreign Ministry``, ``State Department``)."""
    return frozenset(t.lower() for t in titles("org"))


@lru_cache(maxsize=None)
def peer_titles() -> frozenset[str]:
    """Titles that stay in the name of a peer or judge known only by them
    (``titles.txt`` kind ``peer``: ``Lord Falconer``, docs/guidelines.md §4), lower case."""
    return frozenset(t.lower().rstrip(".") for t in titles("peer"))


@lru_cache(maxsize=None)
def judicial_titles() -> frozenset[str]:
    """A judge's title after a courtesy title, part of the name of a judge known only by
    it (``titles.txt`` kind ``judicial``: "Mr Justice Forbes", "Lord Justice Rix";
    docs/guidelines.md §4.5), lower case."""
    return frozenset(t.lower() for t in titles("judicial"))


def judge_name(name: str, courtesy: str | None) -> str | None:
    """The name of a judge known only by title, ``name`` a judicial title and one word
    (the NER leaves the courtesy title out of the span, ``courtesy_title``): "Justice
    Rix" after "Lord" -> "Lord Justice Rix", "Justice Forbes" after "Mr" -> "Mr Justice
    Forbes" (BBC politics: two judges were "Justice Rix" and "Justice Forbes", and so
    "Rix" and "Forbes" as speakers); None for any other name ("Justice Scalia" with no
    courtesy title, "Chief Justice", "Justices Clarke")."""
    words = name.split()
    if courtesy is None or courtesy.rstrip(".").lower() not in courtesy_words() or len(words) != 2:
        return None
    title, last = words
    if title.lower() not in judicial_titles() or not last[:1].isupper() or last.lower() in all_title_words():
        return None
    return f"{courtesy} {name}"


@lru_cache(maxsize=None)
def camp_words() -> frozenset[str]:
    """A political camp written before a person's name as a role is (``titles.txt`` kind
    ``camp``: "Euro-Sceptic Kilroy-Silk"), lower case."""
    return frozenset(t.lower() for t in titles("camp"))


@lru_cache(maxsize=None)
def role_words() -> frozenset[str]:
    """The title and role words (:func:`title_words`) that are no courtesy title and no
    peer's: the words before a person's full name that are not part of it ("MSP Karen
    Whitefield", "Backbencher Stephen Pound"; :func:`pipeline.stages.entities.forms.without_affiliation`)."""
    return title_words() - courtesy_words() - peer_titles()


@lru_cache(maxsize=None)
def postnominals() -> frozenset[str]:
    """Letters after a name that are not part of it (``titles.txt`` kind ``postnominal``: MP, QC)."""
    return frozenset(titles("postnominal"))


@lru_cache(maxsize=None)
def generations() -> frozenset[str]:
    """A generation after a name, part of it (``titles.txt`` kind ``generation``: Jr., III)."""
    return frozenset(titles("generation"))


def surname(words: list[str]) -> str:
    """The surname among a full name's words: the last, or, in a name of three words or
    more, the one before a generation ("Joseph R. Biden Jr." -> "Biden", "Joe Manchin
    III" -> "Manchin"; two words are a surname with it, :func:`surname_and_generation`). A regnal number
    reads the same way ("John Paul II" -> "Paul"): a given name before a number is no
    sign of a king, since so many surnames are given names too (Thomas, Jordan, Scott)."""
    return words[-2] if len(words) >= 3 and words[-1] in generations() else words[-1]


def surname_and_generation(words: list[str]) -> bool:
    """Two words, the second a generation: a surname with it, as a later mention shortens
    "Donald Trump Jr." ("Trump Jr."), or a first name with it ("Fred Sr")."""
    return len(words) == 2 and words[1] in generations()


def shortened_name(words: list[str]) -> bool:
    """A surname with its "Jr." or "Sr." ("Trump Jr."), no person's full name of its
    own: the first word is no first name (``given_names.txt``). "Fred Sr" (PolNeAR: the
    father of Fred Trump Jr.) stays a full name; so, wrongly, does "Jackson Jr." (Jackson
    is in the list too), which still resolves to the full name a document gives with that
    surname and generation (``PersonNames.person``, ``entities.canonical``). A name with a
    regnal number is a full name (`Abdullah II`)."""
    return surname_and_generation(words) and _generation_key(words[1]).lower() in ("jr", "sr") \
        and words[0].lower() not in first_names()


def _other_first_name(a: str, b: str) -> bool:
    """Two full names with other first names (Joseph P. and John F. Kennedy Jr.); an
    initial against a name compares the first letter (J. and Joseph Kennedy Jr.)."""
    fa, fb = a.split()[0], b.split()[0]
    if MIDDLE_INITIAL.match(fa) or MIDDLE_INITIAL.match(fb):
        return fa[:1] != fb[:1]
    return fa != fb


def _generation_key(generation: str) -> str:
    """A generation without its dot ("Jr" of the BBC, "Jr." of the NYT)."""
    return generation.rstrip(".")


def same_generation(a: str | None, b: str | None) -> bool:
    """Two generations as written, the dot aside (``_generation_key``)."""
    return a is not None and b is not None and _generation_key(a) == _generation_key(b)


def generation_of(name: str) -> str | None:
    """The generation a name ends with ("Jr." of "Joseph R. Biden Jr."), or None."""
    last = name.rsplit(" ", 1)[-1]
    return last if " " in name and last in generations() else None


#: a middle initial: "J.", "H.W.", and "W" as BBC writes it (George W Bush)
MIDDLE_INITIAL = re.compile(r"^(?:(?:[A-Z]\.){1,2}|[A-Z])$")


def _generations_apart(a: str, b: str) -> bool:
    """Two names that differ by their generation only, middle initials aside: two persons
    (Donald Trump or Donald J. Trump, and Donald Trump Jr.; not Joe Biden beside Joseph
    R. Biden Jr.)."""
    ga, gb = generation_of(a), generation_of(b)
    return ga != gb and _bare(a, ga) == _bare(b, gb)


def _bare(name: str, generation: str | None) -> list[str]:
    """A name's words without its generation and middle initials."""
    return without_middle_initials((name[:-len(generation)] if generation else name).replace(",", " ").split())


def without_middle_initials(words: list[str]) -> list[str]:
    """A full name's words less the middle initials ("Donald J. Trump" -> Donald, Trump)."""
    return words[:1] + [w for w in words[1:-1] if not MIDDLE_INITIAL.match(w)] + words[1:][-1:]


def without_generation_comma(name: str) -> str:
    """"Joseph R. Biden, Jr." -> "Joseph R. Biden Jr.": one way to write the name."""
    head, sep, last = name.rpartition(" ")
    return f"{head.rstrip(' ,')} {last}" if sep and last in generations() and head.rstrip(" ,") else name


def strip_titles(mention: str, roles: bool = True) -> str:
    """The name in a titled mention: the words after the last title word, when they
    are capitalised (see the module docstring); otherwise the mention, words joined
    by single spaces. ``roles=False``: only offices and courtesy titles count as
    titles (:func:`name_title_words`, for canonical names).

    Three exceptions from docs/guidelines.md §4: a peer's title before a lone surname is
    part of the name (``the Lord Chancellor Lord Falconer`` -> ``Lord Falconer``, but
    ``Lord Charles Falconer`` -> ``Charles Falconer``), so is a judge's (``Mr Justice
    Forbes``, ``Lord Justice Rix``: :func:`judge_name`), and letters after a name are
    not (``Andrew Tyrie MP`` -> ``Andrew Tyrie``)."""
    words = mention.split()
    while len(words) > 2 and words[-1].rstrip(",.") in postnominals() and words[-2][:1].isupper():
        words = words[:-1]
    if len(words) >= 3 and (judge := judge_name(" ".join(words[-2:]), words[-3])) is not None:
        return judge
    words_of = all_title_words() if roles else name_title_words()
    last = max((k for k, w in enumerate(words) if w.lower().strip(WORD_PUNCT) in words_of), default=-1)
    rest = words[last + 1:]
    if rest and rest[0].lower() == "of":  # "President of Belarus A. Lukashenko"
        rest = rest[1:]
        while len(rest) > 1 and rest[0][:1].isupper() and not _looks_like_name_start(rest):
            rest = rest[1:]
    if last >= 0 and rest and all(w[:1].isupper() for w in rest):
        peer = words[last].lower().strip(WORD_PUNCT) in peer_titles()
        words = words[last:] if peer and len(words) - last == 2 else rest
    return " ".join(words)


def _looks_like_name_start(words: list[str]) -> bool:
    """``A. Lukashenko`` / ``Igor Sekreta`` at the end of the list: a name of two words
    or an initial plus surname."""
    return len(words) <= 2 or (len(words[0]) <= 3 and words[0].endswith("."))


# --- roles -------------------------------------------------------------------

_ROLE_DETERMINERS = frozenset({"the", "a", "an", "our", "his", "her", "their", "its", "this", "that"})
_ROLE_WORD = re.compile(r"[^\W_][\w-]*", re.UNICODE)


def normalise_role(text: str) -> str:
    """A role as a comparison key: lower case, words only, no determiner, no
    possessive ("the BBC's political editor" -> "bbc political editor")."""
    words = _ROLE_WORD.findall(text.lower().replace("’s ", " ").replace("'s ", " "))
    while words and words[0] in _ROLE_DETERMINERS:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=None)
def courtesy_words() -> frozenset[str]:
    """Courtesy titles (``titles.txt`` kind ``courtesy``: Mr, Ms, Dr), lower case, without a final dot."""
    return frozenset(t.lower().rstrip(".") for t in titles("courtesy"))


def has_role_word(phrase: str) -> bool:
    """Whether a phrase holds a title or role word (``titles.txt``) other than a courtesy
    title: "Tory leader", "chancellor"; not "Mr"."""
    words = set(phrase.lower().replace("-", " ").split()) | set(phrase.lower().split())
    return bool(words & (all_title_words() - courtesy_words()))


#: a role is a few words ("labour election campaign coordinator"); a longer apposition
#: is a description ("son of a church of scotland minister in the small fife town ...")
MAX_ROLE_WORDS = 6


def role_of(span) -> str | None:
    """The role the text gives a person at this mention (a spaCy Span of a PERSON),
    normalised (:func:`normalise_role`): the words before the name in its noun phrase
    ("Prime Minister Tony Blair" -> "prime minister", "Tory leader Michael Howard" ->
    "tory leader") or an apposition ("Tessa Jowell, the culture secretary," ->
    "culture secretary"); None when no title or role word is there. The corpus-wide
    speaker pass resolves "the prime minister" of an article through these
    (:mod:`pipeline.stages.quotes.roles`)."""
    doc = span.doc
    root = span.root
    start = root.left_edge.i
    for k in range(span.start - 1, start - 1, -1):
        if doc[k].is_punct and doc[k].text not in ("-", "'", "’", "'s", "’s"):
            start = k + 1
            break
    phrases = [doc[start:span.start].text] if start < span.start else []
    for c in root.children:
        if c.dep_ == "appos" and c.i >= span.end:
            end = c.i + 1
            for r in c.rights:
                if r.dep_ in ("prep", "compound", "amod") and r.i == end:
                    end = r.right_edge.i + 1
                else:
                    break
            phrases.append(doc[c.left_edge.i:end].text)
    if root.dep_ == "appos" and root.head.i < span.start:
        head = root.head
        phrases.append(doc[head.left_edge.i:head.i + 1].text)
    for phrase in phrases:
        words = normalise_role(phrase).split()
        # courtesy titles are no role ("Mr Blair", "Wednesday Mr Blair")
        while words and (words[-1] in courtesy_words() or words[-1] in peer_titles()):
            words = words[:-1]
        role = " ".join(words)
        if role and len(words) <= MAX_ROLE_WORDS and has_role_word(role):
            return role
    return None


def courtesy_title(span) -> str | None:
    """The courtesy title (``titles.txt`` kind ``courtesy``) written right before a
    PERSON span, without a final dot ("Mr. Clinton" -> "Mr"); None when there is none.
    The entity rules leave it out of the name (rules.py, OntoNotes practice); canonical
    names read the gender it tells (``entities.canonical``)."""
    if span.start == 0:
        return None
    before = span.doc[span.start - 1]
    if not before.whitespace_ or before.text not in courtesy_as_written():
        return None  # (as written: "miss" before a name is a verb)
    return before.text.rstrip(".")


@lru_cache(maxsize=None)
def courtesy_as_written() -> frozenset[str]:
    """The courtesy titles as written (``titles.txt`` kind ``courtesy``: `Mr.`, `Mrs`, ...)."""
    return frozenset(titles("courtesy"))


def two_persons(a: str, b: str) -> bool:
    """Two full names of one surname in one document name two persons: their first letters
    differ (Ozzy and Sharon Osbourne) or they differ by their generation only (Donald Trump,
    Donald Trump Jr.; ``_generations_apart``). Else they are one person written two ways
    ("Edward Heath", "Edward Richard George Heath"; "Frederick Forsyth", "Freddie Forsyth";
    Victor and Viktor Makarov, Dave and David Collins, M and Martyn Williams)."""
    return a[:1].lower() != b[:1].lower() or _generations_apart(a, b)


def fullest_name(names) -> str | None:
    """The one person full names of one surname name, as :class:`PersonNames` reads them
    (``two_persons``): the longest, the first of the longest on a tie; None for two
    persons. The canonical names resolve a lone surname to it where the corpus does not
    decide (``entities.canonical``), so the entities and the speakers give the mention one
    name (BBC politics: "Forsyth" was "Forsyth" in entities and "Frederick Forsyth" in
    quotes beside "Freddie Forsyth")."""
    kept = None
    for name in names:
        kept = name if kept is None else _one_person(kept, name, two_persons)
        if kept is None:
            return None
    return kept


def _one_person(known: str, name: str, apart) -> str | None:
    """The longer of two names of one person, the first on a tie; None for two persons
    (``apart``): how :func:`fullest_name` and :class:`PersonNames` fold the names of one surname."""
    return None if apart(known, name) else max(known, name, key=len)


class PersonNames:
    """The full names of the persons one document names, by surname, and by surname and
    generation ("Trump Jr.": :meth:`person`).

    When two full names of one person share a surname the longer is kept (``Igor V.
    Sekreta`` over ``Igor Sekreta``), and on a tie the first given. Full names whose first
    letters differ are two persons (Ozzy and Sharon Osbourne), and so are two that differ
    by their generation only (Donald Trump, Donald Trump Jr.; ``_generations_apart``):
    their surname alone names neither, and is left to the corpus pass
    (``entities.canonical``). A surname is the word before a generation
    (:func:`surname`). Two full names with one surname and generation are two persons
    when their first names differ (Joseph P. and John F. Kennedy Jr.).
    """

    def __init__(self, names=()):
        # surname, or (surname, generation without its dot) -> the full name; None where
        # two persons share it (Andy and Jason Robinson; not Victor and Viktor Makarov,
        # Dave and David Collins, M and Martyn Williams)
        self._names: dict[str | tuple[str, str], str | None] = {}
        for name in names:
            self.add(name)

    def add(self, name: str) -> None:
        """Remember a full name (two words or more; a lone word names nobody new)."""
        words = name.split()
        if len(words) >= 2:
            last = surname(words)
            self._file(last, name, two_persons)
            gen = generation_of(name)
            if gen is not None and len(words) >= 3:
                self._file((last, _generation_key(gen)), name, _other_first_name)

    def _file(self, key, name: str, apart) -> None:
        """Keep the longer of two names of one person under ``key``, None for two (``apart``)."""
        if key not in self._names:
            self._names[key] = name
        elif (known := self._names[key]) is not None:
            self._names[key] = _one_person(known, name, apart)

    def full_name(self, last: str) -> str | None:
        """The full name whose surname (:func:`surname`) is ``last`` (as written), or
        None (also when two persons share it)."""
        return self._names.get(last)

    def person(self, name: str, gender: str | None = None) -> str:
        """``name`` as a person's name: a lone word (a surname) becomes the full name the
        document gave for it (``Sekreta`` -> ``Igor Sekreta``) where that name fits
        ``gender`` (the surname's, :func:`pipeline.stages.gender.mention_gender`: "Mr.
        Obama" is not Michelle Obama), and so does a surname with
        its generation (``Trump Jr.`` -> ``Donald Trump Jr.``, never ``Donald Trump``);
        any other name, and a surname the document gives no full name for, comes back as
        it is. Titles are the caller's business (:func:`strip_titles`)."""
        words = name.split()
        if len(words) == 1:
            full = self.full_name(name)
            return full if full is not None and fits_gender(full, gender) else name
        return self._with_generation(words) or name

    def _with_generation(self, words: list[str]) -> str | None:
        """The full name a surname with its generation shortens ("Trump Jr." -> "Donald
        Trump Jr.", "Trump Jr" too), or None."""
        return self._names.get((words[0], _generation_key(words[1]))) if surname_and_generation(words) else None

    def resolve(self, mention: str) -> str | None:
        """The person ``mention`` names: ``Sekreta``, ``Mr Sekreta`` -> ``Igor Sekreta``
        once the document named Igor Sekreta, ``Mr. Trump Jr.`` -> ``Donald Trump Jr.``
        once it named him; a titled name of more words -> that name (``Trump Jr.`` when
        the document gives no full name with it). None
        when the mention is a surname the document gives no full name for (never guessed)
        or is not a name at all (``the deputy minister``)."""
        name = strip_titles(mention)
        words = name.split()
        if len(words) == 1:
            return self.full_name(name)
        return self._with_generation(words) or (name if words and all(w[:1].isupper() for w in words) else None)


# --- acronyms ------------------------------------------------------------------

#: an organisation acronym as written (OSCE, EAEU, BelTA, MPs)
ACRONYM_RE = r"[A-Z][A-Za-z]{0,2}[A-Z][A-Z]*s?"
#: function words an acronym may skip ("Organization for Security and ...")
ACR_STOP = frozenset({"of", "for", "and", "in", "the", "on", "to", "&", "de", "a", "an"})
_WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*|\d+\w*", re.UNICODE)


def expansion_words(text: str) -> list[str]:
    """Words of a candidate expansion; hyphenated parts stay one word ("Co-operation")."""
    return _WORD_RE.findall(text)


def acronym_matches(acronym: str, words: list[str]) -> bool:
    """True when ``acronym`` can be read off ``words``.

    Every content word gives its first letter and at most one later letter, in
    order (EAEU = E-ur-A-sian Economic Union; OSCE = Organization for Security
    and Co-operation in Europe); function words
    (of, for, and, ...) may give letters or none; the letters of a hyphenated
    word may come from each part (``Co-operation`` -> C or CO). A trailing
    plural ``s`` of the acronym may be skipped, and so may a last word that heads a
    body's name where the acronym leaves it out (``org_heads.txt`` marked ``| unlettered``,
    :func:`pipeline.resources.org_heads`: PCS = Public and Commercial Services Union).
    Case-insensitive.
    """
    acr = acronym.upper()
    if acr.endswith("S") and len(acr) > 2 and acronym[-1] == "s":
        acr = acr[:-1]
    if not words or len(acr) < 2:
        return False

    def go_from(go, i: int, j: int) -> bool:
        # i: next acronym letter, j: next word
        if j == len(words):
            return i == len(acr)
        word = words[j]
        low = word.lower()
        if i == len(acr) and j == len(words) - 1 and j > 0 and low in org_heads("unlettered"):
            return True
        optional = low in ACR_STOP
        if optional and go(i, j + 1):
            return True
        letters = re.sub(r"[^0-9a-z]", "", low)
        parts = [re.sub(r"[^0-9a-z]", "", p) for p in low.split("-") if p]
        # the word's first letter, then at most one more of its letters
        # ("Eurasian" -> E or EA, as in EAEU)
        if letters and i < len(acr) and letters[0].upper() == acr[i]:
            if go(i + 1, j + 1):
                return True
            if word.isupper() and len(letters) > 1:
                # an acronym inside the expansion gives its first letter or all of
                # it ("OSCE Office in Minsk" = OOM), never a subsequence
                n = len(letters)
                if letters.upper() == acr[i:i + n] and go(i + n, j + 1):
                    return True
                return False
            pos = 1
            for extra in range(1, 2):
                if i + extra >= len(acr):
                    break
                pos = letters.find(acr[i + extra].lower(), pos)
                if pos < 0:
                    break
                pos += 1
                if go(i + extra + 1, j + 1):
                    return True
        # one letter from each hyphen part ("Co-operation" -> CO)
        if len(parts) > 1 and i + len(parts) <= len(acr):
            if all(p[:1].upper() == acr[i + n] for n, p in enumerate(parts)) and go(i + len(parts), j + 1):
                return True
        return False

    return memo_search(go_from)


class _MemoSearch:
    __slots__ = ("step", "memo")

    def __init__(self, step):
        self.step, self.memo = step, {}

    def __call__(self, i: int, j: int) -> bool:
        if (i, j) not in self.memo:
            self.memo[i, j] = self.step(self, i, j)
        return self.memo[i, j]


def memo_search(step) -> bool:
    """The memoised recursive search ``step(go, i, j)`` run from (0, 0), where ``go(i,
    j)`` is the search itself. ``step`` gets ``go`` as an argument instead of calling
    itself through its closure, so the search leaves no reference cycle behind (the
    corpus finalize runs with the cyclic collector paused)."""
    return _MemoSearch(step)(0, 0)
