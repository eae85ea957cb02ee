"""What a claim is about, its content span and its source's kind
(pipeline.stages.claims.about; docs/guidelines.md §5 ``about``)."""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline.stages.claims.about import _trim, annotate_claims, content_of, sync_sources


def tables(nlp, text, ents, quotes, claims):
    doc = nlp(text)
    documents = pd.DataFrame([dict(doc_id="d", path="d.txt", text=text)])

    def span(piece, after=0):
        s = text.index(piece, after)
        return s, s + len(piece)

    # an entity: (text, label, canonical[, role]); a quote: (text, speaker, speaker_kind[, kind])
    e = pd.DataFrame([dict(doc_id="d", start=span(p)[0], end=span(p)[1], text=p, label=lab, canonical=can,
                           role=role[0] if role else None) for p, lab, can, *role in ents])
    q = pd.DataFrame([dict(doc_id="d", quote_id=i, start=span(p)[0], end=span(p)[1], speaker=spk,
                           speaker_kind=kind, kind=qk[0] if qk else "direct")
                      for i, (p, spk, kind, *qk) in enumerate(quotes)],
                     columns=["doc_id", "quote_id", "start", "end", "speaker", "speaker_kind", "kind"])
    c = pd.DataFrame([dict(doc_id="d", claim_id=i, start=span(p)[0], end=span(p)[1], text=p, speaker=spk, quote_id=qid)
                      for i, (p, spk, qid) in enumerate(claims)])
    c["quote_id"] = c["quote_id"].astype("Int64")
    return annotate_claims(c, q, e, documents, {"d": doc}), text


def test_claims_about_is_the_content_not_the_frame(nlp):
    text = ("Dialogue must be restored with the OSCE, Belarus' Deputy Minister Igor Sekreta said at the "
            "OSCE Ministerial Council in Vienna, BelTA has learned.")
    out, _ = tables(nlp, text,
                    [("OSCE", "ORG", "OSCE"), ("Belarus", "GPE", "Belarus"), ("Igor Sekreta", "PERSON", "Igor Sekreta"),
                     ("OSCE Ministerial Council", "ORG", "OSCE Ministerial Council"), ("Vienna", "GPE", "Vienna"),
                     ("BelTA", "ORG", "BelTA")],
                    [("Dialogue must be restored with the OSCE", "Igor Sekreta", "person")],
                    [(text, "Igor Sekreta", 0)])
    row = out.iloc[0]
    assert list(row["about"]) == ["OSCE"]
    assert text[row["content_start"]:row["content_end"]] == "Dialogue must be restored with the OSCE"
    assert row["speaker_kind"] == "person"


def test_claims_about_resolves_descriptions_and_a_referring_it(nlp):
    text = ("Sekreta said the OSCE has failed. “Our organization has ceased to be a forum.” "
            "Belarus presented the Eurasian Charter in Minsk. This document aims to enshrine respect. "
            "It could serve as the foundation for a new order. It is important to talk.")
    out, _ = tables(nlp, text,
                    [("OSCE", "ORG", "OSCE"), ("Belarus", "GPE", "Belarus"),
                     ("Eurasian Charter", "LAW", "Eurasian Charter"), ("Minsk", "GPE", "Minsk")],
                    [],
                    [("Sekreta said the OSCE has failed.", None, None),
                     ("“Our organization has ceased to be a forum.”", None, None),
                     ("Belarus presented the Eurasian Charter in Minsk.", None, None),
                     ("This document aims to enshrine respect.", None, None),
                     ("It could serve as the foundation for a new order.", None, None),
                     # "it is ... to": no reference, nothing named
                     ("It is important to talk.", None, None)])
    assert [list(a) for a in out["about"]] == [["OSCE"], ["OSCE"], ["Belarus", "Eurasian Charter", "Minsk"],
                                               ["Eurasian Charter"], ["Eurasian Charter"], []]


# Two claims of one paragraph and what the second is about: a pronoun "it" points back at
# the thing the subject of the claim before names, or at the organisation framing it; a
# "the party" at the last party named before, by any of its names (BBC, 2,225 articles).
@pytest.mark.parametrize(("first", "second", "ents", "about"), [
    # the subject before is the thing: "It" is it
    ("The Road Safety Bill would allow breath tests to be used in court.",
     "It also includes plans for a staggered fines system.",
     [("Road Safety Bill", "LAW", "Road Safety Bill")], ["Road Safety Bill"]),
    # ... or a name set beside the subject, or its owner
    ("But its own internet business, AOL, had mixed fortunes.", "It lost 464,000 subscribers in the fourth quarter.",
     [("AOL", "ORG", "AOL")], ["AOL"]),
    ("Heineken's net income fell to 537m euros.", "It blamed weak demand in western Europe.",
     [("Heineken", "ORG", "Heineken"), ("Europe", "LOC", "Europe")], ["Heineken", "Europe"]),
    ("The service, Google Video beta, searches closed captions.", "It only searches US channel content.",
     [("Google Video", "ORG", "Google Video"), ("US", "GPE", "United States")], ["Google Video", "United States"]),
    # a fronted phrase without a subject of its own leaves "it" the main subject
    ("France Telecom is consolidating its interest in Equant.",
     "Subject to approval by shareholders of the two firms, it will buy the shares it does not already own.",
     [("France Telecom", "ORG", "France Telecom"), ("Equant", "ORG", "Equant")], ["France Telecom"]),
    # a name deeper in the sentence before is not what "it" is: the poster is
    ("There was controversy over another poster offered to Labour members.", "It showed Mr Howard as a flying pig.",
     [("Labour", "ORG", "Labour Party"), ("Mr Howard", "PERSON", "Michael Howard")], ["Michael Howard"]),
    # after an adverbial clause "it" is something of that clause; after a phrase without a
    # subject of its own it is still the subject before
    ("Thames Valley Police opened an inquiry.", "If the inquiry finds nothing, it will close the case.",
     [("Thames Valley Police", "ORG", "Thames Valley Police")], []),
    ("Thames Valley Police opened an inquiry.", "Having searched the house, it closed the case.",
     [("Thames Valley Police", "ORG", "Thames Valley Police")], ["Thames Valley Police"]),
    # an impersonal "it" names nothing
    ("Thames Valley Police opened an inquiry.", "It appeared a man used a ladder to get into the house.",
     [("Thames Valley Police", "ORG", "Thames Valley Police")], []),
    ("Thames Valley Police opened an inquiry.", "It was decided that the house would be sealed.",
     [("Thames Valley Police", "ORG", "Thames Valley Police")], []),
    ("Thames Valley Police opened an inquiry.", "It seems unlikely.",
     [("Thames Valley Police", "ORG", "Thames Valley Police")], []),
    # ... and "take", "remain", "happen" with a clause after them
    ("Thames Valley Police opened an inquiry.", "It remains to be seen whether a man used a ladder.",
     [("Thames Valley Police", "ORG", "Thames Valley Police")], []),
    ("Thames Valley Police opened an inquiry.", "It took officers two years to find him.",
     [("Thames Valley Police", "ORG", "Thames Valley Police")], []),
    ("Thames Valley Police opened an inquiry.", "It happened on Monday.",
     [("Thames Valley Police", "ORG", "Thames Valley Police")], ["Thames Valley Police"]),
    # ... but the same verbs with an object or a complement refer
    ("The OSCE held its summit in Vienna.", "It remains the only forum uniting North America and Europe.",
     [("OSCE", "ORG", "OSCE"), ("Vienna", "GPE", "Vienna"), ("North America", "LOC", "North America"),
      ("Europe", "LOC", "Europe")], ["OSCE", "North America", "Europe"]),
    ("Heineken reported higher sales.", "It took a 20% stake in the brewer last year.",
     [("Heineken", "ORG", "Heineken")], ["Heineken"]),
    # "Qantas said it ...": the organisation framing the content
    ("Shares rose on Monday.", "Qantas said it was looking to build its operations overseas.",
     [("Monday", "DATE", "Monday"), ("Qantas", "ORG", "Qantas")], ["Qantas"]),
    # "the party": a party named by an alias or by its members' adjective
    ("Lib Dem leader Charles Kennedy spoke in London.", "He said the party would cut the basic rate.",
     [("Lib Dem", "ORG", "Liberal Democrats"), ("Charles Kennedy", "PERSON", "Charles Kennedy"),
      ("London", "GPE", "London")], ["Liberal Democrats"]),
    ("A Conservative spokeswoman spoke on Monday.", "She said the party stuck to the rules.",
     [("Conservative", "NORP", "Conservative Party"), ("Monday", "DATE", "Monday")], ["Conservative Party"]),
])
def test_claims_about_points_back(nlp, first, second, ents, about):
    out, _ = tables(nlp, f"{first} {second}", ents, [], [(first, None, None), (second, None, None)])
    assert list(out["about"].iloc[1]) == about


@pytest.mark.parametrize(("sentence", "ents", "about"), [
    ("Qantas said it was looking to build its operations overseas.", [("Qantas", "ORG", "Qantas")], ["Qantas"]),
    # a news agency is never the topic, not even through "it"
    ("Reuters said it had obtained a copy of the report.", [("Reuters", "ORG", "Reuters")], []),
    # the owner of a person who speaks is not what "it" is
    ("Labour's John Prescott said it would cost billions of pounds to fix the railways.",
     [("Labour", "ORG", "Labour Party"), ("John Prescott", "PERSON", "John Prescott")], []),
])
def test_claims_about_it_is_the_organisation_framing_it(nlp, sentence, ents, about):
    out, _ = tables(nlp, sentence, ents, [], [(sentence, None, None)])
    assert list(out["about"].iloc[0]) == about


@pytest.mark.parametrize(("sentence", "about"), [
    # a news agency inside a claim is an editorial note, never a topic
    ("We can see this in the CSTO (CSTO - TASS here and henceforth).", ["CSTO"]),
    # nationalities, dates and numbers are no topics; an organisation's adjective is
    ("European security does not exist today, and the Tory plan costs 5 billion.", ["Conservative Party"]),
    # nothing named: nothing to be about
    ("Consensus is the only way to ensure everyone's participation.", []),
])
def test_claims_about_names(nlp, sentence, about):
    ents = [("CSTO", "ORG", "CSTO"), ("TASS", "ORG", "TASS"), ("European", "NORP", "European"),
            ("today", "DATE", "today"), ("Tory", "NORP", "Conservative Party"), ("5 billion", "MONEY", "5 billion")]
    ents = [e for e in ents if e[0] in sentence]
    out, _ = tables(nlp, sentence, ents, [], [(sentence, None, None)])
    assert list(out["about"].iloc[0]) == about
    assert out["speaker_kind"].iloc[0] is None  # no speaker: the publication asserts it, no kind


@pytest.mark.parametrize(("text", "quote", "content"), [
    ('"The OSCE has no future," Igor Sekreta said.', (1, 24), "The OSCE has no future"),
    ("According to Ryzhenkov, all nations have expressed interest.", None, "all nations have expressed interest"),
    # no frame: the claim is its own content (docs/spec.md, claims)
    ("Belarus has been a member of the OSCE since 1992.", None, "Belarus has been a member of the OSCE since 1992."),
])
def test_claims_content_span(nlp, text, quote, content):
    a, b = content_of(nlp(text), text, 0, len(text), quote)
    assert text[a:b] == content


@pytest.mark.parametrize(("text", "quote", "direct", "content"), [
    # BBC politics 134: a quoted phrase inside the reported clause is part of what was
    # said; the content kept only the phrase and lost the clause's subject
    ('He said police had "acknowledged their duty to investigate allegations of hunting offences".',
     "acknowledged their duty to investigate allegations of hunting offences", True,
     'police had "acknowledged their duty to investigate allegations of hunting offences"'),
    # the whole reported clause quoted: the quote is the content, as before
    ('He said "the police had acknowledged their duty".', "the police had acknowledged their duty", True,
     "the police had acknowledged their duty"),
    # an indirect quote is the content, whatever the parse's clause
    ('He said police had "acknowledged their duty".', 'police had "acknowledged their duty"', False,
     'police had "acknowledged their duty"'),
    # BBC politics 120: a quote a colon introduces is the content, not the frame before it
    ('He said he recognised people\'s concerns but argued: "He has apologised and we should leave it".',
     "He has apologised and we should leave it", True, "He has apologised and we should leave it"),
])
def test_claims_about_content_of_a_quoted_phrase_is_its_clause(nlp, text, quote, direct, content):
    q0 = text.index(quote)
    a, b = content_of(nlp(text), text, 0, len(text), (q0, q0 + len(quote)), direct)
    assert text[a:b] == content


def test_claims_sync_sources_takes_the_quotes_final_speaker():
    claims = pd.DataFrame([dict(doc_id="d", claim_id=0, speaker="prime minister", speaker_kind="unnamed", quote_id=0),
                           dict(doc_id="d", claim_id=1, speaker=None, speaker_kind="unknown", quote_id=None)])
    claims["quote_id"] = claims["quote_id"].astype("Int64")
    quotes = pd.DataFrame([dict(doc_id="d", quote_id=0, speaker="Tony Blair", speaker_kind="person")])
    out = sync_sources(claims, quotes)
    assert out["speaker"].tolist() == ["Tony Blair", None]
    assert out["speaker_kind"].tolist() == ["person", "unknown"]


def test_claims_content_inside_the_claim_and_about_names_known(seed_tables):
    """docs/spec.md, Offsets: start <= content_start <= content_end <= end; every name in
    ``about`` is a canonical name of the entities table, and every speaker_kind is null
    exactly when the speaker is."""
    c = seed_tables["claims"]
    assert ((c["start"] <= c["content_start"]) & (c["content_start"] <= c["content_end"])
            & (c["content_end"] <= c["end"])).all()
    names = set(seed_tables["entities"]["canonical"])
    assert {n for about in c["about"] for n in about} <= names
    assert (c["speaker"].isna() == c["speaker_kind"].isna()).all()
    assert set(seed_tables["quotes"]["speaker_kind"]) <= {"person", "organisation", "unnamed", "document", "unknown"}


@pytest.mark.parametrize(("text", "quote", "content"), [
    # BBC 002: the quote ends with its quoted phrase; the content kept the opening mark
    # and lost the closing one ("... served "no current purpose")
    ('Government guidance said e-mails should only be deleted if they served "no current purpose", Mr Thomas said.',
     'Government guidance said e-mails should only be deleted if they served "no current purpose"',
     'Government guidance said e-mails should only be deleted if they served "no current purpose"'),
    ("The timing of the new rules was “too unlikely to have been a coincidence”, Mr Beith said.",
     "The timing of the new rules was “too unlikely to have been a coincidence”",
     "The timing of the new rules was “too unlikely to have been a coincidence”"),
    ('A spokeswoman said the move was not about the new laws or "the destruction of important records".',
     'the move was not about the new laws or "the destruction of important records"',
     'the move was not about the new laws or "the destruction of important records"'),
    # a mismatched single pair, and `` '' marks, are pairs too
    ("He said the countries are divided into ‘right’ and 'wrong’.", "the countries are divided into ‘right’ and 'wrong’",
     "the countries are divided into ‘right’ and 'wrong’"),
    ("He said the plan was ``a disgrace''.", "the plan was ``a disgrace''", "the plan was ``a disgrace''"),
    # a pair that encloses the whole content goes, as before
    ('"The OSCE has no future," Igor Sekreta said.', '"The OSCE has no future,"', "The OSCE has no future"),
    ("“We will win,” he said.", "“We will win,”", "We will win"),
    # a mark whose partner is outside the content goes: the quote runs on past the claim
    ('"It is a disgrace. We will fight it," she said.', '"It is a disgrace.', "It is a disgrace"),
    # an apostrophe is no quotation mark: it goes at an end, as before
    ("The plan was the Lib Dems', Mr Kennedy said.", "The plan was the Lib Dems'", "The plan was the Lib Dems"),
])
def test_claims_about_content_keeps_quotation_marks_in_pairs(nlp, text, quote, content):
    """A content keeps both marks of a pair or neither (BBC: 307 of 6,117 contents ended
    inside an open quotation mark)."""
    q0 = text.index(quote)
    a, b = content_of(nlp(text), text, 0, len(text), (q0, q0 + len(quote)))
    assert text[a:b] == content


@pytest.mark.parametrize(("text", "clause", "content"), [
    # BBC 080: the parse's clause started after the mark that opens it, and the content
    # kept only the closing mark
    ('According to the report, "more than half" the qualifications achieved were by learners aged 16 to 18.',
     'more than half" the qualifications achieved were by learners aged 16 to 18',
     '"more than half" the qualifications achieved were by learners aged 16 to 18'),
    # a mark right outside whose partner is outside too stays out
    ('"It is a disgrace. We will fight it," she said.', "It is a disgrace.", "It is a disgrace"),
])
def test_claims_about_content_reads_the_marks_around_its_clause(text, clause, content):
    a = text.index(clause)
    a, b = _trim(text, a, a + len(clause), 0, len(text))
    assert text[a:b] == content


# A role in the content names the one person the article introduces in it (entities.role);
# a deputy's, a shadow's, a former holder's or another nation's office is another, and two
# holders, or a one-word role that may be any minister's, name nobody (claims.people;
# BBC politics, 300 articles: 108 contents said "the prime minister", "the home secretary",
# ... with no person in about, 22 of them in an article naming one person in that role).
@pytest.mark.parametrize(("first", "second", "ents", "about"), [
    ("Prime Minister Tony Blair opened a hospital in Leeds.", "The prime minister later met union leaders in Manchester.",
     [("Tony Blair", "PERSON", "Tony Blair", "prime minister"), ("Leeds", "GPE", "Leeds"),
      ("Manchester", "GPE", "Manchester")], ["Manchester", "Tony Blair"]),
    # BBC politics/011: "the Tory leader"; a synonym of the role given ("Conservative leader")
    ("Conservative leader Michael Howard toured Kent.", "The Tory leader wanted to meet as many voters as possible.",
     [("Conservative", "NORP", "Conservative Party"), ("Michael Howard", "PERSON", "Michael Howard", "conservative leader"),
      ("Kent", "GPE", "Kent"), ("Tory", "NORP", "Conservative Party")], ["Conservative Party", "Michael Howard"]),
    # BBC politics/174: a Scottish story's "the first minister"
    ("First Minister Jack McConnell was in Edinburgh.", "The first minister had ordered an urgent report.",
     [("Jack McConnell", "PERSON", "Jack McConnell", "first minister"), ("Edinburgh", "GPE", "Edinburgh")],
     ["Jack McConnell"]),
    # a party before the role ("Labour home secretary") is the same office
    ("Labour home secretary David Blunkett spoke.", "Downing Street stressed its support for the home secretary.",
     [("Labour", "ORG", "Labour Party"), ("David Blunkett", "PERSON", "David Blunkett", "labour home secretary"),
      ("Downing Street", "FAC", "Downing Street")], ["Downing Street", "David Blunkett"]),
    ("Lord Chancellor Lord Falconer gave evidence.", "The lord chancellor would be unlikely to go against it.",
     [("Lord Falconer", "PERSON", "Lord Falconer", "lord chancellor")], ["Lord Falconer"]),
    # ... but a deputy, a shadow, a lord chancellor or another nation's holds another office
    ("Deputy Prime Minister John Prescott opened a hospital.", "The prime minister later met union leaders.",
     [("John Prescott", "PERSON", "John Prescott", "deputy prime minister")], []),
    ("Shadow chancellor Oliver Letwin spoke in Leeds.", "The chancellor has a black hole in his finances.",
     [("Oliver Letwin", "PERSON", "Oliver Letwin", "shadow chancellor"), ("Leeds", "GPE", "Leeds")], []),
    ("Lord Chancellor Lord Falconer gave evidence.", "The chancellor will deliver his Budget in March.",
     [("Lord Falconer", "PERSON", "Lord Falconer", "lord chancellor"), ("March", "DATE", "March")], []),
    # BBC politics/035: "the prime minister" of a British story is not the Italian one
    ("Italian prime minister Silvio Berlusconi met Mr Blair.", "The prime minister has regular meetings with him.",
     [("Italian", "NORP", "Italian"), ("Silvio Berlusconi", "PERSON", "Silvio Berlusconi", "italian prime minister"),
      ("Blair", "PERSON", "Tony Blair")], []),
    # two holders, one of them new: nobody
    ("David Blunkett, the home secretary, resigned and new Home Secretary Charles Clarke took over.",
     "The home secretary met police chiefs.",
     [("David Blunkett", "PERSON", "David Blunkett", "home secretary"),
      ("Charles Clarke", "PERSON", "Charles Clarke", "new home secretary")], []),
    # BBC politics/031: "the minister" was the home secretary, not the Home Office minister
    ("Home Office minister Baroness Scotland answered.", "The minister should have volunteered a formal statement.",
     [("Home Office", "ORG", "Home Office"), ("Baroness Scotland", "PERSON", "Baroness Scotland", "home office minister")],
     []),
    # a department named after an office is no person (BBC politics/167)
    ("Deputy Prime Minister John Prescott spoke.", "The Office of the Deputy Prime Minister should build more homes.",
     [("John Prescott", "PERSON", "John Prescott", "deputy prime minister")], []),
])
def test_claims_about_names_the_one_holder_of_a_role(nlp, first, second, ents, about):
    out, _ = tables(nlp, f"{first} {second}", ents, [], [(first, None, None), (second, None, None)])
    assert list(out["about"].iloc[1]) == about


# A "he"/"she" subject is the last person named before it, as a subject, whose gender fits,
# with no one else who may be meant between them or in the sentence before (claims.people;
# BBC politics: 119 claims of the publication's own had "he"/"she" for subject and no person
# in about; all 58 that now have one, read by hand, were right).
@pytest.mark.parametrize(("text", "ents", "about"), [
    # BBC politics/041, a profile
    ("Mr Blunkett entered Parliament for Sheffield Brightside in 1987. He chaired the Labour Party nationally.",
     [("Blunkett", "PERSON", "David Blunkett"), ("Sheffield Brightside", "GPE", "Sheffield Brightside"),
      ("1987", "DATE", "1987"), ("the Labour Party", "ORG", "Labour Party")], ["David Blunkett", "Labour Party"]),
    # BBC politics/011: a courtesy title says she is a woman; the man named after her is not in the way
    ("Mrs Howard made her debut speech in Bournemouth with her husband Michael Howard. "
     "She used her speech to highlight the work of a charity.",
     [("Howard", "PERSON", "Sandra Howard"), ("Bournemouth", "GPE", "Bournemouth"),
      ("Michael Howard", "PERSON", "Michael Howard")], ["Sandra Howard"]),
    ("Tessa Jowell met Tony Blair in London. She opened a new museum in Leeds.",
     [("Tessa Jowell", "PERSON", "Tessa Jowell"), ("Tony Blair", "PERSON", "Tony Blair"), ("London", "GPE", "London"),
      ("Leeds", "GPE", "Leeds")], ["Tessa Jowell", "Leeds"]),
    # two men named: either may be meant
    ("Michael Howard attacked Tony Blair in the Commons. He opened a new hospital in Leeds.",
     [("Michael Howard", "PERSON", "Michael Howard"), ("Tony Blair", "PERSON", "Tony Blair"),
      ("the Commons", "ORG", "House of Commons"), ("Leeds", "GPE", "Leeds")], ["Leeds"]),
    # BBC politics/289: a name deeper in the sentence before is not the "he" of a chain
    ("Neil Kinnock became an MP. He rejected a junior post in James Callaghan's administration. "
     "But he joined the shadow cabinet in 1980.",
     [("Neil Kinnock", "PERSON", "Neil Kinnock"), ("James Callaghan", "PERSON", "James Callaghan"),
      ("1980", "DATE", "1980")], []),
    # a role between them may be who is meant (BBC politics/252)
    ("Robert Peston wrote the book. The prime minister denied every word of it. He changed his mind in June.",
     [("Robert Peston", "PERSON", "Robert Peston"), ("June", "DATE", "June")], []),
    # anyone; the speaker of "he went on"
    ("Michael Martin presides over the Commons. He or she is always an MP.",
     [("Michael Martin", "PERSON", "Michael Martin"), ("the Commons", "ORG", "House of Commons")], []),
    ("Oliver Letwin spoke in Leeds. New Labour had failed on school discipline, he went on.",
     [("Oliver Letwin", "PERSON", "Oliver Letwin"), ("Leeds", "GPE", "Leeds"), ("New Labour", "ORG", "Labour Party")],
     ["Labour Party"]),
])
def test_claims_about_names_whom_he_or_she_is(nlp, text, ents, about):
    last = text[text.rindex(". ") + 2:]
    out, _ = tables(nlp, text, ents, [], [(last, None, None)])
    assert list(out["about"].iloc[0]) == about


@pytest.mark.parametrize(("text", "ents", "quote", "speaker", "kind", "about"), [
    # BBC politics/089, /194: an organisation's "he"/"she" is the person named before
    ("David McLetchie resigned as a partner. Labour said he had not asked about paid advocacy.",
     [("David McLetchie", "PERSON", "David McLetchie"), ("Labour", "ORG", "Labour Party")],
     "he had not asked about paid advocacy", "Labour Party", "organisation", ["David McLetchie"]),
    # ... a person's is perhaps the speaker, who is never what the claim is about
    ("Lord Ashcroft gave money. Tony Blair said he did not know the poll date.",
     [("Lord Ashcroft", "PERSON", "Lord Ashcroft"), ("Tony Blair", "PERSON", "Tony Blair")],
     "he did not know the poll date", "Tony Blair", "person", []),
    ("Mr Howard met Mr Blair. A spokesman said he had no idea where the reports came from.",
     [("Howard", "PERSON", "Michael Howard"), ("Blair", "PERSON", "Tony Blair")],
     "he had no idea where the reports came from", "spokesman", "unnamed", []),
])
def test_claims_about_he_or_she_of_a_reported_clause(nlp, text, ents, quote, speaker, kind, about):
    last = text[text.index(". ") + 2:]
    out, _ = tables(nlp, text, ents, [(quote, speaker, kind, "indirect")], [(last, speaker, 0)])
    assert list(out["about"].iloc[0]) == about


def test_claims_about_he_inside_a_direct_quote_is_not_resolved(nlp):
    """Inside a direct quote "he" is whom the speaker talks about; the quote does not say."""
    text = 'Tony Blair visited Leeds. "He is wrong about the hospital," Mr Howard said.'
    out, _ = tables(nlp, text, [("Tony Blair", "PERSON", "Tony Blair"), ("Leeds", "GPE", "Leeds"),
                                ("Howard", "PERSON", "Michael Howard")],
                    [('"He is wrong about the hospital,"', "Michael Howard", "person")],
                    [('"He is wrong about the hospital," Mr Howard said.', "Michael Howard", 0)])
    assert list(out["about"].iloc[0]) == []


@pytest.mark.parametrize(("text", "claim_start", "about"), [
    # BBC politics: a party one goes to is no political party named before
    ("Lib Dem leader Charles Kennedy said Harry should apologise in person.\n\nA photograph of Prince Harry "
     "wearing a swastika armband at the party appears in Thursday's Sun newspaper.", "A photograph",
     ["Prince Harry", "Sun"]),
    # BBC politics: `your own Party` is the one the listener would found, not UKIP named before
    ('UKIP leader Roger Knapman said Mr Kilroy-Silk was wrong.\n\nHe said: "If you want to lead a party, '
     'start up your own Party."', "He said", ["Party"]),
])
def test_claims_about_a_generic_name_that_names_another_thing(text, claim_start, about):
    from pipeline import extract

    claims = extract([text]).claims
    row = claims[claims["text"].str.startswith(claim_start)].iloc[0]
    assert list(row["about"]) == about
