"""TF-IDF features of petition text, in one sparse matrix of weighted blocks.

Two sets of blocks, chosen by what the training texts look like:

- ``words=True`` (texts arrive segmented, e.g. a published segmentation): word 1–2 grams, single
  characters, character bigrams and the first ``LEAD_WORDS`` words again as a block of their own.
- ``words=False`` (raw text): single characters and character bigrams only, so prediction needs no
  jieba (which costs about 1.2 ms a message, several times the rest of the model). On the raw 2020
  messages this is as accurate as words + characters on jieba's segmentation.

Fitting uses scikit-learn's vectorizers (vocabulary, document frequencies, idf). Transforming
does the same arithmetic in numpy: scikit-learn builds every n-gram as a string and looks it up
inside a try/except (most n-grams of a new text are unknown, so it spends its time raising
KeyError). Here a character n-gram is an integer made of its code points and a word pair is an
integer made of its two word indices, looked up by binary search in the sorted keys of the
vocabulary, for a whole batch of texts at once; only single words go through a ``dict``. Same
matrix, about 3× faster.
"""

from collections import Counter
from itertools import repeat
from operator import add

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

# A message's title comes first; repeating its opening words as their own block lets the model weigh
# what the citizen put up front (macro-F1 +0.004 on the segmented 2020 messages, every seed). Not
# used on raw text: there the opening is punctuation and particles, and it cost 0.01.
LEAD_WORDS = 12


def word_grams(text: str) -> list[str]:
    """Words and adjacent word pairs of a space-separated text."""
    words = text.split()
    # map() over C functions rather than a comprehension: this is the hot loop of prediction.
    return [*words, *map(_join_pair, words, words[1:])]


def lead_words(text: str) -> list[str]:
    """The first ``LEAD_WORDS`` words of a space-separated text."""
    return text.split(None, LEAD_WORDS)[:LEAD_WORDS]


def char_unigrams(text: str) -> str:
    """Single characters, spaces removed (iterating the string yields them; no list needed)."""
    return text.replace(" ", "")


def char_grams(text: str) -> list[str]:
    """Adjacent character pairs, spaces removed (robust to segmentation choices)."""
    chars = text.replace(" ", "")
    return list(map(add, chars, chars[1:]))


_join_pair = "{} {}".format

# (name, analyzer, min_df, weight). Weights scale each l2-normalised block: single characters are
# weak evidence on their own (full weight costs 0.002 macro-F1; half weight gains 0.004 over none).
WORD_BLOCKS = (
    ("word", word_grams, 3, 1.0),
    ("char1", char_unigrams, 3, 0.5),
    ("char", char_grams, 5, 1.0),
    ("lead", lead_words, 2, 1.0),
)
CHAR_BLOCKS = (
    ("char1", char_unigrams, 3, 0.5),
    ("char", char_grams, 5, 1.0),
)


class TextFeatures(BaseEstimator, TransformerMixin):
    """Weighted TF-IDF blocks (sublinear tf, smooth idf, l2 per block), side by side.

    ``words`` says whether texts are segmented into words (see the module docstring); callers
    give segmented text when ``needs_words`` and cleaned text otherwise.
    """

    # Pruning n-grams seen in fewer documents than the blocks' min_df helps on thousands of messages
    # (macro-F1 +0.001, 20% faster on the 2020 messages) but would leave a small office's first model blind.
    PRUNE_FROM_DOCS = 1000

    def __init__(self, words: bool = True):
        self.words = words

    @property
    def needs_words(self) -> bool:
        # Models pickled before ``words`` existed were all word models.
        return getattr(self, "words", True)

    def fit(self, texts, y=None):
        texts = list(texts)
        prune = len(texts) >= self.PRUNE_FROM_DOCS
        self.blocks_ = []
        for name, analyzer, min_df, weight in WORD_BLOCKS if self.needs_words else CHAR_BLOCKS:
            vectorizer = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, min_df=min_df if prune else 1)
            try:
                vectorizer.fit(texts)
            except ValueError:  # nothing to learn in this block (e.g. every text empty)
                vectorizer.vocabulary_, vectorizer.idf_ = {}, np.zeros(0)
            self.blocks_.append(_Block(name, vectorizer.vocabulary_, vectorizer.idf_, weight))
        return self

    def transform(self, texts):
        texts = list(texts)
        blocks = []
        for block in self.blocks_:
            if isinstance(block, tuple):  # pickled before _Block: (name, analyzer, vocabulary, idf)
                blocks.append(_tfidf(texts, *block[1:]))
            else:
                blocks.append(block.transform(texts))
        return sparse.hstack(blocks, format="csr")

    def transform_one(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """One text's row as (columns, values), the same numbers as ``transform([text])`` gives,
        without building sparse matrices: registration routes one text at a time, and for one text
        the matrix bookkeeping costs more than the arithmetic."""
        if any(isinstance(block, tuple) for block in self.blocks_):  # pickled before _Block
            row = self.transform([text]).tocsr()
            return row.indices.astype(np.int64), row.data
        columns, values, offset = [], [], 0
        for block in self.blocks_:
            found, data = block.one(text)
            columns.append(found + offset)
            values.append(data)
            offset += len(block.vocabulary)
        return np.concatenate(columns), np.concatenate(values)

    def get_feature_names_out(self, input_features=None):
        names = []
        for block in self.blocks_:
            name, vocabulary = (
                (block[0], block[2]) if isinstance(block, tuple) else (block.name, block.vocabulary)
            )
            column = np.empty(len(vocabulary), dtype=object)
            for gram, j in vocabulary.items():
                column[j] = f"{name}__{gram}"
            names.append(column)
        return np.concatenate(names)


_CODE_POINT_BITS = 21  # every Unicode code point is below 2**21


class _Block:
    """One fitted block: vocabulary, idf and weight, plus integer keys for the vectorised lookup."""

    def __init__(self, name: str, vocabulary: dict[str, int], idf, weight: float):
        self.name, self.vocabulary, self.idf, self.weight = name, vocabulary, idf, weight
        if name in ("char1", "char"):
            grams = [(_char_key(gram), j) for gram, j in vocabulary.items()]
        elif name == "word":  # the pairs; single words are looked up in the dict
            grams = []
            for gram, j in vocabulary.items():
                first, _space, second = gram.partition(" ")
                # A kept pair's words are kept too (each is in at least as many documents).
                if second and first in vocabulary and second in vocabulary:
                    grams.append((vocabulary[first] * len(vocabulary) + vocabulary[second], j))
        else:
            grams = []
        grams.sort()
        self.keys = np.array([k for k, _j in grams], dtype=np.int64)
        self.columns = np.array([j for _k, j in grams], dtype=np.int64)

    def transform(self, texts: list[str]):
        if self.name == "word":
            docs, columns = self._words(texts)
        elif self.name == "lead":
            docs, columns = _lookup_words([lead_words(t) for t in texts], self.vocabulary)
        else:
            docs, columns = self._chars(texts, 1 if self.name == "char1" else 2)
        counts = sparse.csr_matrix(
            (np.ones(len(docs)), (docs, columns)), shape=(len(texts), len(self.vocabulary))
        )  # duplicates are summed: term counts
        counts.sum_duplicates()
        counts.data = (np.log(counts.data) + 1.0) * self.idf[counts.indices]  # sublinear tf × idf
        # l2 per row (times the block's weight), as sklearn's normalize without its input checks.
        per_row = np.diff(counts.indptr)
        rows = np.repeat(np.arange(len(texts)), per_row)
        norms = np.sqrt(np.bincount(rows, weights=counts.data**2, minlength=len(texts)))
        norms[norms == 0] = 1.0
        counts.data *= self.weight / norms[rows]
        return counts

    def one(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(columns, weighted l2-normalised sublinear tf-idf) of one text, as ``transform`` computes."""
        if self.name == "word":
            _docs, found = self._words([text])
        elif self.name == "lead":
            _docs, found = _lookup_words([lead_words(text)], self.vocabulary)
        else:
            _docs, found = self._chars([text], 1 if self.name == "char1" else 2)
        columns, counts = np.unique(found, return_counts=True)
        data = (np.log(counts) + 1.0) * self.idf[columns]
        norm = np.sqrt(data @ data)
        if norm:
            data *= self.weight / norm
        return columns, data

    def _chars(self, texts, n):
        chars = [t.replace(" ", "") for t in texts]
        lengths = np.fromiter(map(len, chars), dtype=np.int64, count=len(chars))
        points = np.frombuffer("".join(chars).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        docs = np.repeat(np.arange(len(texts)), lengths)
        if n == 2:  # pairs within one text only
            inside = docs[:-1] == docs[1:]
            points = ((points[:-1] << _CODE_POINT_BITS) | points[1:])[inside]
            docs = docs[:-1][inside]
        return self._search(points, docs)

    def _words(self, texts):
        docs, ids = _word_ids(texts, self.vocabulary)
        known = ids >= 0
        pairs = known[:-1] & known[1:] & (docs[:-1] == docs[1:])
        keys = ids[:-1][pairs] * len(self.vocabulary) + ids[1:][pairs]
        pair_docs, pair_columns = self._search(keys, docs[:-1][pairs])
        return np.concatenate([docs[known], pair_docs]), np.concatenate([ids[known], pair_columns])

    def _search(self, keys, docs):
        if not len(self.keys):
            return docs[:0], keys[:0]
        at = np.searchsorted(self.keys, keys).clip(max=len(self.keys) - 1)
        found = self.keys[at] == keys
        return docs[found], self.columns[at[found]]


def _char_key(gram: str) -> int:
    key = 0
    for ch in gram:
        key = (key << _CODE_POINT_BITS) | ord(ch)
    return key


_SEPARATOR = "\x00"  # between texts in one split; NUL never survives into stored text


def _word_ids(texts: list[str], vocabulary: dict[str, int]):
    """(document, column or -1 when unknown) of every word of the texts, in order.

    One split and one lookup pass over the whole batch: a list per text costs more than the lookups.
    """
    words = f" {_SEPARATOR} ".join(texts).split()
    n = len(words)
    ids = np.fromiter(map(vocabulary.get, words, repeat(-1, n)), dtype=np.int64, count=n)
    separator = np.fromiter(map(_SEPARATOR.__eq__, words), dtype=bool, count=n)
    docs = np.cumsum(separator)
    return docs[~separator], ids[~separator]


def _lookup_words(split: list[list[str]], vocabulary: dict[str, int]):
    """(document, column) of every known word."""
    lengths = np.fromiter(map(len, split), dtype=np.int64, count=len(split))
    words = [w for ws in split for w in ws]
    ids = np.fromiter(map(vocabulary.get, words, repeat(-1, len(words))), dtype=np.int64, count=len(words))
    docs = np.repeat(np.arange(len(split)), lengths)
    known = ids >= 0
    return docs[known], ids[known]


def _tfidf(texts, analyzer, vocabulary, idf, weight=1.0):
    """The per-text loop that routers pickled before ``_Block`` still use."""
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
    matrix = normalize(matrix, copy=False)
    if weight != 1.0:
        matrix.data *= weight
    return matrix
