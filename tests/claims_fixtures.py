"""Hand-built spaCy Docs for claim tests: tokens, tags, lemmas and the dependency
tree are frozen here (from one en_core_web_sm parse, reviewed), so a model upgrade
cannot change what a test means. Format per token: text|tag|pos|lemma|dep|head|space."""
from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab


def build_doc(vocab: Vocab, sentences: list[tuple[str, list[tuple[int, int, str]]]]) -> Doc:
    """One Doc from frozen sentences (heads are sentence-relative), joined by spaces."""
    words, spaces, tags, pos, lemmas, deps, heads, ents = [], [], [], [], [], [], [], []
    for k, (frozen, sent_ents) in enumerate(sentences):
        base = len(words)
        toks = [t.rsplit("|", 6) for t in frozen.split(" ")]
        for j, (text, tag, p, lemma, dep, head, space) in enumerate(toks):
            words.append(text)
            last = j == len(toks) - 1
            spaces.append(bool(int(space)) or (last and k < len(sentences) - 1))
            tags.append(tag)
            pos.append(p)
            lemmas.append(lemma)
            deps.append(dep)
            heads.append(base + int(head))
        ents.extend((base + s, base + e, label) for s, e, label in sent_ents)
    doc = Doc(vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas, deps=deps, heads=heads)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


# (expected claim type or None for no claim, frozen tokens, entities)
CASES = [
    # We call on participating states to return to diplomacy as the primary means of resolving international problems.
    ('prescriptive',
     'We|PRP|PRON|we|nsubj|1|1 call|VBP|VERB|call|ROOT|1|1 on|IN|ADP|on|prep|1|1 participating|VBG|VERB|participate|amod|4|1 states|NNS|NOUN|state|pobj|2|1 to|TO|PART|to|aux|6|1 return|VB|VERB|return|xcomp|1|1 to|IN|ADP|to|prep|6|1 diplomacy|NN|NOUN|diplomacy|pobj|7|1 as|IN|ADP|as|prep|6|1 the|DT|DET|the|det|12|1 primary|JJ|ADJ|primary|amod|12|1 means|NNS|NOUN|mean|pobj|9|1 of|IN|ADP|of|prep|12|1 resolving|VBG|VERB|resolve|pcomp|13|1 international|JJ|ADJ|international|amod|16|1 problems|NNS|NOUN|problem|dobj|14|0 .|.|PUNCT|.|punct|1|0',
     []),
    # Belarus is ready to host these discussions without any preconditions.
    ('prescriptive',
     'Belarus|NNP|PROPN|Belarus|nsubj|1|1 is|VBZ|AUX|be|ROOT|1|1 ready|JJ|ADJ|ready|acomp|1|1 to|TO|PART|to|aux|4|1 host|VB|VERB|host|xcomp|2|1 these|DT|DET|these|det|6|1 discussions|NNS|NOUN|discussion|dobj|4|1 without|IN|ADP|without|prep|4|1 any|DT|DET|any|det|9|1 preconditions|NNS|NOUN|precondition|pobj|7|0 .|.|PUNCT|.|punct|1|0',
     []),
    # Belarus is traditionally in favor of a comprehensive reform of the OSCE.
    ('prescriptive',
     'Belarus|NNP|PROPN|Belarus|nsubj|1|1 is|VBZ|AUX|be|ROOT|1|1 traditionally|RB|ADV|traditionally|advmod|1|1 in|IN|ADP|in|prep|1|1 favor|NN|NOUN|favor|pobj|3|1 of|IN|ADP|of|prep|4|1 a|DT|DET|a|det|8|1 comprehensive|JJ|ADJ|comprehensive|amod|8|1 reform|NN|NOUN|reform|pobj|5|1 of|IN|ADP|of|prep|8|1 the|DT|DET|the|det|11|1 OSCE|NNP|PROPN|OSCE|pobj|9|0 .|.|PUNCT|.|punct|1|0',
     [(11, 12, 'ORG')]),
    # The diplomat emphasized that it is time to transform the OSCE into a platform for respectful diplomatic engagement.
    ('prescriptive',
     'The|DT|DET|the|det|1|1 diplomat|NN|NOUN|diplomat|nsubj|2|1 emphasized|VBD|VERB|emphasize|ROOT|2|1 that|IN|SCONJ|that|mark|5|1 it|PRP|PRON|it|nsubj|5|1 is|VBZ|AUX|be|ccomp|2|1 time|NN|NOUN|time|attr|5|1 to|TO|PART|to|aux|8|1 transform|VB|VERB|transform|relcl|6|1 the|DT|DET|the|det|10|1 OSCE|NNP|PROPN|OSCE|dobj|8|1 into|IN|ADP|into|prep|8|1 a|DT|DET|a|det|13|1 platform|NN|NOUN|platform|pobj|11|1 for|IN|ADP|for|prep|13|1 respectful|JJ|ADJ|respectful|amod|17|1 diplomatic|JJ|ADJ|diplomatic|amod|17|1 engagement|NN|NOUN|engagement|pobj|14|0 .|.|PUNCT|.|punct|2|0',
     [(10, 11, 'ORG')]),
    # Allow diplomats to do the work they were trained for!
    ('prescriptive',
     'Allow|VB|VERB|allow|ROOT|0|1 diplomats|NNS|NOUN|diplomat|nsubj|3|1 to|TO|PART|to|aux|3|1 do|VB|VERB|do|ccomp|0|1 the|DT|DET|the|det|5|1 work|NN|NOUN|work|dobj|3|1 they|PRP|PRON|they|nsubjpass|8|1 were|VBD|AUX|be|auxpass|8|1 trained|VBN|VERB|train|relcl|5|1 for|IN|ADP|for|prep|8|0 !|.|PUNCT|!|punct|0|0',
     []),
    # If our governments are temporarily not ready for direct dialogue, we propose involving analysts.
    ('prescriptive',
     'If|IN|SCONJ|if|mark|3|1 our|PRP$|PRON|our|poss|2|1 governments|NNS|NOUN|government|nsubj|3|1 are|VBP|AUX|be|advcl|12|1 temporarily|RB|ADV|temporarily|advmod|3|1 not|RB|PART|not|neg|3|1 ready|JJ|ADJ|ready|acomp|3|1 for|IN|ADP|for|prep|6|1 direct|JJ|ADJ|direct|amod|9|1 dialogue|NN|NOUN|dialogue|pobj|7|0 ,|,|PUNCT|,|punct|12|1 we|PRP|PRON|we|nsubj|12|1 propose|VBP|VERB|propose|ROOT|12|1 involving|VBG|VERB|involve|xcomp|12|1 analysts|NNS|NOUN|analyst|dobj|13|0 .|.|PUNCT|.|punct|12|0',
     []),
    # It is this inclusiveness that must be preserved and leveraged to reignite dialogue.
    ('prescriptive',
     'It|PRP|PRON|it|nsubj|1|1 is|VBZ|AUX|be|ROOT|1|1 this|DT|DET|this|det|3|1 inclusiveness|NN|NOUN|inclusiveness|attr|1|1 that|WDT|PRON|that|nsubjpass|7|1 must|MD|AUX|must|aux|7|1 be|VB|AUX|be|auxpass|7|1 preserved|VBN|VERB|preserve|ccomp|1|1 and|CC|CCONJ|and|cc|7|1 leveraged|VBN|VERB|leverage|conj|7|1 to|TO|PART|to|aux|11|1 reignite|VB|VERB|reignite|xcomp|9|1 dialogue|NN|NOUN|dialogue|dobj|11|0 .|.|PUNCT|.|punct|1|0',
     []),
    # The organization needs reforms to restore its original principles.
    ('prescriptive',
     'The|DT|DET|the|det|1|1 organization|NN|NOUN|organization|nsubj|2|1 needs|VBZ|VERB|need|ROOT|2|1 reforms|NNS|NOUN|reform|dobj|2|1 to|TO|PART|to|aux|5|1 restore|VB|VERB|restore|advcl|2|1 its|PRP$|PRON|its|poss|8|1 original|JJ|ADJ|original|amod|8|1 principles|NNS|NOUN|principle|dobj|5|0 .|.|PUNCT|.|punct|2|0',
     []),
    # Sekreta called on the participating states to abandon the practice of isolation.
    ('prescriptive',
     'Sekreta|NNP|PROPN|Sekreta|nsubj|1|1 called|VBD|VERB|call|ROOT|1|1 on|IN|ADP|on|prep|1|1 the|DT|DET|the|det|5|1 participating|VBG|VERB|participate|amod|5|1 states|NNS|NOUN|state|pobj|2|1 to|TO|PART|to|aux|7|1 abandon|VB|VERB|abandon|xcomp|1|1 the|DT|DET|the|det|9|1 practice|NN|NOUN|practice|dobj|7|1 of|IN|ADP|of|prep|9|1 isolation|NN|NOUN|isolation|pobj|10|0 .|.|PUNCT|.|punct|1|0',
     [(0, 1, 'PERSON')]),
    # It could serve as the foundation for constructing a Eurasian security architecture.
    ('predictive',
     'It|PRP|PRON|it|nsubj|2|1 could|MD|AUX|could|aux|2|1 serve|VB|VERB|serve|ROOT|2|1 as|IN|ADP|as|prep|2|1 the|DT|DET|the|det|5|1 foundation|NN|NOUN|foundation|pobj|3|1 for|IN|ADP|for|prep|5|1 constructing|VBG|VERB|construct|pcomp|6|1 a|DT|DET|a|det|11|1 Eurasian|JJ|ADJ|eurasian|amod|11|1 security|NN|NOUN|security|compound|11|1 architecture|NN|NOUN|architecture|dobj|7|0 .|.|PUNCT|.|punct|2|0',
     [(9, 10, 'NORP')]),
    # A section dedicated to progress in this area will also be included in the upcoming conference this fall.
    ('predictive',
     'A|DT|DET|a|det|1|1 section|NN|NOUN|section|nsubjpass|11|1 dedicated|VBN|VERB|dedicate|acl|1|1 to|TO|PART|to|aux|4|1 progress|VB|VERB|progress|xcomp|2|1 in|IN|ADP|in|prep|4|1 this|DT|DET|this|det|7|1 area|NN|NOUN|area|pobj|5|1 will|MD|AUX|will|aux|11|1 also|RB|ADV|also|advmod|11|1 be|VB|AUX|be|auxpass|11|1 included|VBN|VERB|include|ROOT|11|1 in|IN|ADP|in|prep|11|1 the|DT|DET|the|det|15|1 upcoming|JJ|ADJ|upcoming|amod|15|1 conference|NN|NOUN|conference|pobj|12|1 this|DT|DET|this|det|17|1 fall|NN|NOUN|fall|npadvmod|11|0 .|.|PUNCT|.|punct|11|0',
     [(16, 18, 'DATE')]),
    # Without returning to this original purpose, the OSCE has no future.
    ('predictive',
     'Without|IN|ADP|without|prep|9|1 returning|VBG|VERB|return|pcomp|0|1 to|IN|ADP|to|prep|1|1 this|DT|DET|this|det|5|1 original|JJ|ADJ|original|amod|5|1 purpose|NN|NOUN|purpose|pobj|2|0 ,|,|PUNCT|,|punct|9|1 the|DT|DET|the|det|8|1 OSCE|NNP|PROPN|OSCE|nsubj|9|1 has|VBZ|VERB|have|ROOT|9|1 no|DT|DET|no|det|11|1 future|NN|NOUN|future|dobj|9|0 .|.|PUNCT|.|punct|9|0',
     [(8, 9, 'ORG')]),
    # The summit is expected to take place in Minsk next year.
    ('predictive',
     'The|DT|DET|the|det|1|1 summit|NN|NOUN|summit|nsubjpass|3|1 is|VBZ|AUX|be|auxpass|3|1 expected|VBN|VERB|expect|ROOT|3|1 to|TO|PART|to|aux|5|1 take|VB|VERB|take|xcomp|3|1 place|NN|NOUN|place|dobj|5|1 in|IN|ADP|in|prep|5|1 Minsk|NNP|PROPN|Minsk|pobj|7|1 next|JJ|ADJ|next|amod|10|1 year|NN|NOUN|year|npadvmod|5|0 .|.|PUNCT|.|punct|3|0',
     [(8, 9, 'GPE'), (9, 11, 'DATE')]),
    # The Republic of Belarus has been a full-fledged member of the OSCE since January 30, 1992.
    ('factual',
     'The|DT|DET|the|det|1|1 Republic|NNP|PROPN|Republic|nsubj|5|1 of|IN|ADP|of|prep|1|1 Belarus|NNP|PROPN|Belarus|pobj|2|1 has|VBZ|AUX|have|aux|5|1 been|VBN|AUX|be|ROOT|5|1 a|DT|DET|a|det|10|1 full|RB|ADV|full|advmod|9|0 -|HYPH|PUNCT|-|punct|9|0 fledged|JJ|ADJ|fledged|amod|10|1 member|NN|NOUN|member|attr|5|1 of|IN|ADP|of|prep|10|1 the|DT|DET|the|det|13|1 OSCE|NNP|PROPN|OSCE|pobj|11|1 since|IN|SCONJ|since|prep|5|1 January|NNP|PROPN|January|pobj|14|1 30|CD|NUM|30|nummod|15|0 ,|,|PUNCT|,|punct|15|1 1992|CD|NUM|1992|nummod|15|0 .|.|PUNCT|.|punct|5|0',
     [(0, 4, 'GPE'), (13, 14, 'ORG'), (15, 19, 'DATE')]),
    # Sekreta acknowledged that the OSCE remains the only forum uniting North America, Europe, and the post-Soviet space.
    ('factual',
     'Sekreta|NNP|PROPN|Sekreta|nsubj|1|1 acknowledged|VBD|VERB|acknowledge|ROOT|1|1 that|IN|SCONJ|that|mark|5|1 the|DT|DET|the|det|4|1 OSCE|NNP|PROPN|OSCE|nsubj|5|1 remains|VBZ|VERB|remain|ccomp|1|1 the|DT|DET|the|det|8|1 only|JJ|ADJ|only|amod|8|1 forum|NN|NOUN|forum|attr|5|1 uniting|VBG|VERB|unite|acl|8|1 North|NNP|PROPN|North|compound|11|1 America|NNP|PROPN|America|dobj|9|0 ,|,|PUNCT|,|punct|11|1 Europe|NNP|PROPN|Europe|conj|11|0 ,|,|PUNCT|,|punct|11|1 and|CC|CCONJ|and|cc|11|1 the|DT|DET|the|det|20|1 post|JJ|ADJ|post|amod|20|0 -|JJ|ADJ|-|amod|20|0 Soviet|JJ|ADJ|soviet|amod|20|1 space|NN|NOUN|space|conj|11|0 .|.|PUNCT|.|punct|1|0',
     [(4, 5, 'ORG'), (10, 12, 'LOC'), (13, 14, 'LOC'), (17, 20, 'NORP')]),
    # We are working on approaches that will ensure regional stability.
    ('factual',
     'We|PRP|PRON|we|nsubj|2|1 are|VBP|AUX|be|aux|2|1 working|VBG|VERB|work|ROOT|2|1 on|IN|ADP|on|prep|2|1 approaches|NNS|NOUN|approach|pobj|3|1 that|WDT|PRON|that|nsubj|7|1 will|MD|AUX|will|aux|7|1 ensure|VB|VERB|ensure|relcl|4|1 regional|JJ|ADJ|regional|amod|9|1 stability|NN|NOUN|stability|dobj|7|0 .|.|PUNCT|.|punct|2|0',
     []),
    # Earlier, both countries had extended an invitation to Eurasian nations to participate in the development of the charter.
    ('factual',
     'Earlier|RBR|ADV|early|advmod|5|0 ,|,|PUNCT|,|punct|5|1 both|DT|DET|both|det|3|1 countries|NNS|NOUN|country|nsubj|5|1 had|VBD|AUX|have|aux|5|1 extended|VBN|VERB|extend|ROOT|5|1 an|DT|DET|an|det|7|1 invitation|NN|NOUN|invitation|dobj|5|1 to|IN|ADP|to|prep|7|1 Eurasian|JJ|ADJ|eurasian|amod|10|1 nations|NNS|NOUN|nation|pobj|8|1 to|TO|PART|to|aux|12|1 participate|VB|VERB|participate|acl|7|1 in|IN|ADP|in|prep|12|1 the|DT|DET|the|det|15|1 development|NN|NOUN|development|pobj|13|1 of|IN|ADP|of|prep|15|1 the|DT|DET|the|det|18|1 charter|NN|NOUN|charter|pobj|16|0 .|.|PUNCT|.|punct|5|0',
     [(9, 10, 'NORP')]),
    # Belarus proposed a resolution on human trafficking in 2012.
    ('factual',
     'Belarus|NNP|PROPN|Belarus|nsubj|1|1 proposed|VBD|VERB|propose|ROOT|1|1 a|DT|DET|a|det|3|1 resolution|NN|NOUN|resolution|dobj|1|1 on|IN|ADP|on|prep|3|1 human|JJ|ADJ|human|amod|6|1 trafficking|NN|NOUN|trafficking|pobj|4|1 in|IN|ADP|in|prep|1|1 2012|CD|NUM|2012|pobj|7|0 .|.|PUNCT|.|punct|1|0',
     [(0, 1, 'ORG'), (8, 9, 'DATE')]),
    # He noted that the conference has already proven that it can serve as a neutral platform.
    ('factual',
     'He|PRP|PRON|he|nsubj|1|1 noted|VBD|VERB|note|ROOT|1|1 that|IN|SCONJ|that|mark|7|1 the|DT|DET|the|det|4|1 conference|NN|NOUN|conference|nsubj|7|1 has|VBZ|AUX|have|aux|7|1 already|RB|ADV|already|advmod|7|1 proven|VBN|VERB|prove|ccomp|1|1 that|IN|SCONJ|that|mark|11|1 it|PRP|PRON|it|nsubj|11|1 can|MD|AUX|can|aux|11|1 serve|VB|VERB|serve|ccomp|7|1 as|IN|ADP|as|prep|11|1 a|DT|DET|a|det|15|1 neutral|JJ|ADJ|neutral|amod|15|1 platform|NN|NOUN|platform|pobj|12|0 .|.|PUNCT|.|punct|1|0',
     []),
    # He also criticized the organization's growing tendency to interfere in the internal affairs of sovereign states.
    ('evaluative',
     "He|PRP|PRON|he|nsubj|2|1 also|RB|ADV|also|advmod|2|1 criticized|VBD|VERB|criticize|ROOT|2|1 the|DT|DET|the|det|4|1 organization|NN|NOUN|organization|poss|7|0 's|POS|PART|'s|case|4|1 growing|VBG|VERB|grow|amod|7|1 tendency|NN|NOUN|tendency|dobj|2|1 to|TO|PART|to|aux|9|1 interfere|VB|VERB|interfere|acl|7|1 in|IN|ADP|in|prep|9|1 the|DT|DET|the|det|13|1 internal|JJ|ADJ|internal|amod|13|1 affairs|NNS|NOUN|affair|pobj|10|1 of|IN|ADP|of|prep|13|1 sovereign|JJ|ADJ|sovereign|amod|16|1 states|NNS|NOUN|state|pobj|14|0 .|.|PUNCT|.|punct|2|0",
     []),
    # The OSCE became increasingly ineffective and biased in its operations.
    ('evaluative',
     'The|DT|DET|the|det|1|1 OSCE|NNP|PROPN|OSCE|nsubj|2|1 became|VBD|VERB|become|ROOT|2|1 increasingly|RB|ADV|increasingly|advmod|4|1 ineffective|JJ|ADJ|ineffective|acomp|2|1 and|CC|CCONJ|and|cc|4|1 biased|VBN|VERB|bias|conj|2|1 in|IN|ADP|in|prep|6|1 its|PRP$|PRON|its|poss|9|1 operations|NNS|NOUN|operation|pobj|7|0 .|.|PUNCT|.|punct|2|0',
     [(1, 2, 'ORG')]),
    # Stop the sanctions now!
    ('prescriptive',
     'Stop|VB|VERB|stop|ROOT|0|1 the|DT|DET|the|det|2|1 sanctions|NNS|NOUN|sanction|dobj|0|1 now|RB|ADV|now|advmod|0|0 !|.|PUNCT|!|punct|0|0',
     []),
    # Read more about the summit.  (web furniture, not a call for action)
    (None,
     'Read|VB|VERB|read|ROOT|0|1 more|JJR|ADJ|more|dobj|0|1 about|IN|ADP|about|prep|0|1 the|DT|DET|the|det|4|1 summit|NN|NOUN|summit|pobj|2|0 .|.|PUNCT|.|punct|0|0',
     []),
    # "Will it work?" the minister asked.  (a quoted question with its attribution)
    (None,
     '"|``|PUNCT|"|punct|3|0 Will|MD|AUX|will|aux|3|1 it|PRP|PRON|it|nsubj|3|1 work|VB|VERB|work|ROOT|3|0 ?|.|PUNCT|?|punct|3|0 "|\'\'|PUNCT|"|punct|3|1 the|DT|DET|the|det|7|1 minister|NN|NOUN|minister|nsubj|8|1 asked|VBD|VERB|ask|ccomp|3|0 .|.|PUNCT|.|punct|3|0',
     []),
    # What can be done right now?
    (None,
     'What|WP|PRON|what|nsubjpass|3|1 can|MD|AUX|can|aux|3|1 be|VB|AUX|be|auxpass|3|1 done|VBN|VERB|do|ROOT|3|1 right|RB|ADV|right|advmod|5|1 now|RB|ADV|now|advmod|3|0 ?|.|PUNCT|?|punct|3|0',
     []),
    # [of countries] in the Eurasian space to discuss the future architecture of Eurasian security.
    (None,
     '[|XX|X|[|dep|9|0 of|IN|ADP|of|prep|0|1 countries|NNS|NOUN|country|pobj|1|0 ]|-RRB-|PUNCT|]|punct|1|1 in|IN|ADP|in|prep|3|1 the|DT|DET|the|det|7|1 Eurasian|JJ|ADJ|eurasian|amod|7|1 space|NN|NOUN|space|pobj|4|1 to|TO|PART|to|aux|9|1 discuss|VB|VERB|discuss|ROOT|9|1 the|DT|DET|the|det|12|1 future|JJ|ADJ|future|amod|12|1 architecture|NN|NOUN|architecture|dobj|9|1 of|IN|ADP|of|prep|12|1 Eurasian|JJ|ADJ|eurasian|amod|15|1 security|NN|NOUN|security|pobj|13|0 .|.|PUNCT|.|punct|9|0',
     [(6, 7, 'NORP'), (14, 15, 'NORP')]),
    # "An architecture that would ensure lasting peace on our common large continent," Aleinik emphasized.
    (None,
     '"|``|PUNCT|"|punct|16|0 An|DT|DET|an|det|2|1 architecture|NN|NOUN|architecture|prep|0|1 that|WDT|PRON|that|nsubj|5|1 would|MD|AUX|would|aux|5|1 ensure|VB|VERB|ensure|relcl|2|1 lasting|VBG|VERB|last|amod|7|1 peace|NN|NOUN|peace|dobj|5|1 on|IN|ADP|on|prep|7|1 our|PRP$|PRON|our|poss|12|1 common|JJ|ADJ|common|amod|12|1 large|JJ|ADJ|large|amod|12|1 continent|NN|NOUN|continent|pobj|8|0 ,|,|PUNCT|,|punct|16|0 "|\'\'|PUNCT|"|punct|16|1 Aleinik|NNP|PROPN|Aleinik|nsubj|16|1 emphasized|VBD|VERB|emphasize|ROOT|16|0 .|.|PUNCT|.|punct|16|0',
     [(15, 16, 'PERSON')]),
    # BBC politics: a reporting verb with a finite clause of what is the case is a frame
    # (the content decides the type), a demand's subjunctive is not; commitments with a
    # to-infinitive; calls and positions inside a clause describing a noun are none
    # Mr Blair insisted he had been involved in all decisions.
    ('factual',
     'Mr|NNP|PROPN|Mr|compound|1|1 Blair|NNP|PROPN|Blair|nsubj|2|1 insisted|VBD|VERB|insist|ROOT|2|1 he|PRP|PRON|he|nsubjpass|6|1 had|VBD|AUX|have|aux|6|1 been|VBN|AUX|be|auxpass|6|1 involved|VBN|VERB|involve|ccomp|2|1 in|IN|ADP|in|prep|6|1 all|DT|DET|all|det|9|1 decisions|NNS|NOUN|decision|pobj|7|0 .|.|PUNCT|.|punct|2|0',
     [(1, 2, 'PERSON')]),
    # The report suggests 69% of UK firms are now using broadband.
    ('factual',
     'The|DT|DET|the|det|1|1 report|NN|NOUN|report|nsubj|2|1 suggests|VBZ|VERB|suggest|ROOT|2|1 69|CD|NUM|69|nummod|4|0 %|NN|NOUN|%|nsubj|10|1 of|IN|ADP|of|prep|4|1 UK|NNP|PROPN|UK|compound|7|1 firms|NNS|NOUN|firm|pobj|5|1 are|VBP|AUX|be|aux|10|1 now|RB|ADV|now|advmod|10|1 using|VBG|VERB|use|ccomp|2|1 broadband|NN|NOUN|broadband|dobj|10|0 .|.|PUNCT|.|punct|2|0',
     [(3, 5, 'PERCENT'), (6, 7, 'GPE')]),
    # Government figures suggest TB in England has increased by 25% over the past 10 years.
    ('factual',
     'Government|NN|NOUN|government|compound|1|1 figures|NNS|NOUN|figure|nsubj|2|1 suggest|VBP|VERB|suggest|ROOT|2|1 TB|NNP|PROPN|TB|nsubj|7|1 in|IN|ADP|in|prep|3|1 England|NNP|PROPN|England|pobj|4|1 has|VBZ|AUX|have|aux|7|1 increased|VBN|VERB|increase|ccomp|2|1 by|IN|ADP|by|prep|7|1 25|CD|NUM|25|nummod|10|0 %|NN|NOUN|%|pobj|8|1 over|IN|ADP|over|prep|7|1 the|DT|DET|the|det|15|1 past|JJ|ADJ|past|amod|15|1 10|CD|NUM|10|nummod|15|1 years|NNS|NOUN|year|pobj|11|0 .|.|PUNCT|.|punct|2|0',
     [(3, 4, 'ORG'), (5, 6, 'GPE'), (9, 11, 'PERCENT'), (12, 16, 'DATE')]),
    # The chancellor has demanded all government departments make similar savings.
    ('prescriptive',
     'The|DT|DET|the|det|1|1 chancellor|NN|NOUN|chancellor|nsubj|3|1 has|VBZ|AUX|have|aux|3|1 demanded|VBN|VERB|demand|ROOT|3|1 all|DT|DET|all|det|6|1 government|NN|NOUN|government|compound|6|1 departments|NNS|NOUN|department|nsubj|7|1 make|VBP|VERB|make|ccomp|3|1 similar|JJ|ADJ|similar|amod|9|1 savings|NNS|NOUN|saving|dobj|7|0 .|.|PUNCT|.|punct|3|0',
     []),
    # He insisted that the minister resign.
    ('prescriptive',
     'He|PRP|PRON|he|nsubj|1|1 insisted|VBD|VERB|insist|ROOT|1|1 that|IN|SCONJ|that|mark|5|1 the|DT|DET|the|det|5|1 minister|NNP|PROPN|minister|compound|5|1 resign|NN|NOUN|resign|ccomp|1|0 .|.|PUNCT|.|punct|1|0',
     []),
    # Mr Brown has also pledged to write off the debt owed to Britain.
    ('prescriptive',
     'Mr|NNP|PROPN|Mr|compound|1|1 Brown|NNP|PROPN|Brown|nsubj|4|1 has|VBZ|AUX|have|aux|4|1 also|RB|ADV|also|advmod|4|1 pledged|VBN|VERB|pledge|ROOT|4|1 to|TO|PART|to|aux|6|1 write|VB|VERB|write|xcomp|4|1 off|RP|ADP|off|prt|6|1 the|DT|DET|the|det|9|1 debt|NN|NOUN|debt|dobj|6|1 owed|VBN|VERB|owe|acl|9|1 to|IN|ADP|to|dative|10|1 Britain|NNP|PROPN|Britain|pobj|11|0 .|.|PUNCT|.|punct|4|0',
     [(1, 2, 'PERSON'), (12, 13, 'GPE')]),
    # The Tories promise to keep the payments.
    ('prescriptive',
     'The|DT|DET|the|det|1|1 Tories|NNPS|PROPN|Tories|nsubj|2|1 promise|VBP|VERB|promise|ROOT|2|1 to|TO|PART|to|aux|4|1 keep|VB|VERB|keep|xcomp|2|1 the|DT|DET|the|det|6|1 payments|NNS|NOUN|payment|dobj|4|0 .|.|PUNCT|.|punct|2|0',
     [(1, 2, 'NORP')]),
    # Mr Brown also wants other G8 nations to match his target for overseas aid.
    ('prescriptive',
     'Mr|NNP|PROPN|Mr|compound|1|1 Brown|NNP|PROPN|Brown|nsubj|3|1 also|RB|ADV|also|advmod|3|1 wants|VBZ|VERB|want|ROOT|3|1 other|JJ|ADJ|other|amod|6|1 G8|NNP|PROPN|G8|compound|6|1 nations|NNS|NOUN|nation|nsubj|8|1 to|TO|PART|to|aux|8|1 match|VB|VERB|match|ccomp|3|1 his|PRP$|PRON|his|poss|10|1 target|NN|NOUN|target|dobj|8|1 for|IN|ADP|for|prep|8|1 overseas|JJ|ADJ|overseas|amod|13|1 aid|NN|NOUN|aid|pobj|11|0 .|.|PUNCT|.|punct|3|0',
     [(1, 2, 'PERSON')]),
    # This funding is intended to make care available for some 2,500 women.
    ('factual',
     'This|DT|DET|this|det|1|1 funding|NN|NOUN|funding|nsubjpass|3|1 is|VBZ|AUX|be|auxpass|3|1 intended|VBN|VERB|intend|ROOT|3|1 to|TO|PART|to|aux|5|1 make|VB|VERB|make|xcomp|3|1 care|NN|NOUN|care|nsubj|7|1 available|JJ|ADJ|available|ccomp|5|1 for|IN|ADP|for|prep|7|1 some|DT|DET|some|det|11|1 2,500|CD|NUM|2,500|nummod|11|1 women|NNS|NOUN|woman|pobj|8|0 .|.|PUNCT|.|punct|3|0',
     [(9, 11, 'CARDINAL')]),
    # She used her speech to highlight the work of a drugs charity, Addaction, which she supports.
    ('factual',
     'She|PRP|PRON|she|nsubj|1|1 used|VBD|VERB|use|ROOT|1|1 her|PRP$|PRON|her|poss|3|1 speech|NN|NOUN|speech|dobj|1|1 to|TO|PART|to|aux|5|1 highlight|VB|VERB|highlight|xcomp|1|1 the|DT|DET|the|det|7|1 work|NN|NOUN|work|dobj|5|1 of|IN|ADP|of|prep|7|1 a|DT|DET|a|det|11|1 drugs|NNS|NOUN|drug|compound|11|1 charity|NN|NOUN|charity|pobj|8|0 ,|,|PUNCT|,|punct|11|1 Addaction|NNP|PROPN|Addaction|appos|11|0 ,|,|PUNCT|,|punct|13|1 which|WDT|PRON|which|dobj|17|1 she|PRP|PRON|she|nsubj|17|1 supports|VBZ|VERB|support|relcl|11|0 .|.|PUNCT|.|punct|1|0',
     [(13, 14, 'ORG')]),
    # A failed government scheme to offer UK university courses online was dropped.
    ('factual',
     'A|DT|DET|a|det|3|1 failed|VBN|VERB|fail|amod|3|1 government|NN|NOUN|government|compound|3|1 scheme|NN|NOUN|scheme|nsubjpass|11|1 to|TO|PART|to|aux|5|1 offer|VB|VERB|offer|acl|3|1 UK|NNP|PROPN|UK|compound|8|1 university|NN|NOUN|university|compound|8|1 courses|NNS|NOUN|course|dobj|5|1 online|RB|ADV|online|advmod|5|1 was|VBD|AUX|be|auxpass|11|1 dropped|VBN|VERB|drop|ROOT|11|0 .|.|PUNCT|.|punct|11|0',
     [(6, 7, 'GPE')]),
    # Vincent Cable, for the Liberal Democrats, called on Mr Brown to open up the government's books.
    ('prescriptive',
     "Vincent|NNP|PROPN|Vincent|compound|1|1 Cable|NNP|PROPN|Cable|ROOT|1|0 ,|,|PUNCT|,|punct|1|1 for|IN|ADP|for|prep|1|1 the|DT|DET|the|det|6|1 Liberal|NNP|PROPN|Liberal|compound|6|1 Democrats|NNPS|PROPN|Democrats|pobj|3|0 ,|,|PUNCT|,|punct|1|1 called|VBN|VERB|call|acl|1|1 on|IN|ADP|on|prep|8|1 Mr|NNP|PROPN|Mr|compound|11|1 Brown|NNP|PROPN|Brown|pobj|9|1 to|TO|PART|to|aux|13|1 open|VB|VERB|open|xcomp|8|1 up|RP|ADP|up|prt|13|1 the|DT|DET|the|det|16|1 government|NN|NOUN|government|poss|18|0 's|POS|PART|'s|case|16|1 books|NNS|NOUN|book|dobj|13|0 .|.|PUNCT|.|punct|1|0",
     [(0, 2, 'ORG'), (5, 7, 'NORP'), (11, 12, 'PERSON')]),
    # It also suggests increasing state funding for parties so help can be extended to all parties.
    ('prescriptive',
     'It|PRP|PRON|it|nsubj|2|1 also|RB|ADV|also|advmod|2|1 suggests|VBZ|VERB|suggest|ROOT|2|1 increasing|VBG|VERB|increase|amod|5|1 state|NN|NOUN|state|compound|5|1 funding|NN|NOUN|funding|dobj|2|1 for|IN|ADP|for|prep|5|1 parties|NNS|NOUN|party|pobj|6|1 so|IN|SCONJ|so|mark|9|1 help|VB|VERB|help|nsubjpass|12|1 can|MD|AUX|can|aux|12|1 be|VB|AUX|be|auxpass|12|1 extended|VBN|VERB|extend|ccomp|2|1 to|IN|ADP|to|prep|12|1 all|DT|DET|all|det|15|1 parties|NNS|NOUN|party|pobj|13|0 .|.|PUNCT|.|punct|2|0',
     []),
    # Scottish ministers insist they will still have the final say.
    ('predictive',
     'Scottish|JJ|ADJ|scottish|amod|1|1 ministers|NNS|NOUN|minister|nsubj|2|1 insist|VBP|VERB|insist|ROOT|2|1 they|PRP|PRON|they|nsubj|6|1 will|MD|AUX|will|aux|6|1 still|RB|ADV|still|advmod|6|1 have|VB|VERB|have|ccomp|2|1 the|DT|DET|the|det|9|1 final|JJ|ADJ|final|amod|9|1 say|NN|NOUN|say|dobj|6|0 .|.|PUNCT|.|punct|2|0',
     [(0, 1, 'NORP')]),
    # BBC politics: a future or expected report is typed by what will be said; not a
    # conditional, a preference or a warning
    # Mr Howard is expected to tell activists that voters' tolerance is being abused.
    ('factual',
     "Mr|NNP|PROPN|Mr|compound|1|1 Howard|NNP|PROPN|Howard|nsubjpass|3|1 is|VBZ|AUX|be|auxpass|3|1 expected|VBN|VERB|expect|ROOT|3|1 to|TO|PART|to|aux|5|1 tell|VB|VERB|tell|xcomp|3|1 activists|NNS|NOUN|activist|dobj|5|1 that|IN|SCONJ|that|mark|13|1 voters|NNS|NOUN|voter|poss|10|0 '|POS|PART|'|case|8|1 tolerance|NN|NOUN|tolerance|nsubjpass|13|1 is|VBZ|AUX|be|aux|13|1 being|VBG|AUX|be|auxpass|13|1 abused|VBN|VERB|abuse|ccomp|5|0 .|.|PUNCT|.|punct|3|0",
     [(1, 2, 'PERSON')]),
    # Mr Blair will say that the economy is strong.
    ('factual',
     'Mr|NNP|PROPN|Mr|compound|1|1 Blair|NNP|PROPN|Blair|nsubj|3|1 will|MD|AUX|will|aux|3|1 say|VB|VERB|say|ROOT|3|1 that|IN|SCONJ|that|mark|7|1 the|DT|DET|the|det|6|1 economy|NN|NOUN|economy|nsubj|7|1 is|VBZ|AUX|be|ccomp|3|1 strong|JJ|ADJ|strong|acomp|7|0 .|.|PUNCT|.|punct|3|0',
     [(1, 2, 'PERSON')]),
    # Mr Blair will say that the economy will grow.
    ('predictive',
     'Mr|NNP|PROPN|Mr|compound|1|1 Blair|NNP|PROPN|Blair|nsubj|3|1 will|MD|AUX|will|aux|3|1 say|VB|VERB|say|ROOT|3|1 that|IN|SCONJ|that|mark|8|1 the|DT|DET|the|det|6|1 economy|NN|NOUN|economy|nsubj|8|1 will|MD|AUX|will|aux|8|1 grow|VB|VERB|grow|ccomp|3|0 .|.|PUNCT|.|punct|3|0',
     [(1, 2, 'PERSON')]),
    # Mr Blair will visit Ghana next week.
    ('predictive',
     'Mr|NNP|PROPN|Mr|compound|1|1 Blair|NNP|PROPN|Blair|nsubj|3|1 will|MD|AUX|will|aux|3|1 visit|VB|VERB|visit|ROOT|3|1 Ghana|NNP|PROPN|Ghana|dobj|3|1 next|JJ|ADJ|next|amod|6|1 week|NN|NOUN|week|npadvmod|3|0 .|.|PUNCT|.|punct|3|0',
     [(1, 2, 'PERSON'), (4, 5, 'GPE'), (5, 7, 'DATE')]),
    # Mr Straw denied the decision would suggest to China that Tiananmen Square had been forgotten.
    ('predictive',
     'Mr|NNP|PROPN|Mr|compound|1|1 Straw|NNP|PROPN|Straw|nsubj|2|1 denied|VBD|VERB|deny|ROOT|2|1 the|DT|DET|the|det|4|1 decision|NN|NOUN|decision|nsubj|6|1 would|MD|AUX|would|aux|6|1 suggest|VB|VERB|suggest|ccomp|2|1 to|IN|ADP|to|prep|6|1 China|NNP|PROPN|China|pobj|7|1 that|IN|SCONJ|that|mark|14|1 Tiananmen|NNP|PROPN|Tiananmen|compound|11|1 Square|NNP|PROPN|Square|nsubjpass|14|1 had|VBD|AUX|have|aux|14|1 been|VBN|AUX|be|auxpass|14|1 forgotten|VBN|VERB|forget|ccomp|6|0 .|.|PUNCT|.|punct|2|0',
     [(1, 2, 'PERSON'), (8, 9, 'GPE'), (10, 12, 'FAC')]),
    # And many in France would prefer Turkey to admit that the killings constituted genocide.
    ('predictive',
     'And|CC|CCONJ|and|cc|5|1 many|JJ|ADJ|many|nsubj|5|1 in|IN|ADP|in|prep|1|1 France|NNP|PROPN|France|pobj|2|1 would|MD|AUX|would|aux|5|1 prefer|VB|VERB|prefer|ROOT|5|1 Turkey|NNP|PROPN|Turkey|dobj|5|1 to|TO|PART|to|aux|8|1 admit|VB|VERB|admit|xcomp|5|1 that|IN|SCONJ|that|mark|12|1 the|DT|DET|the|det|11|1 killings|NNS|NOUN|killing|nsubj|12|1 constituted|VBD|VERB|constitute|ccomp|8|1 genocide|NN|NOUN|genocide|dobj|12|0 .|.|PUNCT|.|punct|5|0',
     [(3, 4, 'GPE'), (6, 7, 'GPE')]),
    # Guy Mansfield QC warned there was a real risk that people would be driven into the hands of criminals.
    ('predictive',
     'Guy|NNP|PROPN|Guy|compound|2|1 Mansfield|NNP|PROPN|Mansfield|compound|2|1 QC|NNP|PROPN|QC|nsubj|3|1 warned|VBD|VERB|warn|ROOT|3|1 there|EX|PRON|there|expl|5|1 was|VBD|VERB|be|ccomp|3|1 a|DT|DET|a|det|8|1 real|JJ|ADJ|real|amod|8|1 risk|NN|NOUN|risk|attr|5|1 that|IN|SCONJ|that|mark|13|1 people|NNS|NOUN|people|nsubjpass|13|1 would|MD|AUX|would|aux|13|1 be|VB|AUX|be|auxpass|13|1 driven|VBN|VERB|drive|acl|8|1 into|IN|ADP|into|prep|13|1 the|DT|DET|the|det|16|1 hands|NNS|NOUN|hand|pobj|14|1 of|IN|ADP|of|prep|16|1 criminals|NNS|NOUN|criminal|pobj|17|0 .|.|PUNCT|.|punct|3|0',
     [(0, 3, 'ORG')]),
    # BBC politics: the speaker's own proposal and a proposed action are no report; a past
    # or an infinitive 'want' is no stance taken
    # I suggest we move one step further.
    ('prescriptive',
     'I|PRP|PRON|I|nsubj|1|1 suggest|VBP|VERB|suggest|ROOT|1|1 we|PRP|PRON|we|nsubj|3|1 move|VBP|VERB|move|ccomp|1|1 one|CD|NUM|one|nummod|5|1 step|NN|NOUN|step|npadvmod|6|1 further|RB|ADV|far|advmod|3|0 .|.|PUNCT|.|punct|1|0',
     [(4, 5, 'CARDINAL')]),
    # I suggest the BBC concentrates on the issues and helps the public.
    ('prescriptive',
     'I|PRP|PRON|I|nsubj|1|1 suggest|VBP|VERB|suggest|ROOT|1|1 the|DT|DET|the|det|3|1 BBC|NNP|PROPN|BBC|nsubj|4|1 concentrates|VBZ|VERB|concentrate|ccomp|1|1 on|IN|ADP|on|prep|4|1 the|DT|DET|the|det|7|1 issues|NNS|NOUN|issue|pobj|5|1 and|CC|CCONJ|and|cc|4|1 helps|VBZ|VERB|help|conj|4|1 the|DT|DET|the|det|11|1 public|NN|NOUN|public|dobj|9|0 .|.|PUNCT|.|punct|1|0',
     [(3, 4, 'ORG')]),
    # It also suggests increasing state funding for parties to £3m so help can be extended to all parties.
    ('prescriptive',
     'It|PRP|PRON|it|nsubj|2|1 also|RB|ADV|also|advmod|2|1 suggests|VBZ|VERB|suggest|ROOT|2|1 increasing|VBG|VERB|increase|amod|5|1 state|NN|NOUN|state|compound|5|1 funding|NN|NOUN|funding|nsubj|11|1 for|IN|ADP|for|prep|5|1 parties|NNS|NOUN|party|pobj|6|1 to|IN|ADP|to|prep|5|1 £|$|SYM|£|quantmod|10|0 3|CD|NUM|3|pobj|8|0 m|VBP|VERB|m|ccomp|2|1 so|IN|SCONJ|so|advmod|16|1 help|NN|NOUN|help|nsubjpass|16|1 can|MD|AUX|can|aux|16|1 be|VB|AUX|be|auxpass|16|1 extended|VBN|VERB|extend|ccomp|2|1 to|IN|ADP|to|prep|16|1 all|DT|DET|all|det|19|1 parties|NNS|NOUN|party|pobj|17|0 .|.|PUNCT|.|punct|2|0',
     [(10, 11, 'MONEY')]),
    # It's exactly what the prime minister did not want.
    ('evaluative',
     "It|PRP|PRON|it|nsubj|1|0 's|VBZ|AUX|be|ROOT|1|1 exactly|RB|ADV|exactly|advmod|1|1 what|WP|PRON|what|dobj|9|1 the|DT|DET|the|det|6|1 prime|JJ|ADJ|prime|amod|6|1 minister|NN|NOUN|minister|nsubj|9|1 did|VBD|AUX|do|aux|9|1 not|RB|PART|not|neg|9|1 want|VB|VERB|want|ccomp|1|0 .|.|PUNCT|.|punct|1|0",
     []),
    # Michael Howard is likely to want to capitalise further on the spat.
    ('predictive',
     'Michael|NNP|PROPN|Michael|compound|1|1 Howard|NNP|PROPN|Howard|nsubj|2|1 is|VBZ|AUX|be|ROOT|2|1 likely|JJ|ADJ|likely|acomp|2|1 to|TO|PART|to|aux|5|1 want|VB|VERB|want|xcomp|3|1 to|TO|PART|to|aux|7|1 capitalise|VB|VERB|capitalise|xcomp|5|1 further|RB|ADV|far|advmod|7|1 on|IN|ADP|on|prep|7|1 the|DT|DET|the|det|11|1 spat|NN|NOUN|spat|pobj|9|0 .|.|PUNCT|.|punct|2|0',
     [(0, 2, 'PERSON')]),
    # The report suggests 69% of UK firms are now using broadband.
    ('factual',
     'The|DT|DET|the|det|1|1 report|NN|NOUN|report|nsubj|2|1 suggests|VBZ|VERB|suggest|ROOT|2|1 69|CD|NUM|69|nummod|4|0 %|NN|NOUN|%|nsubj|10|1 of|IN|ADP|of|prep|4|1 UK|NNP|PROPN|UK|compound|7|1 firms|NNS|NOUN|firm|pobj|5|1 are|VBP|AUX|be|aux|10|1 now|RB|ADV|now|advmod|10|1 using|VBG|VERB|use|ccomp|2|1 broadband|NN|NOUN|broadband|dobj|10|0 .|.|PUNCT|.|punct|2|0',
     [(3, 5, 'PERCENT'), (6, 7, 'GPE')]),
    # The Lib Dems plan to oppose the Bill in the Lords on Thursday.
    ('prescriptive',
     'The|DT|DET|the|det|3|1 Lib|NNP|PROPN|Lib|compound|2|1 Dems|NNP|PROPN|Dems|compound|3|1 plan|NN|NOUN|plan|ROOT|3|1 to|TO|PART|to|aux|5|1 oppose|VB|VERB|oppose|xcomp|3|1 the|DT|DET|the|det|7|1 Bill|NNP|PROPN|Bill|dobj|5|1 in|IN|ADP|in|prep|5|1 the|DT|DET|the|det|10|1 Lords|NNPS|PROPN|Lords|pobj|8|1 on|IN|ADP|on|prep|5|1 Thursday|NNP|PROPN|Thursday|pobj|11|0 .|.|PUNCT|.|punct|3|0',
     [(1, 3, 'ORG'), (12, 13, 'DATE')]),
    # I am not suggesting there is any deliberate intent.
    ('factual',
     'I|PRP|PRON|I|nsubj|3|1 am|VBP|AUX|be|aux|3|1 not|RB|PART|not|neg|3|1 suggesting|VBG|VERB|suggest|ROOT|3|1 there|EX|PRON|there|expl|5|1 is|VBZ|VERB|be|ccomp|3|1 any|DT|DET|any|det|8|1 deliberate|JJ|ADJ|deliberate|amod|8|1 intent|NN|NOUN|intent|attr|5|0 .|.|PUNCT|.|punct|3|0',
     []),
    # a passive course verb commits no one to its infinitive
    # This funding is intended to support families.
    ('factual',
     'This|DT|DET|this|det|1|1 funding|NN|NOUN|funding|nsubjpass|3|1 is|VBZ|AUX|be|auxpass|3|1 intended|VBN|VERB|intend|ROOT|3|1 to|TO|PART|to|aux|5|1 support|VB|VERB|support|xcomp|3|1 families|NNS|NOUN|family|dobj|5|0 .|.|PUNCT|.|punct|3|0',
     []),
]


# (is the main predicate a judgment?, frozen tokens, entities) for claim_cues.evaluative_predicate
EVALUATIVE_PREDICATE_CASES = [
    # The security architecture had gradually lost credibility as the OSCE became increasingly ineffective and biased.
    (True,
     'The|DT|DET|the|det|2|1 security|NN|NOUN|security|compound|2|1 architecture|NN|NOUN|architecture|nsubj|5|1 had|VBD|AUX|have|aux|5|1 gradually|RB|ADV|gradually|advmod|5|1 lost|VBN|VERB|lose|ROOT|5|1 credibility|NN|NOUN|credibility|dobj|5|1 as|IN|SCONJ|as|mark|10|1 the|DT|DET|the|det|9|1 OSCE|NNP|PROPN|OSCE|nsubj|10|1 became|VBD|VERB|become|advcl|5|1 increasingly|RB|ADV|increasingly|advmod|12|1 ineffective|JJ|ADJ|ineffective|acomp|10|1 and|CC|CCONJ|and|cc|12|1 biased|JJ|ADJ|biased|conj|12|0 .|.|PUNCT|.|punct|5|0',
     [(9, 10, 'ORG')]),
    # Hungary's participation in the conference was a testament to the interest in regional cooperation.
    (True,
     "Hungary|NNP|PROPN|Hungary|poss|2|0 's|POS|PART|'s|case|0|1 participation|NN|NOUN|participation|nsubj|6|1 in|IN|ADP|in|prep|2|1 the|DT|DET|the|det|5|1 conference|NN|NOUN|conference|pobj|3|1 was|VBD|AUX|be|ROOT|6|1 a|DT|DET|a|det|8|1 testament|NN|NOUN|testament|attr|6|1 to|IN|ADP|to|prep|8|1 the|DT|DET|the|det|11|1 interest|NN|NOUN|interest|pobj|9|1 in|IN|ADP|in|prep|11|1 regional|JJ|ADJ|regional|amod|14|1 cooperation|NN|NOUN|cooperation|pobj|12|0 .|.|PUNCT|.|punct|6|0",
     [(0, 1, 'GPE')]),
    # The OSCE's presence in those territories has significantly diminished.
    (False,
     "The|DT|DET|the|det|1|1 OSCE|NNP|PROPN|OSCE|poss|3|0 's|POS|PART|'s|case|1|1 presence|NN|NOUN|presence|nsubj|9|1 in|IN|ADP|in|prep|3|1 those|DT|DET|those|det|6|1 territories|NNS|NOUN|territory|pobj|4|1 has|VBZ|AUX|have|aux|9|1 significantly|RB|ADV|significantly|advmod|9|1 diminished|VBN|VERB|diminish|ROOT|9|0 .|.|PUNCT|.|punct|9|0",
     [(1, 2, 'ORG')]),
    # The OSCE is the world's largest regional organization.
    (False,
     "The|DT|DET|the|det|1|1 OSCE|NNP|PROPN|OSCE|nsubj|2|1 is|VBZ|AUX|be|ROOT|2|1 the|DT|DET|the|det|4|1 world|NN|NOUN|world|poss|8|0 's|POS|PART|'s|case|4|1 largest|JJS|ADJ|large|amod|8|1 regional|JJ|ADJ|regional|amod|8|1 organization|NN|NOUN|organization|attr|2|0 .|.|PUNCT|.|punct|2|0",
     [(1, 2, 'ORG')]),
]


# Plain statements whose main verb the tagger gave no finite tag (claims.cues.has_proposition:
# a root verb or verb-like noun with its own subject), and look-alikes that assert nothing.
# (True: a proposition; frozen tokens as in CASES, parsed in their BBC articles.)
MISTAGGED_MAIN_VERB = [
    # BBC 145/1: Nicholas Betts-Green, who had been selected to fight the Suffolk Coastal seat, quit after reports in a newspaper that he attended a BNP meeting.
    (True, 'Nicholas|NNP|PROPN|Nicholas|compound|3|1 Betts|NNP|PROPN|Betts|compound|3|0 -|HYPH|PUNCT|-|punct|3|0 Green|NNP|PROPN|Green|nsubj|16|0 ,|,|PUNCT|,|punct|3|1 who|WP|PRON|who|nsubjpass|8|1 had|VBD|AUX|have|aux|8|1 been|VBN|AUX|be|auxpass|8|1 selected|VBN|VERB|select|relcl|3|1 to|TO|PART|to|aux|10|1 fight|VB|VERB|fight|advcl|8|1 the|DT|DET|the|det|14|1 Suffolk|NNP|PROPN|Suffolk|compound|13|1 Coastal|NNP|PROPN|Coastal|compound|14|1 seat|NN|NOUN|seat|dobj|10|0 ,|,|PUNCT|,|punct|3|1 quit|VB|VERB|quit|ROOT|16|1 after|IN|ADP|after|prep|16|1 reports|NNS|NOUN|report|pobj|17|1 in|IN|ADP|in|prep|18|1 a|DT|DET|a|det|21|1 newspaper|NN|NOUN|newspaper|pobj|19|1 that|WDT|PRON|that|mark|24|1 he|PRP|PRON|he|nsubj|24|1 attended|VBD|VERB|attend|relcl|18|1 a|DT|DET|a|det|27|1 BNP|NNP|PROPN|BNP|compound|27|1 meeting|NN|NOUN|meeting|dobj|24|0 .|.|PUNCT|.|punct|16|1'),
    # BBC 148/3: The men, elected to the Aston ward, deny collecting votes fraudulently.
    (True, 'The|DT|DET|the|det|1|1 men|NNS|NOUN|man|nsubj|9|0 ,|,|PUNCT|,|punct|1|1 elected|VBN|VERB|elect|acl|1|1 to|IN|ADP|to|prep|3|1 the|DT|DET|the|det|7|1 Aston|NNP|PROPN|Aston|compound|7|1 ward|NN|NOUN|ward|pobj|4|0 ,|,|PUNCT|,|punct|1|1 deny|VB|VERB|deny|ROOT|9|1 collecting|VBG|VERB|collect|xcomp|9|1 votes|NNS|NOUN|vote|dobj|10|1 fraudulently|RB|ADV|fraudulently|advmod|9|0 .|.|PUNCT|.|punct|9|1'),
    # BBC 014/18: The Lib Dems plan to oppose the Bill in the Lords on Thursday.
    (True, 'The|DT|DET|the|det|2|1 Lib|NNP|PROPN|lib|compound|2|1 Dems|NNP|PROPN|dems|nsubj|3|1 plan|NN|NOUN|plan|ROOT|3|1 to|TO|PART|to|aux|5|1 oppose|VB|VERB|oppose|xcomp|3|1 the|DT|DET|the|det|7|1 Bill|NNP|PROPN|bill|dobj|5|1 in|IN|ADP|in|prep|5|1 the|DT|DET|the|det|10|1 Lords|NNPS|PROPN|lords|pobj|8|1 on|IN|ADP|on|prep|5|1 Thursday|NNP|PROPN|thursday|pobj|11|0 .|.|PUNCT|.|punct|3|1'),
    # BBC 111/18: A spokesman for UKIP called on Mr Hockney to quit the London Assembly.
    (True, 'A|DT|DET|a|det|1|1 spokesman|NN|NOUN|spokesman|nsubj|4|1 for|IN|ADP|for|prep|1|1 UKIP|NNP|PROPN|ukip|pobj|2|1 called|VBN|VERB|called|ROOT|4|1 on|IN|ADP|on|prep|4|1 Mr|NNP|PROPN|mr|compound|7|1 Hockney|NNP|PROPN|hockney|pobj|5|1 to|TO|PART|to|aux|9|1 quit|VB|VERB|quit|advcl|4|1 the|DT|DET|the|det|12|1 London|NNP|PROPN|london|compound|12|1 Assembly|NNP|PROPN|assembly|dobj|9|0 .|.|PUNCT|.|punct|4|1'),
    # BBC 040/4: The House of Lords ruled by an eight to one majority in favour of appeals by the men - dealing a major blow to the government's anti-terror policy.
    (True, "The|DT|DET|the|det|1|1 House|NNP|PROPN|house|nsubj|4|1 of|IN|ADP|of|prep|1|1 Lords|NNP|PROPN|lords|pobj|2|1 ruled|VBN|VERB|ruled|ROOT|4|1 by|IN|ADP|by|agent|4|1 an|DT|DET|an|det|10|1 eight|CD|NUM|eight|quantmod|9|1 to|TO|PART|to|quantmod|9|1 one|CD|NUM|one|nummod|10|1 majority|NN|NOUN|majority|pobj|5|1 in|IN|ADP|in|prep|10|1 favour|NN|NOUN|favour|pobj|11|1 of|IN|ADP|of|prep|12|1 appeals|NNS|NOUN|appeals|pobj|13|1 by|IN|ADP|by|agent|4|1 the|DT|DET|the|det|17|1 men|NNS|NOUN|men|pobj|15|1 -|HYPH|PUNCT|-|punct|19|1 dealing|VBG|VERB|dealing|pcomp|15|1 a|DT|DET|a|det|22|1 major|JJ|ADJ|major|amod|22|1 blow|NN|NOUN|blow|dobj|19|1 to|IN|ADP|to|prep|22|1 the|DT|DET|the|det|25|1 government|NN|NOUN|government|poss|30|0 's|POS|PART|'s|case|25|1 anti|JJ|ADJ|anti|amod|30|0 -|JJ|ADJ|-|amod|30|0 terror|JJ|ADJ|terror|amod|30|1 policy|NN|NOUN|policy|pobj|23|0 .|.|PUNCT|.|punct|4|0"),
    # BBC 220/13: Trevor Phillips, chairman of the Commission for Racial Equality, called on Mr Clarke to denounce the suggestion Britain's hospitality was being tested by immigration.
    (True, "Trevor|NNP|PROPN|trevor|compound|1|1 Phillips|NNP|PROPN|phillips|ROOT|1|0 ,|,|PUNCT|,|punct|1|1 chairman|NN|NOUN|chairman|appos|1|1 of|IN|ADP|of|prep|3|1 the|DT|DET|the|det|6|1 Commission|NNP|PROPN|commission|pobj|4|1 for|IN|ADP|for|prep|3|1 Racial|NNP|PROPN|racial|compound|9|1 Equality|NNP|PROPN|equality|pobj|7|0 ,|,|PUNCT|,|punct|1|1 called|VBD|VERB|called|acl|1|1 on|IN|ADP|on|prep|11|1 Mr|NNP|PROPN|mr|compound|14|1 Clarke|NNP|PROPN|clarke|pobj|12|1 to|TO|PART|to|aux|16|1 denounce|VB|VERB|denounce|advcl|11|1 the|DT|DET|the|det|18|1 suggestion|NN|NOUN|suggestion|dobj|16|1 Britain|NNP|PROPN|britain|poss|21|0 's|POS|PART|'s|case|19|1 hospitality|NN|NOUN|hospitality|nsubjpass|24|1 was|VBD|AUX|be|aux|24|1 being|VBG|AUX|be|auxpass|24|1 tested|VBN|VERB|tested|relcl|18|1 by|IN|ADP|by|agent|24|1 immigration|NN|NOUN|immigration|pobj|25|0 .|.|PUNCT|.|punct|1|1"),
    # BBC 129/2: Trouble flared after nine French peacekeepers were killed and President Jacques Chirac ordered the destruction of the Ivory Coast's air force.
    (True, "Trouble|NN|NOUN|trouble|ROOT|0|1 flared|VBD|VERB|flared|acl|0|1 after|IN|SCONJ|after|mark|7|1 nine|CD|NUM|nine|nummod|5|1 French|JJ|ADJ|french|amod|5|1 peacekeepers|NNS|NOUN|peacekeepers|nsubjpass|7|1 were|VBD|AUX|be|auxpass|7|1 killed|VBN|VERB|killed|advcl|1|1 and|CC|CCONJ|and|cc|7|1 President|NNP|PROPN|president|compound|11|1 Jacques|NNP|PROPN|jacques|compound|11|1 Chirac|NNP|PROPN|chirac|nsubj|12|1 ordered|VBD|VERB|ordered|conj|7|1 the|DT|DET|the|det|14|1 destruction|NN|NOUN|destruction|dobj|12|1 of|IN|ADP|of|prep|14|1 the|DT|DET|the|det|18|1 Ivory|NNP|PROPN|ivory|compound|18|1 Coast|NNP|PROPN|coast|poss|21|0 's|POS|PART|'s|case|18|1 air|NN|NOUN|air|compound|21|1 force|NN|NOUN|force|pobj|15|0 .|.|PUNCT|.|punct|0|1"),
    # BBC 009/17: "Posters done by them according to our brief.
    (False, '"|``|PUNCT|"|punct|2|0 Posters|NNS|NOUN|posters|nsubj|2|1 done|VBN|VERB|done|ROOT|2|1 by|IN|ADP|by|prep|2|1 them|PRP|PRON|they|pobj|3|1 according|VBG|VERB|according|prep|2|1 to|IN|ADP|to|prep|5|1 our|PRP$|PRON|our|poss|8|1 brief|NN|NOUN|brief|pobj|6|0 .|.|PUNCT|.|punct|2|1'),
    # BBC 264/11: "For the first time ever a whole generation growing up with unbroken economic stability.
    (False, '"|``|PUNCT|"|punct|9|0 For|IN|ADP|for|prep|9|1 the|DT|DET|the|det|4|1 first|JJ|ADJ|first|amod|4|1 time|NN|NOUN|time|pobj|1|1 ever|RB|ADV|ever|advmod|8|1 a|DT|DET|a|det|8|1 whole|JJ|ADJ|whole|amod|8|1 generation|NN|NOUN|generation|nsubj|9|1 growing|VBG|VERB|growing|ROOT|9|1 up|RP|ADP|up|prt|9|1 with|IN|ADP|with|prep|9|1 unbroken|JJ|ADJ|unbroken|amod|14|1 economic|JJ|ADJ|economic|amod|14|1 stability|NN|NOUN|stability|pobj|11|0 .|.|PUNCT|.|punct|9|1'),
    # BBC 080/21: The qualifications achieved by those taking part in the government's scheme range up to GCSE equivalents.
    (False, "The|DT|DET|the|det|1|1 qualifications|NNS|NOUN|qualifications|ROOT|1|1 achieved|VBN|VERB|achieved|acl|1|1 by|IN|ADP|by|agent|2|1 those|DT|PRON|those|pobj|3|1 taking|VBG|VERB|taking|acl|4|1 part|NN|NOUN|part|dobj|5|1 in|IN|ADP|in|prep|5|1 the|DT|DET|the|det|9|1 government|NN|NOUN|government|poss|12|0 's|POS|PART|'s|case|9|1 scheme|NN|NOUN|scheme|compound|12|1 range|NN|NOUN|range|pobj|7|1 up|IN|ADP|up|prep|5|1 to|IN|ADP|to|prep|13|1 GCSE|NNP|PROPN|gcse|compound|16|1 equivalents|NNS|NOUN|equivalents|pobj|14|0 .|.|PUNCT|.|punct|1|1"),
    # BBC 118/7: "Courts, judges, magistrates, prosecutors, police and victim support - all working together to ensure the rights of victims are put first, without compromising the rights of the defendant."
    (False, '"|``|PUNCT|"|punct|1|0 Courts|NNS|NOUN|courts|ROOT|1|0 ,|,|PUNCT|,|punct|1|1 judges|NNS|NOUN|judges|conj|1|0 ,|,|PUNCT|,|punct|3|1 magistrates|NNS|NOUN|magistrates|conj|3|0 ,|,|PUNCT|,|punct|5|1 prosecutors|NNS|NOUN|prosecutors|conj|5|0 ,|,|PUNCT|,|punct|7|1 police|NNS|NOUN|police|conj|7|1 and|CC|CCONJ|and|cc|9|1 victim|NN|NOUN|victim|compound|12|1 support|NN|NOUN|support|conj|9|1 -|,|PUNCT|-|punct|1|1 all|DT|PRON|all|appos|1|1 working|VBG|VERB|working|acl|14|1 together|RB|ADV|together|advmod|15|1 to|TO|PART|to|aux|18|1 ensure|VB|VERB|ensure|advcl|15|1 the|DT|DET|the|det|20|1 rights|NNS|NOUN|rights|nsubjpass|24|1 of|IN|ADP|of|prep|20|1 victims|NNS|NOUN|victims|pobj|21|1 are|VBP|AUX|be|auxpass|24|1 put|VBN|VERB|put|ccomp|18|1 first|RB|ADV|first|advmod|24|0 ,|,|PUNCT|,|punct|24|1 without|IN|ADP|without|prep|24|1 compromising|VBG|VERB|compromising|pcomp|27|1 the|DT|DET|the|det|30|1 rights|NNS|NOUN|rights|dobj|28|1 of|IN|ADP|of|prep|30|1 the|DT|DET|the|det|33|1 defendant|NN|NOUN|defendant|pobj|31|0 .|.|PUNCT|.|punct|1|0 "|\'\'|PUNCT|"|punct|1|1'),
    # BBC 067/8: - Parenting plans to give advice on access arrangements, based on real-life examples that have worked in the past
    (False, '-|HYPH|PUNCT|-|punct|1|1 Parenting|VBG|VERB|parenting|nsubj|2|1 plans|NNS|NOUN|plans|ROOT|2|1 to|TO|PART|to|aux|4|1 give|VB|VERB|give|xcomp|2|1 advice|NN|NOUN|advice|dobj|4|1 on|IN|ADP|on|prep|4|1 access|NN|NOUN|access|compound|8|1 arrangements|NNS|NOUN|arrangements|pobj|6|0 ,|,|PUNCT|,|punct|8|1 based|VBN|VERB|based|prep|4|1 on|IN|ADP|on|prep|10|1 real|JJ|ADJ|real|amod|14|0 -|HYPH|PUNCT|-|punct|14|0 life|NN|NOUN|life|compound|15|1 examples|NNS|NOUN|examples|pobj|11|1 that|WDT|PRON|that|nsubj|18|1 have|VBP|AUX|have|aux|18|1 worked|VBN|VERB|worked|relcl|15|1 in|IN|ADP|in|prep|18|1 the|DT|DET|the|det|21|1 past|JJ|ADJ|past|pobj|19|0'),
    # BBC 009/9: Posters done by by tbwa according to political brief.
    (False, 'Posters|NNS|NOUN|posters|ROOT|0|1 done|VBN|VERB|done|acl|0|1 by|IN|ADP|by|agent|1|1 by|IN|ADP|by|agent|1|1 tbwa|NN|NOUN|tbwa|pobj|3|1 according|VBG|VERB|according|prep|1|1 to|IN|ADP|to|prep|5|1 political|JJ|ADJ|political|amod|8|1 brief|NN|NOUN|brief|pobj|6|0 .|.|PUNCT|.|punct|0|1'),
    # a headline or caption set without closing punctuation (BBC 148/3 less its full stop)
    (False, 'The|DT|DET|the|det|1|1 men|NNS|NOUN|man|nsubj|9|0 ,|,|PUNCT|,|punct|1|1 elected|VBN|VERB|elect|acl|1|1 to|IN|ADP|to|prep|3|1 the|DT|DET|the|det|7|1 Aston|NNP|PROPN|Aston|compound|7|1 ward|NN|NOUN|ward|pobj|4|0 ,|,|PUNCT|,|punct|1|1 deny|VB|VERB|deny|ROOT|9|1 collecting|VBG|VERB|collect|xcomp|9|1 votes|NNS|NOUN|vote|dobj|10|1 fraudulently|RB|ADV|fraudulently|advmod|9|0'),
    # an infinitive with its subject: no statement
    (False, 'For|IN|SCONJ|for|mark|4|1 the|DT|DET|the|det|2|1 government|NN|NOUN|government|nsubj|4|1 to|TO|PART|to|aux|4|1 act|VB|VERB|act|ROOT|4|1 now|RB|ADV|now|advmod|4|0 .|.|PUNCT|.|punct|4|0'),
]
