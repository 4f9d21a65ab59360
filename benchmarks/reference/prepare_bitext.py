#!/usr/bin/python3
"""Converts the Bitext customer-support sample to `text,label` CSV files with a fixed-seed
stratified 80/20 split, so `puo classify eval` and sklearn_reference.py read the same files.

Usage:
  /usr/bin/python3 benchmarks/reference/prepare_bitext.py [--source CSV] [--out DIR] [--seed 42] [--test-share 0.2]
Defaults: ../shared/data/bitext-customer-support/Bitext_Sample_Customer_Support_Training_Dataset.csv -> artifacts/bitext/
"""
import argparse
import csv
import os
import random
from collections import defaultdict

DEFAULT_SOURCE = "../shared/data/bitext-customer-support/Bitext_Sample_Customer_Support_Training_Dataset.csv"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", default=DEFAULT_SOURCE)
    ap.add_argument("--out", default="artifacts/bitext")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--test-share", type=float, default=0.2)
    args = ap.parse_args()

    by_label = defaultdict(list)
    with open(args.source, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            text, label = row["instruction"].strip(), row["intent"].strip()
            if text and label:
                by_label[label].append(text)

    rng = random.Random(args.seed)
    train, test = [], []
    for label in sorted(by_label):
        texts = by_label[label]
        rng.shuffle(texts)
        cut = round(len(texts) * args.test_share)
        test += [(t, label) for t in texts[:cut]]
        train += [(t, label) for t in texts[cut:]]
    rng.shuffle(train)
    rng.shuffle(test)

    os.makedirs(args.out, exist_ok=True)
    for name, rows in (("train.csv", train), ("test.csv", test)):
        with open(os.path.join(args.out, name), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["text", "label"])
            w.writerows(rows)
    print(f"{len(by_label)} intents: {len(train)} train, {len(test)} test -> {args.out}")


if __name__ == "__main__":
    main()
