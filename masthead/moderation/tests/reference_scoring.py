"""The screening's scoring as it was written before the speed work (December 2026), kept as the reference the fast
code must equal bit for bit (``test_scoring_exact.py``). Plain loops, one feature at a time; slow on purpose."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from typing import Any

from masthead.moderation import hate, linear, menace, normalise, violence, watching
from masthead.moderation.features import CHAR_SIZES, distinct_words, prepare, word_features
from masthead.moderation.lexicon import (
    GROUP_VIOLENCE_RE,
    INSULT_RE,
    TARGET_WORDS,
    THREAT_RE,
    PatternSet,
    first_match,
    text_words,
)
from masthead.moderation.linear import LinearModel, _Block, _SpanBlock, _StructureBlock, _WordCharBlock
from masthead.moderation.links import LINK, host


def word_grams(word: str) -> list[str]:
    padded = f" {word} "
    length = len(padded)
    return [padded[i : i + size] for size in CHAR_SIZES if size <= length for i in range(length - size + 1)]


def block_score(block: _Block, text: str) -> float:
    table = block.table
    counts = Counter(filter(table.__contains__, block.analyzer(text)))
    if not counts:
        return 0.0
    dot = 0.0
    squares = 0.0
    for feature, count in counts.items():
        pair = table[feature]
        value = count * pair.real
        dot += value * pair.imag
        squares += value * value
    return dot / math.sqrt(squares)


def word_score(block: _WordCharBlock, word: str) -> float:
    table = block.table
    counts = Counter(gram for gram in word_grams(word) if gram in table)
    dot = squares = 0.0
    for gram, count in counts.items():
        pair = table[gram]
        value = count * pair.real
        dot += value * pair.imag
        squares += value * value
    return dot / math.sqrt(squares) if squares else 0.0


def wordchar_score(block: _WordCharBlock, text: str) -> float:
    distinct = distinct_words(text)
    if not distinct:
        return 0.0
    return sum(word_score(block, word) for word in distinct) / len(distinct)


def span_score(block: _SpanBlock, text: str) -> float:
    """The span block (added later than the speed work, written here plainly): the words written together between
    two spaces (or one space apart), each distinct gram once, by size and then from the left (with ``crossing``,
    only those with a space inside, not at an end); a known gram adds its idf times its weight to the dot product
    and its idf squared to the squared norm (the block's table holds those two products). ``counted``: every
    occurrence adds, first those that cross from one word to the next (one space apart: a space inside them;
    written together: a word's end inside them), by size, then from the left, then each word's own grams (word by
    word, between two spaces or bare; within a word by size, then from the left, added up before the word's sum
    is added). ``centred`` (counted, written together): instead of all the grams across a boundary, the one gram of
    each size centred on each boundary (half its size before, starting no earlier than the text and ending no later),
    by size, then from the left."""
    found = [word for word in tokens(text) if word not in ("!", "?")]
    joined = " " + block.joiner.join(found) + " "
    table = block.table
    dot = squares = 0.0
    if block.counted and block.centred:
        starts = [1]  # where each word starts in ``joined``, and where the end space does
        for word in found:
            starts.append(starts[-1] + len(word))
        for size in block.sizes:
            if len(joined) < size:
                continue
            for at in starts:
                start = min(max(at - size // 2, 0), len(joined) - size)
                gram = joined[start : start + size]
                if gram in table:
                    dot += table[gram].real
                    squares += table[gram].imag
        for word in found:
            word_dot = word_squares = 0.0
            for size in block.sizes:
                for i in range(len(word) - size + 1):
                    gram = word[i : i + size]
                    if gram in table:
                        word_dot += table[gram].real
                        word_squares += table[gram].imag
            dot += word_dot
            squares += word_squares
        return dot / math.sqrt(squares) if squares else 0.0
    if block.counted:
        boundaries = {0, 1}  # where each word (and the end space) starts in ``joined`` written together
        for word in found:
            boundaries.add(max(boundaries) + len(word))
        for size in block.sizes:
            for i in range(len(joined) - size + 1):
                gram = joined[i : i + size]
                crosses = (" " in gram[1:-1] if block.joiner
                           else any(i < at < i + size for at in boundaries))
                if crosses and gram in table:
                    dot += table[gram].real
                    squares += table[gram].imag
        for word in found:
            padded = f" {word} " if block.joiner else word
            word_dot = word_squares = 0.0
            for size in block.sizes:
                for i in range(len(padded) - size + 1):
                    gram = padded[i : i + size]
                    if gram in table:
                        word_dot += table[gram].real
                        word_squares += table[gram].imag
            dot += word_dot
            squares += word_squares
        return dot / math.sqrt(squares) if squares else 0.0
    seen: set[str] = set()
    for size in block.sizes:
        for i in range(len(joined) - size + 1):
            gram = joined[i : i + size]
            if gram in seen or (block.crossing and " " not in gram[1:-1]):
                continue
            seen.add(gram)
            if gram in table:
                dot += table[gram].real
                squares += table[gram].imag
    return dot / math.sqrt(squares) if squares else 0.0


def logit(model: LinearModel, normalised_text: str, structure: Any = None) -> float:
    """``LinearModel.logit`` with the blocks scored by the code above (``structure``: the structure block's score
    of the text, by default the model's own)."""
    text = prepare(normalised_text)
    z = model.intercept
    for block in model.blocks:
        if isinstance(block, _StructureBlock):
            z += block.score(normalised_text) if structure is None else structure(block, normalised_text)
        elif model.evidence_prior and isinstance(block, _Block) and block.analyzer in linear.WORD_ANALYZERS:
            seen = len(distinct_words(text))
            baseline = model.evidence_baseline
            z += baseline + (word_block_score(block, text) - baseline) * seen / (seen + model.evidence_prior)
        elif isinstance(block, _WordCharBlock):
            z += wordchar_score(block, text)
        elif isinstance(block, _SpanBlock):
            z += span_score(block, text)
        elif block.analyzer in hate.GROUP_FORMS.values():
            z += group_score(block, text)
        elif block.analyzer in hate.WORD_FORMS.values():
            z += word_block_score(block, text)
        else:
            z += block_score(block, text)
    if model.base is not None:
        z += model.base_weight * logit(model.base, normalised_text, structure)
    return z


def pattern_search(patterns: PatternSet, text: str, words: frozenset[str] | None = None) -> re.Match[str] | None:
    """``PatternSet.search`` as it was: every pattern's triggers checked against the words, one by one."""
    if words is None:
        words = text_words(text)
    for triggers, pattern, guard in patterns.patterns:
        if words.isdisjoint(triggers):
            continue
        found = first_match(text, pattern, guard, triggers & words, patterns.kind)  # only which patterns wake did
        if found is not None:
            return found
    return None


def lexicon_matches(normalised_text: str) -> tuple[tuple[str, str], ...]:
    words = text_words(normalised_text)
    found = []
    for name, patterns in (("threat", THREAT_RE), ("group_violence", GROUP_VIOLENCE_RE), ("insult", INSULT_RE)):
        match = pattern_search(patterns, normalised_text, words)
        if match:
            found.append((name, match.group(0)))
    for name, _label, matched in menace_matches(normalised_text) + violence.matches(normalised_text) + watching.matches(
            normalised_text):
        if all(name != known for known, _ in found):
            found.append((name, matched))
    # As ``hate.lexicon_matches``: a sentence run together around a group name ("decapitate transwomen") is read
    # again with the group's words apart.
    if hate._has_fused_group([word for word in words if len(word) >= hate._FUSED_FROM]):
        split = hate._FUSED_TOKEN.sub(lambda match: " ".join(hate._unfuse(match.group(0)) or (match.group(0),)),
                                      normalised_text)
        for name, matched in lexicon_matches(split) if split != normalised_text else ():
            if all(name != known for known, _ in found):
                found.append((name, matched))
    return tuple(found)


def menace_matches(normalised_text: str) -> tuple[tuple[str, str, str], ...]:
    """``menace.matches`` with every check run on the whole text, woken by no trigger word."""
    found: list[tuple[str, str, str]] = []
    words = text_words(normalised_text)
    for item in menace._CHECKS:
        if any(label == item.label for _, label, _ in found):
            continue
        if item.also and item.also.isdisjoint(words):
            continue  # a condition of the check, not a trigger: one of these words must be in the comment
        for match in item.pattern.finditer(normalised_text):
            if menace._allowed(item, normalised_text, match.start()) and not menace.framed(
                    "insult" if item.signal == "insult" else "threat", normalised_text, match.start(), match.end()):
                found.append((item.signal, item.label, match.group(0)))
                break
    return tuple(found)


_WORD_RUN = re.compile(r"\w+")
_LETTERS = re.compile(r"[a-z]+")
_LINK_HINT = re.compile(r"[/.][a-z/]|www\.", re.IGNORECASE)


def body_hash_words(normalised_text: str) -> str:
    """What ``rules.body_hash`` hashes: the words, one space apart."""
    return " ".join(_WORD_RUN.findall(normalised_text))


def letter_runs(text: str) -> frozenset[str]:
    """``lexicon.text_words``."""
    return frozenset(_LETTERS.findall(text))


def link_hosts(raw_text: str) -> list[str]:
    if not _LINK_HINT.search(raw_text):
        return []
    return [name for name in (host(link) for link in LINK.findall(raw_text)) if name]


_LONG_WORD = re.compile(r"[a-z]{8,}")


def identity_signals(normalised_text: str) -> frozenset[str]:
    """``hate.identity_signals`` with its first look as it was: the long words found in the text by a pattern."""
    words = letter_runs(normalised_text)
    if hate._GATE.isdisjoint(words) and not hate._has_fused_group(_LONG_WORD.findall(normalised_text)):
        return frozenset()
    found: set[str] = set()
    for match in hate._SENTENCE.finditer(normalised_text):
        sentence = match.group(0)
        signals = hate._sentence_signals(sentence, pronouns=True)
        if not signals:
            continue
        hateful = signals - {"identity_negated"}
        if hateful and (hate._REPORTING.search(sentence) or hate._QUOTES.search(sentence)
                        or hate._DISAPPROVAL.search(normalised_text)):
            found.add("identity_countered")
            continue
        found |= signals
    return frozenset(found)


def decode_symbols(token: str, changes: set[str]) -> str:
    """``normalise._decode_symbols`` as it was: every reading listed, sorted, and tried in turn."""
    core = token.strip("'")
    if not core or core.isalpha() or normalise._NUMERIC_WORD.fullmatch(core):
        return token
    letters_at = [i for i, char in enumerate(core) if char.isalpha()]
    if not letters_at:
        return token
    first, last = letters_at[0], letters_at[-1]
    inner_leet = any(char in normalise._LEET for char in core[first:last])
    options: list[str] = []
    for i, char in enumerate(core):
        if char in normalise._LEET and (first < i < last):
            options.append(normalise._LEET[char])
        elif char in normalise._LEET or char in normalise._MASKS:
            options.append(normalise._LEET.get(char, "") + "\0" + char)
        else:
            options.append(char)
    readings = _readings(options)
    for reading in readings:
        if reading in TARGET_WORDS or normalise._RUN.sub(r"\1", reading) in TARGET_WORDS:
            changes.add("mask" if any(c in normalise._MASKS for c in core) else "leetspeak")
            return reading
    if inner_leet:
        changes.add("leetspeak")
        # As ``normalise._decode_symbols``: a known word among few readings ("he1p" -> help), else the first.
        return normalise._word_reading(normalise._expanded(options)) or readings[0]
    return token


def _readings(options: list[str]) -> list[str]:
    expanded: list[str] = []
    for choice in options:
        if "\0" in choice:
            letters, original = choice.split("\0")
            if original in normalise._MASKS:
                letters = "abcdefghijklmnopqrstuvwxyz"
            expanded.append(letters + original)
        else:
            expanded.append(choice)
    combos = 1
    for choice in expanded:
        combos *= len(choice)
    if combos > 1024:
        return ["".join(choice[0] for choice in expanded)]
    readings = ["".join(parts) for parts in itertools.product(*expanded)]
    readings.sort(key=lambda word: sum(not char.isalpha() for char in word))
    return readings


def target_reading(expanded: list[str]) -> str | None:
    """The first of all readings (sorted as ``_readings`` sorts them) that spells a target word, or one collapsed."""
    readings = ["".join(parts) for parts in itertools.product(*expanded)]
    readings.sort(key=lambda word: sum(not char.isalpha() for char in word))
    return next((reading for reading in readings if reading in TARGET_WORDS
                 or normalise._RUN.sub(r"\1", reading) in TARGET_WORDS), None)


_WORD = re.compile(r"[a-z0-9]+(?:'+[a-z0-9]+)*|[!?]")


def tokens(text: str) -> tuple[str, ...]:
    """``features._tokens``: the words, "!" and "?" of a prepared text."""
    return tuple(_WORD.findall(text))


def group_features(form: str, text: str) -> list[str]:
    """The ``group`` block's features (``hate.GROUP_FORMS``), plainly: the words of the prepared text, a misspelt
    group name read as the group, each span of ``hate._group_spans`` one ``GRP`` token, then the form's features
    in the order they are counted (nothing when no group is named)."""
    found = [hate._MISSPELT.get(word, word) for word in tokens(text)]
    abstracted = []
    spans = hate._group_spans(found, pronouns=False)
    i = 0
    while i < len(found):
        span = next((span for span in spans if span[0] == i), None)
        if span is None:
            abstracted.append(found[i])
            i += 1
        else:
            abstracted.append("GRP")
            i = span[1]
    if not spans:
        return []
    features = []
    if form == "window":
        for at, word in enumerate(abstracted):
            if word != "GRP":
                continue
            features.append("GRP")
            if at + 1 < len(abstracted):
                features.append("GRP " + abstracted[at + 1])
            if at > 0:
                features.append(abstracted[at - 1] + " GRP")
            for distance in range(1, hate.GROUP_WINDOW + 1):
                if at + distance < len(abstracted):
                    features.append("GRP>" + abstracted[at + distance])
            for distance in range(hate.GROUP_WINDOW, 0, -1):
                if at - distance >= 0:
                    features.append(abstracted[at - distance] + "<GRP")
    elif form == "contexts":
        features = [feature for feature in group_features("window", text) if feature != "GRP"]
    elif form in ("ngrams", "pairs"):
        for size in (1, 2, 3) if form == "ngrams" else (1, 2):
            for i in range(len(abstracted) - size + 1):
                if "GRP" in abstracted[i : i + size]:
                    features.append(" ".join(abstracted[i : i + size]))
    else:
        features = abstracted + [abstracted[i] + " " + abstracted[i + 1] for i in range(len(abstracted) - 1)]
    return features


def group_score(block: _Block, text: str) -> float:
    """The group block: counts of the known features times idf, L2-normalised over them, dotted with the weights."""
    form = next(name for name, analyzer in hate.GROUP_FORMS.items() if analyzer is block.analyzer)
    return plain_score(block.table, group_features(form, text))


# The word block's forms with group features (``hate.WORD_FORMS``): the words and pairs, then the group form's.
_WORD_FORMS = {"words+window": "window", "words+contexts": "contexts", "words+ngrams": "ngrams",
               "words+pairs": "pairs"}


def word_block_score(block: _Block, text: str) -> float:
    """The word block, its group features (if any) counted after the word and pair features in one vector."""
    if block.analyzer is word_features:
        return block_score(block, text)
    name = next(name for name, analyzer in hate.WORD_FORMS.items() if analyzer is block.analyzer)
    if name == "abstract":
        return plain_score(block.table, group_features("words", text) or word_features(text))
    return plain_score(block.table, word_features(text) + group_features(_WORD_FORMS[name], text))


def plain_score(table: dict[str, complex], features: list[str]) -> float:
    counts = Counter(feature for feature in features if feature in table)
    dot = squares = 0.0
    for feature, count in counts.items():
        value = count * table[feature].real
        dot += value * table[feature].imag
        squares += value * value
    return dot / math.sqrt(squares) if squares else 0.0
