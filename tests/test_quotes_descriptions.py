"""pipeline.stages.quotes.descriptions and the rank of an office (resources/role_ranks.txt):
which person a role description names. Short texts modelled on BBC politics cases, through
the real parse, the entities stage's rows and the quotes stage, as in a run (the helpers of
test_speakers_identity). Each case names the BBC article it comes from; the cases that must
give no person are part of the tables."""
from __future__ import annotations

import pytest

from pipeline.stages.quotes.sources import may_be_person, modifiers, rank_gap, ranked_offices
from tests.test_speakers_identity import quote_rows_cached, source_of


@pytest.mark.parametrize(("text", "quote", "speaker", "kind"), [
    # a deputy or shadow holds another office (BBC politics/218, 175, 082, 232)
    ("Deputy Prime Minister John Prescott said the plan was sound. Later the prime minister told MPs "
     "that the plan would go ahead.", "the plan would go ahead", "prime minister", "unnamed"),
    ("Home Secretary Charles Clarke defended the plan. The shadow home secretary said the plan was unworkable.",
     "the plan was unworkable", "shadow home secretary", "unnamed"),
    ("Chancellor Gordon Brown spoke on Monday. The shadow chancellor said the budget was a mess.",
     "the budget was a mess", "shadow chancellor", "unnamed"),
    ("Mayor Ken Livingstone and deputy mayor Nicky Gavron spoke. The mayor said the government was lying.",
     "the government was lying", "Ken Livingstone", "person"),
    # ... while a plain "the minister" may still be a deputy minister (seeds)
    ("Belarusian Deputy Foreign Minister Igor Sekreta spoke in Minsk. The minister said the OSCE was biased.",
     "the OSCE was biased", "Igor Sekreta", "person"),
    # a secretary of state is a minister (BBC politics/003, 055)
    ("Teachers could get more powers, Education Secretary Ruth Kelly has suggested. The minister also "
     "confirmed she received support from the group.", "she received support", "Ruth Kelly", "person"),
    # a courtesy title is no other role than "the minister" (BBC politics/003) ...
    ('Patricia Hewitt said the plan was good. Ms Hewitt was speaking at a seminar. The minister told '
     'delegates that sexism was wrong.', "sexism was wrong", "Patricia Hewitt", "person"),
    # ... but a named office is not the person a courtesy title introduced
    ('"If you lie about the war, you lie about anything," Dr Fox told BBC Radio. The prime minister said '
     'he did not know the date of the election.', "he did not know", "prime minister", "unnamed"),
    # an office the article names its holder in a sentence later (BBC politics/273, 002)
    ("Courts will be modernised, the courts minister has told MPs. The plan was announced by courts minister "
     "Christopher Leslie on Monday.", "Courts will be modernised", "Christopher Leslie", "person"),
    ("The information commissioner says the law is clear. Information Commissioner Richard Thomas told the "
     "BBC it was.", "the law is clear", "Richard Thomas", "person"),
    # ... not a plain "the minister", which may be anyone's
    ("The minister said the plan was sound. Later, Health Minister Jane Roe disagreed with the plan.",
     "the plan was sound", "minister", "unnamed"),
    # a spokesman for an office holder is not the office holder (BBC politics/087)
    ("A spokesman for Home Secretary Charles Clarke said the plan was sound.",
     "the plan was sound", "spokesman for Home Secretary Charles Clarke", "unnamed"),
    ("A spokesman for European Justice and Home Affairs Commissioner Franco Frattini said the plan was sound.",
     "the plan was sound", "spokesman for European Justice and Home Affairs Commissioner Franco Frattini", "unnamed"),
    ("Shadow leader of the Commons Oliver Heald said the plan was sound.", "the plan was sound", "Oliver Heald", "person"),
    # a named office is its holder's, not a minister's named before it (BBC politics/022, 034)
    ("Home Secretary Charles Clarke published plans. The prime minister ridiculed the Tory plans, saying they "
     "were a fantasy.", "they were a fantasy", "prime minister", "unnamed"),
    # a rank is the office's it stands before (BBC politics/252)
    ('Former welfare minister Frank Field MP criticised the rivalry. "It is a disgrace," the Labour MP for '
     'Birkenhead said.', "It is a disgrace", "Frank Field", "person"),
    # someone's spokesman is not that person (BBC politics/276)
    ("Mr Bannatyne is due to host a new television programme. But his spokesman insisted his attack on Labour "
     "was not a publicity stunt.", "his attack on Labour", "his spokesman", "unnamed"),
    # a thing that suggests or highlights is no later "he" (BBC politics/136, 024) ...
    ("Jack Straw has defended the decision. Mr Straw denied the decision would suggest to China that the "
     "protests had been forgotten. The level of human rights was a key criterion, he said.",
     "The level of human rights", "Jack Straw", "person"),
    ("Gordon Brown has arrived in Kenya. Mr Brown's trip is designed to highlight how the UK wants to make "
     "Africa a priority. At a school in Nairobi on Wednesday, he said education needs had to be tackled.",
     "education needs", "Gordon Brown", "person"),
    # a body the article describes, not names, is no organisation (docs/guidelines.md §4.6;
    # BBC: `government` had mixed the UK, Welsh and US ones as one actor) ...
    ("Welsh ministers met on Monday. The government said the plan would cut costs.",
     "the plan would cut costs", "government", "unnamed"),
    ("Michael Howard leads the Conservative Party. His party said the plan would fail.",
     "the plan would fail", "His party", "unnamed"),
    # (written lower case when only the sentence capitalises it: one source, §4.5)
    ("Police said the man was arrested on Monday.", "the man was arrested", "police", "unnamed"),
    ("The minister spoke on Monday. Later, Police said the man was arrested.", "the man was arrested", "Police",
     "unnamed"),
    ("Welsh ministers met on Monday. The Government said the plan would cut costs.", "the plan would cut costs",
     "Government", "unnamed"),
    # ... while a body it names is one
    ("The Commons work and pensions committee said the agency was failing.", "the agency was failing",
     "Commons work and pensions committee", "organisation"),
    # "the party" is the party named last, also one whose name does not end in "Party" (BBC politics/317,
    # 213, 339: was the Conservative Party named before, or no body)
    ("The Tories promised lower bills. The Liberal Democrats said they want to abolish council tax. The party "
     "says it would aim for a £5,000 allowance.", "it would aim for", "Liberal Democrats", "organisation"),
    # an office of a place is a role, not someone speaking for the place (BBC politics/094, 019)
    ("First Minister Jack McConnell spoke in Edinburgh. Scotland's first minister said the plan would work.",
     "the plan would work", "Jack McConnell", "person"),
    # ... while someone's or a body's spokesman speaks for them
    ("Mr Blair's official spokesman said the plan would work.", "the plan would work",
     "Blair official spokesman", "unnamed"),
    ("The Home Office's spokesman said the plan would work.", "the plan would work", "Home Office spokesman", "unnamed"),
    # a share of a poll's respondents: the poll speaks (BBC politics/112, 104, 043) ...
    ("A majority of voters believe the prime minister has been damaged, a poll suggests. Some 63% of respondents "
     "in the Sunday Times poll thought his former lover acted vindictively. One in four said he should be back "
     "within a year.", "he should be back", "Sunday Times poll", "document"),
    ("A majority of voters believe the prime minister has been damaged, a poll suggests. Some 63% of respondents "
     "in the Sunday Times poll thought his former lover acted vindictively.", "his former lover",
     "Sunday Times poll", "document"),
    # ... not a person beside a number ("One of the men, ...", PolNeAR train)
    ("A new poll was released. One of the men, Jessie Elkins, 70, had served in Vietnam and said he was "
     "convinced that Trump would lose.", "he was convinced", "Jessie Elkins", "person"),
    # ... nor a count of people ("One of the men" is no share of respondents)
    ("A new poll was released. One of the men said he was convinced that Trump would lose.",
     "he was convinced", None, "unknown"),
    # ... and no poll, no speaker
    ("Some 8% of the UK population described themselves as coming from an ethnic minority in the 2001 Census.",
     "themselves as coming", None, "unknown"),
    # "his pledge": who "he" names (BBC politics/283, 251)
    ("Tony Blair spoke in London. He repeated his pledge not to do post-election deals with either party.",
     "not to do post-election deals", "Tony Blair", "person"),
    # ... while a group stays a later "they" (BBC politics/254)
    ("Meanwhile the likes of Health Secretary John Reid and Labour peer Lord Haskins are warning of the dangers. "
     "And they have both warned the rival camps to stop spreading the poison.", "the rival camps",
     "likes of Health Secretary John Reid and Labour peer Lord Haskins", "unnamed"),
    # a description that says whom it serves is not a person of another body with that role (BBC politics/324,
    # 318: was Menzies Campbell, Ian McCartney) ...
    ("Lib Dem spokesman Menzies Campbell repeated his calls. The prime minister's official spokesman said the "
     "claims were wrong.", "the claims were wrong", "prime minister official spokesman", "unnamed"),
    ("Labour party chairman Ian McCartney announced a consultation. The chairman of the CRE said the result was "
     "wrong.", "the result was wrong", "chairman of the CRE", "unnamed"),
    # ... nor the one person named just before it, who bears no such role (BBC politics/318: was Ashok
    # Vishwanathan of Operation Black Vote)
    ("Ashok Vishwanathan said the result was bad. The chairman of the CRE said shortlists were needed.",
     "shortlists were needed", "chairman of the CRE", "unnamed"),
    # ... while one of theirs still is, by their role words or their body's other name
    ("Labour party chairman Ian McCartney announced a consultation. Labour's chairman said the result was wrong.",
     "the result was wrong", "Ian McCartney", "person"),
    ("Lib Dem chairman Matthew Taylor spoke on Monday. The chairman of the Liberal Democrats said the plan was "
     "wrong.", "the plan was wrong", "Matthew Taylor", "person"),
])
def test_quotes_descriptions_name_the_office_holder(nlp, text, quote, speaker, kind):
    assert source_of(nlp, text, quote) == (speaker, kind)


@pytest.mark.parametrize(("intro", "description", "gap"), [
    ("deputy prime minister", "the prime minister", None),   # names the office with his own word
    ("prime minister", "the deputy prime minister", None),   # a deputy is not the holder
    ("shadow chancellor", "the chancellor", None),           # shadow: another office, always
    ("former home secretary", "the home secretary", None),
    ("former welfare minister mp", "the minister", None),
    ("former welfare minister mp", "the mp", 0),             # the rank is the minister's, not the MP's
    ("deputy foreign minister", "the minister", 1),          # may be, as a worse fit
    ("deputy mayor", "the mayor", 1),
    ("mayor", "the mayor", 0),
    ("shadow chancellor", "the shadow chancellor", 0),
])
def test_quotes_descriptions_rank_gap(nlp, intro, description, gap):
    doc = nlp(f"{description[0].upper()}{description[1:]} said it was wrong.")
    head = next(t for t in doc if t.dep_ == "nsubj")
    words = intro.split()
    assert rank_gap(set(words), ranked_offices(words), head) == gap
    assert "the" not in modifiers(head)


@pytest.mark.parametrize(("words", "ranked"), [
    ("deputy prime minister", {("deputy", "minister")}),
    ("former welfare minister mp", {("former", "minister")}),
    ("the shadow secretary of state for the family", {("shadow", "secretary")}),
    ("shadow home secretary", {("shadow", "secretary")}),
    ("prime minister", set()),
])
def test_quotes_descriptions_ranked_offices(words, ranked):
    assert ranked_offices(words.split()) == ranked


@pytest.mark.parametrize(("text", "word", "person"), [
    ("The decision would suggest it.", "decision", False),
    ("The trip is designed to highlight it.", "trip", False),
    ("The likes of John Reid are warning of it.", "likes", True),   # a plural: a later "they"
    ("A pediatrician said it.", "pediatrician", True),   # a person no list holds, by its ending
    ("The organiser said it.", "organiser", True),
    ("The spokesman said it.", "spokesman", True),
])
def test_quotes_descriptions_may_be_person(nlp, text, word, person):
    tok = next(t for t in nlp(text) if t.text == word)
    assert may_be_person(tok) is person


@pytest.mark.parametrize(("text", "quote", "reaches", "speaker"), [
    # a quote whose closing mark is missing is cut where its attribution starts ...
    ('Mr Smith spoke. "We will win the seat, Mr Smith said at the rally.', "We will win the seat,",
     "seat,", "Smith"),
    # ... not at the speaker's own words going on (BBC politics/047, 232: cut at "quality," with
    # `they` its speaker; at "hand," with the rest `I` thinks and believes)
    ('Education minister Jane Smith told the BBC: "The reason people are opting for Scottish universities is '
     'that they are seen as high quality, they offer very attractive courses and Scotland is a good place to '
     'study.\n\n"They know that fees are rising in England. "However, it does not mean that we will see '
     'more students."', "The reason people are opting", "a good place to study.", "Jane Smith"),
    ('Deputy Mayor Jane Smith said she hoped he would apologise.\n\nShe said: "I work very closely with him.'
     '\n\n"On the other hand, I think his remarks were inappropriate and I believe he will apologise soon. '
     '"I hope he will do it this week."', "I work very closely", "he will apologise soon.", "Jane Smith"),
])
def test_quotes_descriptions_unclosed_quote_ends_at_its_attribution(nlp, text, quote, reaches, speaker):
    rows = [r for r in quote_rows_cached(nlp, text) if r.text.startswith(quote)]
    assert rows and reaches in rows[0].text and rows[0].speaker == speaker
