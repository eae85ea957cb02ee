"""Frozen parses for tests/test_quotes_subjects_hidden.py: sentences written by hand with
a mark where a word was (an emoji after a name, a stray combining mark) and a share hung on
its percent sign, with the parse of en_core_web_sm 3.8 written out token by token, in the
format of tests/quote_parses.py: (word, space after, head index, dep, pos, tag, lemma,
entity IOB). A model upgrade cannot change what a test means.
"""

PARSES = {
    # by hand: an emoji after the name, which the parser made the subject
    'emoji_after_name': [
        ('Jane', True, 1, 'compound', 'PROPN', 'NNP', 'Jane', 'B-PERSON'),
        ('Doe', True, 2, 'compound', 'PROPN', 'NNP', 'Doe', 'I-PERSON'),
        ('😀', True, 3, 'nsubj', 'PROPN', 'NNP', '😀', 'O'),
        ('warned', True, 3, 'ROOT', 'VERB', 'VBD', 'warn', 'O'),
        ('that', True, 6, 'mark', 'SCONJ', 'IN', 'that', 'O'),
        ('inflation', True, 6, 'nsubj', 'NOUN', 'NN', 'inflation', 'O'),
        ('is', True, 3, 'ccomp', 'AUX', 'VBZ', 'be', 'O'),
        ('dangerous', False, 6, 'acomp', 'ADJ', 'JJ', 'dangerous', 'O'),
        ('.', False, 3, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    # by hand: a joined emoji sequence, its pieces made subjects
    'emoji_sequence_after_name': [
        ('Prime', True, 1, 'compound', 'PROPN', 'NNP', 'Prime', 'O'),
        ('Minister', True, 3, 'compound', 'PROPN', 'NNP', 'Minister', 'O'),
        ('Jane', True, 3, 'compound', 'PROPN', 'NNP', 'Jane', 'B-PERSON'),
        ('Doe', True, 9, 'nsubj', 'PROPN', 'NNP', 'Doe', 'I-PERSON'),
        ('👩', False, 9, 'dep', 'X', 'XX', '👩', 'O'),
        ('\u200d', False, 9, 'nsubj', 'NOUN', 'NNS', '\u200d', 'O'),
        ('👩', False, 9, 'nsubj', 'X', 'ADD', '👩', 'O'),
        ('\u200d', False, 8, 'compound', 'NOUN', 'NNS', '\u200d', 'O'),
        ('👧', True, 9, 'nsubj', 'NOUN', 'NNS', '👧', 'O'),
        ('warned', True, 9, 'ROOT', 'VERB', 'VBD', 'warn', 'O'),
        ('that', True, 12, 'mark', 'SCONJ', 'IN', 'that', 'O'),
        ('inflation', True, 12, 'nsubj', 'NOUN', 'NN', 'inflation', 'O'),
        ('is', True, 9, 'ccomp', 'AUX', 'VBZ', 'be', 'O'),
        ('dangerous', False, 12, 'acomp', 'ADJ', 'JJ', 'dangerous', 'O'),
        ('.', False, 9, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    # by hand: a stray combining mark made the subject
    'combining_mark_after_name': [
        ('The', True, 1, 'det', 'DET', 'DT', 'the', 'O'),
        ('UN', True, 3, 'nsubj', 'PROPN', 'NNP', 'UN', 'B-ORG'),
        ('́', True, 3, 'nsubj', 'PROPN', 'NNP', '́', 'O'),
        ('warned', True, 3, 'ROOT', 'VERB', 'VBD', 'warn', 'O'),
        ('that', True, 7, 'mark', 'SCONJ', 'IN', 'that', 'O'),
        ('sanctions', True, 7, 'nsubj', 'NOUN', 'NNS', 'sanction', 'O'),
        ('would', True, 7, 'aux', 'AUX', 'MD', 'would', 'O'),
        ('fail', False, 3, 'ccomp', 'VERB', 'VB', 'fail', 'O'),
        ('.', False, 3, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    # by hand: a share the parser hung on its percent sign stays the subject
    'percent_sign_subject': [
        ('Some', True, 3, 'quantmod', 'DET', 'DT', 'some', 'B-CARDINAL'),
        ('60', False, 3, 'compound', 'NUM', 'CD', '60', 'I-CARDINAL'),
        ('-', False, 3, 'punct', 'SYM', 'SYM', '-', 'O'),
        ('70', False, 4, 'nummod', 'NUM', 'CD', '70', 'O'),
        ('%', True, 5, 'nsubj', 'NOUN', 'NN', '%', 'O'),
        ('said', True, 5, 'ROOT', 'VERB', 'VBD', 'say', 'O'),
        ('the', True, 7, 'det', 'DET', 'DT', 'the', 'O'),
        ('country', True, 9, 'nsubj', 'NOUN', 'NN', 'country', 'O'),
        ('was', True, 9, 'aux', 'AUX', 'VBD', 'be', 'O'),
        ('going', True, 5, 'ccomp', 'VERB', 'VBG', 'go', 'O'),
        ('in', True, 9, 'prep', 'ADP', 'IN', 'in', 'O'),
        ('the', True, 13, 'det', 'DET', 'DT', 'the', 'O'),
        ('wrong', True, 13, 'amod', 'ADJ', 'JJ', 'wrong', 'O'),
        ('direction', False, 10, 'pobj', 'NOUN', 'NN', 'direction', 'O'),
        ('.', False, 5, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
}
