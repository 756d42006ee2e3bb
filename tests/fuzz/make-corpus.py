#!/usr/bin/env python3
# make-corpus.py OUT SEEDS_DIR CORPUS_DIR: the fuzzers' seed inputs
#
# The five seed templates whole, and every example of the CommonMark and
# GFM specifications as a file of its own (small inputs that reach every
# corner of the parser; a whole spec would make each run slow).
import os
import sys

FENCE = "`" * 32 + " example"

out, seeds, corpus = sys.argv[1:4]
os.makedirs(out, exist_ok=True)

for name in sorted(os.listdir(seeds)):
    with open(os.path.join(seeds, name), "rb") as f:
        data = f.read()
    with open(os.path.join(out, "seed-" + name), "wb") as f:
        f.write(data)

for name in sorted(os.listdir(corpus)):
    if not name.endswith(".txt"):
        continue
    n = 0
    example = None
    with open(os.path.join(corpus, name), encoding="utf-8") as f:
        for line in f:
            if line.startswith(FENCE):
                example = []
            elif example is not None and line.rstrip("\n") == ".":
                n += 1
                text = "".join(example).replace("\u2192", "\t")
                stem = os.path.splitext(name)[0]
                with open(os.path.join(out, "%s-%04d.md" % (stem, n)), "w", encoding="utf-8") as g:
                    g.write(text)
                example = None
            elif example is not None:
                example.append(line)
