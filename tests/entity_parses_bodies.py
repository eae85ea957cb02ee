"""Frozen parses for tests/test_entities_lexicon_named_bodies.py: sentences after BBC business
articles and a PolNeAR train article, and made-up ones where a case needs it (each says so,
and says what was edited by hand), as en_core_web_sm 3.8 parsed them with the entity rules off (the model's own entities),
token by token in the format of tests/quote_parses.py: (word, space after, head index, dep,
pos, tag, lemma, entity IOB). A model upgrade cannot change what a test means."""

# the first sentence of the three James Hardie cases (BBC business, shortened)
_HARDIE_AGREED = [
    ('Australian', True, 2, 'amod', 'ADJ', 'JJ', 'australian', 'B-NORP'),
    ('building', True, 2, 'compound', 'NOUN', 'NN', 'building', 'O'),
    ('products', True, 3, 'compound', 'NOUN', 'NNS', 'product', 'O'),
    ('group', True, 5, 'compound', 'NOUN', 'NN', 'group', 'O'),
    ('James', True, 5, 'compound', 'PROPN', 'NNP', 'James', 'B-PERSON'),
    ('Hardie', True, 7, 'nsubj', 'PROPN', 'NNP', 'Hardie', 'I-PERSON'),
    ('has', True, 7, 'aux', 'AUX', 'VBZ', 'have', 'O'),
    ('agreed', True, 7, 'ROOT', 'VERB', 'VBN', 'agree', 'O'),
    ('to', True, 9, 'aux', 'PART', 'TO', 'to', 'O'),
    ('pay', False, 7, 'xcomp', 'VERB', 'VB', 'pay', 'O'),
    ('.', True, 7, 'punct', 'PUNCT', '.', '.', 'O'),
]

PARSES = {
    # BBC business (Doubleclick), shortened
    'company_doubleclick': [
        ('Late', True, 2, 'advmod', 'ADV', 'RB', 'late', 'B-DATE'),
        ('last', True, 2, 'amod', 'ADJ', 'JJ', 'last', 'I-DATE'),
        ('year', False, 7, 'npadvmod', 'NOUN', 'NN', 'year', 'I-DATE'),
        (',', True, 7, 'punct', 'PUNCT', ',', ',', 'O'),
        ('marketing', True, 5, 'compound', 'NOUN', 'NN', 'marketing', 'O'),
        ('company', True, 6, 'compound', 'NOUN', 'NN', 'company', 'O'),
        ('Doubleclick', True, 7, 'nsubj', 'PROPN', 'NNP', 'Doubleclick', 'B-PERSON'),
        ('warned', True, 7, 'ROOT', 'VERB', 'VBD', 'warn', 'O'),
        ('that', True, 11, 'mark', 'SCONJ', 'IN', 'that', 'O'),
        ('sales', True, 11, 'nsubj', 'NOUN', 'NNS', 'sale', 'O'),
        ('would', True, 11, 'aux', 'AUX', 'MD', 'would', 'O'),
        ('fall', False, 7, 'ccomp', 'VERB', 'VB', 'fall', 'O'),
        ('.', True, 7, 'punct', 'PUNCT', '.', '.', 'O'),
        ('Doubleclick', True, 14, 'nsubj', 'PROPN', 'NNP', 'Doubleclick', 'B-PERSON'),
        ('said', True, 14, 'ROOT', 'VERB', 'VBD', 'say', 'O'),
        ('profits', True, 16, 'nsubj', 'NOUN', 'NNS', 'profit', 'O'),
        ('rose', False, 14, 'ccomp', 'VERB', 'VBD', 'rise', 'O'),
        ('.', False, 14, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    # BBC business (James Hardie), shortened; the model tags the second `Hardie` ORG
    'group_james_hardie': _HARDIE_AGREED + [
        ('Hardie', True, 12, 'nsubj', 'PROPN', 'NNP', 'Hardie', 'B-ORG'),
        ('said', True, 12, 'ROOT', 'VERB', 'VBD', 'say', 'O'),
        ('it', True, 15, 'nsubj', 'PRON', 'PRP', 'it', 'O'),
        ('would', True, 15, 'aux', 'AUX', 'MD', 'would', 'O'),
        ('pay', False, 12, 'ccomp', 'VERB', 'VB', 'pay', 'O'),
        ('.', False, 12, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    # the same, with a `Mr Hardie` (made up)
    'group_hardie_mr': _HARDIE_AGREED + [
        ('Mr', True, 12, 'compound', 'PROPN', 'NNP', 'Mr', 'O'),
        ('Hardie', True, 13, 'nsubj', 'PROPN', 'NNP', 'Hardie', 'B-PERSON'),
        ('said', True, 13, 'ROOT', 'VERB', 'VBD', 'say', 'O'),
        ('it', True, 16, 'nsubj', 'PRON', 'PRP', 'it', 'O'),
        ('would', True, 16, 'aux', 'AUX', 'MD', 'would', 'O'),
        ('pay', False, 13, 'ccomp', 'VERB', 'VB', 'pay', 'O'),
        ('.', False, 13, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    # the same, with a `Jane Hardie` (made up)
    'group_hardie_jane': _HARDIE_AGREED + [
        ('Jane', True, 12, 'compound', 'PROPN', 'NNP', 'Jane', 'B-PERSON'),
        ('Hardie', True, 13, 'nsubj', 'PROPN', 'NNP', 'Hardie', 'I-PERSON'),
        ('said', True, 13, 'ROOT', 'VERB', 'VBD', 'say', 'O'),
        ('it', True, 16, 'nsubj', 'PRON', 'PRP', 'it', 'O'),
        ('would', True, 16, 'aux', 'AUX', 'MD', 'would', 'O'),
        ('pay', False, 13, 'ccomp', 'VERB', 'VB', 'pay', 'O'),
        ('.', False, 13, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    # PolNeAR train (huff-post_2016-08-17_the-unhappy-campaign-of-paul-man), shortened
    'campaign_manafort': [
        ('In', True, 6, 'prep', 'ADP', 'IN', 'in', 'O'),
        ('July', True, 0, 'pobj', 'PROPN', 'NNP', 'July', 'B-DATE'),
        ('the', True, 4, 'det', 'DET', 'DT', 'the', 'O'),
        ('campaign', True, 4, 'compound', 'NOUN', 'NN', 'campaign', 'O'),
        ('Manafort', True, 6, 'nsubj', 'PROPN', 'NNP', 'Manafort', 'B-PERSON'),
        ('was', True, 6, 'aux', 'AUX', 'VBD', 'be', 'O'),
        ('running', True, 6, 'ROOT', 'VERB', 'VBG', 'run', 'O'),
        ('made', True, 8, 'amod', 'VERB', 'VBN', 'make', 'O'),
        ('mistakes', False, 6, 'dobj', 'NOUN', 'NNS', 'mistake', 'O'),
        ('.', True, 6, 'punct', 'PUNCT', '.', '.', 'O'),
        ('Paul', True, 11, 'compound', 'PROPN', 'NNP', 'Paul', 'B-PERSON'),
        ('Manafort', True, 12, 'nsubj', 'PROPN', 'NNP', 'Manafort', 'I-PERSON'),
        ('said', True, 12, 'ROOT', 'VERB', 'VBD', 'say', 'O'),
        ('he', True, 15, 'nsubj', 'PRON', 'PRP', 'he', 'O'),
        ('would', True, 15, 'aux', 'AUX', 'MD', 'would', 'O'),
        ('stay', False, 12, 'ccomp', 'VERB', 'VB', 'stay', 'O'),
        ('.', False, 12, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    # a role between the noun and the name (made up; `company` edited to hang on the name)
    'director_jane_doe': [
        ('Profits', True, 1, 'nsubj', 'NOUN', 'NNS', 'profit', 'O'),
        ('fell', False, 8, 'ccomp', 'VERB', 'VBD', 'fall', 'O'),
        (',', True, 8, 'punct', 'PUNCT', ',', ',', 'O'),
        ('the', True, 5, 'det', 'DET', 'DT', 'the', 'O'),
        ('company', True, 7, 'compound', 'NOUN', 'NN', 'company', 'O'),
        ('director', True, 7, 'compound', 'NOUN', 'NN', 'director', 'O'),
        ('Jane', True, 7, 'compound', 'PROPN', 'NNP', 'Jane', 'B-PERSON'),
        ('Doe', True, 8, 'nsubj', 'PROPN', 'NNP', 'Doe', 'I-PERSON'),
        ('said', False, 8, 'ROOT', 'VERB', 'VBD', 'say', 'O'),
        ('.', False, 8, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
}
