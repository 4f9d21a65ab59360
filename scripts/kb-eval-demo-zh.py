#!/usr/bin/env python3
"""Writes a `puo kb eval` corpus of the demo workspace's Chinese SOP sections.

One corpus line per "## " section of src/PuoAiOps.Application/Demo/Content/sop/zh-CN/*.md, with
id "<slug>#<section heading>", so the hand-written Chinese questions in
benchmarks/PuoAiOps.Benchmarks/Data/kb-zh-queries.jsonl can name the section that answers them.
Used to compare the Chinese analyzers (SmartCn word segmentation vs CJK bigrams).

Usage: python3 scripts/kb-eval-demo-zh.py OUT_FILE
"""
import glob
import json
import os
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "PuoAiOps.Application", "Demo", "Content", "sop", "zh-CN")


def sections(text):
    if text.startswith("---"):
        text = text.split("\n---", 1)[1].split("\n", 1)[1]
    title, heading, lines = "", None, []
    for line in text.split("\n"):
        if line.startswith("# "):
            title = line[2:].strip()
        elif line.startswith("## "):
            if heading and any(l.strip() for l in lines):
                yield title, heading, "\n".join(lines).strip()
            heading, lines = line[3:].strip(), []
        else:
            lines.append(line)
    if heading and any(l.strip() for l in lines):
        yield title, heading, "\n".join(lines).strip()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    count = 0
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        for path in sorted(glob.glob(os.path.join(root, "*.md"))):
            slug = os.path.splitext(os.path.basename(path))[0]
            with open(path, encoding="utf-8") as f:
                for title, heading, text in sections(f.read()):
                    out.write(json.dumps({"id": f"{slug}#{heading}", "title": f"{title} {heading}", "text": text}, ensure_ascii=False) + "\n")
                    count += 1
    print(f"{count} sections -> {sys.argv[1]}")


if __name__ == "__main__":
    main()
