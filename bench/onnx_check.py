#!/usr/bin/python3
"""Checks a step exported by `tc export onnx` with the ONNX project's own Python package.

  /usr/bin/python3 bench/onnx_check.py STEP.onnx [--input IN.bin --expect OUT.bin]

1. onnx.checker.check_model (full check): the file is standard ONNX.
2. Prints the metadata (machine shape, profile, state layout).
3. With --input/--expect (state files as tc writes them: int32 d, int32 n, then d*n float32,
   little-endian, row-major), evaluates one step and compares it with OUT.bin bit for bit. The
   step runs on onnx.reference.ReferenceEvaluator when the installed onnx has it (1.13+); Debian
   12's python3-onnx is 1.12, which has none, so then on the small numpy evaluator below, written
   from the ONNX operator specifications for the operators the export uses (not ONNX Runtime).

Exit status: 0 all checks passed, 1 a check failed, 2 bad arguments, 3 onnx or numpy missing.
"""
import argparse
import struct
import sys

try:
    import numpy as np
    import onnx
    from onnx import numpy_helper
except ImportError as e:  # say what to install, never skip silently
    print(f"onnx_check: {e}: install Debian's python3-onnx (apt-get install -y python3-onnx) and run with /usr/bin/python3",
          file=sys.stderr)
    sys.exit(3)


def read_state(path):
    with open(path, "rb") as f:
        data = f.read()
    d, n = struct.unpack_from("<ii", data, 0)
    x = np.frombuffer(data, dtype="<f4", count=d * n, offset=8).astype(np.float32).reshape(d, n)
    return x


def attrs(node):
    out = {}
    for a in node.attribute:
        v = onnx.helper.get_attribute_value(a)
        out[a.name] = v
    return out


ONNX_TO_NUMPY = {onnx.TensorProto.FLOAT: np.float32, onnx.TensorProto.INT64: np.int64, onnx.TensorProto.BOOL: np.bool_}


def topk(x, k, axis, largest):
    # ties rank by the lower index (the operator's specification): a stable sort of -x (or x)
    key = -x if largest else x
    order = np.argsort(key, axis=axis, kind="stable")
    idx = np.take(order, np.arange(k), axis=axis)
    return np.take_along_axis(x, idx, axis=axis), idx.astype(np.int64)


def slice_(x, starts, ends, axes):
    sl = [slice(None)] * x.ndim
    for s, e, a in zip(starts, ends, axes):
        sl[int(a)] = slice(int(s), int(e))
    return x[tuple(sl)]


def run_graph(graph, env):
    """Evaluates graph's nodes in order (they are topologically sorted) in a scope that sees env."""
    scope = dict(env)
    for init in graph.initializer:
        scope[init.name] = numpy_helper.to_array(init)
    for node in graph.node:
        ins = [scope[i] if i else None for i in node.input]
        a = attrs(node)
        op = node.op_type
        if op == "Add": out = [ins[0] + ins[1]]
        elif op == "Sub": out = [ins[0] - ins[1]]
        elif op == "Mul": out = [ins[0] * ins[1]]
        elif op == "Relu": out = [np.maximum(ins[0], np.float32(0))]
        elif op == "Abs": out = [np.abs(ins[0])]
        elif op == "Less": out = [ins[0] < ins[1]]
        elif op == "Greater": out = [ins[0] > ins[1]]
        elif op == "GreaterOrEqual": out = [ins[0] >= ins[1]]
        elif op == "Equal": out = [ins[0] == ins[1]]
        elif op == "And": out = [np.logical_and(ins[0], ins[1])]
        elif op == "Where": out = [np.where(ins[0], ins[1], ins[2])]
        elif op == "Identity": out = [ins[0]]
        elif op == "Cast": out = [ins[0].astype(ONNX_TO_NUMPY[a["to"]])]
        elif op == "Gather": out = [np.take(ins[0], ins[1], axis=a.get("axis", 0))]
        elif op == "Slice": out = [slice_(ins[0], ins[1], ins[2], ins[3])]
        elif op == "Concat": out = [np.concatenate(ins, axis=a["axis"])]
        elif op == "Transpose": out = [np.transpose(ins[0], a["perm"])]
        elif op == "Expand": out = [ins[0] * np.ones(tuple(ins[1]), dtype=ins[0].dtype)]
        elif op == "Unsqueeze": out = [np.expand_dims(ins[0], tuple(int(v) for v in ins[1]))]
        elif op == "Squeeze": out = [np.squeeze(ins[0], axis=tuple(int(v) for v in ins[1]))]
        elif op == "Size": out = [np.array(ins[0].size, dtype=np.int64)]
        elif op == "NonZero": out = [np.array(np.nonzero(ins[0]), dtype=np.int64)]
        elif op == "ReduceMax":
            axes = tuple(a["axes"]) if "axes" in a else None
            out = [np.max(ins[0], axis=axes, keepdims=bool(a.get("keepdims", 1)))]
        elif op == "TopK":
            v, i = topk(ins[0], int(ins[1][0]), a.get("axis", -1), a.get("largest", 1))
            out = [v, i]
        elif op == "Loop":
            body = a["body"]
            carried = list(ins[2:])
            cond = True if ins[1] is None else bool(ins[1])
            trips = int(ins[0])
            for it in range(trips):
                if not cond:
                    break
                names = [i.name for i in body.input]
                local = dict(scope)
                local[names[0]] = np.array(it, dtype=np.int64)
                local[names[1]] = np.array(cond)
                for name, value in zip(names[2:], carried):
                    local[name] = value
                result = run_graph(body, local)
                outs = [result[o.name] for o in body.output]
                cond = bool(outs[0])
                carried = outs[1:]
            out = carried
        else:
            raise NotImplementedError(f"operator {op} is not in this evaluator")
        for name, value in zip(node.output, out):
            if name:
                scope[name] = np.asarray(value)
    return scope


def evaluate(model, x):
    try:
        from onnx.reference import ReferenceEvaluator  # onnx >= 1.13
        return "onnx.reference.ReferenceEvaluator", ReferenceEvaluator(model).run(None, {"state": x})[0]
    except ImportError:
        scope = run_graph(model.graph, {model.graph.input[0].name: x})
        return f"the numpy evaluator of bench/onnx_check.py (onnx {onnx.__version__} has no onnx.reference)", scope[model.graph.output[0].name]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("model")
    p.add_argument("--input", help="state before the step (tc's .bin state file)")
    p.add_argument("--expect", help="state after the step as tc computed it")
    args = p.parse_args()
    if (args.input is None) != (args.expect is None):
        p.error("give --input and --expect together")
    model = onnx.load(args.model)
    onnx.checker.check_model(model, full_check=True)
    print(f"onnx.checker: {args.model} is valid ONNX (IR {model.ir_version}, opset "
          f"{', '.join(str(o.version) for o in model.opset_import)}, {len(model.graph.node)} nodes, onnx {onnx.__version__})")
    for prop in model.metadata_props:
        print(f"  {prop.key} = {prop.value}")
    if args.input is None:
        return 0
    x, want = read_state(args.input), read_state(args.expect)
    how, got = evaluate(model, x)
    got = np.asarray(got, dtype=np.float32)
    if got.shape != want.shape:
        print(f"FAIL: the step gave shape {got.shape}, {args.expect} has {want.shape}")
        return 1
    differ = np.count_nonzero(got.view(np.uint32) != want.view(np.uint32))
    if differ:
        worst = float(np.max(np.abs(got.astype(np.float64) - want.astype(np.float64))))
        print(f"FAIL: one step on {how}: {differ} of {got.size} entries differ from tc's (max |delta| = {worst})")
        return 1
    print(f"one step on {how}: all {got.size} entries equal tc's bit for bit")
    return 0


if __name__ == "__main__":
    sys.exit(main())
