#!/usr/bin/env python3
"""Gives a generated bench site a vocabulary of real size: every run of Thai letters in the
announcements' bodies is replaced by words drawn from a Thai word list, about as long as the
run was, so the pages keep their shape (headings, lists, tables, links) and their size.

    vocab_site.py SITE WORDS [--zipf 1.0] [--seed 1]

SITE is a prongsai site written by gen_site.py (its `prongsai` folder), changed in place.
WORDS is a file of words, one a line; ICU's Thai word list (26,382 words) is printed by
`cargo run --release --example search -- words`. Words are drawn with Zipf's law (the word of
rank r is drawn in proportion to 1/r^s, s = --zipf), as words occur in text, the ranks given
to the words at random; `--zipf 0` draws every word alike, a worst case of distinct words and
pairs that no real text reaches. Titles are left as they are.
"""
import argparse
import bisect
import itertools
import random
import re
from pathlib import Path

THAI_RUN = re.compile("[\u0e01-\u0e4e]+")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site", type=Path)
    ap.add_argument("words", type=Path)
    ap.add_argument("--zipf", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    words = [w for w in a.words.read_text(encoding="utf-8").split() if THAI_RUN.fullmatch(w)]
    rng.shuffle(words)
    cumulative = list(itertools.accumulate(1 / (r ** a.zipf) for r in range(1, len(words) + 1)))
    total = cumulative[-1]

    def draw():
        return words[min(bisect.bisect(cumulative, rng.random() * total), len(words) - 1)]

    def run_like(m):
        want, out, n = len(m.group(0)), [], 0
        while n < want:
            w = draw()
            out.append(w)
            n += len(w)
        return "".join(out)

    changed = 0
    for page in sorted((a.site / "content" / "announcements").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        page.write_text(f"---\n{front}---\n" + THAI_RUN.sub(run_like, body), encoding="utf-8")
        changed += 1
    print(f"{changed} announcements rewritten from {len(words)} words (zipf {a.zipf})")


if __name__ == "__main__":
    main()
