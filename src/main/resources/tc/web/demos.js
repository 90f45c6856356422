// The demos page: run a bundled demo on the server's transformer and draw its frames; play Snake.
"use strict";
function grid(values, width, chars) {
  const g = tc.make("div", "grid");
  g.style.gridTemplateColumns = "repeat(" + width + ", 1.6em)";
  for (const v of values) g.appendChild(tc.make("div", "", chars ? (chars[v] ?? "?") : String(v)));
  return g;
}

function drawViews(target, views) {
  target.textContent = "";
  for (const view of views) {
    view.frames.forEach((frame, f) => {
      const box = tc.make("div", "frame");
      const title = view.titles.length === view.frames.length ? view.titles[f] : view.titles.length ? view.titles[0] + " " + (f + 1) : "";
      if (title) box.appendChild(tc.make("div", "muted", title));
      const g = grid(frame, view.width, view.chars);
      g.dataset.frame = f;
      if (title) g.dataset.title = title;
      box.appendChild(g);
      target.appendChild(box);
    });
  }
}

async function runDemo(name) {
  tc.el("demostatus").textContent = "running " + name + " on " + tc.el("engine").value + "…";
  tc.el("sps").textContent = "";
  tc.el("demooutput").textContent = "";
  try {
    const r = await tc.post("/api/demo/run", { name, engine: tc.el("engine").value });
    tc.el("sps").textContent = r.stepsPerSecond.toLocaleString("en") + " steps/s";
    tc.el("demostatus").textContent = r.name + " on " + r.engine + ": " + r.status + ", " + r.steps.toLocaleString("en") + " steps in "
      + r.seconds.toFixed(2) + " s, retval " + r.retval;
    tc.el("demostatus").dataset.done = r.name;
    drawViews(tc.el("demooutput"), r.views);
  } catch (e) {
    tc.el("demostatus").textContent = "error: " + e.message;
  }
}

const KEYS = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 8, ArrowUp: -8, d: 1, a: -1, s: 8, w: -8 };
function drawSnake(v) {
  tc.el("snakestatus").textContent = "moves " + v.moves + " · eaten " + v.eaten + " · steps " + v.steps + (v.over ? " · game over" : "");
  tc.el("snakestatus").dataset.moves = v.moves;
  drawViews(tc.el("snakeboard"), v.views);
}
let snakeBusy = false;
async function snakeKey(e) {
  const key = KEYS[e.key];
  if (key === undefined || snakeBusy) return;
  e.preventDefault();
  snakeBusy = true;
  try { drawSnake(await tc.post("/api/snake/move", { key })); } catch (err) { tc.el("snakestatus").textContent = "error: " + err.message; }
  finally { snakeBusy = false; }
}

let tcRun = 0;
async function runTcDemo(name) {
  const run = ++tcRun;   // a newer click ends this loop
  try {
    let v = await tc.post("/api/tcdemo/start", { name });
    while (true) {
      tc.el("tcstatus").textContent = v.name + ": " + v.status + ", " + v.steps.toLocaleString("en") + " steps"
        + (v.stepsPerSecond ? ", " + v.stepsPerSecond.toLocaleString("en") + " steps/s" : "") + (v.halted ? ", retval " + v.retval : "");
      tc.el("tcconsole").textContent = v.console;
      tc.el("framebuffer").src = v.framebuffer;
      if (v.status !== "running" || run !== tcRun) break;
      v = await tc.post("/api/tcdemo/continue", { steps: 1000000 });
    }
    tc.el("tcstatus").dataset.done = name;
  } catch (e) { tc.el("tcstatus").textContent = "error: " + e.message; }
}

document.addEventListener("DOMContentLoaded", async () => {
  await tc.open();
  for (const name of await tc.get("/api/tcdemos")) {
    const b = tc.make("button", "", name);
    b.id = "tcdemo-" + name;
    b.addEventListener("click", () => runTcDemo(name));
    tc.el("tcdemolist").appendChild(b);
  }
  const demos = await tc.get("/api/demos");
  for (const d of demos) {
    if (d.name === "snake-play") continue;
    const b = tc.make("button", "", d.name);
    b.id = "demo-" + d.name;
    b.title = d.description + " (" + d.steps.toLocaleString("en") + " steps)";
    b.addEventListener("click", () => runDemo(d.name));
    tc.el("demolist").appendChild(b);
  }
  tc.el("cancel").addEventListener("click", () => tc.post("/api/cancel", {}));
  tc.el("snakestart").addEventListener("click", async () => {
    drawSnake(await tc.post("/api/snake/new", { engine: tc.el("engine").value }));
    tc.el("snakeboard").focus();
  });
  document.addEventListener("keydown", snakeKey);
  document.body.dataset.ready = "true";
});
