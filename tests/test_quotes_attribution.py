"""Direct and indirect quotes with their speakers, on frozen parses (issue 4).

Each case is a sentence modelled on the seeds, GUIDELINES section 4 or PolNeAR
train, with the parse of en_core_web_sm 3.8 written out token by token (word,
space after, head, dep, pos, tag, lemma, entity IOB), so a model upgrade cannot
change what a test means. Cases that must yield no quote are part of the table.
"""
from __future__ import annotations

import pytest
from spacy.tokens import Doc
import spacy

from pipeline.errors import ErrorLog
from pipeline.speakers import EntityRow
from pipeline.stages.quotes import quote_rows

PARSES = {
    'after': [
        ('"', False, 12, 'punct', 'PUNCT', '``', '"', 'O'),
        ('The', True, 2, 'det', 'DET', 'DT', 'the', 'O'),
        ('OSCE', True, 3, 'nsubj', 'PROPN', 'NNP', 'OSCE', 'B-ORG'),
        ('has', True, 12, 'ccomp', 'VERB', 'VBZ', 'have', 'O'),
        ('no', True, 5, 'det', 'DET', 'DT', 'no', 'O'),
        ('future', True, 3, 'dobj', 'NOUN', 'NN', 'future', 'O'),
        ('without', True, 3, 'prep', 'ADP', 'IN', 'without', 'O'),
        ('dialogue', False, 6, 'pobj', 'NOUN', 'NN', 'dialogue', 'O'),
        (',', False, 12, 'punct', 'PUNCT', ',', ',', 'O'),
        ('"', True, 12, 'punct', 'PUNCT', "''", '"', 'O'),
        ('Igor', True, 11, 'compound', 'PROPN', 'NNP', 'Igor', 'B-WORK_OF_ART'),
        ('Sekreta', True, 12, 'nsubj', 'PROPN', 'NNP', 'Sekreta', 'I-WORK_OF_ART'),
        ('said', False, 12, 'ROOT', 'VERB', 'VBD', 'say', 'O'),
        ('.', False, 12, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    'inverted': [
        ('"', False, 9, 'punct', 'PUNCT', '``', '"', 'O'),
        ('Full', True, 3, 'amod', 'ADJ', 'JJ', 'full', 'O'),
        ('panic', True, 3, 'compound', 'NOUN', 'NN', 'panic', 'O'),
        ('mode', False, 0, 'prep', 'NOUN', 'NN', 'mode', 'O'),
        (',', True, 3, 'punct', 'PUNCT', ',', ',', 'O'),
        ('nothing', True, 3, 'appos', 'PRON', 'NN', 'nothing', 'O'),
        ('else', False, 5, 'advmod', 'ADV', 'RB', 'else', 'O'),
        (',', False, 9, 'punct', 'PUNCT', ',', ',', 'O'),
        ('"', True, 9, 'punct', 'PUNCT', "''", '"', 'O'),
        ('said', True, 9, 'ROOT', 'VERB', 'VBD', 'say', 'O'),
        ('Leslie', True, 11, 'compound', 'PROPN', 'NNP', 'Leslie', 'B-PERSON'),
        ('Wimes', False, 9, 'nsubj', 'PROPN', 'NNP', 'Wimes', 'I-PERSON'),
        (',', True, 11, 'punct', 'PUNCT', ',', ',', 'O'),
        ('a', True, 15, 'det', 'DET', 'DT', 'a', 'O'),
        ('Florida', True, 15, 'compound', 'PROPN', 'NNP', 'Florida', 'B-GPE'),
        ('activist', False, 11, 'appos', 'NOUN', 'NN', 'activist', 'O'),
        ('.', False, 9, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    'before_colon': [
        ('Trump', True, 1, 'nsubj', 'PROPN', 'NNP', 'Trump', 'B-PERSON'),
        ('told', True, 1, 'ROOT', 'VERB', 'VBD', 'tell', 'O'),
        ('the', True, 3, 'det', 'DET', 'DT', 'the', 'O'),
        ('crowd', False, 1, 'dobj', 'NOUN', 'NN', 'crowd', 'O'),
        (':', True, 1, 'punct', 'PUNCT', ':', ':', 'O'),
        ('"', False, 1, 'punct', 'PUNCT', '``', '"', 'O'),
        ('We', True, 8, 'nsubj', 'PRON', 'PRP', 'we', 'O'),
        ('are', True, 8, 'aux', 'AUX', 'VBP', 'be', 'O'),
        ('going', True, 1, 'ccomp', 'VERB', 'VBG', 'go', 'O'),
        ('to', True, 10, 'aux', 'PART', 'TO', 'to', 'O'),
        ('win', True, 8, 'xcomp', 'VERB', 'VB', 'win', 'O'),
        ('so', True, 12, 'advmod', 'ADV', 'RB', 'so', 'O'),
        ('much', True, 10, 'dobj', 'ADV', 'RB', 'much', 'O'),
        ('you', True, 15, 'nsubj', 'PRON', 'PRP', 'you', 'O'),
        ('will', True, 15, 'aux', 'AUX', 'MD', 'will', 'O'),
        ('be', True, 12, 'ccomp', 'AUX', 'VB', 'be', 'O'),
        ('tired', True, 15, 'acomp', 'ADJ', 'JJ', 'tired', 'O'),
        ('of', True, 16, 'prep', 'ADP', 'IN', 'of', 'O'),
        ('winning', False, 17, 'pcomp', 'VERB', 'VBG', 'win', 'O'),
        ('.', False, 1, 'punct', 'PUNCT', '.', '.', 'O'),
        ('"', False, 1, 'punct', 'PUNCT', "''", '"', 'O'),
    ],
    'continuation': [
        ('"', False, 10, 'punct', 'PUNCT', '``', '"', 'O'),
        ('We', True, 3, 'nsubj', 'PRON', 'PRP', 'we', 'O'),
        ('must', True, 3, 'aux', 'AUX', 'MD', 'must', 'O'),
        ('restore', True, 10, 'ccomp', 'VERB', 'VB', 'restore', 'O'),
        ('full', True, 5, 'amod', 'ADJ', 'JJ', 'full', 'O'),
        ('communication', False, 3, 'dobj', 'NOUN', 'NN', 'communication', 'O'),
        (',', False, 10, 'punct', 'PUNCT', ',', ',', 'O'),
        ('"', True, 10, 'punct', 'PUNCT', "''", '"', 'O'),
        ('Igor', True, 9, 'compound', 'PROPN', 'NNP', 'Igor', 'B-WORK_OF_ART'),
        ('Sekreta', True, 10, 'nsubj', 'PROPN', 'NNP', 'Sekreta', 'I-WORK_OF_ART'),
        ('said', False, 10, 'ROOT', 'VERB', 'VBD', 'say', 'O'),
        ('.', True, 10, 'punct', 'PUNCT', '.', '.', 'O'),
        ('"', False, 14, 'punct', 'PUNCT', '``', '"', 'O'),
        ('We', True, 14, 'nsubj', 'PRON', 'PRP', 'we', 'O'),
        ('call', True, 14, 'ROOT', 'VERB', 'VBP', 'call', 'O'),
        ('on', True, 14, 'prep', 'ADP', 'IN', 'on', 'O'),
        ('participating', True, 17, 'amod', 'VERB', 'VBG', 'participate', 'O'),
        ('states', True, 15, 'pobj', 'NOUN', 'NNS', 'state', 'O'),
        ('to', True, 19, 'aux', 'PART', 'TO', 'to', 'O'),
        ('return', True, 14, 'xcomp', 'VERB', 'VB', 'return', 'O'),
        ('to', True, 19, 'prep', 'ADP', 'IN', 'to', 'O'),
        ('diplomacy', False, 20, 'pobj', 'NOUN', 'NN', 'diplomacy', 'O'),
        ('.', False, 14, 'punct', 'PUNCT', '.', '.', 'O'),
        ('"', False, 14, 'punct', 'PUNCT', "''", '"', 'O'),
    ],
    'split': [
        ('"', False, 8, 'punct', 'PUNCT', '``', '"', 'O'),
        ('Allow', True, 8, 'ccomp', 'VERB', 'VB', 'allow', 'O'),
        ('diplomats', True, 4, 'nsubj', 'NOUN', 'NNS', 'diplomat', 'O'),
        ('to', True, 4, 'aux', 'PART', 'TO', 'to', 'O'),
        ('work', False, 1, 'ccomp', 'VERB', 'VB', 'work', 'O'),
        (',', False, 8, 'punct', 'PUNCT', ',', ',', 'O'),
        ('"', True, 8, 'punct', 'PUNCT', "''", '"', 'O'),
        ('he', True, 8, 'nsubj', 'PRON', 'PRP', 'he', 'O'),
        ('said', False, 8, 'ROOT', 'VERB', 'VBD', 'say', 'O'),
        (',', True, 8, 'punct', 'PUNCT', ',', ',', 'O'),
        ('"', False, 8, 'punct', 'PUNCT', '``', '"', 'O'),
        ('and', True, 8, 'cc', 'CCONJ', 'CC', 'and', 'O'),
        ('let', True, 8, 'conj', 'VERB', 'VB', 'let', 'O'),
        ('them', True, 14, 'nsubj', 'PRON', 'PRP', 'they', 'O'),
        ('do', True, 12, 'ccomp', 'VERB', 'VB', 'do', 'O'),
        ('the', True, 16, 'det', 'DET', 'DT', 'the', 'O'),
        ('job', True, 14, 'dobj', 'NOUN', 'NN', 'job', 'O'),
        ('they', True, 19, 'nsubjpass', 'PRON', 'PRP', 'they', 'O'),
        ('were', True, 19, 'auxpass', 'AUX', 'VBD', 'be', 'O'),
        ('trained', True, 16, 'relcl', 'VERB', 'VBN', 'train', 'O'),
        ('for', False, 19, 'prep', 'ADP', 'IN', 'for', 'O'),
        ('.', False, 8, 'punct', 'PUNCT', '.', '.', 'O'),
        ('"', False, 8, 'punct', 'PUNCT', "''", '"', 'O'),
    ],
    'partial': [
        ('Aleinik', True, 1, 'nsubj', 'PROPN', 'NNP', 'Aleinik', 'B-PERSON'),
        ('said', True, 1, 'ROOT', 'VERB', 'VBD', 'say', 'O'),
        ('the', True, 3, 'det', 'DET', 'DT', 'the', 'O'),
        ('principle', True, 7, 'nsubjpass', 'NOUN', 'NN', 'principle', 'O'),
        ('has', True, 7, 'aux', 'AUX', 'VBZ', 'have', 'O'),
        ('been', True, 7, 'auxpass', 'AUX', 'VBN', 'be', 'O'),
        ('"', False, 7, 'punct', 'PUNCT', '``', '"', 'O'),
        ('violated', True, 1, 'ccomp', 'VERB', 'VBN', 'violate', 'O'),
        ('in', True, 7, 'prep', 'ADP', 'IN', 'in', 'O'),
        ('Europe', False, 8, 'pobj', 'PROPN', 'NNP', 'Europe', 'B-LOC'),
        (',', True, 7, 'punct', 'PUNCT', ',', ',', 'O'),
        ('resulting', True, 7, 'advcl', 'VERB', 'VBG', 'result', 'O'),
        ('in', True, 11, 'prep', 'ADP', 'IN', 'in', 'O'),
        ('catastrophic', True, 14, 'amod', 'ADJ', 'JJ', 'catastrophic', 'O'),
        ('consequences', False, 12, 'pobj', 'NOUN', 'NNS', 'consequence', 'O'),
        ('.', False, 1, 'punct', 'PUNCT', '.', '.', 'O'),
        ('"', False, 1, 'punct', 'PUNCT', "''", '"', 'O'),
    ],
    'scare': [
        ('The', True, 1, 'det', 'DET', 'DT', 'the', 'O'),
        ('diplomat', True, 2, 'nsubj', 'NOUN', 'NN', 'diplomat', 'O'),
        ('emphasized', True, 2, 'ROOT', 'VERB', 'VBD', 'emphasize', 'O'),
        ('that', True, 5, 'mark', 'SCONJ', 'IN', 'that', 'O'),
        ('it', True, 5, 'nsubj', 'PRON', 'PRP', 'it', 'O'),
        ('is', True, 2, 'ccomp', 'AUX', 'VBZ', 'be', 'O'),
        ('time', True, 5, 'attr', 'NOUN', 'NN', 'time', 'O'),
        ('to', True, 8, 'aux', 'PART', 'TO', 'to', 'O'),
        ('transform', True, 6, 'relcl', 'VERB', 'VB', 'transform', 'O'),
        ('the', True, 10, 'det', 'DET', 'DT', 'the', 'O'),
        ('OSCE', True, 8, 'dobj', 'PROPN', 'NNP', 'OSCE', 'B-ORG'),
        ('from', True, 8, 'prep', 'ADP', 'IN', 'from', 'O'),
        ('a', True, 15, 'det', 'DET', 'DT', 'a', 'O'),
        ('"', False, 15, 'punct', 'PUNCT', '``', '"', 'O'),
        ('vanity', True, 15, 'compound', 'NOUN', 'NN', 'vanity', 'O'),
        ('fair', False, 11, 'pobj', 'NOUN', 'NN', 'fair', 'O'),
        ('"', True, 15, 'punct', 'PUNCT', "''", '"', 'O'),
        ('into', True, 8, 'prep', 'ADP', 'IN', 'into', 'O'),
        ('a', True, 19, 'det', 'DET', 'DT', 'a', 'O'),
        ('platform', False, 17, 'pobj', 'NOUN', 'NN', 'platform', 'O'),
        ('.', False, 2, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    'title': [
        ('Aleinik', True, 1, 'nsubj', 'PROPN', 'NNP', 'Aleinik', 'B-PERSON'),
        ('spoke', True, 1, 'ROOT', 'VERB', 'VBD', 'speak', 'O'),
        ('at', True, 1, 'prep', 'ADP', 'IN', 'at', 'O'),
        ('a', True, 4, 'det', 'DET', 'DT', 'a', 'O'),
        ('conference', True, 2, 'pobj', 'NOUN', 'NN', 'conference', 'O'),
        ('titled', True, 4, 'acl', 'VERB', 'VBN', 'title', 'O'),
        ('"', False, 8, 'punct', 'PUNCT', '``', '"', 'O'),
        ('Eurasian', True, 8, 'amod', 'ADJ', 'JJ', 'eurasian', 'B-WORK_OF_ART'),
        ('Security', False, 5, 'oprd', 'PROPN', 'NNP', 'Security', 'I-WORK_OF_ART'),
        (':', True, 8, 'punct', 'PUNCT', ':', ':', 'I-WORK_OF_ART'),
        ('Reality', True, 8, 'appos', 'NOUN', 'NN', 'reality', 'I-WORK_OF_ART'),
        ('and', True, 10, 'cc', 'CCONJ', 'CC', 'and', 'I-WORK_OF_ART'),
        ('Prospects', True, 10, 'conj', 'NOUN', 'NNS', 'prospect', 'I-WORK_OF_ART'),
        ('in', True, 5, 'prep', 'ADP', 'IN', 'in', 'O'),
        ('a', True, 16, 'det', 'DET', 'DT', 'a', 'O'),
        ('Transforming', True, 16, 'compound', 'PROPN', 'NNP', 'Transforming', 'O'),
        ('World', False, 13, 'pobj', 'PROPN', 'NNP', 'World', 'O'),
        ('.', False, 1, 'punct', 'PUNCT', '.', '.', 'O'),
        ('"', False, 1, 'punct', 'PUNCT', "''", '"', 'O'),
    ],
    'project': [
        ('A', True, 2, 'det', 'DET', 'DT', 'a', 'O'),
        ('joint', True, 2, 'amod', 'ADJ', 'JJ', 'joint', 'O'),
        ('project', True, 17, 'nsubjpass', 'NOUN', 'NN', 'project', 'O'),
        ('named', True, 2, 'acl', 'VERB', 'VBN', 'name', 'O'),
        ('"', False, 6, 'punct', 'PUNCT', '``', '"', 'O'),
        ('Capacity', True, 6, 'compound', 'PROPN', 'NNP', 'Capacity', 'B-WORK_OF_ART'),
        ('Building', True, 3, 'oprd', 'PROPN', 'NNP', 'Building', 'I-WORK_OF_ART'),
        ('for', True, 6, 'prep', 'ADP', 'IN', 'for', 'O'),
        ('small', True, 10, 'amod', 'ADJ', 'JJ', 'small', 'O'),
        ('arms', True, 10, 'compound', 'NOUN', 'NNS', 'arm', 'O'),
        ('control', True, 7, 'pobj', 'NOUN', 'NN', 'control', 'O'),
        ('and', True, 10, 'cc', 'CCONJ', 'CC', 'and', 'O'),
        ('safe', True, 13, 'amod', 'ADJ', 'JJ', 'safe', 'O'),
        ('storage', False, 10, 'conj', 'NOUN', 'NN', 'storage', 'O'),
        ('"', True, 6, 'punct', 'PUNCT', "''", '"', 'O'),
        ('has', True, 17, 'aux', 'AUX', 'VBZ', 'have', 'O'),
        ('been', True, 17, 'auxpass', 'AUX', 'VBN', 'be', 'O'),
        ('implemented', False, 17, 'ROOT', 'VERB', 'VBN', 'implement', 'O'),
        ('.', False, 17, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    'indirect_that': [
        ('The', True, 2, 'det', 'DET', 'DT', 'the', 'O'),
        ('Belarusian', True, 2, 'amod', 'ADJ', 'JJ', 'belarusian', 'B-NORP'),
        ('diplomat', True, 3, 'nsubj', 'NOUN', 'NN', 'diplomat', 'O'),
        ('stressed', True, 3, 'ROOT', 'VERB', 'VBD', 'stress', 'O'),
        ('that', True, 6, 'mark', 'SCONJ', 'IN', 'that', 'O'),
        ('consensus', True, 6, 'nsubj', 'NOUN', 'NN', 'consensus', 'O'),
        ('is', True, 3, 'ccomp', 'AUX', 'VBZ', 'be', 'O'),
        ('not', True, 6, 'neg', 'PART', 'RB', 'not', 'O'),
        ('a', True, 10, 'det', 'DET', 'DT', 'a', 'O'),
        ('technical', True, 10, 'amod', 'ADJ', 'JJ', 'technical', 'O'),
        ('process', False, 6, 'attr', 'NOUN', 'NN', 'process', 'O'),
        ('.', False, 3, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    'indirect_after': [
        ('Lenox', True, 1, 'nsubj', 'PROPN', 'NNP', 'Lenox', 'B-ORG'),
        ('was', True, 11, 'ccomp', 'AUX', 'VBD', 'be', 'O'),
        ('a', True, 3, 'det', 'DET', 'DT', 'a', 'O'),
        ('juggernaut', True, 1, 'attr', 'NOUN', 'NN', 'juggernaut', 'O'),
        ('until', True, 6, 'mark', 'SCONJ', 'IN', 'until', 'O'),
        ('it', True, 6, 'nsubj', 'PRON', 'PRP', 'it', 'O'),
        ('went', True, 1, 'advcl', 'VERB', 'VBD', 'go', 'O'),
        ('bankrupt', False, 6, 'acomp', 'ADJ', 'JJ', 'bankrupt', 'O'),
        (',', True, 11, 'punct', 'PUNCT', ',', ',', 'O'),
        ('Mr.', True, 10, 'compound', 'PROPN', 'NNP', 'Mr.', 'O'),
        ('Clarke', True, 11, 'nsubj', 'PROPN', 'NNP', 'Clarke', 'B-PERSON'),
        ('said', False, 11, 'ROOT', 'VERB', 'VBD', 'say', 'O'),
        ('.', False, 11, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    'according': [
        ('According', True, 7, 'prep', 'VERB', 'VBG', 'accord', 'O'),
        ('to', True, 0, 'prep', 'ADP', 'IN', 'to', 'O'),
        ('Ryzhenkov', False, 1, 'pobj', 'PROPN', 'NNP', 'Ryzhenkov', 'B-PERSON'),
        (',', True, 7, 'punct', 'PUNCT', ',', ',', 'O'),
        ('all', True, 5, 'det', 'DET', 'DT', 'all', 'O'),
        ('nations', True, 7, 'nsubj', 'NOUN', 'NNS', 'nation', 'O'),
        ('have', True, 7, 'aux', 'AUX', 'VBP', 'have', 'O'),
        ('expressed', True, 7, 'ROOT', 'VERB', 'VBN', 'express', 'O'),
        ('interest', True, 7, 'dobj', 'NOUN', 'NN', 'interest', 'O'),
        ('in', True, 8, 'prep', 'ADP', 'IN', 'in', 'O'),
        ('the', True, 11, 'det', 'DET', 'DT', 'the', 'O'),
        ('document', False, 9, 'pobj', 'NOUN', 'NN', 'document', 'O'),
        ('.', False, 7, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    'negated': [
        ('Trump', True, 3, 'nsubj', 'NOUN', 'NN', 'trump', 'O'),
        ('did', True, 3, 'aux', 'AUX', 'VBD', 'do', 'O'),
        ('not', True, 3, 'neg', 'PART', 'RB', 'not', 'O'),
        ('say', True, 3, 'ROOT', 'VERB', 'VB', 'say', 'O'),
        ('that', True, 7, 'mark', 'SCONJ', 'IN', 'that', 'O'),
        ('he', True, 7, 'nsubj', 'PRON', 'PRP', 'he', 'O'),
        ('would', True, 7, 'aux', 'AUX', 'MD', 'would', 'O'),
        ('accept', True, 3, 'ccomp', 'VERB', 'VB', 'accept', 'O'),
        ('the', True, 9, 'det', 'DET', 'DT', 'the', 'O'),
        ('result', True, 7, 'dobj', 'NOUN', 'NN', 'result', 'O'),
        ('of', True, 9, 'prep', 'ADP', 'IN', 'of', 'O'),
        ('the', True, 12, 'det', 'DET', 'DT', 'the', 'O'),
        ('election', False, 10, 'pobj', 'NOUN', 'NN', 'election', 'O'),
        ('.', False, 3, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    'nested_belief': [
        ('"', False, 16, 'punct', 'PUNCT', '``', '"', 'O'),
        ('Belarus', True, 2, 'nsubj', 'PROPN', 'NNP', 'Belarus', 'O'),
        ('believes', True, 16, 'ccomp', 'VERB', 'VBZ', 'believe', 'O'),
        ('it', True, 4, 'nsubj', 'PRON', 'PRP', 'it', 'O'),
        ('is', True, 2, 'ccomp', 'AUX', 'VBZ', 'be', 'O'),
        ('time', True, 4, 'attr', 'NOUN', 'NN', 'time', 'O'),
        ('for', True, 5, 'prep', 'ADP', 'IN', 'for', 'O'),
        ('a', True, 9, 'det', 'DET', 'DT', 'a', 'O'),
        ('profound', True, 9, 'amod', 'ADJ', 'JJ', 'profound', 'O'),
        ('reassessment', True, 6, 'pobj', 'NOUN', 'NN', 'reassessment', 'O'),
        ('of', True, 9, 'prep', 'ADP', 'IN', 'of', 'O'),
        ('the', True, 12, 'det', 'DET', 'DT', 'the', 'O'),
        ('mission', False, 10, 'pobj', 'NOUN', 'NN', 'mission', 'O'),
        (',', False, 16, 'punct', 'PUNCT', ',', ',', 'O'),
        ('"', True, 16, 'punct', 'PUNCT', "''", '"', 'O'),
        ('he', True, 16, 'nsubj', 'PRON', 'PRP', 'he', 'O'),
        ('said', False, 16, 'ROOT', 'VERB', 'VBD', 'say', 'O'),
        ('.', False, 16, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    'pronoun': [
        ('Igor', True, 1, 'compound', 'PROPN', 'NNP', 'Igor', 'B-PERSON'),
        ('Sekreta', True, 2, 'nsubj', 'PROPN', 'NNP', 'Sekreta', 'I-PERSON'),
        ('spoke', True, 2, 'ROOT', 'VERB', 'VBD', 'speak', 'O'),
        ('in', True, 2, 'prep', 'ADP', 'IN', 'in', 'O'),
        ('Vienna', False, 3, 'pobj', 'PROPN', 'NNP', 'Vienna', 'B-GPE'),
        ('.', True, 2, 'punct', 'PUNCT', '.', '.', 'O'),
        ('He', True, 7, 'nsubj', 'PRON', 'PRP', 'he', 'O'),
        ('noted', True, 7, 'ROOT', 'VERB', 'VBD', 'note', 'O'),
        ('that', True, 12, 'mark', 'SCONJ', 'IN', 'that', 'O'),
        ('the', True, 10, 'det', 'DET', 'DT', 'the', 'O'),
        ('conference', True, 12, 'nsubj', 'NOUN', 'NN', 'conference', 'O'),
        ('has', True, 12, 'aux', 'AUX', 'VBZ', 'have', 'O'),
        ('proven', True, 7, 'ccomp', 'VERB', 'VBN', 'prove', 'O'),
        ('its', True, 14, 'poss', 'PRON', 'PRP$', 'its', 'O'),
        ('worth', False, 12, 'dobj', 'NOUN', 'NN', 'worth', 'O'),
        ('.', False, 7, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    'description': [
        ('Belarusian', True, 3, 'amod', 'ADJ', 'JJ', 'belarusian', 'B-NORP'),
        ('Deputy', True, 3, 'compound', 'PROPN', 'NNP', 'Deputy', 'O'),
        ('Foreign', True, 3, 'compound', 'PROPN', 'NNP', 'Foreign', 'O'),
        ('Minister', True, 5, 'compound', 'PROPN', 'NNP', 'Minister', 'O'),
        ('Igor', True, 5, 'compound', 'PROPN', 'NNP', 'Igor', 'B-PERSON'),
        ('Sekreta', True, 6, 'nsubj', 'PROPN', 'NNP', 'Sekreta', 'I-PERSON'),
        ('spoke', True, 6, 'ROOT', 'VERB', 'VBD', 'speak', 'O'),
        ('in', True, 6, 'prep', 'ADP', 'IN', 'in', 'O'),
        ('Vienna', False, 7, 'pobj', 'PROPN', 'NNP', 'Vienna', 'B-GPE'),
        ('.', True, 6, 'punct', 'PUNCT', '.', '.', 'O'),
        ('"', False, 12, 'punct', 'PUNCT', '``', '"', 'O'),
        ('Belarus', True, 12, 'nsubj', 'PROPN', 'NNP', 'Belarus', 'O'),
        ('is', True, 23, 'ccomp', 'AUX', 'VBZ', 'be', 'O'),
        ('ready', True, 12, 'acomp', 'ADJ', 'JJ', 'ready', 'O'),
        ('to', True, 15, 'aux', 'PART', 'TO', 'to', 'O'),
        ('host', True, 13, 'xcomp', 'VERB', 'VB', 'host', 'O'),
        ('these', True, 17, 'det', 'DET', 'DT', 'these', 'O'),
        ('discussions', False, 15, 'dobj', 'NOUN', 'NNS', 'discussion', 'O'),
        (',', False, 23, 'punct', 'PUNCT', ',', ',', 'O'),
        ('"', True, 23, 'punct', 'PUNCT', "''", '"', 'O'),
        ('the', True, 22, 'det', 'DET', 'DT', 'the', 'O'),
        ('deputy', True, 22, 'compound', 'NOUN', 'NN', 'deputy', 'O'),
        ('minister', True, 23, 'nsubj', 'NOUN', 'NN', 'minister', 'O'),
        ('added', False, 23, 'ROOT', 'VERB', 'VBD', 'add', 'O'),
        ('.', False, 23, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    'dash': [
        ('"', False, 12, 'punct', 'PUNCT', '``', '"', 'O'),
        ('He', True, 2, 'nsubj', 'PRON', 'PRP', 'he', 'O'),
        ('is', True, 0, 'prep', 'AUX', 'VBZ', 'be', 'O'),
        ('ignorant', True, 2, 'acomp', 'ADJ', 'JJ', 'ignorant', 'O'),
        ('of', True, 3, 'prep', 'ADP', 'IN', 'of', 'O'),
        ('our', True, 6, 'poss', 'PRON', 'PRP$', 'our', 'O'),
        ('culture', True, 4, 'pobj', 'NOUN', 'NN', 'culture', 'O'),
        ('and', True, 6, 'cc', 'CCONJ', 'CC', 'and', 'O'),
        ('our', True, 9, 'poss', 'PRON', 'PRP$', 'our', 'O'),
        ('lives', False, 6, 'conj', 'NOUN', 'NNS', 'life', 'O'),
        ('.', False, 2, 'punct', 'PUNCT', '.', '.', 'O'),
        ('"', True, 2, 'punct', 'PUNCT', "''", '"', 'O'),
        ('―', True, 12, 'ROOT', 'VERB', 'VBP', '―', 'O'),
        ('Pamela', True, 14, 'compound', 'PROPN', 'NNP', 'Pamela', 'B-PERSON'),
        ('Padilla', False, 12, 'nsubj', 'PROPN', 'NNP', 'Padilla', 'I-PERSON'),
    ],
    'no_cue_prev_subject': [
        ('Clinton', True, 1, 'nsubj', 'PROPN', 'NNP', 'Clinton', 'B-PERSON'),
        ('addressed', True, 1, 'ROOT', 'VERB', 'VBD', 'address', 'O'),
        ('supporters', True, 1, 'dobj', 'NOUN', 'NNS', 'supporter', 'O'),
        ('in', True, 1, 'prep', 'ADP', 'IN', 'in', 'O'),
        ('Ohio', True, 3, 'pobj', 'PROPN', 'NNP', 'Ohio', 'B-GPE'),
        ('on', True, 1, 'prep', 'ADP', 'IN', 'on', 'O'),
        ('Tuesday', False, 5, 'pobj', 'PROPN', 'NNP', 'Tuesday', 'B-DATE'),
        ('.', True, 1, 'punct', 'PUNCT', '.', '.', 'O'),
        ('"', False, 12, 'punct', 'PUNCT', '``', '"', 'O'),
        ('We', True, 12, 'nsubj', 'PRON', 'PRP', 'we', 'O'),
        ('will', True, 12, 'aux', 'AUX', 'MD', 'will', 'O'),
        ('not', True, 12, 'neg', 'PART', 'RB', 'not', 'O'),
        ('let', True, 12, 'ROOT', 'VERB', 'VB', 'let', 'O'),
        ('them', True, 14, 'nsubj', 'PRON', 'PRP', 'they', 'O'),
        ('divide', True, 12, 'ccomp', 'VERB', 'VB', 'divide', 'O'),
        ('this', True, 16, 'det', 'DET', 'DT', 'this', 'O'),
        ('country', False, 14, 'dobj', 'NOUN', 'NN', 'country', 'O'),
        ('.', False, 12, 'punct', 'PUNCT', '.', '.', 'O'),
        ('"', False, 12, 'punct', 'PUNCT', "''", '"', 'O'),
    ],
    'short_utterance': [
        ('"', False, 6, 'punct', 'PUNCT', '``', '"', 'O'),
        ('No', True, 2, 'det', 'DET', 'DT', 'no', 'O'),
        ('comment', False, 0, 'prep', 'NOUN', 'NN', 'comment', 'O'),
        (',', False, 6, 'punct', 'PUNCT', ',', ',', 'O'),
        ('"', True, 6, 'punct', 'PUNCT', "''", '"', 'O'),
        ('he', True, 6, 'nsubj', 'PRON', 'PRP', 'he', 'O'),
        ('said', False, 6, 'ROOT', 'VERB', 'VBD', 'say', 'O'),
        ('.', False, 6, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    'unbalanced': [
        ('"', False, 8, 'punct', 'PUNCT', '``', '"', 'O'),
        ('We', True, 3, 'nsubj', 'PRON', 'PRP', 'we', 'O'),
        ('will', True, 3, 'aux', 'AUX', 'MD', 'will', 'O'),
        ('win', True, 8, 'ccomp', 'VERB', 'VB', 'win', 'O'),
        ('the', True, 5, 'det', 'DET', 'DT', 'the', 'O'),
        ('election', False, 3, 'dobj', 'NOUN', 'NN', 'election', 'O'),
        (',', True, 8, 'punct', 'PUNCT', ',', ',', 'O'),
        ('Trump', True, 8, 'nsubj', 'PROPN', 'NNP', 'Trump', 'B-ORG'),
        ('said', True, 8, 'ROOT', 'VERB', 'VBD', 'say', 'O'),
        ('at', True, 8, 'prep', 'ADP', 'IN', 'at', 'O'),
        ('the', True, 11, 'det', 'DET', 'DT', 'the', 'O'),
        ('rally', True, 9, 'pobj', 'NOUN', 'NN', 'rally', 'O'),
        ('in', True, 11, 'prep', 'ADP', 'IN', 'in', 'O'),
        ('Ohio', False, 12, 'pobj', 'PROPN', 'NNP', 'Ohio', 'B-GPE'),
        ('.', False, 8, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    'unattributed': [
        ('The', True, 2, 'det', 'DET', 'DT', 'the', 'O'),
        ('new', True, 2, 'amod', 'ADJ', 'JJ', 'new', 'O'),
        ('plan', True, 3, 'nsubj', 'NOUN', 'NN', 'plan', 'O'),
        ('was', True, 3, 'ROOT', 'AUX', 'VBD', 'be', 'O'),
        ('"', False, 3, 'punct', 'PUNCT', '``', '"', 'O'),
        ('a', True, 6, 'det', 'DET', 'DT', 'a', 'O'),
        ('giveaway', True, 3, 'attr', 'NOUN', 'NN', 'giveaway', 'O'),
        ('to', True, 6, 'prep', 'ADP', 'IN', 'to', 'O'),
        ('the', True, 9, 'det', 'DET', 'DT', 'the', 'O'),
        ('rich', True, 7, 'pobj', 'ADJ', 'JJ', 'rich', 'O'),
        ('and', True, 9, 'cc', 'CCONJ', 'CC', 'and', 'O'),
        ('powerful', True, 9, 'conj', 'ADJ', 'JJ', 'powerful', 'O'),
        ('that', True, 14, 'mark', 'SCONJ', 'IN', 'that', 'O'),
        ('nobody', True, 14, 'nsubj', 'PRON', 'NN', 'nobody', 'O'),
        ('asked', True, 6, 'relcl', 'VERB', 'VBD', 'ask', 'O'),
        ('for', False, 14, 'prep', 'ADP', 'IN', 'for', 'O'),
        ('"', True, 14, 'punct', 'PUNCT', "''", '"', 'O'),
        ('in', True, 14, 'prep', 'ADP', 'IN', 'in', 'O'),
        ('the', True, 19, 'det', 'DET', 'DT', 'the', 'O'),
        ('end', False, 17, 'pobj', 'NOUN', 'NN', 'end', 'O'),
        ('.', False, 3, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    'so_called': [
        ('The', True, 1, 'det', 'DET', 'DT', 'the', 'O'),
        ('OSCE', True, 3, 'nsubj', 'PROPN', 'NNP', 'OSCE', 'B-ORG'),
        ('has', True, 3, 'aux', 'AUX', 'VBZ', 'have', 'O'),
        ('invited', True, 3, 'ROOT', 'VERB', 'VBN', 'invite', 'O'),
        ('extremist', True, 5, 'amod', 'ADJ', 'JJ', 'extremist', 'O'),
        ('NGOs', True, 3, 'dobj', 'PROPN', 'NNPS', 'NGOs', 'O'),
        ('and', True, 5, 'cc', 'CCONJ', 'CC', 'and', 'O'),
        ('so', False, 9, 'advmod', 'ADV', 'RB', 'so', 'O'),
        ('-', False, 9, 'punct', 'PUNCT', 'HYPH', '-', 'O'),
        ('called', True, 13, 'amod', 'VERB', 'VBN', 'call', 'O'),
        ('"', False, 13, 'punct', 'PUNCT', '``', '"', 'O'),
        ('civil', True, 12, 'amod', 'ADJ', 'JJ', 'civil', 'O'),
        ('society', True, 13, 'compound', 'NOUN', 'NN', 'society', 'O'),
        ('representatives', True, 5, 'conj', 'NOUN', 'NNS', 'representative', 'O'),
        ('of', True, 13, 'prep', 'ADP', 'IN', 'of', 'O'),
        ('the', True, 16, 'det', 'DET', 'DT', 'the', 'O'),
        ('West', False, 14, 'pobj', 'PROPN', 'NNP', 'West', 'O'),
        ('"', True, 3, 'punct', 'PUNCT', "''", '"', 'O'),
        ('to', True, 3, 'prep', 'ADP', 'IN', 'to', 'O'),
        ('its', True, 20, 'poss', 'PRON', 'PRP$', 'its', 'O'),
        ('events', False, 18, 'pobj', 'NOUN', 'NNS', 'event', 'O'),
        ('.', False, 3, 'punct', 'PUNCT', '.', '.', 'O'),
    ],
    'name_colon': [
        ('Kasich', False, 0, 'ROOT', 'PROPN', 'NNP', 'Kasich', 'B-PERSON'),
        (':', True, 0, 'punct', 'PUNCT', ':', ':', 'O'),
        ("'", False, 5, 'punct', 'PUNCT', '``', "'", 'O'),
        ('We', True, 5, 'nsubj', 'PRON', 'PRP', 'we', 'O'),
        ('Are', True, 5, 'aux', 'AUX', 'VBP', 'be', 'O'),
        ('Going', True, 0, 'acl', 'VERB', 'VBG', 'go', 'O'),
        ('To', True, 7, 'aux', 'PART', 'TO', 'to', 'O'),
        ('Go', True, 5, 'xcomp', 'VERB', 'VB', 'go', 'O'),
        ('All', True, 10, 'predet', 'DET', 'PDT', 'all', 'O'),
        ('The', True, 10, 'det', 'DET', 'DT', 'the', 'O'),
        ('Way', True, 7, 'dobj', 'NOUN', 'NN', 'way', 'O'),
        ('To', True, 7, 'prep', 'ADP', 'IN', 'to', 'O'),
        ('Cleveland', False, 11, 'pobj', 'PROPN', 'NNP', 'Cleveland', 'B-GPE'),
        ("'", False, 5, 'punct', 'PUNCT', "''", "'", 'O'),
    ],
}

# English lexical attributes (is_alpha, is_punct) come with the language's vocab.
_VOCAB = spacy.blank("en").vocab


def build_doc(case: str) -> Doc:
    toks = PARSES[case]
    return Doc(_VOCAB, words=[t[0] for t in toks], spaces=[t[1] for t in toks], heads=[t[2] for t in toks],
               deps=[t[3] for t in toks], pos=[t[4] for t in toks], tags=[t[5] for t in toks],
               lemmas=[t[6] for t in toks], ents=[t[7] for t in toks])


def entity_rows(doc: Doc) -> list[EntityRow]:
    return [EntityRow(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]


def run(case: str):
    doc = build_doc(case)
    rows, problems = quote_rows(doc, entity_rows(doc))
    return doc, rows, problems


D, I = "direct", "indirect"
# case -> every quote the stage must produce, as (kind, text, speaker, cue); [] = no quote at all
EXPECTED = {
    # attribution after the quote (GUIDELINES 4), and inverted `said X` (PolNeAR)
    "after": [(D, "The OSCE has no future without dialogue,", "Igor Sekreta", "said")],
    "inverted": [(D, "Full panic mode, nothing else,", "Leslie Wimes", "said")],
    # attribution before the quote, introduced by a colon
    "before_colon": [(D, "We are going to win so much you will be tired of winning.", "Trump", "told")],
    # a quote after `X said.` with no cue of its own: same speaker, no cue
    "continuation": [(D, "We must restore full communication,", "Igor Sekreta", "said"),
                     (D, "We call on participating states to return to diplomacy.", "Igor Sekreta", None)],
    # attribution inside: both halves carry it (no antecedent for "he" here: speaker unknown)
    "split": [(D, "Allow diplomats to work,", None, "said"),
              (D, "and let them do the job they were trained for.", None, "said")],
    # a partial quote inside reported speech is a direct quote; the clause is reported speech too
    "partial": [(I, 'the principle has been "violated in Europe, resulting in catastrophic consequences', "Aleinik", "said"),
                (D, "violated in Europe, resulting in catastrophic consequences.", "Aleinik", "said")],
    # a two-word scare quote is no quote; the reported clause around it is
    "scare": [(I, 'it is time to transform the OSCE from a "vanity fair" into a platform', "diplomat", "emphasized")],
    # titles of events and projects are not quotes
    "title": [],
    "project": [],
    "indirect_that": [(I, "consensus is not a technical process", "Belarusian diplomat", "stressed")],
    "indirect_after": [(I, "Lenox was a juggernaut until it went bankrupt", "Clarke", "said")],
    "according": [(I, "all nations have expressed interest in the document", "Ryzhenkov", "According to")],
    # a denied statement is not a quote
    "negated": [],
    # inside a quote, a position ascribed to a named party is its own (indirect) quote
    "nested_belief": [(D, "Belarus believes it is time for a profound reassessment of the mission,", None, "said"),
                      (I, "it is time for a profound reassessment of the mission", "Belarus", "believes")],
    # pronoun -> the most recent person subject; description -> the person introduced with that role
    "pronoun": [(I, "the conference has proven its worth", "Igor Sekreta", "noted")],
    "description": [(D, "Belarus is ready to host these discussions,", "Igor Sekreta", "added")],
    # `"..." ― Name` (PolNeAR vox-pop lists)
    "dash": [(D, "He is ignorant of our culture and our lives.", "Pamela Padilla", None)],
    # no cue at all: the person the previous sentence is about
    "no_cue_prev_subject": [(D, "We will not let them divide this country.", "Clinton", None)],
    # a short but complete utterance with its own attribution is a quote, not a scare quote
    "short_utterance": [(D, "No comment,", None, "said")],
    # quoted mid-sentence with nobody saying it in the sentence: a quote, speaker unknown (not guessed)
    "unattributed": [(D, "a giveaway to the rich and powerful that nobody asked for", None, None)],
    # `so-called "..."` marks a term, whatever its length
    "so_called": [],
    # headline style: a name and a colon introduce the quote, even in Title Case
    "name_colon": [(D, "We Are Going To Go All The Way To Cleveland", "Kasich", ":")],
    # closing mark forgotten: the quote ends where its attribution starts
    "unbalanced": [(D, "We will win the election,", "Trump", "said")],
}


@pytest.mark.parametrize("case", list(EXPECTED))
def test_quotes_attribution_table(case):
    doc, rows, _ = run(case)
    got = [(r.kind, r.text, r.speaker, r.cue) for r in rows]
    assert sorted(got, key=str) == sorted(EXPECTED[case], key=str)


@pytest.mark.parametrize("case", list(EXPECTED))
def test_quotes_attribution_offsets_point_at_text(case):
    doc, rows, _ = run(case)
    for r in rows:
        assert doc.text[r.start:r.end] == r.text
        if r.speaker_start is not None:
            assert doc.text[r.speaker_start:r.speaker_end] == r.speaker_text
        if r.cue_start is not None:
            assert doc.text[r.cue_start:r.cue_end] == r.cue


def test_quotes_attribution_unbalanced_marks_warn_and_go_on():
    from pipeline.stages.quotes import extract_quotes
    import pandas as pd

    docs = {"odd": build_doc("unbalanced"), "ok": build_doc("after")}
    documents = pd.DataFrame({"doc_id": list(docs), "path": ["odd.txt", "ok.txt"], "text": [d.text for d in docs.values()]})
    sentences = pd.DataFrame({"doc_id": list(docs), "sent_id": [0, 0], "start": [0, 0],
                              "end": [len(d.text) for d in docs.values()], "text": [d.text for d in docs.values()]})
    entities = pd.DataFrame(columns=["doc_id", "ent_id", "sent_id", "start", "end", "text", "label", "canonical"])
    errors = ErrorLog()
    out = extract_quotes(documents, sentences, entities, docs, errors)
    assert sorted(out["doc_id"]) == ["odd", "ok"]
    assert [(r.doc_id, r.error) for r in errors.records] == [("odd", "warning:unbalanced_quotes")]
    assert not errors.failed_ids()
