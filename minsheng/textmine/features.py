"""TF-IDF features of segmented text: word 1–2 grams and character bigrams, in one sparse matrix.

Fitting uses scikit-learn's vectorizers (vocabulary, document frequencies, idf). Transforming
does the same arithmetic in a tighter loop: scikit-learn looks every n-gram up inside a
try/except, and most n-grams of a new text are unknown, so its transform spends its time raising
KeyError; ``dict.get`` plus ``Counter`` is 2–3× faster and gives the same matrix.
"""

from collections import Counter
from operator import add

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize


def word_grams(text: str) -> list[str]:
    """Words and adjacent word pairs of a space-separated text."""
    words = text.split()
    # map() over C functions rather than a comprehension: this is the hot loop of prediction.
    return [*words, *map(_join_pair, words, words[1:])]


def char_grams(text: str) -> list[str]:
    """Adjacent character pairs, spaces removed (robust to segmentation choices). Single characters
    add little beside the words (macro-F1 +0.002 on the 2020 messages) and cost a fifth of the speed."""
    chars = text.replace(" ", "")
    return list(map(add, chars, chars[1:]))


_join_pair = "{} {}".format


class TextFeatures(BaseEstimator, TransformerMixin):
    """Word and character TF-IDF (sublinear tf, smooth idf, l2 per block), side by side."""

    # Pruning n-grams seen in fewer documents than these helps on thousands of messages (macro-F1
    # +0.001, 20% faster on the 2020 messages) but would leave a small office's first model blind.
    PRUNE_FROM_DOCS = 1000

    def __init__(self, word_min_df: int = 3, char_min_df: int = 5):
        self.word_min_df = word_min_df
        self.char_min_df = char_min_df

    def fit(self, texts, y=None):
        texts = list(texts)
        prune = len(texts) >= self.PRUNE_FROM_DOCS
        self.blocks_ = []
        for name, analyzer, min_df in (
            ("word", word_grams, self.word_min_df),
            ("char", char_grams, self.char_min_df),
        ):
            vectorizer = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, min_df=min_df if prune else 1)
            vectorizer.fit(texts)
            self.blocks_.append((name, analyzer, vectorizer.vocabulary_, vectorizer.idf_))
        return self

    def transform(self, texts):
        texts = list(texts)
        return sparse.hstack([_tfidf(texts, *block[1:]) for block in self.blocks_], format="csr")

    def get_feature_names_out(self, input_features=None):
        names = []
        for name, _analyzer, vocabulary, _idf in self.blocks_:
            block = np.empty(len(vocabulary), dtype=object)
            for gram, j in vocabulary.items():
                block[j] = f"{name}__{gram}"
            names.append(block)
        return np.concatenate(names)


def _tfidf(texts, analyzer, vocabulary, idf):
    lookup = vocabulary.get
    indptr, indices, counts = [0], [], []
    for text in texts:
        found = Counter(map(lookup, analyzer(text)))
        found.pop(None, None)  # n-grams never seen in training
        indices.extend(found.keys())
        counts.extend(found.values())
        indptr.append(len(indices))
    data = np.log(np.asarray(counts, dtype=np.float64)) + 1.0  # sublinear tf
    data *= idf[np.asarray(indices, dtype=np.intp)] if indices else 1.0
    matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(texts), len(vocabulary)))
    return normalize(matrix, copy=False)
