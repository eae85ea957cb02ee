"""Speaker resolution rules (pipeline.stages.quotes.speakers): canonical names from the
entities table, surnames, titles, pronouns and role descriptions."""
from __future__ import annotations

import re

import pytest
from spacy.tokens import Doc

from pipeline.stages.quotes.name_votes import _words_before, bodies_by_label, organisations_by_vote
from pipeline.stages.quotes.speakers import EntityRow, SpeakerResolver, speaker_name
from tests.frozen_parse import VOCAB, frozen_doc
from tests.test_quotes_attribution import build_doc, run


# titles themselves: tests/test_person_names_resolution.py
@pytest.mark.parametrize(("mention", "name"), [
    ("Mr. Clarke", "Clarke"),
    ("Belarus’ Deputy Minister of Foreign Affairs Igor Sekreta", "Igor Sekreta"),
    ("the minister", "minister"),          # nothing but titles: only the determiner goes
    ("The Belarusian diplomat", "Belarusian diplomat"),
    ("the council's spokesperson", "council spokesperson"),
    ("A spokesman for Fox", "spokesman for Fox"),
    ("Leslie Wimes", "Leslie Wimes"),
    ("Igor Sekreta,", "Igor Sekreta"),
    # a generation keeps its dot, as in the entity's canonical (PolNeAR: "James B. Comey Jr")
    ("James B. Comey Jr.,", "James B. Comey Jr."),
    ("Vice President Joseph R. Biden Jr.", "Joseph R. Biden Jr."),
    ("Joseph R. Biden, Jr.,", "Joseph R. Biden Jr."),
    # regression (BBC politics/008, politics/398): a partitive lost its quantifier
    ("one of her male colleagues", "one of her male colleagues"),
    ("some of the officials", "some of the officials"),
    ("one official", "official"),
])
def test_speakers_speaker_name(mention, name):
    assert speaker_name(mention) == name


def test_speakers_canonical_from_entities_table():
    # the entities table's canonical wins over the mention text
    doc = build_doc("after")
    sek = doc.text.index("Igor Sekreta")
    rows = [EntityRow(sek, sek + len("Igor Sekreta"), "PERSON", "Igor V. Sekreta")]
    from pipeline.stages.quotes.stage import quote_rows

    got, _ = quote_rows(doc, rows)
    assert [r.speaker for r in got] == ["Igor V. Sekreta"]


def test_speakers_surname_becomes_full_name():
    doc = build_doc("description")
    i = doc.text.index("Igor Sekreta")
    res = SpeakerResolver(doc, [EntityRow(i, i + 12, "PERSON", "Igor Sekreta")], [])
    assert res.names.full_name("Sekreta") == "Igor Sekreta"
    # a lone surname tagged as an organisation is still the person
    assert res.canonical(EntityRow(0, 7, "PERSON", "Sekreta")) == "Igor Sekreta"


@pytest.mark.parametrize(("case", "speaker"), [
    ("pronoun", "Igor Sekreta"),        # He -> last person subject
    ("description", "Igor Sekreta"),    # the deputy minister -> introduced as Deputy Foreign Minister
    ("split", None),                    # he with no antecedent stays unresolved, never guessed
])
def test_speakers_pronoun_and_description(case, speaker):
    _, rows, _ = run(case)
    assert {r.speaker for r in rows} == {speaker}


def test_speakers_description_prefers_matching_role():
    # two people; "the deputy minister" is the one introduced as deputy minister, even
    # though the other was mentioned last
    doc = build_doc("description")
    res = SpeakerResolver(doc, [], [])
    from pipeline.stages.quotes.speakers import _Person

    res.persons["Igor Sekreta"] = _Person("Igor Sekreta", {"deputy", "foreign", "minister"}, 10)
    res.persons["Vladimir Makei"] = _Person("Vladimir Makei", {"foreign", "minister"}, 20)
    res._first.update({"Igor Sekreta": 0, "Vladimir Makei": 5})
    head = next(t for t in doc if t.lower_ == "minister" and t.i > 12)
    assert res._description(head, head.idx) == "Igor Sekreta"


def test_speakers_they_is_not_a_person():
    doc = build_doc("pronoun")
    res = SpeakerResolver(doc, [], [])
    res.history = [(0, "OSCE", "ORG"), (5, "Igor Sekreta", "PERSON")]
    assert res._recent(50, want_person=False) == ("OSCE", "ORG")
    assert res._recent(50, want_person=True) == ("Igor Sekreta", "PERSON")
    assert res._recent(3, want_person=True) is None  # only what came before the mention


def test_speakers_organisation_speaker_keeps_its_canonical():
    # "the OSCE said": an organisation speaks under the entities table's canonical,
    # without "the"; no title is stripped from an organisation ("Foreign Ministry")
    import spacy

    doc = spacy.blank("en")("The OSCE said so and the Foreign Ministry agreed.")
    t = doc.text
    rows = [EntityRow(0, 8, "ORG", "the OSCE"), EntityRow(t.index("Foreign"), t.index("Foreign") + 16, "ORG", "Foreign Ministry")]
    res = SpeakerResolver(doc, rows, [])
    assert res.name_of(doc[1]) == ("OSCE", "ORG")
    assert res.name_of(doc[7]) == ("Foreign Ministry", "ORG")
    assert res.name_of(doc[4]) == (None, None)   # "and": no entity, nothing guessed


def test_speakers_gender_from_honorifics_then_first_names():
    import spacy

    doc = spacy.blank("en")("Ms. LaBelle sang, Kenenisa Bekele watched and Mr. Clarke cheered.")
    t = doc.text
    rows = [EntityRow(t.index("LaBelle"), t.index("LaBelle") + 7, "PERSON", "Patti LaBelle"),
            EntityRow(t.index("Kenenisa"), t.index("Kenenisa") + 15, "PERSON", "Kenenisa Bekele"),
            EntityRow(t.index("Clarke"), t.index("Clarke") + 6, "PERSON", "Tom Clarke")]
    res = SpeakerResolver(doc, rows, [])
    assert res.gender == {"Patti LaBelle": "f", "Tom Clarke": "m"}  # the honorifics
    res.history = [(0, "Patti LaBelle", "PERSON"), (18, "Kenenisa Bekele", "PERSON"), (40, "Tom Clarke", "PERSON")]
    end = len(t)
    assert res._recent(end, True, gender="f") == ("Kenenisa Bekele", "PERSON")   # she: skips Mr. Clarke; unknown fits
    assert res._recent(end, True, gender="m") == ("Tom Clarke", "PERSON")
    res.history = [(0, "Patti LaBelle", "PERSON"), (40, "Tom Clarke", "PERSON")]
    assert res._recent(end, True, gender="f") == ("Patti LaBelle", "PERSON")
    assert res._recent(end, True) == ("Tom Clarke", "PERSON")               # no pronoun gender: most recent
    # a first name that says the other gender is skipped too ("Carly Fiorina ... she said"
    # is not Ted Cruz, PolNeAR train)
    res.history = [(0, "Carly Fiorina", "PERSON"), (18, "Ted Cruz", "PERSON")]
    assert res._recent(end, True, gender="f") == ("Carly Fiorina", "PERSON")
    assert res._recent(end, True, gender="m") == ("Ted Cruz", "PERSON")


@pytest.mark.parametrize(("name", "gender"), [
    ("Carly Fiorina", "f"), ("Ted Cruz", "m"), ("Tom Clarke", "m"),
    ("Patti LaBelle", "f"),     # the honorific says so (and the name agrees)
    ("Jamie Costin", None),     # a name given to both (US census)
    ("Andrea Pirlo", None),     # female in the census, male in Italy: left out
    ("Kenenisa Bekele", None),  # not in the list
    ("Fiorina", None),          # a surname alone says nothing
])
def test_speakers_gender_of(name, gender):
    doc = Doc(VOCAB, words=["Ms.", "LaBelle", "sang", "."], spaces=[True, True, False, False])
    res = SpeakerResolver(doc, [EntityRow(4, 11, "PERSON", "Patti LaBelle")], [])
    assert res.gender_of(name) == gender


@pytest.mark.parametrize(("text", "persons", "pronoun", "speaker"), [
    # BBC tech/305: the person is the subject of a clause inside another, never a main
    # subject; "He" is still that person
    ('It is true but Reidar Wasenius , a manager , was adamant . He said : " Yes . "',
     ["Reidar Wasenius"], "He", "Reidar Wasenius"),
    # the person named last, outside quotation marks
    ('Tom Clarke met Bill Conti . Later " Jim Smith is here , " he said .',
     ["Tom Clarke", "Bill Conti", "Jim Smith"], "he", "Bill Conti"),
    # not a man for "she" (an honorific says so), nor anyone when nobody is named
    ('The report by Mr. Clarke is out . She said : " Yes . "', ["Clarke"], "She", None),
    ('The report is out . He said : " Yes . "', [], "He", None),
])
def test_speakers_pronoun_falls_back_to_the_person_named_last(text, persons, pronoun, speaker):
    words = text.split()
    doc = Doc(VOCAB, words=words, pos=["PRON" if w == pronoun else "PROPN" if w[:1].isupper() else "NOUN"
                                       for w in words])
    t = doc.text
    rows = [EntityRow(t.index(p), t.index(p) + len(p), "PERSON", p) for p in persons]
    quoted = [(t.index('"') + 1, t.rindex('"'))]
    res = SpeakerResolver(doc, rows, quoted)
    head = next(tok for tok in doc if tok.text == pronoun)
    assert res.resolve(head, (head.idx, head.idx + len(head))).name == speaker


@pytest.mark.parametrize(("words", "ents", "at", "speaker"), [
    # `"...," May wrote` after "Brian May": the DATE the NER made of the surname is the person
    (["Brian", "May", "sang", ".", "May", "wrote", "."], ["B-PERSON", "I-PERSON", "O", "O", "B-DATE", "O", "O"], 4,
     "Brian May"),
    # not a date of more words ("May 5"), nor a date no one is named with
    (["Theresa", "May", "won", ".", "May", "5", "is", "polling", "day", "."],
     ["B-PERSON", "I-PERSON", "O", "O", "B-DATE", "I-DATE", "O", "O", "O", "O"], 4, None),
    (["Tom", "Clarke", "sang", ".", "May", "wrote", "."], ["B-PERSON", "I-PERSON", "O", "O", "B-DATE", "O", "O"], 4,
     None),
])
def test_speakers_a_date_that_is_a_persons_surname(words, ents, at, speaker):
    doc = Doc(VOCAB, words=words, pos=["PROPN" if w[:1].isupper() else "VERB" for w in words], ents=ents)
    rows = [EntityRow(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents if e.label_ == "PERSON"]
    assert SpeakerResolver(doc, rows, []).name_of(doc[at])[0] == speaker


def _labelled(*labelled: tuple[str, str]) -> list[EntityRow]:
    return [EntityRow(k, k + 1, label, name) for k, (label, name) in enumerate(labelled)]


@pytest.mark.parametrize(("rows", "text", "orgs"), [
    # a one-word name the document tags an organisation at least as often as a person (BBC: the NER calls
    # Yukos PERSON in one sentence and ORG in the next)
    (_labelled(("ORG", "Yukos"), ("PERSON", "Yukos"), ("ORG", "Yukos")), "Yukos said its shares fell.", {"Yukos"}),
    (_labelled(("ORG", "Barclays")), "Barclays said profits rose.", {"Barclays"}),
    (_labelled(("ORG", "BT"), ("PERSON", "BT")), "BT said.", {"BT"}),  # a tie goes to the organisation
    (_labelled(("ORG", "Yahoo!")), "On Monday Yahoo! said.", {"Yahoo!"}),  # after a day, a name with a sign
    # tagged a person more often, never an organisation, or more than one word: no vote
    (_labelled(("ORG", "Yukos"), ("PERSON", "Yukos"), ("PERSON", "Yukos")), "Yukos said.", set()),
    (_labelled(("PERSON", "Calder")), "Calder said.", set()),
    (_labelled(("ORG", "Vadim Mitroshin")), "Vadim Mitroshin said.", set()),
    # written after a first name, whether the given-names list knows it or not (BBC: the NER tags Graeme Souness
    # and Philip Pullman ORG)
    (_labelled(("ORG", "Souness")), "Newcastle boss Graeme Souness said. Souness added.", set()),
    (_labelled(("ORG", "Pullman")), "The author Philip Pullman said. Pullman added.", set()),
    (_labelled(("ORG", "Mourinho")), "Chelsea boss José Mourinho said. Mourinho added.", set()),
    (_labelled(("ORG", "Souness")), "By Graeme\nSouness. Souness added.", set()),  # across a line break
    # ... but not after a word that opens a sentence
    (_labelled(("ORG", "Independent")), "The Independent said.", {"Independent"}),
    # a nationality the NER tags NORP casts no vote
    (_labelled(("NORP", "Israeli"), ("ORG", "Israeli")), "Israeli officials said.", {"Israeli"}),
])
def test_speakers_resolution_one_word_name_tagged_org_as_often_speaks_as_organisation(rows, text, orgs):
    assert organisations_by_vote(rows, text) == orgs


@pytest.mark.parametrize(("labels", "text", "speaker", "kind"), [
    # BBC tech/211: the NER tags "BT" GPE elsewhere and misses it where "BT said": the body, not a person
    (("GPE", "GPE"), "BT sells lines . BT rose . BT said yes .", "BT", "organisation"),
    (("GPE",), "OptInRealBig sends mail . OptInRealBig said yes .", "OptInRealBig", "organisation"),
    # ... not a name the document also tags PERSON, nor one written after a first name ("Jose Mourinho")
    (("GPE", "PERSON"), "BT sells lines . BT rose . BT said yes .", "BT", "person"),
    (("GPE",), "Boss Jose Mourinho . Mourinho said yes .", "Mourinho", "person"),
])
def test_speakers_resolution_name_the_ner_missed_is_the_body_it_tags_elsewhere(labels, text, speaker, kind):
    words = text.split()
    doc = Doc(VOCAB, words=words, pos=["PROPN" if w[:1].isupper() else "VERB" if w in ("said", "sells", "rose")
                                       else "PUNCT" if w == "." else "NOUN" for w in words])
    name = words[-4]
    at = [tok.idx for tok in doc if tok.text == name]  # the last mention has no row: the NER missed it
    rows = [EntityRow(k, k + len(name), label, name) for k, label in zip(at, labels)]
    head = doc[len(words) - 4]
    source = SpeakerResolver(doc, rows, []).resolve(head, (head.idx, head.idx + len(name)))
    assert (source.name, source.kind) == (speaker, kind)


def test_sources_bodies_by_label_counts_one_word_names_never_tagged_person():
    rows = _labelled(("GPE", "BT"), ("ORG", "BT"), ("GPE", "Gazprom"), ("GPE", "Gazprom"), ("ORG", "Gazprom"),
                     ("ORG", "Yukos"), ("PERSON", "Yukos"), ("ORG", "Vadim Mitroshin"))
    assert bodies_by_label(rows, "BT and Gazprom and Yukos.") == {"BT": "ORG", "Gazprom": "GPE"}


@pytest.mark.parametrize(("name", "text"), [
    ("Souness", "Graeme Souness and Souness"),
    ("Yukos", "The Yukos Yukos"),            # matches do not overlap: the second has no word of its own
    ("Yukos", "x1abc Yukos"),                # no word boundary before the letters
    ("Yukos", "Ré\u00a0\nYukos, Yukosx Yukos_ A Yukos"),
    ("Yukos", "²bc Yukos 3 Yukos"),          # `²` is a word character but no decimal digit
    ("A", "Big A A. A"),
    ("Yukos", "Yukos said. Chief Yukos"),    # a name that opens the text has no word before it
    ("A\u00a0A", "Big A\u00a0A\u00a0A"),       # occurrences of a name holding a space overlap
    ("Yukos", ""),
])
def test_sources_words_before_match_the_pattern_they_replace(name, text):
    pattern = rf"\b([^\W\d_]+)\s+{re.escape(name)}(?!\w)"
    assert list(_words_before(name, text)) == [m.group(1) for m in re.finditer(pattern, text)]


@pytest.mark.parametrize(("text", "name", "labels"), [
    # a company the NER also tags NORP is one organisation (BBC: `Inbev`, `Valve`)
    ("Inbev officials said. Inbev shares rose.", "Inbev", ["ORG", "ORG"]),
    # one stray ORG tag does not make a nationality's NORP rows an organisation (``demonyms.txt``)
    ("Israeli officials said. Israeli troops left.", "Israeli", ["NORP", "ORG"]),
])
def test_speakers_resolution_vote_keeps_a_nationalitys_norp_rows(text, name, labels):
    second = text.index(name, 1)
    rows = [EntityRow(0, len(name), "NORP", name), EntityRow(second, second + len(name), "ORG", name)]
    resolver = SpeakerResolver(Doc(VOCAB, words=text.split()), rows, [])
    assert [e.label for e in resolver.entities] == labels


# who gave a speech, remarks or an interview said what it says (resources/source_nouns.txt, kind speech;
# sources.speech_giver): the possessor, the subject of a clause that gives it; not the outlet an interview
# was given to, and a speech the mention gives no giver stays an unnamed source as written
@pytest.mark.parametrize(("case", "speaker", "kind", "mention"), [
    ("speech_giver_relative", "Clinton", "person", "a speech"),                        # PolNeAR dev
    ("speech_giver_possessor", "Bell", "person", "Mr Bell's speech"),                  # BBC politics/172
    ("speech_giver_participle", "Trump", "person", "Mr. Trump's comments"),            # PolNeAR train
    ("speech_giver_interviewer", "interview with ITV", "unnamed", "an interview with ITV"),
    ("speech_giver_none", "March speech", "unnamed", "A March speech"),
])
def test_speakers_resolution_speech_speaks_for_its_giver(case, speaker, kind, mention):
    _, rows, _ = run(case)
    last = max(rows, key=lambda r: r.start)
    assert (last.speaker, last.speaker_kind, last.speaker_text) == (speaker, kind, mention)


def test_speakers_resolution_his_comments_speak_for_whom_he_names():
    # made up after BBC politics/075 ("Labour's Mr Livingstone has said his comments ..., and said ... he
    # would not apologise", where the quote's mention came out as "his comments"): a possessive pronoun
    # names the giver as "he" would (was: the speaker "his comments")
    doc = frozen_doc([("Ken", True, 1, "compound", "PROPN", "NNP", "Ken", "B-PERSON"),
                      ("Livingstone", False, 2, "nsubj", "PROPN", "NNP", "Livingstone", "I-PERSON"),
                      ("spoke", False, 2, "ROOT", "VERB", "VBD", "speak", "O"),
                      (".", True, 2, "punct", "PUNCT", ".", ".", "O"),
                      ("His", True, 5, "poss", "PRON", "PRP$", "his", "O"),
                      ("comments", True, 6, "nsubj", "NOUN", "NNS", "comment", "O"),
                      ("said", True, 6, "ROOT", "VERB", "VBD", "say", "O"),
                      ("he", True, 9, "nsubj", "PRON", "PRP", "he", "O"),
                      ("would", True, 9, "aux", "AUX", "MD", "would", "O"),
                      ("stay", False, 6, "ccomp", "VERB", "VB", "stay", "O"),
                      (".", False, 6, "punct", "PUNCT", ".", ".", "O")])
    res = SpeakerResolver(doc, [EntityRow(0, 15, "PERSON", "Ken Livingstone")], [])
    res.note_subject(doc[1])
    src = res.resolve(doc[5], (doc[4].idx, doc[5].idx + len(doc[5].text)))
    assert (src.name, src.kind) == ("Ken Livingstone", "person")


def test_speakers_resolution_she_is_no_description_of_a_man():
    # made up after BBC entertainment/108, where "she said" after a quote by "her pop star son" was the son's
    words = ["Katherine", "Jackson", "spoke", ".", "Her", "son", "said", "no", ".", "She", "said", "yes", "."]
    doc = Doc(VOCAB, words=words, pos=["PROPN", "PROPN", "VERB", "PUNCT", "PRON", "NOUN", "VERB", "INTJ", "PUNCT",
                                       "PRON", "VERB", "INTJ", "PUNCT"])
    res = SpeakerResolver(doc, [EntityRow(0, 17, "PERSON", "Katherine Jackson")], [])
    res.note_subject(doc[1])
    son = res.resolve(doc[5], (doc[4].idx, doc[5].idx + len(doc[5].text)))
    she = res.resolve(doc[9], (doc[9].idx, doc[9].idx + 3))
    assert (son.name, she.name) == ("Her son", "Katherine Jackson")


def test_speakers_resolution_full_name_with_generation_tagged_org_is_the_person():
    # a full name the NER tagged ORG at the speaker's mention is the person of that name: its surname is
    # the word before the generation (names.surname), not "Jr."
    words = ["Joseph", "R.", "Biden", "Jr.", "spoke", ".", "Joseph", "R.", "Biden", "Jr.", "said", "yes", "."]
    doc = Doc(VOCAB, words=words, pos=["PROPN"] * 4 + ["VERB", "PUNCT"] + ["PROPN"] * 4 + ["VERB", "INTJ", "PUNCT"])
    second = doc[6].idx
    rows = [EntityRow(0, 19, "PERSON", "Joseph R. Biden Jr."),
            EntityRow(second, second + 19, "ORG", "Joseph R. Biden Jr.")]
    res = SpeakerResolver(doc, rows, [])
    src = res.resolve(doc[9], (second, second + 19))
    assert (src.name, src.kind) == ("Joseph R. Biden Jr.", "person")


@pytest.mark.parametrize(("text", "reports", "speaker"), [
    # BBC politics/141: who spoke inside what another reported is no "He" of the narration after it (was
    # Tim Yeo) ...
    ("Michael Howard denied Tim Yeo said no . He said yes .", ("Tim Yeo said no", "no", "yes"), "Michael Howard"),
    # ... but is within that report (BBC politics/258: `refused to deny the claim that he told ...`)
    ("Michael Howard denied Tim Yeo said he lied .", ("Tim Yeo said he lied", "he lied"), "Tim Yeo"),
])
def test_speakers_resolution_a_speaker_inside_a_report_is_seen_only_within_it(text, reports, speaker):
    words = text.split()
    doc = Doc(VOCAB, words=words, pos=["PRON" if w.lower() == "he" else "PROPN" if w[:1].isupper() else "VERB"
                                       for w in words])
    t = doc.text
    spans = [(t.index(r), t.index(r) + len(r)) for r in reports]
    rows = [EntityRow(0, 14, "PERSON", "Michael Howard"), EntityRow(t.index("Tim"), t.index("Tim") + 7, "PERSON",
                                                                    "Tim Yeo")]
    res = SpeakerResolver(doc, rows, [], reported=spans)
    heads = [doc[1], doc[4], next(tok for tok in doc if tok.lower_ == "he")]  # Howard, Yeo, the pronoun
    got = [res.resolve(h, (h.idx, h.idx + len(h)), report) for h, report in zip(heads, [*spans, None][:3])]
    assert [g.name for g in got] == ["Michael Howard", "Tim Yeo", speaker]


def test_speakers_resolution_a_body_description_takes_its_alias_list_name():
    """`the Conservative party` named before `The party said`: the speaker is the
    Conservative Party, one actor with the party's mentions, not a second "Conservative
    party" (BBC politics: `Labour party`, 3 quotes in one article)."""
    from pipeline import extract

    t = extract(["There is unrest in the Conservative party over tax.\n\nThe party said it would cut taxes by £4bn.\n"])
    assert t.quotes["speaker"].tolist() == ["Conservative Party"]
    assert t.actors["actor"].tolist() == ["Conservative Party"]


@pytest.mark.parametrize(("short", "full", "same"), [
    ("Microsoft", "Microsoft", True),
    ("GM", "General Motors", True),           # its acronym (BBC business/462)
    ("Marsh", "Marsh & McLennan", True),      # its first word, as the article shortens it
    ("Netcraft", "Lycos Europe", False),
    ("Lycos", "Lycosoft", False),             # a word, not a prefix of one
])
def test_bodies_same_body(short, full, same):
    from pipeline.stages.quotes.bodies import _same_body
    assert _same_body(short, full) is same


@pytest.mark.parametrize(("names", "most"), [
    (["BT", "Ofcom", "BT"], "BT"),
    (["BT", "Ofcom"], None),                  # a tie names no one
    ([], None),
])
def test_bodies_most_named(names, most):
    from pipeline.stages.quotes.bodies import _most_named
    assert _most_named(names) == most


def test_bodies_most_named_body_counts_a_bodys_mentions_tagged_a_place():
    # BBC business/252: "BT" tagged GPE 7 times and ORG 6 against "Ofcom" 8 ORG: "the firm" is not Ofcom
    words = "BT BT BT Ofcom Ofcom BT the firm".split()
    starts = [sum(len(w) + 1 for w in words[:k]) for k in range(len(words))]
    labels = ["GPE", "GPE", "ORG", "ORG", "ORG", "GPE"]
    rows = [EntityRow(starts[k], starts[k] + len(words[k]), labels[k], words[k]) for k in range(6)]
    resolver = SpeakerResolver(Doc(VOCAB, words=words), rows, [])
    assert resolver._most_named_body(resolver.doc[7]) == "BT"
    # a place never tagged a body counts for nothing
    rows = [EntityRow(r.start, r.end, "GPE" if r.canonical == "BT" else r.label, r.canonical) for r in rows]
    assert SpeakerResolver(Doc(VOCAB, words=words), rows, [])._most_named_body(resolver.doc[7]) == "Ofcom"
