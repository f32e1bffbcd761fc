"""Routing: suggest a category for a petition from its text, learned from past routings.

The model is a union of word TF-IDF (1–2 grams, sublinear tf) and character TF-IDF (bigrams on the
text without spaces) feeding a class-weighted linear SVM. Words carry the meaning; characters keep
working when the segmentation splits a rare name differently. ``evaluate`` measures it side by side
with a plain word TF-IDF + LinearSVC baseline on the same split.

Pure: no database. Saving, publishing and loading trained routers is ``router_store``'s.
"""

import time
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext as _
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC
from threadpoolctl import threadpool_limits

from minsheng.textmine.features import TextFeatures
from minsheng.textmine.segment import segment

TEMPERATURE = 3.0  # softmax sharpness on SVM margins: a relative confidence, not a calibrated probability
CV_FOLDS = 3
TOP_WORDS = 5


def split_words(text: str) -> list[str]:
    """Words of an already segmented text (module-level so that models pickle)."""
    return text.split()


def build_pipeline() -> Pipeline:
    """The routing model, untrained."""
    return Pipeline([("features", TextFeatures()), ("clf", LinearSVC(C=0.5, class_weight="balanced"))])


def build_baseline() -> Pipeline:
    """Plain TF-IDF (word 1–2 grams) + LinearSVC with default settings, for comparison."""
    words = TfidfVectorizer(tokenizer=split_words, token_pattern=None, lowercase=False, ngram_range=(1, 2))
    return Pipeline([("features", words), ("clf", LinearSVC())])


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
        return [str(p) for p in self.pipeline.predict([segment(t) for t in texts])]

    def suggest(self, text: str, k: int = 3) -> list[Suggestion]:
        """Up to ``k`` categories, best first, with a confidence (all classes sum to 1) and the words
        that pushed the text towards each category most."""
        features = self.pipeline.named_steps["features"]
        clf = self.pipeline.named_steps["clf"]
        x = features.transform([segment(text)]).tocsr()
        margins = np.atleast_1d(clf.decision_function(x)[0])
        if len(clf.classes_) == 2:  # binary SVMs return one margin for the positive class
            margins = np.array([-margins[0], margins[0]])
        z = np.exp(TEMPERATURE * (margins - margins.max()))
        confidence = z / z.sum()
        order = np.argsort(-confidence)[:k]
        return [
            Suggestion(str(clf.classes_[c]), float(confidence[c]), self._top_words(x, int(c))) for c in order
        ]

    def _top_words(self, x, c: int) -> list[str]:
        coef = self.pipeline.named_steps["clf"].coef_
        row = coef[0] * (1 if c == 1 else -1) if coef.shape[0] == 1 else coef[c]
        contributions = x.data * row[x.indices]
        if self._names is None:
            self._names = self.pipeline.named_steps["features"].get_feature_names_out()
        words = []
        for j in np.argsort(-contributions):
            if contributions[j] <= 0 or len(words) == TOP_WORDS:
                break
            word = str(self._names[x.indices[j]]).split("__", 1)[-1]
            if any(ch.isalnum() for ch in word) and word not in words:  # no bare punctuation
                words.append(word)
        return words


def train(pairs: Iterable[tuple[str, str]], *, cross_validate: bool = False) -> tuple[Router, dict]:
    """Train on (text, label) pairs; returns the router and its scores.

    With ``cross_validate`` and at least ``CV_FOLDS`` examples of every label, scores hold the
    cross-validated macro-F1 (stratified folds, fixed seed).
    """
    texts, labels = _prepare(pairs)
    scores = {"n": len(texts)}
    counts = {label: labels.count(label) for label in set(labels)}
    if cross_validate and min(counts.values()) >= CV_FOLDS:
        folds = StratifiedKFold(CV_FOLDS, shuffle=True, random_state=0)
        f1 = cross_val_score(build_pipeline(), texts, labels, cv=folds, scoring="f1_macro")
        scores.update(cv_macro_f1=round(float(f1.mean()), 4), cv_folds=CV_FOLDS)
    pipeline = build_pipeline().fit(texts, labels)
    return Router(pipeline), scores


def evaluate(train_pairs, test_pairs) -> dict:
    """Accuracy, macro-F1, training time and single-core prediction throughput of the model and of
    the baseline, trained and tested on the same split."""
    train_texts, train_labels = _prepare(train_pairs, segmented=False)
    test_texts, test_labels = _prepare(test_pairs, segmented=False)
    result = _measure(build_pipeline(), train_texts, train_labels, test_texts, test_labels)
    result["baseline"] = _measure(build_baseline(), train_texts, train_labels, test_texts, test_labels)
    result["model"] = "word 1-2 + char 2 TF-IDF (sublinear, min_df 3/5) → LinearSVC(C=0.5, balanced)"
    result["baseline"]["model"] = "word 1-2 TF-IDF → LinearSVC()"
    return result


def _measure(pipeline, train_texts, train_labels, test_texts, test_labels) -> dict:
    with threadpool_limits(1):  # "per core": no BLAS threads
        started = time.perf_counter()
        pipeline.fit([segment(t) for t in train_texts], train_labels)
        train_seconds = time.perf_counter() - started
        started = time.perf_counter()
        predicted = pipeline.predict([segment(t) for t in test_texts])  # segmentation is part of the cost
        predict_seconds = time.perf_counter() - started
    return {
        "accuracy": round(float(accuracy_score(test_labels, predicted)), 4),
        "macro_f1": round(float(f1_score(test_labels, predicted, average="macro")), 4),
        "n_train": len(train_texts),
        "n_test": len(test_texts),
        "train_seconds": round(train_seconds, 2),
        "docs_per_second": round(len(test_texts) / max(predict_seconds, 1e-9)),
    }


def _prepare(pairs, segmented: bool = True) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for text, label in pairs:
        label = (label or "").strip()
        if label:
            texts.append(segment(text) if segmented else (text or ""))
            labels.append(label)
    if len(set(labels)) < 2:
        raise ValueError(_("训练数据至少需要两个分类"))
    return texts, labels
