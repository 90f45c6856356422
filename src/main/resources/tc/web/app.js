// Shared by every page: the tab's server-side session (opened on load, closed by a beacon when the
// tab goes away) and a JSON helper that shows the server's one-line errors.
"use strict";
const tc = {
  session: null,
  async open() {
    const r = await tc.post("/api/session/open", {});
    tc.session = r.id;
    return r;
  },
  async post(path, body) {
    if (tc.session && body && body.id === undefined && path !== "/api/session/open") body.id = tc.session;
    const res = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body || {}) });
    const json = await res.json();
    if (!res.ok) { const e = new Error(json.error || ("HTTP " + res.status)); e.status = res.status; e.body = json; throw e; }
    return json;
  },
  async get(path) {
    const res = await fetch(path);
    const json = await res.json();
    if (!res.ok) throw new Error(json.error || ("HTTP " + res.status));
    return json;
  },
  el(id) { return document.getElementById(id); },
  make(tag, cls, text) { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; },
  nav(here) {
    const h = document.querySelector("header");
    for (const [href, name] of [["/debugger", "Debugger"], ["/demos", "Demos"], ["/computer", "Tensor Computer"]]) {
      const a = tc.make("a", href === here ? "here" : "", name); a.href = href; h.appendChild(a);
    }
  },
};
// a closed tab frees its session at once; a tab that vanishes without this is expired when idle
window.addEventListener("pagehide", () => {
  if (tc.session) navigator.sendBeacon("/api/session/close", new Blob([JSON.stringify({ id: tc.session })], { type: "application/json" }));
});
document.addEventListener("DOMContentLoaded", () => tc.nav(location.pathname));
