"""A small BERT-style text encoder in NumPy: WordPiece tokens in, contextual vectors out.

The stance model (`stance.EncoderStanceModel`) is a MiniLM encoder fine-tuned in PyTorch by
`benchmarks/train_stance_encoder.py` and shipped as arrays (`data/models/stance_encoder.npz`),
so running it needs NumPy alone: no PyTorch, no download. This module is an exact port of the
parts of Hugging Face's `BertTokenizer` (uncased) and `BertModel` that model uses; the training
script stores PyTorch's outputs for a few sentences beside the weights and a test checks that
this port reproduces them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

MARK_START, MARK_END = "[unused1]", "[unused2]"  # wrap the target mention in the first text
FEED_FORWARD_ROWS = 128  # token rows per feed-forward block (`Encoder._feed_forward`)
SPECIAL = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", MARK_START, MARK_END)


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0x2A700 <= code <= 0x2B73F
        or 0x2B740 <= code <= 0x2B81F
        or 0x2B820 <= code <= 0x2CEAF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


@lru_cache(maxsize=65536)
def _basic_word(word: str) -> tuple[str, ...]:
    """One whitespace-separated word: lower-cased, accents stripped, split at punctuation."""
    word = unicodedata.normalize("NFD", word.lower())
    word = "".join(char for char in word if unicodedata.category(char) != "Mn")
    pieces: list[str] = []
    current = ""
    for char in word:
        if _is_punctuation(char):
            if current:
                pieces.append(current)
                current = ""
            pieces.append(char)
        else:
            current += char
    if current:
        pieces.append(current)
    return tuple(pieces)


# what the loop in `basic_tokens` does to ASCII text: tab and line breaks to spaces, other controls dropped
_ASCII_CLEANING = str.maketrans({**{code: None for code in (*range(32), 127)}, 9: " ", 10: " ", 13: " "})


def basic_tokens(text: str) -> list[str]:
    """BERT's basic tokenization (uncased): control characters dropped, CJK characters split
    apart, words lower-cased, accents stripped and punctuation split off."""
    if text.isascii():  # the common case, in one pass in C
        return [piece for word in text.translate(_ASCII_CLEANING).split() for piece in _basic_word(word)]
    cleaned = []
    for char in text:
        code = ord(char)
        if code == 0 or code == 0xFFFD:
            continue
        category = unicodedata.category(char)
        if char in " \t\n\r" or category == "Zs":
            cleaned.append(" ")
        elif category in ("Cc", "Cf"):
            continue
        elif _is_cjk(code):
            cleaned.append(f" {char} ")
        else:
            cleaned.append(char)
    return [piece for word in "".join(cleaned).split() for piece in _basic_word(word)]


@dataclass(frozen=True)
class WordPiece:
    """WordPiece vocabulary: greedy longest-match-first, "##" marking a word's continuation."""

    vocab: dict[str, int]
    max_chars: int = 100

    @lru_cache(maxsize=65536)  # noqa: B019 - one vocabulary per process; pieces are reused a lot
    def pieces(self, word: str) -> tuple[str, ...]:
        if len(word) > self.max_chars:
            return ("[UNK]",)
        pieces: list[str] = []
        start = 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    break
                end -= 1
            else:
                return ("[UNK]",)
            pieces.append(piece)
            start = end
        return tuple(pieces)

    def tokens(self, text: str) -> list[str]:
        """Word pieces of `text`; the target marks (`MARK_START`, `MARK_END`) stay whole."""
        result: list[str] = []
        for part in _split_marks(text):
            if part in (MARK_START, MARK_END):
                result.append(part)
            else:
                result.extend(piece for word in basic_tokens(part) for piece in self.pieces(word))
        return result

    def __hash__(self) -> int:  # identity: the vocabulary is built once per model
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other


def _split_marks(text: str) -> list[str]:
    parts: list[str] = []
    rest = text
    while True:
        positions = [(rest.find(mark), mark) for mark in (MARK_START, MARK_END) if mark in rest]
        if not positions:
            return [*parts, rest]
        at, mark = min(positions)
        parts += [rest[:at], mark]
        rest = rest[at + len(mark) :]


def pair_ids(wordpiece: WordPiece, first: str, second: str, max_length: int) -> tuple[list[int], list[int]]:
    """[CLS] first [SEP] second [SEP] as ids and token types. A first text too long to fit is cut
    around its first mark (`MARK_START`), or at its end when it has none."""
    a, b = wordpiece.tokens(first), wordpiece.tokens(second)
    b = b[: max(max_length // 4, 1)]
    room = max(max_length - len(b) - 3, 0)
    if len(a) > room:
        centre = a.index(MARK_START) if MARK_START in a else 0
        begin = min(max(centre - room // 2, 0), len(a) - room)
        a = a[begin : begin + room]
    tokens = ["[CLS]", *a, "[SEP]", *b, "[SEP]"]
    vocab = wordpiece.vocab
    ids = [vocab.get(token, vocab["[UNK]"]) for token in tokens]
    return ids, [0] * (len(a) + 2) + [1] * (len(b) + 1)


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU, x·Φ(x), with erf to within 1.5e-7 (Abramowitz & Stegun 7.1.26): float32-exact.
    Overwrites `x`."""
    z = np.abs(x) * np.float32(1 / np.sqrt(2.0))
    t = 1.0 / (1.0 + np.float32(0.3275911) * z)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    np.multiply(z, z, out=z)
    np.negative(z, out=z)
    np.exp(z, out=z)
    np.multiply(poly, z, out=poly)  # erfc(|x| / √2)
    np.copysign(poly, x, out=poly)  # 1 + erf(x / √2) = 1 + sign(x) − sign(x)·erfc(|x| / √2)
    np.subtract(np.sign(x), poly, out=poly)
    poly += 1.0
    x *= poly
    x *= 0.5
    return x


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(-1, keepdims=True)
    return centred / np.sqrt(variance + eps) * gain + bias


@dataclass(frozen=True)
class Encoder:
    """BERT encoder weights (float32) and its shape; `hidden` runs it."""

    weights: dict[str, np.ndarray]
    n_layers: int
    n_heads: int

    def hidden(self, ids: np.ndarray, types: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Last hidden states, shape (batch, tokens, width), for padded id arrays; `mask` is 1
        on real tokens and 0 on padding."""
        w = self.weights
        batch, length = ids.shape
        x = w["embeddings.word"][ids] + w["embeddings.position"][:length][None] + w["embeddings.type"][types]
        width = x.shape[-1]
        x = _layer_norm(
            x.reshape(batch * length, width), w["embeddings.norm.gain"], w["embeddings.norm.bias"]
        )
        head = width // self.n_heads
        blocked = (1.0 - mask[:, None, None, :].astype(np.float32)) * np.float32(-1e9)
        for i in range(self.n_layers):  # dense layers on (batch * length, width): one large product
            p = f"layer{i}."
            qkv = x @ w[p + "qkv.weight"] + w[p + "qkv.bias"]  # (batch * length, 3 * width)
            qkv = qkv.reshape(batch, length, 3, self.n_heads, head).transpose(2, 0, 3, 1, 4)
            scores = qkv[0] @ qkv[1].transpose(0, 1, 3, 2) / np.float32(np.sqrt(head)) + blocked
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            attention = scores / scores.sum(-1, keepdims=True)
            context = (attention @ qkv[2]).transpose(0, 2, 1, 3).reshape(batch * length, width)
            x = _layer_norm(
                context @ w[p + "attention.out.weight"] + w[p + "attention.out.bias"] + x,
                w[p + "attention.norm.gain"],
                w[p + "attention.norm.bias"],
            )
            x = _layer_norm(self._feed_forward(x, p) + x, w[p + "norm.gain"], w[p + "norm.bias"])
        return x.reshape(batch, length, width)

    def _feed_forward(self, x: np.ndarray, p: str) -> np.ndarray:
        """The feed-forward block, `FEED_FORWARD_ROWS` rows at a time: its wide GELU input then
        stays in cache, which makes it about twice as fast as one pass over a large batch."""
        w = self.weights
        out = np.empty_like(x)
        for first in range(0, len(x), FEED_FORWARD_ROWS):
            rows = slice(first, first + FEED_FORWARD_ROWS)
            inner = _gelu(x[rows] @ w[p + "inner.weight"] + w[p + "inner.bias"])
            out[rows] = inner @ w[p + "out.weight"] + w[p + "out.bias"]
        return out


def length_batches(lengths: Sequence[int], batch: int) -> Iterator[list[int]]:
    """Indices of `lengths` in groups of at most `batch`, shortest first (ties in index order),
    so that a batch padded to its longest sequence wastes little."""
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    for first in range(0, len(order), batch):
        yield order[first : first + batch]


def padded(sequences: list[tuple[list[int], list[int]]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Token ids, token types and mask (1 on real tokens), each (len(sequences), longest), for
    (ids, types) pairs of any lengths; padding is id 0, type 0, mask 0."""
    length = max(len(token_ids) for token_ids, _ in sequences)
    ids = np.zeros((len(sequences), length), dtype=np.int64)
    types = np.zeros_like(ids)
    mask = np.zeros((len(sequences), length), dtype=np.float32)
    for row, (token_ids, token_types) in enumerate(sequences):
        ids[row, : len(token_ids)], types[row, : len(token_ids)] = token_ids, token_types
        mask[row, : len(token_ids)] = 1.0
    return ids, types, mask


def mean_embeddings(
    wordpiece: WordPiece, encoder: Encoder, texts: list[str], max_pieces: int = 126, batch: int = 32
) -> np.ndarray:
    """One unit-length vector per text: the mean of the encoder's last hidden states over
    "[CLS] text [SEP]". A text longer than `max_pieces` word pieces is read in consecutive windows
    of that size, and its vector is their mean weighted by window length."""
    vocab = wordpiece.vocab
    windows: list[tuple[int, list[int]]] = []  # (text index, ids)
    for i, text in enumerate(texts):
        pieces = [vocab.get(piece, vocab["[UNK]"]) for piece in wordpiece.tokens(text)] or [vocab["[UNK]"]]
        for first in range(0, len(pieces), max_pieces):
            windows.append((i, [vocab["[CLS]"], *pieces[first : first + max_pieces], vocab["[SEP]"]]))
    sums = np.zeros((len(texts), encoder.weights["embeddings.word"].shape[1]), dtype=np.float64)
    for chosen in length_batches([len(ids) for _, ids in windows], batch):
        ids, types, mask = padded([(windows[w][1], [0] * len(windows[w][1])) for w in chosen])
        summed = (encoder.hidden(ids, types, mask) * mask[:, :, None]).sum(1)
        for row, w in enumerate(chosen):
            sums[windows[w][0]] += summed[row]
    vectors = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
    return vectors.astype(np.float32)


def read_encoder(arrays: dict[str, np.ndarray]) -> tuple[WordPiece, Encoder]:
    """The vocabulary and encoder stored in a model file's `arrays` (``vocab``, ``shape`` and the
    weights; the training script writes them); what else the file holds is the caller's."""
    n_layers, n_heads = (int(v) for v in arrays["shape"][:2])
    weights = {name: value for name, value in arrays.items() if name not in ("vocab", "shape")}
    return read_wordpiece(arrays), Encoder(dequantized(weights), n_layers, n_heads)


def read_wordpiece(arrays: dict[str, np.ndarray]) -> WordPiece:
    """The vocabulary stored in a model file's `arrays` (``vocab``)."""
    return WordPiece({token: i for i, token in enumerate(arrays["vocab"].tolist())})


def dequantized(arrays: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """float32 weights from a file's arrays: `name.q` (int8) times `name.scale` (one per row of the
    stored matrix) for the quantized ones, the rest as stored."""
    weights = {}
    for name, value in arrays.items():
        if name.endswith(".scale"):
            continue
        if name.endswith(".q"):
            base = name[:-2]
            weights[base] = value.astype(np.float32) * arrays[base + ".scale"][:, None]
        else:
            weights[name] = value.astype(np.float32) if value.dtype.kind == "f" else value
    return weights
