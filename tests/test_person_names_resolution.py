"""Person names (pipeline.stages.names): titles off a mention (canonical names and
speakers) and a surname to the full name (speakers)."""
from __future__ import annotations

import pytest

from pipeline.stages.names import PersonNames, name_title_words, strip_titles, surname, title_words
from pipeline.resources import TITLE_KINDS, titles


@pytest.mark.parametrize(("mention", "name"), [
    ("Belarusian Deputy Foreign Minister Igor Sekreta", "Igor Sekreta"),
    ("Belarus’ Deputy Minister of Foreign Affairs Igor Sekreta", "Igor Sekreta"),
    ("Foreign Minister Sergey Aleinik", "Sergey Aleinik"),
    ("Mrs. Natalya Drozd", "Natalya Drozd"),
    ("Mr. Clarke", "Clarke"),
    ("President of Belarus A. Lukashenko", "A. Lukashenko"),
    ("Secretary of State John Kerry", "John Kerry"),
    ("Sen. Claire McCaskill", "Claire McCaskill"),
    ("Founder Beverly Bond", "Beverly Bond"),
    # nothing to strip: the mention comes back as it is
    ("Leslie Wimes", "Leslie Wimes"),
    ("Joseph R. Biden Jr.", "Joseph R. Biden Jr."),
    ("deputy minister", "deputy minister"),                # all titles: no name to keep
    ("Belarusian diplomat", "Belarusian diplomat"),
    ("spokesman for Fox", "spokesman for Fox"),            # after the title no name, a phrase
    ("Minister Igor sekreta", "Minister Igor sekreta"),    # not all capitalised: not a name
    ("Federal Reserve", "Federal Reserve"),                # "federal" is part of offices, not a title word
    ("the Lord Chancellor Lord Falconer", "Lord Falconer"),  # offices go, a peer's title stays
    ("Tory frontbencher Andrew Tyrie MP", "Andrew Tyrie"),
    ("Shadow Home Secretary David Davis", "David Davis"),
    ("MP", "MP"),                                          # a lone postnominal is kept
])
def test_person_names_strip_titles(mention, name):
    assert strip_titles(mention) == name


@pytest.mark.parametrize(("mention", "name"), [
    ("Belarusian Deputy Foreign Minister Igor Sekreta", "Igor Sekreta"),
    ("Deputy Minister of Foreign Affairs Igor Sekreta", "Igor Sekreta"),
    ("Mrs. Natalya Drozd", "Natalya Drozd"),
    # roles and abbreviated titles stay in a canonical name, as the NER left them
    ("Founder Beverly Bond", "Founder Beverly Bond"),
    ("Rep. Jason Chaffetz", "Rep. Jason Chaffetz"),
    ("High Court Judge Richard", "High Court Judge Richard"),
    # docs/guidelines.md §4: a peer known only by title keeps it; a first name drops it
    ("Lord Coe", "Lord Coe"),
    ("the Lord Chancellor Lord Falconer"[4:], "Lord Falconer"),
    ("Chancellor Lord Falconer", "Lord Falconer"),
    ("Lord Charles Falconer", "Charles Falconer"),
    ("Baroness Scotland", "Baroness Scotland"),
    ("Dame Elizabeth Butler-Sloss", "Elizabeth Butler-Sloss"),
    # letters after a name are not part of it (BBC politics: "Andrew Tyrie MP")
    ("Andrew Tyrie MP", "Andrew Tyrie"),
    ("Michael Mansfield QC", "Michael Mansfield"),
    ("Chancellor Angela Merkel", "Angela Merkel"),
])
def test_person_names_strip_titles_for_canonical_names(mention, name):
    assert strip_titles(mention, roles=False) == name


def test_person_names_title_words_for_names_are_offices_and_courtesy_titles():
    assert {"minister", "president", "mr", "mrs", "dr", "prof", "lord", "miss", "colonel"} <= name_title_words()
    # "coordinator" is an office for names though not a title word for speakers;
    # "chancellor" is both now that "the chancellor" names the person introduced as
    # chancellor (in the article or the corpus), never the last person quoted
    assert {"coordinator"} <= name_title_words() - title_words()
    assert "chancellor" in name_title_words() & title_words()
    assert not {"founder", "judge", "rep", "foreign", "diplomat"} & name_title_words()
    # one-word entries only: "prime minister" is stripped word by word
    assert not any(" " in w for w in name_title_words())
    assert {"founder", "judge", "rep", "foreign", "diplomat"} <= title_words()
    # parts of offices that begin names of bodies are not title words
    assert not {"federal", "home", "special", "the", "of"} & title_words()


@pytest.mark.parametrize(("mention", "person"), [
    ("Sekreta", "Igor Sekreta"),
    ("Mr Sekreta", "Igor Sekreta"),
    ("Mr. Sekreta", "Igor Sekreta"),
    ("Belarusian Deputy Foreign Minister Igor Sekreta", "Igor Sekreta"),
    ("Lukashenko", "Alexander G. Lukashenko"),           # the longer of two full names
    # must yield nothing: never guessed
    ("Lavrov", None),                                    # a surname the document never gave in full
    ("Mr Lavrov", None),
    ("sekreta", None),                                   # surnames match as written
    ("the deputy minister", None),                       # a description, not a name (speakers resolve it)
    ("Vodafone spokesman", None),
    ("", None),
])
def test_person_names_resolve(mention, person):
    names = PersonNames(["Igor Sekreta", "Sekreta", "Alexander Lukashenko", "Alexander G. Lukashenko"])
    assert names.resolve(mention) == person


@pytest.mark.parametrize(("name", "person"), [
    ("Sekreta", "Igor Sekreta"),
    ("Lukashenko", "Alexander G. Lukashenko"),
    ("Igor Sekreta", "Igor Sekreta"),
    # must stay as given: unknown surnames, names of several words, nothing
    ("Lavrov", "Lavrov"),
    ("sekreta", "sekreta"),
    ("Ivan Sekreta", "Ivan Sekreta"),                    # a full name is not replaced by another
    ("Mr Sekreta", "Mr Sekreta"),                        # titles are the caller's business
    ("", ""),
])
def test_person_names_person(name, person):
    names = PersonNames(["Igor Sekreta", "Alexander Lukashenko", "Alexander G. Lukashenko"])
    assert names.person(name) == person


def test_person_names_full_name_by_surname():
    names = PersonNames()
    names.add("Lukashenko")                              # a lone word names nobody new
    assert names.full_name("Lukashenko") is None
    names.add("Igor Sekreta")
    names.add("Ivan Sekreta")                            # a tie keeps the first given
    names.add("Igor V. Sekreta")                         # the longer wins
    assert names.full_name("Sekreta") == "Igor V. Sekreta"
    assert PersonNames(["Igor Sekreta", "Ivan Sekreta"]).full_name("Sekreta") == "Igor Sekreta"


def test_person_names_titles_list_kinds():
    offices = titles("office")
    assert "deputy foreign minister" in offices and all(t == t.lower() for t in offices)
    assert {"Mr", "Mr.", "Mrs."} <= set(titles("courtesy"))
    assert set(titles("male")) | set(titles("female")) <= set(titles("courtesy"))
    assert not set(titles("male")) & set(titles("female"))
    assert all(titles(kind) for kind in TITLE_KINDS)
    with pytest.raises(ValueError, match="unknown title kind 'job'.*courtesy"):
        titles("job")


@pytest.mark.parametrize(("names", "person"), [
    # two persons share the surname: it stays a surname, for the corpus pass to name (BBC
    # entertainment/141, where "Osbourne" was Sharon Osbourne, the longer name, in Ozzy's quotes)
    (["Ozzy Osbourne", "Sharon Osbourne"], "Osbourne"),
    (["Andy Robinson", "Jason Robinson"], "Robinson"),
    # one person written two ways: the longer name, as before
    (["Victor Makarov", "Viktor Makarov"], "Victor Makarov"),      # a tie: the first given
    (["Dave Collins", "David Collins"], "David Collins"),
    (["M Williams", "Martyn Williams"], "Martyn Williams"),
    # a generation tells father from son (PolNeAR: Donald Trump Jr.)
    (["Donald Trump", "Donald Trump Jr."], "Trump"),
    # ... but not a name written two ways, one with the generation
    (["Joe Biden", "Joseph R. Biden Jr."], "Joseph R. Biden Jr."),
    (["Donald J. Trump", "Donald Trump Jr."], "Trump"),            # a middle initial aside
])
def test_person_names_person_of_a_shared_surname(names, person):
    assert PersonNames(names).person(names[0].split()[-1]) == person


@pytest.mark.parametrize(("name", "last"), [
    ("Joseph R. Biden Jr.", "Biden"), ("Joe Manchin III", "Manchin"), ("Igor Sekreta", "Sekreta"),
])
def test_person_names_surname_is_before_a_generation(name, last):
    assert surname(name.split()) == last
    assert PersonNames([name]).full_name(last) == name


@pytest.mark.parametrize(("names", "mention", "person"), [
    # a surname with its generation is the full name with both, beside the father
    (["Donald Trump", "Donald Trump Jr."], "Trump Jr.", "Donald Trump Jr."),
    (["Donald Trump Jr.", "Donald Trump"], "Mr. Trump Jr.", "Donald Trump Jr."),
    (["Joseph R. Biden Jr."], "Biden Jr.", "Joseph R. Biden Jr."),
    (["Donald Trump Jr."], "Trump Jr", "Donald Trump Jr."),        # the dot aside (BBC writes "Jr")
    (["Jesse Jackson Jr."], "Jackson Jr.", "Jesse Jackson Jr."),   # a surname that is a first name too
    # must not: another generation, no full name with it, a first name with a generation: as written
    (["Donald Trump", "Donald Trump Jr."], "Trump Sr.", "Trump Sr."),
    (["Donald Trump"], "Trump Jr.", "Trump Jr."),
    (["Fred Trump Jr."], "Fred Jr.", "Fred Jr."),
    (["Robert F. Kennedy Jr.", "Joseph P. Kennedy Jr."], "Kennedy Jr.", "Kennedy Jr."),  # two such persons
    (["Joseph P. Kennedy Jr.", "John F. Kennedy Jr."], "Kennedy Jr.", "Kennedy Jr."),    # ... whose first names share the initial J.
    (["Donald Trump Jr.", "Donald J. Trump Jr."], "Trump Jr.", "Donald J. Trump Jr."),  # one, written two ways
])
def test_person_names_surname_with_generation_is_that_person(names, mention, person):
    assert PersonNames(names).resolve(mention) == person


def test_person_names_generation_alone_has_nothing_before_it():
    assert surname(["Jr."]) == "Jr."


@pytest.mark.parametrize("names", [["Donald Trump Jr.", "Donald J. Trump"],
                                   ["Donald Trump", "Donald J. Trump", "Donald Trump Jr."]])
def test_person_names_generations_apart_whatever_the_order(names):
    assert PersonNames(names).person("Trump") == "Trump"
