"""The quotes stage's corpus-wide pass (pipeline.stages.quotes.roles): a role the
article ties to nobody names the person the corpus gives that role, when the
article mentions them; a lone surname the NER missed takes the corpus's full name, one an entity
of the article carries stays as the canonical names left it."""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline.stages.quotes.roles import DOMINANCE, MIN_DOCS, holder, resolve_roles, role_holders


def ents(*rows):
    return pd.DataFrame(rows, columns=["doc_id", "label", "canonical", "role"])


def quotes(*rows):
    return pd.DataFrame(rows, columns=["doc_id", "quote_id", "speaker", "speaker_text", "speaker_kind", "speaker_role"])


CORPUS = ents(
    ("a", "PERSON", "Tony Blair", "prime minister"), ("b", "PERSON", "Tony Blair", "prime minister"),
    ("c", "PERSON", "Tony Blair", "prime minister"), ("c", "PERSON", "Gordon Brown", "chancellor"),
    ("d", "PERSON", "Gordon Brown", "chancellor"),
    ("a", "PERSON", "David Blunkett", "home secretary"), ("b", "PERSON", "David Blunkett", "home secretary"),
    ("c", "PERSON", "Charles Clarke", "home secretary"), ("d", "PERSON", "Charles Clarke", "home secretary"),
    ("x", "PERSON", "Tony Blair", None), ("x", "PERSON", "Liam Fox", None),
    ("y", "PERSON", "Liam Fox", None), ("y", "PERSON", "John Smith", "prime minister"),
    ("z", "PERSON", "David Blunkett", None), ("z", "PERSON", "Charles Clarke", None),
    ("w", "PERSON", "Nicola Sturgeon", None), ("v", "PERSON", "Nicola Sturgeon", None),
)


def test_corpus_roles_resolve_a_role_to_its_holder_named_in_the_article():
    q = quotes(("x", 0, "prime minister", "The prime minister", "unnamed", "prime minister"),
               ("x", 1, "prime minister", "He", "unnamed", "prime minister"),   # a pronoun chain
               ("x", 2, "Liam Fox", "Dr Fox", "person", None))
    out = resolve_roles(q, CORPUS)
    assert out["speaker"].tolist() == ["Tony Blair", "Tony Blair", "Liam Fox"]
    assert out["speaker_kind"].tolist() == ["person", "person", "person"]


@pytest.mark.parametrize(("doc", "role", "speaker"), [
    ("y", "prime minister", "prime minister"),   # the holder is not named in that article: stays a role
    ("z", "home secretary", "home secretary"),   # two holders named there, neither dominant
    ("x", "spokesman", "spokesman"),             # nobody holds it in the corpus
])
def test_corpus_roles_never_guess(doc, role, speaker):
    out = resolve_roles(quotes((doc, 0, role, f"the {role}", "unnamed", role)), CORPUS)
    assert (out["speaker"].iloc[0], out["speaker_kind"].iloc[0]) == (speaker, "unnamed")


def test_corpus_roles_synonyms_and_leading_words():
    h = role_holders(CORPUS)
    assert holder("premier", h, {"Tony Blair"}) == "Tony Blair"          # resources/role_synonyms.txt
    assert holder("uk prime minister", h, {"Tony Blair"}) == "Tony Blair"  # tried without its leading words
    assert MIN_DOCS == 2 and DOMINANCE == 3


@pytest.mark.parametrize("role", ["shadow chancellor", "deputy prime minister", "former home secretary"])
def test_corpus_roles_a_rank_is_never_dropped(role):
    # BBC politics: "the shadow chancellor" of an article naming Gordon Brown had become
    # Gordon Brown, tried without its leading word (resources/role_ranks.txt)
    h = role_holders(CORPUS)
    assert holder(role, h, {"Tony Blair", "Gordon Brown", "David Blunkett"}) is None


@pytest.mark.parametrize(("mention", "speaker", "kind"), [
    ("She", "home secretary", "unnamed"),   # BBC politics/166: a "she" is not David Blunkett
    ("He", "David Blunkett", "person"),
    ("the home secretary", "David Blunkett", "person"),
])
def test_corpus_roles_a_pronoun_takes_no_holder_of_the_other_gender(mention, speaker, kind):
    corpus = pd.concat([CORPUS, ents(("q", "PERSON", "David Blunkett", None))])
    q = quotes(("q", 0, "home secretary", mention, "unnamed", "home secretary"))
    out = resolve_roles(q, corpus)
    assert (out["speaker"].iloc[0], out["speaker_kind"].iloc[0]) == (speaker, kind)


def test_corpus_roles_rerun_is_idempotent():
    q = quotes(("x", 0, "prime minister", "The prime minister", "unnamed", "prime minister"))
    once = resolve_roles(q, CORPUS)
    assert resolve_roles(once, CORPUS).equals(once)
    # the corpus no longer supports an earlier resolution: back to the role
    assert resolve_roles(once, CORPUS[CORPUS["doc_id"] != "c"].iloc[:0])["speaker"].iloc[0] == "prime minister"


def test_corpus_roles_lone_surname_takes_the_corpus_full_name():
    q = quotes(("u", 0, "Sturgeon", "Ms Sturgeon", "person", None), ("u", 1, "Smith", "Mr Smith", "person", None))
    out = resolve_roles(q, CORPUS)
    # Nicola Sturgeon is named in two documents; John Smith in one: one stray mention renames nothing
    assert out["speaker"].tolist() == ["Nicola Sturgeon", "Smith"]


def test_corpus_roles_lone_surname_takes_the_full_name_with_a_generation():
    # the surname of "Joseph R. Biden Jr." is Biden, not "Jr." (names.surname)
    corpus = ents(("a", "PERSON", "Joseph R. Biden Jr.", None), ("b", "PERSON", "Joseph R. Biden Jr.", None))
    q = quotes(("u", 0, "Biden", "Mr. Biden", "person", None))
    assert resolve_roles(q, corpus)["speaker"].tolist() == ["Joseph R. Biden Jr."]


def test_corpus_roles_lone_surname_an_entity_carries_stays_as_the_canonical_names_left_it():
    # BBC politics/011: "She" is "Mrs Howard" (Sandra), an entity whose canonical the corpus
    # pass left "Howard" (a woman, not Michael Howard); a speaker the NER missed is still named
    corpus = ents(("a", "PERSON", "Michael Howard", None), ("b", "PERSON", "Michael Howard", None),
                  ("u", "PERSON", "Howard", None))
    q = quotes(("u", 0, "Howard", "She", "person", None), ("t", 0, "Howard", "Mr Howard", "person", None))
    assert resolve_roles(q, corpus)["speaker"].tolist() == ["Howard", "Michael Howard"]


def test_corpus_roles_given_back_to_the_role_as_the_quotes_stage_labels_it():
    """A row an earlier run resolved goes back to the label the quotes stage gives when the
    corpus no longer names the role's holder: the mention's, and a pronoun's that of the
    role's mention it stands for (it came out as the role's key, `scottish finance minister`)."""
    q = quotes(("x", 0, "Tony Blair", "He", "person", "scottish prime minister"),  # before any mention: the first
               ("x", 1, "Tony Blair", "the Scottish prime minister", "person", "scottish prime minister"),
               ("x", 2, "Tony Blair", "He", "person", "scottish prime minister"),
               ("x", 3, "Tony Blair", "The Scottish Prime Minister", "person", "scottish prime minister"),
               ("x", 4, "Tony Blair", "he", "person", "scottish prime minister"),  # the nearest before it
               ("x", 5, "Tony Blair", "he", "person", "prime minister"))  # no mention of its own role
    out = resolve_roles(q, CORPUS.iloc[:0])
    assert out["speaker"].tolist() == ["Scottish prime minister", "Scottish prime minister", "Scottish prime minister",
                                       "Scottish Prime Minister", "Scottish Prime Minister", "prime minister"]
    assert out["speaker_kind"].tolist() == ["unnamed"] * 6


@pytest.mark.parametrize("corpus, speaker", [
    (CORPUS, "Nicola Sturgeon"),                        # still named in two documents: kept
    (CORPUS[CORPUS["doc_id"] != "v"], "Sturgeon"),      # named in one now: the surname, as a full run gives
])
def test_corpus_roles_surname_an_earlier_run_expanded_is_looked_at_again(corpus, speaker):
    """A speaker an earlier run gave the corpus's full name keeps it only while the corpus
    still supports it (an incremental rerun kept `Alan Sugar` after the articles naming him went)."""
    q = quotes(("u", 0, "Nicola Sturgeon", "Ms Sturgeon", "person", None))
    assert resolve_roles(q, corpus)["speaker"].tolist() == [speaker]
