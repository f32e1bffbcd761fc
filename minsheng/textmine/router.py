"""Routing: suggest a category for a petition from its text, learned from past routings.

The model is weighted TF-IDF blocks (``features.TextFeatures``) feeding a class-weighted linear SVM
whose margins are turned into probabilities by a softmax with a temperature fitted on
cross-validated margins. On segmented text the blocks are words (1–2 grams), characters (1–2
grams) and the opening words; on raw text only characters, so routing a new petition needs no
jieba. ``evaluate`` measures it side by side with a plain word TF-IDF + LinearSVC baseline on the
same split.

Pure: no database. Saving, publishing and loading trained routers is ``router_store``'s.
"""

import time
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext as _
from scipy.optimize import minimize_scalar
from scipy.special import log_softmax, softmax
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC
from threadpoolctl import threadpool_limits

from minsheng.textmine.features import TextFeatures
from minsheng.textmine.segment import clean, looks_segmented, segment

# Softmax sharpness on SVM margins when there are too few examples to fit one (and for routers
# pickled before temperatures were fitted).
TEMPERATURE = 3.0
CV_FOLDS = 3
TOP_WORDS = 5


def split_words(text: str) -> list[str]:
    """Words of an already segmented text (module-level so that models pickle)."""
    return text.split()


def build_pipeline(words: bool = True) -> Pipeline:
    """The routing model, untrained; ``words=False`` for raw (unsegmented) training texts."""
    return Pipeline([("features", TextFeatures(words=words)), ("clf", CalibratedSVC(C=0.5))])


def build_baseline() -> Pipeline:
    """Plain TF-IDF (word 1–2 grams) + LinearSVC with default settings, for comparison."""
    words = TfidfVectorizer(tokenizer=split_words, token_pattern=None, lowercase=False, ngram_range=(1, 2))
    return Pipeline([("features", words), ("clf", LinearSVC())])


class CalibratedSVC(ClassifierMixin, BaseEstimator):
    """A class-weighted LinearSVC whose ``predict_proba`` is softmax(temperature × margins).

    The temperature minimises the log-loss of margins predicted for examples held out of the fit
    (stratified ``folds``-fold), so a confidence of 0.8 is right about 80% of the time; one
    parameter cannot overfit and keeps the SVM's ranking. The folds cost ``folds`` extra fits.
    """

    def __init__(self, C: float = 0.5, folds: int = CV_FOLDS):
        self.C = C
        self.folds = folds

    def _svc(self):
        return LinearSVC(C=self.C, class_weight="balanced")

    def fit(self, X, y):
        y = np.asarray(y)
        self.svc_ = self._svc().fit(X, y)
        self.classes_ = self.svc_.classes_
        self.temperature_ = TEMPERATURE
        _labels, counts = np.unique(y, return_counts=True)
        if self.folds >= 2 and counts.min() >= self.folds:  # folds=0: no fitting, the default temperature
            folds = StratifiedKFold(self.folds, shuffle=True, random_state=0)
            held_out = cross_val_predict(self._svc(), X, y, cv=folds, method="decision_function")
            held_out = _two_columns(held_out)
            truth = np.searchsorted(self.classes_, y)
            self.temperature_ = _fit_temperature(held_out, truth)
        return self

    @property
    def coef_(self):
        return self.svc_.coef_

    def decision_function(self, X):
        return self.svc_.decision_function(X)

    def predict(self, X):
        return self.svc_.predict(X)

    def predict_proba(self, X):
        return softmax(self.temperature_ * _two_columns(self.decision_function(X)), axis=1)


def _two_columns(margins):
    """Binary SVMs return one margin, for the second class; make it one column per class."""
    margins = np.asarray(margins, dtype=np.float64)
    return np.column_stack([-margins, margins]) if margins.ndim == 1 else margins


def _fit_temperature(margins, truth) -> float:
    def log_loss(log_t):
        return -log_softmax(np.exp(log_t) * margins, axis=1)[np.arange(len(truth)), truth].mean()

    return float(np.exp(minimize_scalar(log_loss, bounds=(np.log(0.1), np.log(100.0)), method="bounded").x))


def _preprocess(pipeline: Pipeline):
    """segment for word models, clean for character models (no jieba)."""
    features = pipeline.named_steps["features"]
    return segment if getattr(features, "needs_words", True) else clean


def _looks_segmented(texts: list[str]) -> bool:
    sample = texts[:: max(1, len(texts) // 500)]  # detection need not read every text
    return sum(looks_segmented(clean(t)) for t in sample) * 2 >= len(sample)


@dataclass(frozen=True)
class Suggestion:
    label: str
    confidence: float
    top_words: list[str] = field(default_factory=list)


class Router:
    """A trained routing model; ``suggest`` ranks categories for one text."""

    def __init__(self, pipeline: Pipeline, version: str = ""):
        self.pipeline = pipeline
        self.version = version
        self._names = None

    @property
    def labels(self) -> list[str]:
        return [str(c) for c in self.pipeline.named_steps["clf"].classes_]

    def predict(self, texts: Iterable[str]) -> list[str]:
        """The most likely category of each text."""
        prepare = _preprocess(self.pipeline)
        return [str(p) for p in self.pipeline.predict([prepare(t) for t in texts])]

    def suggest(self, text: str, k: int = 3) -> list[Suggestion]:
        """Up to ``k`` categories, best first, with a confidence (all classes sum to 1; fitted so that
        it estimates the chance the category is right) and the words that pushed the text towards
        each category most."""
        features = self.pipeline.named_steps["features"]
        columns, values = features.transform_one(_preprocess(self.pipeline)(text))
        # The linear function itself: decision_function validates its input at a cost larger than the
        # product for one text, and a registration routes one text at a time.
        svc = self._svc()
        return self._ranked(columns, values, svc.coef_[:, columns] @ values + svc.intercept_, k)

    def suggest_many(self, texts: list[str], k: int = 3) -> list[list[Suggestion]]:
        """``suggest`` for each of ``texts``, with one matrix product for all of them (a batch of
        petitions sent together by another system)."""
        if not texts:
            return []
        prepare = _preprocess(self.pipeline)
        rows = self.pipeline.named_steps["features"].transform([prepare(t) for t in texts]).tocsr()
        svc = self._svc()
        margins = np.asarray(rows @ svc.coef_.T) + svc.intercept_
        return [
            self._ranked(rows.indices[start:end], rows.data[start:end], margins[i], k)
            for i, (start, end) in enumerate(zip(rows.indptr[:-1], rows.indptr[1:], strict=True))
        ]

    def _svc(self):
        clf = self.pipeline.named_steps["clf"]
        return getattr(clf, "svc_", clf)

    def _ranked(self, columns, values, margins, k: int) -> list[Suggestion]:
        clf = self.pipeline.named_steps["clf"]
        if len(margins) == 1:  # a binary SVM has one margin, for the second class
            margins = np.array([-margins[0], margins[0]])
        temperature = getattr(clf, "temperature_", TEMPERATURE)
        confidence = softmax(temperature * margins)
        order = np.argsort(-confidence)[:k]
        return [
            Suggestion(str(clf.classes_[c]), float(confidence[c]), self._top_words(columns, values, int(c)))
            for c in order
        ]

    def _top_words(self, columns, values, c: int) -> list[str]:
        coef = self.pipeline.named_steps["clf"].coef_
        row = coef[0] * (1 if c == 1 else -1) if coef.shape[0] == 1 else coef[c]
        contributions = values * row[columns]
        if self._names is None:
            self._names = self.pipeline.named_steps["features"].get_feature_names_out()
        words = []
        for j in np.argsort(-contributions):
            if contributions[j] <= 0 or len(words) == TOP_WORDS:
                break
            block, _sep, word = str(self._names[columns[j]]).rpartition("__")
            if block == "char1":  # a single character explains nothing to a reader
                continue
            if any(ch.isalnum() for ch in word) and word not in words:  # no bare punctuation
                words.append(word)
        return words


def train(pairs: Iterable[tuple[str, str]], *, cross_validate: bool = False) -> tuple[Router, dict]:
    """Train on (text, label) pairs; returns the router and its scores.

    Word features when the texts arrive segmented, character features (no jieba) when they are raw.
    With ``cross_validate`` and at least ``CV_FOLDS`` examples of every label, scores hold the
    cross-validated macro-F1 (stratified folds, fixed seed).
    """
    texts, labels = _prepare(pairs)
    words = _looks_segmented(texts)
    prepare = _preprocess(build_pipeline(words))
    texts = [prepare(t) for t in texts]
    scores = {"n": len(texts), "features": "words" if words else "characters"}
    counts = {label: labels.count(label) for label in set(labels)}
    if cross_validate and min(counts.values()) >= CV_FOLDS:
        folds = StratifiedKFold(CV_FOLDS, shuffle=True, random_state=0)
        # The temperature does not change predictions: skip fitting it inside each fold.
        scored = build_pipeline(words).set_params(clf__folds=0)
        f1 = cross_val_score(scored, texts, labels, cv=folds, scoring="f1_macro")
        scores.update(cv_macro_f1=round(float(f1.mean()), 4), cv_folds=CV_FOLDS)
    pipeline = build_pipeline(words).fit(texts, labels)
    scores["temperature"] = round(pipeline.named_steps["clf"].temperature_, 3)
    return Router(pipeline), scores


def evaluate(train_pairs, test_pairs) -> dict:
    """Accuracy, macro-F1, training time and single-core prediction throughput of the model and of
    the baseline, trained and tested on the same split."""
    train_texts, train_labels = _prepare(train_pairs)
    test_texts, test_labels = _prepare(test_pairs)
    words = _looks_segmented(train_texts)
    result = _measure(build_pipeline(words), train_texts, train_labels, test_texts, test_labels)
    result["baseline"] = _measure(build_baseline(), train_texts, train_labels, test_texts, test_labels)
    result["model"] = (
        "word 1-2 + char 1(×0.5)-2 + first 12 words TF-IDF"
        if words
        else "char 1(×0.5)-2 TF-IDF on raw text (no jieba)"
    ) + " → LinearSVC(C=0.5, balanced), softmax temperature fitted on 3-fold margins"
    result["baseline"]["model"] = "word 1-2 TF-IDF on jieba words → LinearSVC()"
    return result


def _measure(pipeline, train_texts, train_labels, test_texts, test_labels) -> dict:
    prepare = _preprocess(pipeline)
    with threadpool_limits(1):  # "per core": no BLAS threads
        started = time.perf_counter()
        pipeline.fit([prepare(t) for t in train_texts], train_labels)
        train_seconds = time.perf_counter() - started
        started = time.perf_counter()
        predicted = pipeline.predict([prepare(t) for t in test_texts])  # clean-up is part of the cost
        predict_seconds = time.perf_counter() - started
    return {
        "accuracy": round(float(accuracy_score(test_labels, predicted)), 4),
        "macro_f1": round(float(f1_score(test_labels, predicted, average="macro")), 4),
        "n_train": len(train_texts),
        "n_test": len(test_texts),
        "train_seconds": round(train_seconds, 2),
        "docs_per_second": round(len(test_texts) / max(predict_seconds, 1e-9)),
    }


def _prepare(pairs) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for text, label in pairs:
        label = (label or "").strip()
        if label:
            texts.append(text or "")
            labels.append(label)
    if len(set(labels)) < 2:
        raise ValueError(_("训练数据至少需要两个分类"))
    return texts, labels
