"""resources/person_epithets.txt: the descriptions that refer back to the person a story is
about ("the Scot", "the actor"), with their kind."""
import pytest

from pipeline.resources import PERSON_EPITHET_KINDS, person_epithets


@pytest.mark.parametrize("kind, present, absent", [
    # one person by age, as "the 30-year-old" (read from the parse) does
    ("age", {"teenager", "youngster"}, {"old", "veteran", "man"}),
    # one person by nationality; not the forms that also name a people, nor adjectives only
    ("nationality", {"scot", "american", "new zealander", "dutchman", "spaniard"},
     {"chinese", "swiss", "lebanese", "british", "french"}),
    # what the person does in sport and entertainment; not the roles of the people around them
    ("occupation", {"actor", "singer", "champion", "striker", "fly-half"},
     {"coach", "manager", "captain", "spokesman", "minister", "man"}),
])
def test_resources_person_epithets_by_kind(kind, present, absent):
    words = person_epithets(kind)
    assert present <= words
    assert not absent & words


def test_resources_person_epithets_kinds_do_not_overlap():
    kinds = sorted(PERSON_EPITHET_KINDS)
    assert not any(person_epithets(a) & person_epithets(b) for a in kinds for b in kinds if a < b)


def test_resources_person_epithets_unknown_kind_names_the_choices():
    with pytest.raises(ValueError, match="valid kinds: age, nationality, occupation"):
        person_epithets("title")


def test_resources_person_epithets_every_kind_is_used():
    assert all(person_epithets(k) for k in PERSON_EPITHET_KINDS)


@pytest.mark.parametrize("text", ["Scot\n", "Scot | nationality person\n", "| occupation\n"])
def test_resources_person_epithets_malformed_entry_is_refused(resource_text, text):
    resource_text(text)
    with pytest.raises(ValueError, match="person_epithets.txt: expected 'entry | kind"):
        person_epithets("nationality")
