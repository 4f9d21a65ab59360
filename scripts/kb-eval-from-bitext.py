#!/usr/bin/env python3
"""Builds `puo kb eval` files from the Bitext customer-support sample (not committed: pass its path).

FAQ retrieval dev set: for each intent, FAQ_PER_INTENT rows become FAQ entries
(title = the customer's question, text = the agent's answer) and the next QUERIES_PER_INTENT
rows' questions become queries whose relevant ids are that intent's FAQ entries. Rows are
shuffled with a fixed seed, so the files are the same on every run.

Usage: python3 scripts/kb-eval-from-bitext.py ../shared/data/bitext-customer-support/Bitext_Sample_Customer_Support_Training_Dataset.csv OUT_DIR
       [--faq-per-intent 10] [--queries-per-intent 20] [--seed 42]
Writes OUT_DIR/bitext-corpus.jsonl and OUT_DIR/bitext-queries.jsonl.
"""
import argparse
import collections
import csv
import json
import os
import random
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv")
    parser.add_argument("out_dir")
    parser.add_argument("--faq-per-intent", type=int, default=10)
    parser.add_argument("--queries-per-intent", type=int, default=20)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    if not os.path.isfile(args.csv):
        sys.exit(f"no such file: {args.csv}")

    by_intent = collections.defaultdict(list)
    with open(args.csv, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row.get("instruction") and row.get("response") and row.get("intent"):
                by_intent[row["intent"]].append(row)

    rng = random.Random(args.seed)
    os.makedirs(args.out_dir, exist_ok=True)
    corpus_path = os.path.join(args.out_dir, "bitext-corpus.jsonl")
    queries_path = os.path.join(args.out_dir, "bitext-queries.jsonl")
    docs = queries = 0
    with open(corpus_path, "w", encoding="utf-8") as corpus, open(queries_path, "w", encoding="utf-8") as qs:
        for intent in sorted(by_intent):
            rows = by_intent[intent][:]
            rng.shuffle(rows)
            faq = rows[: args.faq_per_intent]
            held_out = rows[args.faq_per_intent: args.faq_per_intent + args.queries_per_intent]
            ids = []
            for n, row in enumerate(faq):
                doc_id = f"{intent}-{n}"
                ids.append(doc_id)
                corpus.write(json.dumps({"id": doc_id, "title": row["instruction"].strip(), "text": row["response"].strip()}, ensure_ascii=False) + "\n")
                docs += 1
            for row in held_out:
                qs.write(json.dumps({"query": row["instruction"].strip(), "relevant": ids}, ensure_ascii=False) + "\n")
                queries += 1
    print(f"{docs} FAQ entries ({len(by_intent)} intents) -> {corpus_path}")
    print(f"{queries} queries -> {queries_path}")


if __name__ == "__main__":
    main()
