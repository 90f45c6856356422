// The debugger page: compile, step and run a C program on a Loom engine held by the server.
"use strict";
const FIB = `// Fibonacci: main returns fib(10)
int main() {
    int a = 0;
    int b = 1;
    for (int i = 0; i < 10; i++) {
        int t = a + b;
        a = b;
        b = t;
    }
    return a;
}
`;
const dbg = { breakpoints: new Set(), diagLines: new Set(), current: 0, assembly: [] };

function sourceLines() { return tc.el("source").value.split("\n"); }

function drawSource() {
  const view = tc.el("srcview");
  view.textContent = "";
  sourceLines().forEach((text, i) => {
    const n = i + 1, line = tc.make("div", "srcline");
    line.dataset.line = n;
    if (dbg.breakpoints.has(n)) line.classList.add("bp");
    if (dbg.diagLines.has(n)) line.classList.add("diag");
    if (dbg.current === n) line.classList.add("current");
    const no = tc.make("span", "no", String(n));
    no.addEventListener("click", () => { dbg.breakpoints.has(n) ? dbg.breakpoints.delete(n) : dbg.breakpoints.add(n); drawSource(); });
    line.append(no, text);
    view.appendChild(line);
  });
  const cur = view.querySelector(".current");
  if (cur) cur.scrollIntoView({ block: "nearest" });
}

function drawAssembly(pc) {
  const view = tc.el("asmview");
  view.textContent = "";
  for (const row of dbg.assembly) {
    const div = tc.make("div", "asmline" + (row.pc === pc ? " current" : ""),
      (row.label ? row.label + ":\n" : "") + String(row.pc).padStart(5) + "  " + row.text + (row.line ? "   ; line " + row.line : ""));
    view.appendChild(div);
  }
  const cur = view.querySelector(".current");
  if (cur) cur.scrollIntoView({ block: "nearest" });
}

function showError(message) {
  const d = tc.el("diagnostics");
  d.textContent = "";
  d.appendChild(tc.make("div", "error", message));
}

function showDiagnostics(list) {
  const d = tc.el("diagnostics");
  d.textContent = "";
  dbg.diagLines = new Set(list.map(x => x.line));
  for (const x of list) {
    const div = tc.make("div", "diagnostic", x.text);
    div.dataset.line = x.line;
    d.appendChild(div);
  }
  drawSource();
}

const COLORS = { "0": [255, 255, 255], a: [200, 220, 255], b: [90, 140, 230], c: [20, 50, 150], A: [255, 225, 190], B: [245, 150, 60], C: [170, 70, 0] };

function drawMatrix(m) {
  const canvas = tc.el("heatmap"), labels = tc.el("regions");
  if (!m) { canvas.width = canvas.height = 10; labels.textContent = ""; return; }
  const scale = m.columns <= 512 ? 2 : 1, rowScale = 3;
  canvas.width = m.columns * scale; canvas.height = m.rows * rowScale;
  const ctx = canvas.getContext("2d"), img = ctx.createImageData(canvas.width, canvas.height);
  const changed = new Set(m.changed);
  for (let r = 0; r < m.rows; r++) for (let c = 0; c < m.columns; c++) {
    const i = r * m.columns + c, col = changed.has(i) ? [230, 0, 0] : COLORS[m.cells[i]];
    for (let dy = 0; dy < rowScale; dy++) for (let dx = 0; dx < scale; dx++) {
      const p = ((r * rowScale + dy) * canvas.width + c * scale + dx) * 4;
      img.data[p] = col[0]; img.data[p + 1] = col[1]; img.data[p + 2] = col[2]; img.data[p + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
  // zone boundaries: scratchpad | memory | instructions
  ctx.fillStyle = "#333";
  for (const c of [m.memoryStart, m.programStart]) ctx.fillRect(c * scale, 0, 1, canvas.height);
  labels.textContent = "";
  labels.style.height = canvas.height + "px"; labels.style.width = "9em";
  for (const reg of m.regions) {
    const l = tc.make("div", "", reg.name + " (" + reg.count + ")");
    l.style.position = "absolute"; l.style.top = (reg.first * rowScale) + "px"; l.style.fontSize = "10px"; l.style.right = "4px";
    labels.appendChild(l);
  }
  tc.el("matrixinfo").textContent = m.rows + " rows × " + m.columns + " columns; columns 0.." + (m.memoryStart - 1) + " scratchpad, "
    + m.memoryStart + ".." + (m.programStart - 1) + " memory, " + m.programStart + ".. instructions. "
    + m.changedTotal + " cells changed in the last step (red).";
}

function drawAttention(list) {
  const div = tc.el("attention");
  div.textContent = "";
  if (!list || list.length === 0) { div.textContent = "— (a transformer engine shows the reads of the step it just took)"; return; }
  for (const h of list) {
    const reads = h.reads.map(r => r.targetName + " ← " + r.sourceName + (r.tied ? " (tied, half)" : "")).join("; ");
    div.appendChild(tc.make("div", "", h.layer + " / " + h.head + ": " + (reads || "no reads across columns")
      + (h.total > h.reads.length ? " … " + (h.total - h.reads.length) + " more" : "")
      + (h.selfReads ? " (and " + h.selfReads + " columns read themselves)" : "")));
  }
}

function render(v) {
  tc.el("status").textContent = v.status + (v.stopped && v.stopped !== v.status ? " (" + v.stopped + ")" : "");
  tc.el("steps").textContent = v.steps;
  tc.el("curline").textContent = v.line || "-";
  tc.el("retval").textContent = v.running ? "-" : v.retval;
  tc.el("outputs").textContent = v.outputs.join(" ");
  dbg.current = v.line;
  drawSource();
  drawAssembly(v.pc);
  const t = tc.el("variables");
  t.textContent = "";
  for (const x of v.variables) {
    const tr = tc.make("tr");
    tr.append(tc.make("td", "", x.name), tc.make("td", "", x.size > 1 ? "{" + x.values.join(", ") + "}" : String(x.values[0])));
    t.appendChild(tr);
  }
  drawMatrix(v.matrix);
  drawAttention(v.attention);
}

async function compile() {
  dbg.diagLines = new Set();
  tc.el("diagnostics").textContent = "";
  try {
    const r = await tc.post("/api/compile", { source: tc.el("source").value, engine: tc.el("engine").value, profile: tc.el("profile").value });
    dbg.assembly = r.assembly;
    tc.el("diagnostics").appendChild(tc.make("div", "muted", "compiled for " + r.config + ": " + r.instructions + " instructions"));
    render(r.view);
  } catch (e) {
    if (e.body && e.body.diagnostics) showDiagnostics(e.body.diagnostics); else showError(e.message);
    tc.el("status").textContent = "not compiled";
  }
}

async function act(body) {
  body.breakpoints = [...dbg.breakpoints];
  try { render(await tc.post("/api/debug", body)); } catch (e) { showError(e.message); }
}

document.addEventListener("DOMContentLoaded", async () => {
  tc.el("source").value = FIB;
  drawSource();
  tc.el("source").addEventListener("input", drawSource);
  await tc.open();
  const engines = await tc.get("/api/engines");
  for (const e of engines.engines) {
    const o = tc.make("option", "", e.name); o.value = e.name; o.title = e.description;
    if (e.name === "sparse") o.selected = true;
    tc.el("engine").appendChild(o);
  }
  tc.el("compile").addEventListener("click", compile);
  tc.el("step").addEventListener("click", () => act({ action: "step", count: 1 }));
  tc.el("step10").addEventListener("click", () => act({ action: "step", count: 10 }));
  tc.el("run").addEventListener("click", () => act({ action: "run" }));
  tc.el("runToLine").addEventListener("click", () => act({ action: "runToLine", line: Number(tc.el("line").value) }));
  tc.el("reset").addEventListener("click", () => act({ action: "reset" }));
  tc.el("cancel").addEventListener("click", () => tc.post("/api/cancel", {}));
  document.body.dataset.ready = "true";
});
