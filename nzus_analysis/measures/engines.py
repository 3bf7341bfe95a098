"""Fast, exact sentence scoring with TextBlob's pattern lexicon and VADER.

`pattern_sentiment` returns what ``TextBlob(text).sentiment`` returns and `vader_compound` what
``SentimentIntensityAnalyzer().polarity_scores(text)["compound"]`` returns, for any text, at
several times the speed. They use the installed engines' own lexicons, constants and regular
expressions; only the per-sentence Python loops are rewritten:

- pattern (textblob 0.20): the tokenizer is the engine's ``find_tokens`` with its seven
  contraction ``re.sub`` calls done as the equivalent literal ``str.replace`` and its
  whitespace collapsing and token regex as the equivalent ``str.split``; the assessment
  loop reads a plain dict prepared once (the engine goes through a lazy dict and builds a dict
  per known word) and looks emoticons up in a prepared table instead of scanning every set.
- VADER (3.3.2): a word that is neither in the lexicon nor a booster cannot score, so only
  lexicon words go through the valence rules (negation, boosters, capitals, idioms, "least"),
  a copy of VADER's ``sentiment_valence`` that reads a lower-case word list built once (VADER
  rebuilds it four times per lexicon word); the rest count as 0. "but" weighting, punctuation
  emphasis and the compound come from VADER's own methods on the same list. Text holding a
  character from VADER's emoji table is scored by VADER itself.

`tests/test_engines.py` checks both against the engines on every seed sentence, a BBC sample
and generated text full of contractions, negations, emoticons, boosters and quotes. With any
other release of either engine installed, the engine itself is called (exact, just slower).
"""

from __future__ import annotations

import re
import string
from functools import cache
from importlib.metadata import version

from textblob import _text as pattern
from textblob.en import sentiment as pattern_engine
from vaderSentiment import vaderSentiment as vader_module

PORTED_VERSIONS = {"textblob": "0.20.", "vaderSentiment": "3.3.2"}  # the releases the ports copy
PATTERN_PORTED = version("textblob").startswith(PORTED_VERSIONS["textblob"])
VADER_PORTED = version("vaderSentiment") == PORTED_VERSIONS["vaderSentiment"]

# find_tokens splits these single characters off a word's start (and "." too off its end).
_LEADING_MARKS = frozenset(pattern.PUNCTUATION.replace(".", ""))
_TRAILING_MARKS = _LEADING_MARKS | {"."}
_ENDS = frozenset(("...", ".", "!", "?", pattern.EOS))
_CLOSERS = frozenset(("'", '"', "”", "’", "...", ".", "!", "?", ")", pattern.EOS))
_QUOTES = (("“", " “ "), ("”", " ” "), ("‘", " ‘ "), ("’", " ’ "), ("'", " ' "), ('"', ' " '))
_LINEBREAK = re.compile(r"\n{2,}")


def _is_abbreviation(token: str) -> bool:
    return (
        token in pattern.ABBREVIATIONS
        or pattern.RE_ABBR1.match(token) is not None
        or pattern.RE_ABBR2.match(token) is not None
        or pattern.RE_ABBR3.match(token) is not None
    )


def pattern_tokens(text: str) -> list[str]:
    """The lower-cased words pattern's sentiment assesses: ``find_tokens``, joined, split."""
    for contraction, spaced in pattern.replacements.items():
        text = text.replace(contraction, spaced)  # literal patterns: same as the engine's re.sub
    for mark, spaced in _QUOTES:
        text = text.replace(mark, spaced)
    text = text.replace("\r\n", "\n")
    if "\n\n" in text:
        text = _LINEBREAK.sub(f" {pattern.EOS} ", text)
    replace = pattern.replacements
    leading, trailing = _LEADING_MARKS, _TRAILING_MARKS
    tokens: list[str] = []
    ends: list[int] = []  # positions of sentence-ending tokens; only split-off marks can be one
    # The engine collapses whitespace runs to one space, then takes every `(\S+)\s` match:
    # that is str.split() (regex \s and str.isspace agree on every code point).
    for t in text.split():
        if t[0] not in leading and t[-1] not in trailing:  # most words: nothing to split
            tokens.append(t)
            continue
        first = len(tokens)
        tail = []
        while t[:1] in leading and t not in replace:
            tokens.append(t[0])
            t = t[1:]
        while t[-1:] in trailing and t not in replace:
            if t[-1:] in leading:
                tail.append(t[-1])
                t = t[:-1]
            if t.endswith("..."):
                tail.append("...")
                t = t[:-3].rstrip(".")
            if t.endswith("."):
                if _is_abbreviation(t):
                    break
                tail.append(t[-1])
                t = t[:-1]
        if t != "":
            tokens.append(t)
        tokens.extend(reversed(tail))
        ends += [k for k in range(first, len(tokens)) if tokens[k] in _ENDS]
    has_eos = pattern.EOS in text
    if has_eos:  # a paragraph break (or the marker itself) can be a word on the fast path
        ends = [k for k, t in enumerate(tokens) if t in _ENDS]
    words: list[str] = []
    for sentence in _pattern_sentences(tokens, ends, has_eos):
        if "(" in sentence:
            sentence = pattern.RE_SARCASM.sub("(!)", sentence)
        sentence = pattern.RE_EMOTICONS.sub(lambda m: m.group(1).replace(" ", "") + m.group(2), sentence)
        words += sentence.lower().split()
    return words


def _pattern_sentences(tokens: list[str], ends: list[int], has_eos: bool) -> list[str]:
    """find_tokens' sentence grouping (it decides where the emoticon and sarcasm rules apply).

    The engine walks every token; this jumps between sentence-ending tokens. When the engine
    checks a quote's balance the sentence being built is still empty, so a closing run of
    marks always stops at a ' or ".
    """
    sentences: list[list[str]] = []
    i = j = 0
    for end in ends:
        if end < j:
            continue
        j = end
        while j < len(tokens) and tokens[j] in _CLOSERS and tokens[j] not in ("'", '"'):
            j += 1
        sentences.append([t for t in tokens[i:j] if t != pattern.EOS] if has_eos else tokens[i:j])
        i, j = j, j + 1
    sentences.append(tokens[i:])
    return [" ".join(s) for s in sentences if s]


@cache
def _pattern_tables() -> tuple[dict[str, tuple[float, float, float, bool]], dict[str, float]]:
    """word -> (polarity, subjectivity, intensity, is adverb modifier); emoticon -> polarity."""
    if dict.__len__(pattern_engine) == 0:
        pattern_engine.load()
    modifiers = pattern_engine.modifiers
    words = {}
    for word, by_tag in dict.items(pattern_engine):
        if None in by_tag:
            p, s, i = by_tag[None]
            modifier = any(tag in by_tag for tag in modifiers)
            words[word] = (p, s, i, modifier)
    emoticons: dict[str, float] = {}
    for (_kind, polarity), forms in pattern.EMOTICONS.items():
        for form in forms:
            emoticons.setdefault(form.lower(), polarity)
    return words, emoticons


def pattern_sentiment(text: str) -> tuple[float, float]:
    """(polarity, subjectivity) exactly as ``TextBlob(text).sentiment``."""
    if not PATTERN_PORTED:
        score = pattern_engine(text)
        return score[0], score[1]
    lexicon, emoticons = _pattern_tables()
    negations, is_modifier_word = pattern_engine.negations, pattern_engine.modifier
    found: list[list] = []  # [polarity, subjectivity, intensity, negated]
    modifier = negation = None
    for w in pattern_tokens(text):
        entry = lexicon.get(w)
        if entry is not None:
            p, s, i, modifies = entry
            if modifier is None:
                found.append([p, s, i, 1])
            else:
                last = found[-1]
                last[0] = max(-1.0, min(p * last[2], +1.0))
                last[1] = max(-1.0, min(s * last[2], +1.0))
                last[2] = i
            if negation is not None:
                found[-1][2] = 1.0 / found[-1][2]
                found[-1][3] = -1
            modifier = w if modifies else None
            negation = w if w in negations else None
            continue
        if w in negations:
            negation = w
        elif negation and len(w.strip("'")) > 1:
            negation = None
        if negation is not None and modifier is not None and is_modifier_word(modifier):
            found[-1][3] = -1
            negation = None
        elif modifier and len(w) > 2:
            modifier = None
        if w == "!" and found:
            found[-1][0] = max(-1.0, min(found[-1][0] * 1.25, +1.0))
        if w == "(!)":
            found.append([0.0, 1.0, 1.0, 1])
        if w.isalpha() is False and len(w) <= 5 and w not in pattern.PUNCTUATION:
            polarity = emoticons.get(w)
            if polarity is not None:
                found.append([polarity, 1.0, 1.0, 1])
    polarity_sum = subjectivity_sum = 0
    for p, s, _i, negated in found:
        polarity_sum += p * -0.5 if negated < 0 else p
        subjectivity_sum += s
    count = float(len(found) or 1)
    return polarity_sum / count, subjectivity_sum / count


@cache
def _vader() -> vader_module.SentimentIntensityAnalyzer:
    return vader_module.SentimentIntensityAnalyzer()


def vader_lexicon() -> dict[str, float]:
    """VADER's word -> valence (−4…4) table."""
    return _vader().lexicon


@cache
def _emoji_characters() -> frozenset[str]:
    return frozenset(key for key in _vader().emojis if len(key) == 1)


_NEGATIONS = frozenset(vader_module.NEGATE)


def _negated(lower_word: str) -> bool:
    """VADER's ``negated([word])`` for one lower-cased word."""
    return lower_word in _NEGATIONS or "n't" in lower_word


def _special_idioms(valence: float, lowers: list[str], i: int) -> float:
    """VADER's ``_special_idioms_check`` on a prepared lower-case word list (i >= 3)."""
    cases, boosters = vader_module.SPECIAL_CASES, vader_module.BOOSTER_DICT
    one, two, three = lowers[i - 1], lowers[i - 2], lowers[i - 3]
    zero = lowers[i]
    for sequence in (f"{one} {zero}", f"{two} {one} {zero}", f"{two} {one}", f"{three} {two} {one}",
                     f"{three} {two}"):  # fmt: skip
        if sequence in cases:
            valence = cases[sequence]
            break
    if len(lowers) - 1 > i:
        zero_one = f"{zero} {lowers[i + 1]}"
        if zero_one in cases:
            valence = cases[zero_one]
    if len(lowers) - 1 > i + 1:
        zero_one_two = f"{zero} {lowers[i + 1]} {lowers[i + 2]}"
        if zero_one_two in cases:
            valence = cases[zero_one_two]
    for n_gram in (f"{three} {two} {one}", f"{three} {two}", f"{two} {one}"):
        if n_gram in boosters:
            valence = valence + boosters[n_gram]
    return valence


def _negation(valence: float, lowers: list[str], start_i: int, i: int) -> float:
    """VADER's ``_negation_check`` on a prepared lower-case word list."""
    if start_i == 0:
        if _negated(lowers[i - 1]):
            valence = valence * vader_module.N_SCALAR
    elif start_i == 1:
        if lowers[i - 2] == "never" and (lowers[i - 1] == "so" or lowers[i - 1] == "this"):
            valence = valence * 1.25
        elif lowers[i - 2] == "without" and lowers[i - 1] == "doubt":
            pass
        elif _negated(lowers[i - 2]):
            valence = valence * vader_module.N_SCALAR
    else:
        never_so = lowers[i - 3] == "never" and (lowers[i - 2] == "so" or lowers[i - 2] == "this")
        if never_so or lowers[i - 1] == "so" or lowers[i - 1] == "this":
            valence = valence * 1.25
        elif lowers[i - 3] == "without" and (lowers[i - 2] == "doubt" or lowers[i - 1] == "doubt"):
            pass
        elif _negated(lowers[i - 3]):
            valence = valence * vader_module.N_SCALAR
    return valence


def _valence(words: list[str], lowers: list[str], i: int, is_cap_diff: bool) -> float:
    """VADER's ``sentiment_valence`` for lexicon word i (same rules, same order of operations)."""
    analyzer = _vader()
    lexicon = analyzer.lexicon
    lower = lowers[i]
    valence = lexicon[lower]
    if lower == "no" and i != len(words) - 1 and lowers[i + 1] in lexicon:
        valence = 0.0
    if ((i > 0 and lowers[i - 1] == "no") or (i > 1 and lowers[i - 2] == "no")
            or (i > 2 and lowers[i - 3] == "no" and lowers[i - 1] in ["or", "nor"])):  # fmt: skip
        valence = lexicon[lower] * vader_module.N_SCALAR
    if words[i].isupper() and is_cap_diff:
        if valence > 0:
            valence += vader_module.C_INCR
        else:
            valence -= vader_module.C_INCR
    for start_i in range(0, 3):
        if i > start_i and lowers[i - (start_i + 1)] not in lexicon:
            s = vader_module.scalar_inc_dec(words[i - (start_i + 1)], valence, is_cap_diff)
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            valence = _negation(valence, lowers, start_i, i)
            if start_i == 2:
                valence = _special_idioms(valence, lowers, i)
    return analyzer._least_check(valence, words, i)


def vader_compound(text: str) -> float:
    """VADER's compound score, exactly as ``polarity_scores(text)["compound"]``."""
    analyzer = _vader()
    if not VADER_PORTED or not _emoji_characters().isdisjoint(text):
        return analyzer.polarity_scores(text)["compound"]
    text = text.strip()
    marks = string.punctuation  # VADER strips these off a word unless 2 or fewer characters remain
    words = [w if len(stripped := w.strip(marks)) <= 2 else stripped for w in text.split()]
    lowers = [w.lower() for w in words]
    lexicon, boosters = analyzer.lexicon, vader_module.BOOSTER_DICT
    is_cap_diff = None
    sentiments: list[float] = [0] * len(words)
    for i, lower in enumerate(lowers):
        if lower not in lexicon or lower in boosters:
            continue
        if lower == "kind" and i < len(words) - 1 and lowers[i + 1] == "of":
            continue
        if is_cap_diff is None:
            is_cap_diff = vader_module.allcap_differential(words)
        sentiments[i] = _valence(words, lowers, i, is_cap_diff)
    if "but" in lowers:
        sentiments = analyzer._but_check(words, sentiments)
    return analyzer.score_valence(sentiments, text)["compound"]
