"""Speaker identity (docs/guidelines.md §4, issue 13): the source's one name and its
kind, on short texts modelled on BBC politics and PolNeAR train cases.

The texts go through the real parse (the ``nlp`` fixture: en_core_web_sm plus the
project's components), the entities stage's rows and canonical names, then the
quotes stage, as in a run. Each case names the rule it tests; cases that must
give no name (or no person's name) are part of the tables.
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline.stages.entities.canonical import canonical_names
from pipeline.stages.entities.stage import COLUMNS as ENTITY_COLUMNS, doc_mentions
from pipeline.stages.quotes.sources import describe, speaker_kind
from pipeline.stages.quotes.speakers import EntityRow
from pipeline.stages.quotes.stage import entity_rows_by_doc, quote_rows


def quotes_of(nlp, text: str):
    doc = nlp(text)
    rows = pd.DataFrame(doc_mentions("d", doc, text, None), columns=[c for c in ENTITY_COLUMNS if c != "canonical"])
    rows["canonical"] = canonical_names(rows, corpus=False) if len(rows) else []  # as the stage names a batch
    found, _ = quote_rows(doc, entity_rows_by_doc(rows).get("d", []), text)
    return found


def source_of(nlp, text: str, quote: str):
    """(speaker, speaker_kind) of the quote whose text starts with ``quote``."""
    rows = [r for r in quote_rows_cached(nlp, text) if r.text.startswith(quote)]
    assert rows, f"no quote starting {quote!r}: {[r.text[:30] for r in quote_rows_cached(nlp, text)]}"
    return rows[0].speaker, rows[0].speaker_kind


_CACHE: dict[str, list] = {}


def quote_rows_cached(nlp, text):
    if text not in _CACHE:
        _CACHE[text] = quotes_of(nlp, text)
    return _CACHE[text]


@pytest.mark.parametrize(("text", "quote", "speaker", "kind"), [
    # named mentions: titles off, a peer's title kept, letters after a name off, hyphens kept
    ('Paying tribute, the Lord Chancellor Lord Falconer said: "He was a great judge and a great man."',
     "He was a great judge", "Lord Falconer", "person"),
    ('Tory frontbencher Andrew Tyrie MP said: "I can only hope it is unintentional and nothing more."',
     "I can only hope", "Andrew Tyrie", "person"),
    ('Robert Kilroy-Silk quit the party. "I am leaving because it has lost its way," Mr Kilroy-Silk said.',
     "I am leaving", "Robert Kilroy-Silk", "person"),
    ('Dame Elizabeth Butler-Sloss said the peer was "a good and humane judge of great standing".',
     "a good and humane judge", "Elizabeth Butler-Sloss", "person"),
    # a role with the name beside it is the person (rule 2)
    ('The Lord Chief Justice, Lord Woolf, said: "He was a lawyer with a remarkable insight."',
     "He was a lawyer", "Lord Woolf", "person"),
    ('"The attacks draw us all together," Ms. Merkel\'s spokesman, Steffen Seibert, wrote on Twitter.',
     "The attacks draw us", "Steffen Seibert", "person"),
    # organisations: the alias list's one name, whatever the NER's label
    ('The Lib Dems said chancellors had resigned over leaks in the past.', "chancellors had resigned",
     "Liberal Democrats", "organisation"),
    ('The Tories said the plan was a serious breach of Treasury rules.', "the plan was a serious breach",
     "Conservative Party", "organisation"),
    # a charity the model takes for a person (entity_aliases.txt; BBC business/296: 5 quotes of a person "Christian
    # Aid", and its "It added" went to the WTO)
    ('Christian Aid said the rules were weak. It added that many workers could end up in far worse jobs.',
     "many workers could end up", "Christian Aid", "organisation"),
    # documents: the report the article named before (rule 5)
    ('A National Audit Office report says costs have risen by two billion pounds. '
     'The report says the ministry has not learned its lessons at all.', "the ministry has not learned",
     "National Audit Office report", "document"),
    # unnamed sources: described as the article gives them, never a person's name (rule 6)
    ('Gordon Brown spoke on Monday. A Treasury spokesman said the figures were wrong and misleading.',
     "the figures were wrong", "Treasury spokesman", "unnamed"),
    ('Tony Blair arrived in Rome. Mr Blair\'s official spokesman said the talks had gone very well indeed.',
     "the talks had gone", "Tony Blair official spokesman", "unnamed"),
    # ... and "the spokesman" later is the one described before, affiliation and all (BBC politics/078:
    # was "spokesman"), but not another one, nor an office held by someone else
    ('A spokesman for the Home Office said the rules were clear. The spokesman added that no exceptions would be '
     'made.', "no exceptions would", "spokesman for the Home Office", "unnamed"),
    ('A senior Pentagon official said the troops would stay. The official added that no date was set.',
     "no date was set", "senior Pentagon official", "unnamed"),
    ('A Labour spokesman said the plan was wrong. Another spokesman said the plan was right.',
     "the plan was right", "spokesman", "unnamed"),
    ('The shadow chancellor said the figures were wrong. The chancellor said the figures were right.',
     "the figures were right", "chancellor", "unnamed"),
    # "a spokesman" that opens its sentence speaks for the body the sentence before is about (BBC politics/205:
    # was "spokesman"); not for a person
    ('Critics attacked the plan. But the Home Office defended the measures. A spokesman said the rules were fair.',
     "the rules were fair", "Home Office spokesman", "unnamed"),
    ('Mr Blair defended the measures. A spokesman said the rules were fair.', "the rules were fair", "spokesman",
     "unnamed"),
    # ... nor for a body that reported what another one did
    ('The New York Times reported on Sunday that the Pentagon had drawn up plans for new strikes. A spokesman said '
     'the report was speculative.', "the report was speculative", "spokesman", "unnamed"),
    ('Reuters reported that the oil giant had missed its targets. A spokeswoman said the figures would be published '
     'next week.', "the figures would be published", "spokeswoman", "unnamed"),
    # whom a source is close to, or knows, is part of its description (docs/guidelines.md §4.6; BBC politics/288:
    # was "Sources"), an aside between commas is not
    ('Sources close to the prime minister said the plan was dead.', "the plan was dead",
     "sources close to the prime minister", "unnamed"),
    ('A source familiar with the talks said a deal was near.', "a deal was near", "source familiar with the talks",
     "unnamed"),
    ('Officials, close to tears, said the plan had failed.', "the plan had failed", "officials", "unnamed"),
    # a name the NER missed after the noun of a body is that body, not a person (BBC tech/210: F-Secure was a person)
    ('Finnish anti-virus firm F-Secure said the virus was spreading fast.', "the virus was spreading",
     "F-Secure", "organisation"),
    # a common noun capitalised only because it opens the sentence is the same source as the word written
    # lower case elsewhere (BBC, 2,225 articles: "Analysts" 86 quotes, "analysts" 96); a name is not
    ('The shares rose. Analysts said the shares were cheap.', "the shares were cheap", "analysts", "unnamed"),
    ('The vote was close. Many believe the vote was rigged.', "the vote was rigged", "many", "unknown"),
    ('Labour MPs said the plan was wrong.', "the plan was wrong", "Labour MPs", "unnamed"),
    # "the company" is the company the story is about: named most often, and in the lead (BBC business and
    # tech: 90 quotes had "company" or "firm"); not one a lead that names no company never introduced
    ('Microsoft to replace Xbox cables. Microsoft has said it will replace 14 million cables. The company said no '
     'one had been hurt.', "no one had been hurt", "Microsoft", "organisation"),
    ('Spam campaign dropped. A campaign against spammers has ended. Netcraft said sites were offline. Netcraft '
     'counted them. The company said the campaign had worked.', "the campaign had worked", "company", "unnamed"),
    # a surname is of the gender its title, or the article's titles, give it: Michelle Obama
    # is not "Mr. Obama" nor, where the article says mostly "Mr. Obama", "President Obama"
    # (PolNeAR dev, NYT); with "Mrs. Obama" she is
    ('Michelle Obama sat in the front row. "We will win this," Mr. Obama said.', "We will win", "Obama", "person"),
    ('Michelle Obama sat in the front row. Mr. Obama spoke for an hour. Mr. Obama smiled. "It is personal to me," '
     'President Obama said.', "It is personal", "Obama", "person"),
    ('Michelle Obama sat in the front row. "We will win this," Mrs. Obama said.', "We will win", "Michelle Obama",
     "person"),
])
def test_speakers_identity_source(nlp, text, quote, speaker, kind):
    assert source_of(nlp, text, quote) == (speaker, kind)


def test_speakers_unnamed_source_keeps_its_pronouns(nlp):
    # "A spokesman said ... He added ...": the spokesman, not the person named before
    text = ('Michael Howard visited Leeds on Friday. A spokesman for the party said the visit went well. '
            'He added that more visits were planned for the spring.')
    spk = {r.text[:12]: (r.speaker, r.speaker_kind) for r in quote_rows_cached(nlp, text)}
    assert spk["the visit we"] == ("spokesman for the party", "unnamed")
    assert spk["more visits "][1] == "unnamed" and spk["more visits "][0] != "Michael Howard"


def test_speakers_role_the_article_ties_to_nobody_stays_a_role(nlp):
    # no fallback to the last person quoted: "the prime minister" is not Mr Fox
    text = ('"If you lie about the war, you lie about anything," Dr Fox told BBC Radio. '
            'The prime minister said he did not know the date of the election.')
    rows = [r for r in quote_rows_cached(nlp, text) if r.text.startswith("he did not know")]
    assert rows and rows[0].speaker == "prime minister" and rows[0].speaker_kind == "unnamed"
    assert rows[0].speaker_role == "prime minister"


def test_speakers_role_the_article_ties_to_a_person(nlp):
    text = ('Chancellor Gordon Brown spoke in London. The chancellor said the economy was stable and growing.')
    rows = [r for r in quote_rows_cached(nlp, text) if r.text.startswith("the economy")]
    assert rows and (rows[0].speaker, rows[0].speaker_kind, rows[0].speaker_role) == ("Gordon Brown", "person", None)


def test_speakers_recipient_is_never_the_speaker(nlp):
    text = 'Mr Johnson told BBC Radio 4\'s Today programme: "I certainly would not rule out the nuclear option."'
    assert source_of(nlp, text, "I certainly") == ("Johnson", "person")


@pytest.mark.parametrize(("text", "quote"), [
    # a date the parse takes for a subject is no source
    ('But this financial year, because of "volatility in the oil markets and other costs", the price rose.',
     "volatility in the oil"),
])
def test_speakers_no_source(nlp, text, quote):
    rows = [r for r in quote_rows_cached(nlp, text) if r.text.startswith(quote)]
    assert all(r.speaker is None or r.speaker_kind != "person" for r in rows)


# -- cue-less quotes: the source of their run or paragraph ------------------------------

def test_speakers_multi_paragraph_quote_keeps_its_source(nlp):
    # BBC style: each paragraph of a long quote reopens the mark and the last one closes it
    text = ('Lord Falconer said Lord Scarman was one of the "great advocates of our generation".\n\n'
            '"His legacy from his decisions in the Lords and the Court of Appeal is substantial. '
            '"His work in the wake of the riots was second to none.\n\n'
            '"A great judge, a great lawyer and a great man."')
    rows = [r for r in quote_rows_cached(nlp, text) if r.kind == "direct"]
    for words in ("His legacy", "His work", "A great judge"):
        at = text.index(words)
        covering = [r.speaker for r in rows if r.start <= at < r.end]
        assert covering == ["Lord Falconer"], words


def test_speakers_elided_cue_continues_the_speaker(nlp):
    text = ('Ms Jowell insisted: "We have a good track record for extracting planning gain in this country." '
            'And continued: "We can be proud to have one of the lowest rates of problem gambling in the world."')
    assert source_of(nlp, text, "We can be proud")[0] == "Jowell"


def test_speakers_quote_after_a_sentence_about_someone(nlp):
    text = ('Writing in the Guardian newspaper, Gordon Brown outlined his view of the party. '
            '"Labour\'s ambition is not simply tackling idleness but delivering full employment." '
            'BBC political editor Andrew Marr said the article was a warning shot.')
    assert source_of(nlp, text, "Labour's ambition")[0] == "Gordon Brown"


# -- pure helpers ---------------------------------------------------------------------

@pytest.mark.parametrize(("mention", "description"), [
    ("A spokesman for the Information Commissioner's Office", "spokesman for the Information Commissioner Office"),
    ("the Downing Street spokesman", "Downing Street spokesman"),
    ("some people", "people"),
])
def test_speakers_describe_keeps_titles(mention, description):
    assert describe(mention) == description


@pytest.mark.parametrize(("label", "name", "kind"), [
    ("PERSON", "Tony Blair", "person"), ("ORG", "Home Office", "organisation"),
    ("GPE", "United Kingdom", "organisation"), ("NORP", "Conservative Party", "organisation"),
    ("NORP", "Israelis", "unnamed"), ("DOCUMENT", "report", "document"), ("UNNAMED", "spokesman", "unnamed"),
    ("GROUP", "officials", "unnamed"), (None, "something", "unknown"), ("PERSON", None, "unknown"),
])
def test_speakers_kind_of_a_label(label, name, kind):
    assert speaker_kind(label, name) == kind


def test_speakers_a_company_the_ner_calls_a_person_once_is_an_organisation(nlp):
    # the NER tags the last mention PERSON: the speaker is still the company (BBC: 55 quotes of companies and
    # clubs, `Barclays`, `BT`, `Nortel`, whose kind was person)
    text = ("Nortel shares fell on Tuesday. Nortel said it would cut 3,500 jobs. "
            "\"We have to act now,\" Nortel said.")
    starts = [k for k in range(len(text)) if text.startswith("Nortel", k)]
    ents = [EntityRow(k, k + 6, "PERSON" if k == starts[-1] else "ORG", "Nortel") for k in starts]
    doc = nlp(text)
    rows, _ = quote_rows(doc, ents)
    assert {(r.speaker, r.speaker_kind) for r in rows if r.kind == "direct"} == {("Nortel", "organisation")}
    # ... and so does a mention of it the NER missed
    rows, _ = quote_rows(doc, ents[:-1])
    assert {(r.speaker, r.speaker_kind) for r in rows if r.kind == "direct"} == {("Nortel", "organisation")}


def test_speakers_addressee_never_speaks(nlp):
    # the subject left out ("But told BBC News: ..."): the source of the quote before, never BBC News
    text = ('Mr Blair said he had not read the report. But told BBC News: "As far as I am concerned, we have done '
            'everything we were asked to do."')
    rows = [r for r in quote_rows_cached(nlp, text) if r.text.startswith("As far as")]
    assert rows and rows[0].speaker != "BBC News"


def test_speakers_addressee_of_one_verb_speaks_with_another(nlp):
    """Whom one verb addresses may say something with another verb: the reported clause is
    hers, an indirect quote, never a cue-less direct quote of the speaker before (regression:
    PolNeAR train, politico_2016-01-31_clinton-rolls-out-special-charac)."""
    text = ('"This is one of Hillary\u2019s friends from sixth grade," Tom told Annette Guessford, who answered '
            'her door Sunday afternoon and said she planned to caucus for Clinton.')
    rows = [r for r in quote_rows_cached(nlp, text) if r.text.startswith("she planned")]
    assert [(r.kind, r.speaker, r.cue) for r in rows] == [("indirect", "Annette Guessford", "said")]


def test_speakers_dateline_place_never_speaks(nlp):
    text = ("Washington (AFP) – Democrat Hillary Clinton has taken a big lead in the polls, "
            "her campaign said on Tuesday.")
    assert all(r.speaker != "Washington" for r in quote_rows_cached(nlp, text))


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    # a role opening the sentence right after the one that names its only person, as its speaker
    ("Curfews were other options which could be used if court orders were defied, Lord Falconer said. "
     "The constitutional affairs secretary outlined some of the plans on Tuesday. "
     "He denied that activists had forced the changes on the government.", "activists had forced", "Lord Falconer"),
    # that person only as the subject of a relative clause: not the role's holder
    ("The issue was a feature of the US election, where George Bush opposed extending it. "
     "But the Tory leader argued there was a moral case for the research to go on.", "there was a moral case",
     "Tory leader"),
])
def test_speakers_role_right_after_its_only_person(nlp, text, quote, speaker):
    assert source_of(nlp, text, quote)[0] == speaker


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    # the parse heads "The Tory co-chairman" with its hyphen: the role is still Liam Fox's
    ('Tory co-chairman Liam Fox spoke at the weekend. "What we learned is that it will be fear and smear," he said. '
     'The Tory co-chairman attacked the pledges and said Mr Blair was very worried about the voters.',
     "Mr Blair was very worried", "Liam Fox"),
])
def test_speakers_hyphenated_role(nlp, text, quote, speaker):
    assert source_of(nlp, text, quote)[0] == speaker


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    # a hyphenated name the NER missed is the whole name, not its last piece (BBC tech 281,
    # tech 042: the speakers had been "Secure" and "King")
    ("On the positive side, Finnish security firm F-Secure said that 2004 was the best-ever year for "
     "the capture of virus writers.", "2004 was the best-ever year", "F-Secure"),
    ('"We are delighted to be offering free access," said Broadreach chief executive Magnus McEwen-King.',
     "We are delighted", "Magnus McEwen-King"),
])
def test_speakers_hyphenated_name_the_ner_missed(nlp, text, quote, speaker):
    assert source_of(nlp, text, quote)[0] == speaker


@pytest.mark.parametrize(("text", "quote", "source"), [
    # a proper name the NER missed with "the" is a body (an acronym, several words), not a person
    ("But the FT said it thought JP Morgan may still have had some role in financing the bid.",
     "it thought JP Morgan", ("FT", "organisation")),
    ("Forecasts are due on Friday, the Sunday Telegraph reported.", "Forecasts are due", ("Sunday Telegraph", "organisation")),
    # a plural one alone is a team or a group
    ("Now the Gunners have asked for an inquiry to look into claims that their player has been approached.",
     "an inquiry", ("Gunners", "unnamed")),
    # one word with "the": a description (an office), never a person named by it
    ("Earlier the Archbishop of Canterbury wrote to all three parties urging them not to exploit fears.",
     "them not to exploit", ("Archbishop of Canterbury", "unnamed")),
    # a capital "The" inside a sentence is part of the name (BBC entertainment 282)
    ('In an interview on Saturday, The Game described some of his rivals as "my friends" and said he would '
     'not turn on them.', "he would not turn", ("The Game", "person")),
])
def test_speakers_proper_name_of_no_person(nlp, text, quote, source):
    assert source_of(nlp, text, quote) == source


def test_speakers_title_of_a_work_is_no_person(nlp):
    # "the Night" of a song's title (BBC entertainment 317) had been the person "Night"
    text = ("The 58-year-old US singer of Because the Night told The Observer newspaper that the festival "
            "would be her response to these greedy times.")
    assert all(r.speaker_kind != "person" for r in quote_rows_cached(nlp, text))


@pytest.mark.parametrize(("text", "quote", "speaker", "kind"), [
    # an age or a nationality noun after "the" refers back to the person the story is about
    # (BBC sport: sport/046, sport/465, sport/509, sport/460)
    ('Paula Radcliffe has called for drug cheats to be treated as criminals. Radcliffe won in New York. '
     '"Doping in sport is a criminal offence," the 30-year-old told the Sunday Times.',
     "Doping in sport", "Paula Radcliffe", "person"),
    ('Justine Henin-Hardenne will miss the Australian Open. "I am very disappointed," said the 22-year-old.',
     "I am very disappointed", "Justine Henin-Hardenne", "person"),
    ('Andre Agassi beat Jurgen Melzer in four sets. Agassi said the match was hard. '
     '"A lot more guys are capable of it now," said the American.',
     "A lot more guys", "Andre Agassi", "person"),
    ('Lindsay Davenport has put talk of retirement on hold. The 28-year-old world number one said she felt fit again.',
     "she felt fit again", "Lindsay Davenport", "person"),
    # the person just quoted is not the one the story is about: no guess (BBC sport/186,
    # where the manager was quoted between the player's name and "the 34-year-old")
    ('Graham Stuart joined Norwich on Monday. Stuart has played for Everton and Charlton. '
     'Manager Nigel Worthington said: "He is a great signing." '
     '"It was an easy decision," said the 34-year-old.',
     "It was an easy decision", None, "unknown"),
    # an occupation noun reads the same way (BBC entertainment/012, sport/009)
    ('Hollywood film star Liam Neeson has held a dinner party in New York to promote a theatre. Neeson said it '
     'needed money. The Oscar-nominated actor said that "it is a place close to my heart".',
     "it is a place close to my heart", "Liam Neeson", "person"),
    ('Jason Gardener won the 60m at the Leipzig meeting. Gardener clocked 6.56 seconds. '
     'The world indoor champion said: "I got to the airport and my stomach was upset."',
     "I got to the airport", "Jason Gardener", "person"),
    # ... but never names someone the article introduced in another role
    ('Arsenal manager Arsene Wenger praised his team. Wenger said the win was deserved. '
     '"We played very well," the striker said.', "We played very well", "striker", "unnamed"),
    # a modifier before the nationality changes nothing
    ('Andy Murray beat Tim Henman in three sets. Murray said the match was hard. '
     '"He was too good," said the tearful Scot.', "He was too good", "Andy Murray", "person"),
    # two persons named as often: no one is the story's person (the latest speaker would win)
    ('Andy Murray beat Tim Henman. Murray was superb. Henman said it was hard. '
     '"He was too good," said the Scot.', "He was too good", "Scot", "unnamed"),
    # with no one named before, "the Scot" is an unnamed source, not a person called Scot
    ('"We will win the league," said the Scot.', "We will win", "Scot", "unnamed"),
])
def test_speakers_description_refers_back(nlp, text, quote, speaker, kind):
    assert source_of(nlp, text, quote) == (speaker, kind)


@pytest.mark.parametrize(("text", "quote"), [
    # plural and indefinite descriptions bring in someone new
    ('Paula Radcliffe won in New York. "It was a great race," said a 30-year-old from Leeds.', "It was a great race"),
    ('Andre Agassi won in four sets. "He was too good," the Americans said.', "He was too good"),
])
def test_speakers_new_description_is_not_the_story_person(nlp, text, quote):
    assert source_of(nlp, text, quote)[0] not in ("Paula Radcliffe", "Andre Agassi")


def test_speakers_name_capitalised_mid_sentence_keeps_its_capital(nlp):
    # BBC business/435: "Fosters said" opens its sentence, but the article writes the brewer's name
    # mid-sentence too: a name, not "fosters"
    text = ('Australian brewer Fosters has bought a large stake in Australian winemaker Southcorp, sparking rumours '
            'of a possible takeover.\n\nFosters bought 18.8% of Southcorp, the global winemaker behind the Penfolds '
            'brands. Fosters said it was currently in discussions with the board.')
    assert source_of(nlp, text, "it was currently in discussions")[0] == "Fosters"
