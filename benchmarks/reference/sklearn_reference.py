#!/usr/bin/python3
"""Reference classifier for `puo classify eval`: scikit-learn word + char_wb TF-IDF -> LinearSVC(C=1).

Prints ONE JSON object with the same fields as `puo classify eval --json`:
accuracy, macro_f1, in_scope_accuracy / oos_recall (when the test set has `oos`),
train_seconds, predict_per_second, labels. With --val, also the figures after tuning a
decision-score threshold on the validation set (below it -> `oos`), as `tuned`.

Usage:
  /usr/bin/python3 benchmarks/reference/sklearn_reference.py --train T.csv --test X.csv [--val V.csv]
"""
import argparse
import csv
import json
import sys
import time

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.svm import LinearSVC

OOS = "oos"


def load(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [r["text"] for r in rows], [r["label"] for r in rows]


def scores(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    out = {
        "accuracy": float(np.mean(y_true == y_pred)),
        "macro_f1": float(f1_score(y_true, y_pred, average="macro")),
    }
    oos = y_true == OOS
    if oos.any():
        out["in_scope_accuracy"] = float(np.mean(y_pred[~oos] == y_true[~oos]))
        out["oos_recall"] = float(np.mean(y_pred[oos] == OOS))
    return out


def tune_threshold(decision, classes, y_val):
    """Threshold on the top decision score maximising validation accuracy (ties: lower threshold)."""
    top = decision.max(axis=1)
    pred = classes[decision.argmax(axis=1)]
    y_val = np.asarray(y_val)
    best_t, best_acc = -np.inf, -1.0
    for t in np.unique(top):
        p = np.where(top < t, OOS, pred)
        acc = np.mean(p == y_val)
        if acc > best_acc:
            best_t, best_acc = t, acc
    return best_t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True)
    ap.add_argument("--test", required=True)
    ap.add_argument("--val")
    args = ap.parse_args()

    x_train, y_train = load(args.train)
    x_test, y_test = load(args.test)

    start = time.perf_counter()
    word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)
    features = hstack([word.fit_transform(x_train), char.fit_transform(x_train)]).tocsr()
    model = LinearSVC(C=1.0, random_state=0).fit(features, y_train)
    train_seconds = time.perf_counter() - start

    def featurise(texts):
        return hstack([word.transform(texts), char.transform(texts)]).tocsr()

    start = time.perf_counter()
    decision_test = model.decision_function(featurise(x_test))
    predict_seconds = time.perf_counter() - start
    pred = model.classes_[decision_test.argmax(axis=1)]

    result = scores(y_test, pred)
    result.update({
        "train_seconds": round(train_seconds, 3),
        "predict_per_second": round(len(x_test) / predict_seconds),
        "labels": len(model.classes_),
        "features": features.shape[1],
    })
    if args.val and OOS in set(y_test):
        x_val, y_val = load(args.val)
        threshold = tune_threshold(model.decision_function(featurise(x_val)), model.classes_, y_val)
        tuned = np.where(decision_test.max(axis=1) < threshold, OOS, pred)
        result["tuned"] = dict(scores(y_test, tuned), threshold=float(threshold))
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
