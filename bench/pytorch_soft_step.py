#!/usr/bin/env python3
"""The Tensor Computer's soft machine benchmark, written for PyTorch (issue 4).

The same computation as `tc bench --target tc` (tc.computer.soft.SoftBenchmark): forward, and
forward + backward (autograd) of a summed squared-error loss on registers r0, r1 after 32 steps of
the soft machine, for a 16-instruction program (16 slots, 256 memory words), batch 64, tau = 1, in
float64. The step follows tc.computer.soft.SoftStep formula by formula (docs/tensor-computer.md,
"The soft machine"), batch-major: every state tensor has the batch as its first dimension.

The workload (parameters, inputs, targets) comes from Java so both sides compute the same thing:

    ./tc bench --target tc --save-workload /tmp/workload.json
    python3 bench/pytorch_soft_step.py /tmp/workload.json            # needs torch: timings
    python3 bench/pytorch_soft_step.py /tmp/workload.json --numpy    # no torch: forward check only

Both print the loss beside Java's (`javaLoss` in the file). With --numpy there is no autograd and
no timing comparison: that path exists to check this script's forward semantics on a machine
without torch. Checked with NumPy against Java (`--tc-steps 1` and `2`): relative differences
2e-15 and 9e-14. Over more steps the two drift apart (4e-9 after 3 steps, 10 % after 5): the
benchmark's random program at tau = 1 is chaotic (register values near 1e8; DIV, AND, shifts act on
rounded operands and jump), so summation-order rounding differences grow without bound. The timing
is unaffected: both sides do the same work.
"""
import argparse
import json
import statistics
import sys
import time

OPS = ["halt", "nop", "mov", "li", "add", "addi", "sub", "mul", "div", "mod", "and", "or", "xor", "not",
       "shl", "shr", "sra", "cmp", "jmp", "jz", "jnz", "jlt", "jge", "jle", "jgt", "load", "store", "push",
       "pop", "call", "ret", "out"]
I = {name: j for j, name in enumerate(OPS)}
WRITES = [I[n] for n in ["mov", "li", "add", "addi", "sub", "mul", "div", "mod", "and", "or", "xor", "not",
                         "shl", "shr", "sra", "load", "pop"]]
SEQUENTIAL = [j for j, n in enumerate(OPS) if n not in
              ("halt", "jmp", "jz", "jnz", "jlt", "jge", "jle", "jgt", "call", "ret")]
CONDITIONAL = [I[n] for n in ["jz", "jnz", "jlt", "jge", "jle", "jgt"]]
FLAGGED = list(range(I["add"], I["cmp"] + 1))
SP, Z, N, C, V = 15, 0, 1, 2, 3
TWO31, TWO32 = 2.0 ** 31, 2.0 ** 32


class NumpyOps:
    def __init__(self):
        import numpy as np
        self.np = np
        self.f64, self.i64 = np.float64, np.int64

    def tensor(self, x, dtype=None): return self.np.asarray(x, dtype=dtype or self.f64)
    def rint_int(self, x): return self.np.rint(x).astype(self.i64)
    def floor_int(self, x): return self.np.floor(x).astype(self.i64)
    def to_float(self, x): return x.astype(self.f64)
    def gather(self, x, idx): return self.np.take_along_axis(x, idx[:, None], axis=1)[:, 0]

    def scatter_add(self, x, idx, val):
        out = x.copy()
        self.np.add.at(out, (self.np.arange(x.shape[0]), idx), val)
        return out

    def roll1(self, x): return self.np.roll(x, 1, axis=1)
    def sum(self, x, dim): return x.sum(axis=dim)
    def stack(self, xs): return self.np.stack(xs, axis=1)
    def where(self, c, a, b): return self.np.where(c, a, b)
    def exp(self, x): return self.np.exp(x)
    def log(self, x): return self.np.log(x)
    def log1p(self, x): return self.np.log1p(x)
    def amax(self, x, dim): return x.max(axis=dim, keepdims=True)
    def abs(self, x): return self.np.abs(x)


class TorchOps:
    def __init__(self):
        import torch
        self.t = torch
        self.f64, self.i64 = torch.float64, torch.int64

    def tensor(self, x, dtype=None): return self.t.as_tensor(x, dtype=dtype or self.f64)
    def rint_int(self, x): return self.t.round(x.detach()).to(self.i64)  # round half to even, like Math.rint
    def floor_int(self, x): return self.t.floor(x.detach()).to(self.i64)
    def to_float(self, x): return x.to(self.f64)
    def gather(self, x, idx): return x.gather(1, idx[:, None])[:, 0]
    def scatter_add(self, x, idx, val): return x.scatter_add(1, idx[:, None], val[:, None])
    def roll1(self, x): return self.t.roll(x, 1, dims=1)
    def sum(self, x, dim): return x.sum(dim=dim)
    def stack(self, xs): return self.t.stack(xs, dim=1)
    def where(self, c, a, b): return self.t.where(c, a, b)
    def exp(self, x): return self.t.exp(x)
    def log(self, x): return self.t.log(x)
    def log1p(self, x): return self.t.log1p(x)
    def amax(self, x, dim): return x.amax(dim=dim, keepdim=True)
    def abs(self, x): return self.t.abs(x)


def wrap32(v):
    """An int64 tensor of arbitrary values wrapped to signed 32 bits."""
    return ((v + (1 << 31)) & 0xFFFFFFFF) - (1 << 31)


class SoftMachine:
    def __init__(self, ops, params, slots, words, tau):
        self.x, self.slots, self.words = ops, slots, words
        x = ops
        p = params.reshape(slots, 112)

        def softmax(z):
            m = x.amax(z, 1)
            e = x.exp((z - m) / tau)
            return e / x.sum(e, 1)[:, None]

        # the code's distributions, computed once per run (SoftCode)
        self.op, self.rd = softmax(p[:, 0:32]), softmax(p[:, 32:48])
        self.rs1, self.rs2 = softmax(p[:, 48:64]), softmax(p[:, 64:80])
        self.bit = 1 / (1 + x.exp(-p[:, 80:112] / tau))
        self.power = 1 / min(1.0, tau)
        self.pc_bits = slots.bit_length() - 1
        bw = [2.0 ** i for i in range(31)] + [-(2.0 ** 31)]
        self.bit_weight = x.tensor(bw)
        self.next_slot = x.tensor([float((k + 1) & (slots - 1)) for k in range(slots)])
        self.slot_bit = [[bool((k >> i) & 1) for k in range(slots)] for i in range(self.pc_bits)]

    def kernel(self, pos, n):
        """AddressKernel: the two integers around pos (mod n) and the weight of the upper one."""
        x = self.x
        fl = x.floor_int(pos)
        f = pos - x.to_float(fl)
        low = fl & (n - 1)
        high = (low + 1) & (n - 1)
        if self.power == 1:
            w = f
        else:
            inner = (f > 0) & (f < 1)
            fs = x.where(inner, f, 0.5 + 0 * f)
            s = 1 / (1 + x.exp(-self.power * (x.log(fs) - x.log1p(-fs))))
            w = x.where(inner, s, f)
        return low, high, w

    def soft_wrap(self, v):
        x = self.x
        out = v - TWO32 * x.to_float(x.floor_int((v + TWO31) / TWO32))
        return x.where((v >= -TWO31) & (v < TWO31), v, out)

    def step(self, reg, flags, pc, mem, halted):
        x, slots, words = self.x, self.slots, self.words
        o, sel, x1, x2, bit = pc @ self.op, pc @ self.rd, pc @ self.rs1, pc @ self.rs2, pc @ self.bit
        g = 1 - halted
        e = g[:, None] * o
        a, b = x.sum(x1 * reg, 1), x.sum(x2 * reg, 1)
        imm = bit @ self.bit_weight
        ia, ib = wrap32(x.rint_int(a)), wrap32(x.rint_int(b))
        ii = wrap32(x.rint_int(imm))

        ls_lo, ls_hi, ls_w = self.kernel(a + imm, words)
        sp_lo, sp_hi, sp_w = self.kernel(reg[:, SP], words)
        push0, push1 = (sp_lo - 1) & (words - 1), (sp_hi - 1) & (words - 1)
        m_ls0, m_ls1 = x.gather(mem, ls_lo), x.gather(mem, ls_hi)
        m_sp0, m_sp1 = x.gather(mem, sp_lo), x.gather(mem, sp_hi)
        m_p0, m_p1 = x.gather(mem, push0), x.gather(mem, push1)
        r1 = (1 - ls_w) * m_ls0 + ls_w * m_ls1
        r2 = (1 - sp_w) * m_sp0 + sp_w * m_sp1
        retv = pc @ self.next_slot

        # ALU: integer results on the rounded operands (int64 holding int32 values)
        sh = ib & 31
        nz = ib != 0
        safe_b = x.where(nz, ib, 1 + 0 * ib)
        q = (x.abs(ia) // x.abs(safe_b)) * x.where((ia < 0) != (safe_b < 0), -1 + 0 * ia, 1 + 0 * ia)
        idiv = x.where(nz, wrap32(q), -1 + 0 * ia)
        imod = x.where(nz, wrap32(ia - safe_b * q), ia)
        iand, ior, ixor = ia & ib, ia | ib, ia ^ ib
        ishl, ishr, isra = wrap32(ia << sh), wrap32((ia & 0xFFFFFFFF) >> sh), ia >> sh
        imul = wrap32(ia * ib)
        f = x.to_float
        mul = self.soft_wrap(f(imul) + ((a - f(ia)) * b + f(ia) * (b - f(ib))))
        res = {I["mov"]: a, I["li"]: imm, I["add"]: self.soft_wrap(a + b), I["addi"]: self.soft_wrap(a + imm),
               I["sub"]: self.soft_wrap(a - b), I["mul"]: mul, I["div"]: f(idiv), I["mod"]: f(imod),
               I["and"]: f(iand), I["or"]: f(ior), I["xor"]: f(ixor), I["not"]: self.soft_wrap(-a - 1),
               I["shl"]: f(ishl), I["shr"]: f(ishr), I["sra"]: f(isra), I["load"]: r1, I["pop"]: r2}
        v = sum(e[:, j] * res[j] for j in WRITES)
        wr = sum(e[:, j] for j in WRITES)

        def unsigned(t): return t & 0xFFFFFFFF

        def add_flags(p, r_):
            r = wrap32(p + r_)
            return [r == 0, r < 0, unsigned(r) < unsigned(p), ((p ^ r) & (r_ ^ r)) < 0]

        def sub_flags(p, r_):
            r = wrap32(p - r_)
            return [r == 0, r < 0, unsigned(p) < unsigned(r_), ((p ^ r_) & (p ^ r)) < 0]

        def logic_flags(r):
            zero = r != r
            return [r == 0, r < 0, zero, zero]

        fv = {I["add"]: add_flags(ia, ib), I["addi"]: add_flags(ia, ii), I["sub"]: sub_flags(ia, ib),
              I["mul"]: logic_flags(imul), I["div"]: logic_flags(idiv), I["mod"]: logic_flags(imod),
              I["and"]: logic_flags(iand), I["or"]: logic_flags(ior), I["xor"]: logic_flags(ixor),
              I["not"]: logic_flags(~ia), I["shl"]: logic_flags(ishl), I["shr"]: logic_flags(ishr),
              I["sra"]: logic_flags(isra), I["cmp"]: sub_flags(ia, ib)}
        sp_delta = e[:, I["pop"]] + e[:, I["ret"]] - e[:, I["push"]] - e[:, I["call"]]
        new_sp = self.soft_wrap(reg[:, SP] + sp_delta)
        reg_mid = x.stack([reg[:, r] for r in range(15)] + [new_sp])
        flag_mass = sum(e[:, j] for j in FLAGGED)

        fz, fn, fov = flags[:, Z], flags[:, N], flags[:, V]
        lt = fn * (1 - fov) + fov * (1 - fn)
        cond = {I["jz"]: fz, I["jnz"]: 1 - fz, I["jlt"]: lt, I["jge"]: 1 - lt,
                I["jle"]: fz + (1 - fz) * lt, I["jgt"]: (1 - fz) * (1 - lt)}
        target = 1 + 0 * pc
        for i in range(self.pc_bits):
            one, zero = bit[:, i][:, None], (1 - bit[:, i])[:, None]
            mask = x.tensor(self.slot_bit[i], dtype=bool if isinstance(self.x, NumpyOps) else self.x.t.bool)
            target = target * x.where(mask[None, :], one, zero)
        ret_lo, ret_hi, ret_w = self.kernel(r2, slots)
        c_stay = halted + e[:, I["halt"]]
        c_target = e[:, I["jmp"]] + e[:, I["call"]]
        c_seq = sum(e[:, j] for j in SEQUENTIAL)
        for j in CONDITIONAL:
            c_target = c_target + e[:, j] * cond[j]
            c_seq = c_seq + e[:, j] * (1 - cond[j])

        # apply
        new_reg = reg_mid + sel * (v[:, None] - wr[:, None] * reg_mid)
        new_flags = []
        for qi in range(4):
            fq = flags[:, qi] * (1 - flag_mass)
            for j in FLAGGED:
                fq = fq + e[:, j] * f(fv[j][qi].astype(x.i64) if isinstance(x, NumpyOps) else fv[j][qi].to(x.i64))
            new_flags.append(fq)
        new_flags = x.stack(new_flags)
        st, pu, ca = e[:, I["store"]], e[:, I["push"]], e[:, I["call"]]
        d_ls0 = -st * (1 - ls_w) * (m_ls0 - b)
        d_ls1 = -st * ls_w * (m_ls1 - b)
        d_p0 = -(1 - sp_w) * (pu * (m_p0 - a) + ca * (m_p0 - retv))
        d_p1 = -sp_w * (pu * (m_p1 - a) + ca * (m_p1 - retv))
        for idx, d in ((ls_lo, d_ls0), (ls_hi, d_ls1), (push0, d_p0), (push1, d_p1)):
            mem = x.scatter_add(mem, idx, d)
        new_pc = c_stay[:, None] * pc + c_seq[:, None] * x.roll1(pc) + c_target[:, None] * target
        new_pc = x.scatter_add(new_pc, ret_lo, e[:, I["ret"]] * (1 - ret_w))
        new_pc = x.scatter_add(new_pc, ret_hi, e[:, I["ret"]] * ret_w)
        return new_reg, new_flags, new_pc, mem, halted + e[:, I["halt"]]


def run(ops, w, params):
    batch = len(w["registers"])
    m = SoftMachine(ops, params, w["slots"], w["memoryWords"], w["tau"])
    reg = ops.tensor(w["registers"])
    mem = ops.tensor(w["memory"])
    flags = ops.tensor([[0.0] * 4] * batch)
    pc = ops.tensor([[1.0] + [0.0] * (w["slots"] - 1)] * batch)
    halted = ops.tensor([0.0] * batch)
    for _ in range(w["steps"]):
        reg, flags, pc, mem, halted = m.step(reg, flags, pc, mem, halted)
    out = ops.stack([reg[:, r] for r in w["lossRegisters"]])
    d = out - ops.tensor(w["targets"])
    return (d * d).sum()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("workload", help="JSON from ./tc bench --target tc --save-workload FILE")
    ap.add_argument("--numpy", action="store_true", help="forward only, with NumPy (no torch needed)")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--threads", type=int, default=0, help="torch.set_num_threads (0: torch's default)")
    args = ap.parse_args()
    w = json.load(open(args.workload))
    if w.get("format") != "tc-soft-bench-workload":
        sys.exit(f"{args.workload}: not a tc soft-machine workload")
    batch, steps = len(w["registers"]), w["steps"]
    java = w["javaLoss"]
    if args.numpy:
        ops = NumpyOps()
        loss = float(run(ops, w, ops.tensor(w["params"])))
        print(f"numpy forward loss {loss:.15e}, Java {java:.15e}, relative difference {abs(loss - java) / abs(java):.2e}")
        return
    import torch
    if args.threads:
        torch.set_num_threads(args.threads)
    ops = TorchOps()
    params = torch.tensor(w["params"], dtype=torch.float64)
    fwd, fb = [], []
    for r in range(args.warmup + args.repeat):
        t0 = time.perf_counter()
        with torch.no_grad():
            loss = run(ops, w, params)
        t1 = time.perf_counter()
        p = params.clone().requires_grad_(True)
        l2 = run(ops, w, p)
        l2.backward()
        t2 = time.perf_counter()
        if r >= args.warmup:
            fwd.append((t1 - t0) * 1e3)
            fb.append((t2 - t1) * 1e3)
    mf, mfb = statistics.median(fwd), statistics.median(fb)
    print(f"pytorch {torch.__version__}, {torch.get_num_threads()} threads, batch {batch}, {steps} steps, float64")
    print(f"forward            {mf:10.3f} ms  {mf / steps:8.4f} ms/step")
    print(f"forward + backward {mfb:10.3f} ms  {mfb / steps:8.4f} ms/step")
    print(f"loss {float(loss):.15e}, Java {java:.15e}, relative difference {abs(float(loss) - java) / abs(java):.2e}")


if __name__ == "__main__":
    main()
