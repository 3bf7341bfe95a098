"""The stance encoder in integer arithmetic, run by ONNX Runtime: the fast option of `stance`.

`encoder.Encoder` is the exact NumPy port of the fine-tuned MiniLM and stays the reference;
it spends ~2·10¹² float operations on the BBC corpus, which no float32 kernel on two cores runs
in the stance benchmark's 10 s. `Int8Encoder` runs the same weights with each dense layer as an
8-bit integer product:

- the weights are the model file's own int8 matrices (`name.q`), not re-quantized; their
  per-input-row scales (`name.scale`) multiply the layer's input instead;
- each token's input row is quantized on the fly, symmetric, to 7 bits: ``q = round(x / s) + 64``
  with ``s = max|x| / 63``, so ``q`` lies in 1…127. A product of a 7-bit unsigned and an 8-bit
  signed number never saturates the 16-bit sums of AVX2 CPUs without VNNI (a full 8-bit input
  would), so the integer products are exact, and the same, on every CPU ONNX Runtime supports;
- attention scores, softmax, GELU and layer norms stay float32, as in `encoder.Encoder`.

The integer products are exact; the float32 steps between them are not the same on every CPU
(ONNX Runtime picks its kernels by instruction set), and re-rounding each layer's input to 7 bits
turns their last-bit differences into whole quantization steps. Between two machines of this
project a seed mention's score moved by 0.01 and the side means in the third decimal, so the
notebooks, whose outputs must re-execute to the same text anywhere, use the float32 port
(``model="encoder-float32"``).

The graph is built from the model file's arrays when the model loads (no second model file);
each process opens its own ONNX Runtime session, so forked workers never share one.
`benchmarks/eval_stance.py` measures what this costs against the float32 port.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import onnx
import onnxruntime
from onnx import TensorProto, helper, numpy_helper

INPUT_LEVELS = 63  # |q - 64| ≤ 63: a quantized input row spans 1…127 (7 bits, see the docstring)
_ZERO_POINT = 64
#: threads of each new session: 0 lets ONNX Runtime use every core; `pipeline.analyse`'s worker
#: processes set 1, as they already run one per core
session_threads = 0
_OPSET = 18


class _Graph:
    """An ONNX graph under construction: constants become initializers, each op one node."""

    def __init__(self) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []

    def constant(self, value: np.ndarray | float | int | list[int], dtype: type = np.float32) -> str:
        name = f"c{len(self.initializers)}"
        self.initializers.append(numpy_helper.from_array(np.asarray(value, dtype=dtype), name))
        return name

    def op(self, op_type: str, *inputs: str, **attributes: Any) -> str:
        name = f"t{len(self.nodes)}"
        self.nodes.append(helper.make_node(op_type, list(inputs), [name], **attributes))
        return name


def _int8_linear(g: _Graph, x: str, arrays: dict[str, np.ndarray], name: str) -> str:
    """x @ W + b with W = diag(scale) · q (q int8), as a per-row 7-bit integer product."""
    scaled = g.op("Mul", x, g.constant(arrays[f"{name}.weight.scale"]))
    largest = g.op("ReduceMax", g.op("Abs", scaled), g.constant([-1], np.int64), keepdims=0)
    step = g.op("Div", g.op("Max", largest, g.constant(1e-12)), g.constant(float(INPUT_LEVELS)))
    zero_points = g.op("Expand", g.constant(_ZERO_POINT, np.uint8), g.op("Shape", step))
    quantized = g.op("QuantizeLinear", scaled, step, zero_points, axis=0)  # round(x / step) + 64
    product = g.op(
        "MatMulInteger",
        quantized,
        g.constant(arrays[f"{name}.weight.q"], np.int8),
        g.constant(_ZERO_POINT, np.uint8),
    )
    row_step = g.op("Unsqueeze", step, g.constant([1], np.int64))
    return g.op(
        "Add",
        g.op("Mul", g.op("Cast", product, to=TensorProto.FLOAT), row_step),
        g.constant(arrays[f"{name}.bias"]),
    )


def _layer_norm(g: _Graph, x: str, arrays: dict[str, np.ndarray], name: str) -> str:
    gain, bias = g.constant(arrays[f"{name}.gain"]), g.constant(arrays[f"{name}.bias"])
    return g.op("LayerNormalization", x, gain, bias, axis=-1, epsilon=1e-12)


def int8_graph(arrays: dict[str, np.ndarray]) -> bytes:
    """The serialized ONNX graph of the encoder in a model file's `arrays` (as `np.load` gives
    them). Inputs: ``embeddings`` (batch, tokens, width: word + position, see `Int8Encoder`),
    ``types`` and ``mask`` (batch, tokens); output ``hidden`` (batch, tokens, width)."""
    n_layers, n_heads = (int(v) for v in arrays["shape"][:2])
    width = arrays["embeddings.position"].shape[1]
    head = width // n_heads
    g = _Graph()
    x = g.op("Add", "embeddings", g.op("Gather", g.constant(arrays["embeddings.type"]), "types"))
    x = _layer_norm(g, g.op("Reshape", x, g.constant([-1, width], np.int64)), arrays, "embeddings.norm")
    unsqueezed = g.op("Unsqueeze", "mask", g.constant([1, 2], np.int64))
    blocked = g.op("Mul", g.op("Sub", g.constant(1.0), unsqueezed), g.constant(-1e9))
    batch_tokens = g.op("Shape", "mask")
    split_heads = g.op("Concat", batch_tokens, g.constant([3, n_heads, head], np.int64), axis=0)
    for i in range(n_layers):
        p = f"layer{i}."
        qkv = g.op(
            "Transpose",
            g.op("Reshape", _int8_linear(g, x, arrays, p + "qkv"), split_heads),
            perm=[2, 0, 3, 1, 4],
        )
        query, key, value = (g.op("Gather", qkv, g.constant(j, np.int64), axis=0) for j in range(3))
        scores = g.op("MatMul", query, g.op("Transpose", key, perm=[0, 1, 3, 2]))
        scores = g.op("Add", g.op("Mul", scores, g.constant(1 / np.sqrt(head))), blocked)
        context = g.op("MatMul", g.op("Softmax", scores, axis=-1), value)
        context = g.op(
            "Reshape", g.op("Transpose", context, perm=[0, 2, 1, 3]), g.constant([-1, width], np.int64)
        )
        attended = g.op("Add", _int8_linear(g, context, arrays, p + "attention.out"), x)
        x = _layer_norm(g, attended, arrays, p + "attention.norm")
        inner = _int8_linear(g, x, arrays, p + "inner")
        # x · (erf(x / √2) + 1) · 0.5: the form ONNX Runtime fuses into one Gelu kernel
        erf = g.op("Erf", g.op("Div", inner, g.constant(np.sqrt(2.0))))
        gelu = g.op("Mul", g.op("Mul", inner, g.op("Add", erf, g.constant(1.0))), g.constant(0.5))
        x = _layer_norm(g, g.op("Add", _int8_linear(g, gelu, arrays, p + "out"), x), arrays, p + "norm")
    out_shape = g.op("Concat", batch_tokens, g.constant([width], np.int64), axis=0)
    g.nodes.append(helper.make_node("Reshape", [x, out_shape], ["hidden"]))
    graph = helper.make_graph(
        g.nodes,
        "int8_encoder",
        [
            helper.make_tensor_value_info("embeddings", TensorProto.FLOAT, ["batch", "tokens", width]),
            helper.make_tensor_value_info("types", TensorProto.INT64, ["batch", "tokens"]),
            helper.make_tensor_value_info("mask", TensorProto.FLOAT, ["batch", "tokens"]),
        ],
        [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["batch", "tokens", width])],
        g.initializers,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", _OPSET)])
    model.ir_version = 8
    return model.SerializeToString()


@dataclass(frozen=True)
class Int8Encoder:
    """`encoder.Encoder`'s interface (`hidden`) over `int8_graph`; word embeddings are looked up
    here from the file's int8 table, so the graph holds only the layers."""

    graph: bytes
    word_q: np.ndarray  # (vocabulary, width) int8
    word_scale: np.ndarray  # (vocabulary,) float32
    position: np.ndarray  # (positions, width) float32
    _sessions: dict[int, onnxruntime.InferenceSession] = field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> Int8Encoder:
        """From a model file's arrays (int8 weights with their scales, as the training script
        writes them)."""
        return cls(
            int8_graph(arrays),
            arrays["embeddings.word.q"],
            arrays["embeddings.word.scale"].astype(np.float32),
            arrays["embeddings.position"].astype(np.float32),
        )

    def _session(self) -> onnxruntime.InferenceSession:
        """This process's session (a session's threads do not survive a fork)."""
        pid = os.getpid()
        if pid not in self._sessions:
            options = onnxruntime.SessionOptions()
            options.log_severity_level = 3  # no warnings on stderr (they would enter notebook outputs)
            options.intra_op_num_threads = session_threads
            # (ONNX Runtime's threads spin between operators by default: on BBC, letting them
            # sleep instead made the encoder 20–30 % slower)
            self._sessions[pid] = onnxruntime.InferenceSession(
                self.graph, options, providers=["CPUExecutionProvider"]
            )
        return self._sessions[pid]

    def hidden(self, ids: np.ndarray, types: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Last hidden states, shape (batch, tokens, width), as `encoder.Encoder.hidden`."""
        embeddings = self.word_q[ids].astype(np.float32)
        embeddings *= self.word_scale[ids][:, :, None]
        embeddings += self.position[: ids.shape[1]][None]
        feeds = {"embeddings": embeddings, "types": types.astype(np.int64), "mask": mask.astype(np.float32)}
        return self._session().run(["hidden"], feeds)[0]
