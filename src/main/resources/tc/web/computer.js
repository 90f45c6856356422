// The Tensor Computer page: the soft machine traced at a temperature, and a tc learn run with its curve.
"use strict";
const SUM = `// sum 1..5 in a loop
int main() {
    int s = 0;
    for (int i = 1; i <= 5; i++) s = s + i;
    return s;
}
`;
const TASKS = ["add", "max", "abs", "swap", "sum_array", "bubble_sort", "binary_search", "gcd"];
let soft = null, sourceSent = null;

function tau() { return Math.pow(10, Number(tc.el("tau").value)); }

async function runSoft() {
  const body = { tau: tau(), steps: Number(tc.el("softsteps").value) };
  const src = tc.el("softsource").value;
  if (src !== sourceSent) body.source = src;
  tc.el("softerror").textContent = "";
  try {
    soft = await tc.post("/api/soft", body);
    sourceSent = src;
  } catch (e) {
    tc.el("softerror").textContent = e.body && e.body.diagnostics ? e.body.diagnostics.map(d => d.text).join("\n") : e.message;
    return;
  }
  tc.el("softstep").max = soft.steps.length - 1;
  drawPcMap();
  drawStep();
}

function drawPcMap() {
  const slots = Math.max(1, ...soft.steps.flatMap(s => s.pc.map(p => p.slot + 1)));
  const c = tc.el("pcmap"), sx = Math.max(2, Math.min(12, Math.floor(600 / slots))), sy = 4;
  c.width = slots * sx; c.height = soft.steps.length * sy;
  const ctx = c.getContext("2d");
  ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, c.width, c.height);
  soft.steps.forEach((s, t) => {
    for (const p of s.pc) {
      const v = Math.round(255 * (1 - Math.min(1, p.p)));
      ctx.fillStyle = "rgb(" + v + "," + v + ",255)";
      ctx.fillRect(p.slot * sx, t * sy, sx, sy);
    }
  });
}

function drawStep() {
  const t = Number(tc.el("softstep").value), s = soft.steps[t];
  tc.el("softstepno").textContent = t + " / " + (soft.steps.length - 1) + " at τ = " + soft.tau.toPrecision(3);
  const c = tc.el("opbars"), ctx = c.getContext("2d");
  ctx.clearRect(0, 0, c.width, c.height);
  const w = c.width / soft.opcodes.length;
  soft.opcodes.forEach((name, i) => {
    const h = s.opcodes[i] * (c.height - 30);
    ctx.fillStyle = "#3f6fd8"; ctx.fillRect(i * w + 1, c.height - 30 - h, w - 2, h);
    ctx.save(); ctx.translate(i * w + w / 2 + 3, c.height - 28); ctx.rotate(Math.PI / 2.5);
    ctx.fillStyle = "#333"; ctx.font = "9px sans-serif"; ctx.fillText(name, 0, 0); ctx.restore();
  });
  const table = tc.el("registers");
  table.textContent = "";
  s.registers.forEach((v, r) => {
    const tr = tc.make("tr");
    tr.append(tc.make("td", "", "r" + r), tc.make("td", "", v.toFixed(4)));
    table.appendChild(tr);
  });
  tc.el("halted").textContent = "halted mass " + s.halted.toFixed(4) + "; PC: " + s.pc.slice(0, 4).map(p => "slot " + p.slot + " " + p.p.toFixed(3)).join(", ");
}

let polling = null;
// The curve so far: each poll asks only for the points after these.
let learnCurve = [];
function addPoints(v) {
  if (v.since === learnCurve.length) learnCurve = learnCurve.concat(v.curve);
  else if (v.since === 0) learnCurve = v.curve.slice();
  v.curve = learnCurve;
  return v;
}
async function pollLearn() {
  try {
    const v = addPoints(await tc.post("/api/learn/poll", { since: learnCurve.length }));
    tc.el("learnstatus").textContent = v.task + " seed " + v.seed + ": " + v.episodes.toLocaleString("en") + " / " + v.budget.toLocaleString("en") + " episodes"
      + (v.done ? (v.error ? " · " + v.error : " · " + (v.solved ? "solved" : "not solved") + ", held-out accuracy " + v.accuracy.toFixed(3)) : " · running");
    drawLearn(v);
    if (v.done) { clearInterval(polling); polling = null; tc.el("learnprogram").textContent = v.program || ""; }
  } catch (e) { tc.el("learnstatus").textContent = "error: " + e.message; clearInterval(polling); polling = null; }
}

function drawLearn(v) {
  const c = tc.el("learnplot"), ctx = c.getContext("2d");
  ctx.clearRect(0, 0, c.width, c.height);
  ctx.strokeStyle = "#999"; ctx.strokeRect(40, 10, c.width - 50, c.height - 40);
  // the progress bar: episodes used of the budget, live
  ctx.fillStyle = "#dfe8fb"; ctx.fillRect(41, c.height - 28, (c.width - 52) * Math.min(1, v.episodes / v.budget), 6);
  c.dataset.points = v.curve ? v.curve.length : 0;
  if (!v.curve || v.curve.length === 0) return;
  // the x axis spans the budget while running, so the curve grows to the right as episodes are spent
  const maxE = Math.max(1, v.done ? v.episodes : v.budget, ...v.curve.map(p => p.episode));
  let maxLoss = 0;
  for (const p of v.curve) if (p.loss !== null && p.loss > maxLoss) maxLoss = p.loss;
  const x = e => 40 + (c.width - 50) * e / maxE, y = a => 10 + (c.height - 40) * (1 - a);
  const series = [["loss", "#1565c0", maxLoss || 1], ["accuracy", "#2e7d32", 1], ["score", "#c62828", 1]];
  for (const [key, color, scale] of series) {
    ctx.strokeStyle = color; ctx.beginPath();
    let started = false;
    for (const p of v.curve) {
      if (p[key] === null) continue;
      const px = x(p.episode), py = y(Math.max(0, Math.min(1, p[key] / scale)));
      started ? ctx.lineTo(px, py) : ctx.moveTo(px, py);
      started = true;
    }
    ctx.stroke();
  }
  ctx.fillStyle = "#333"; ctx.font = "11px sans-serif";
  ctx.fillText("training score (red), training accuracy (green), soft loss / " + (maxLoss ? maxLoss.toPrecision(3) : "–") + " (blue); "
    + v.curve.length + " points, x to episode " + maxE.toLocaleString("en"), 45, c.height - 8);
}

document.addEventListener("DOMContentLoaded", async () => {
  tc.el("softsource").value = SUM;
  for (const t of TASKS) { const o = tc.make("option", "", t); tc.el("task").appendChild(o); }
  await tc.open();
  tc.el("tauvalue").textContent = tau().toPrecision(3);
  tc.el("tau").addEventListener("input", () => { tc.el("tauvalue").textContent = tau().toPrecision(3); });
  tc.el("tau").addEventListener("change", runSoft);
  tc.el("softrun").addEventListener("click", runSoft);
  tc.el("softstep").addEventListener("input", () => soft && drawStep());
  tc.el("learnstart").addEventListener("click", async () => {
    try {
      learnCurve = [];
      tc.el("learnprogram").textContent = "";
      drawLearn(addPoints(await tc.post("/api/learn/start", { task: tc.el("task").value, seed: Number(tc.el("seed").value) })));
      if (!polling) polling = setInterval(pollLearn, 500);
    } catch (e) { tc.el("learnstatus").textContent = "error: " + e.message; }
  });
  tc.el("learncancel").addEventListener("click", () => tc.post("/api/learn/cancel", {}));
  await runSoft();
  document.body.dataset.ready = "true";
});
