// Draws MCP Apps views in headless Chromium through the official host-side bridge, and reports
// what each view drew (points, bars, labels, its state) and a screenshot of it.
//
// usage: node chart_check.mjs VIEW_HTML CASES_JSON OUT_DIR NODE_MODULES CHROMIUM
//   CASES_JSON: [{"name": ..., "arguments": {...}, "result": <CallToolResult>}, ...]
//   NODE_MODULES: where @modelcontextprotocol/ext-apps and its dependencies are installed
// Prints one JSON object: {name: {state, points: [...], bars: [...], subtitle, height}}.
import { createServer } from "node:http";
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync, existsSync, statSync } from "node:fs";
import { join, dirname, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const [viewPath, casesPath, outDir, nodeModules, chromium] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const cases = JSON.parse(readFileSync(casesPath, "utf8"));
const types = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json" };

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  let file = null;
  if (path === "/host.html") file = join(here, "apps_host.html");
  else if (path === "/view.html") file = viewPath;
  else if (path.startsWith("/case/")) {
    const n = Number(path.slice(6).replace(".json", ""));
    res.writeHead(200, { "Content-Type": "application/json" });
    return res.end(JSON.stringify(cases[n]));
  } else if (path.startsWith("/nm/")) {
    const candidate = normalize(join(nodeModules, path.slice(4)));
    if (candidate.startsWith(nodeModules)) file = candidate;
  }
  if (!file || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404);
    return res.end();
  }
  const ext = file.slice(file.lastIndexOf("."));
  res.writeHead(200, { "Content-Type": types[ext] || "application/octet-stream" });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const port = server.address().port;

const browser = spawn(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
  "--window-size=720,1200", `--user-data-dir=${join(outDir, "chromium-profile")}`, "about:blank"],
  { stdio: ["ignore", "ignore", "pipe"] });
const wsUrl = await new Promise((ok, fail) => {
  let text = "";
  browser.stderr.on("data", (d) => {
    text += d;
    const m = text.match(/DevTools listening on (ws:\/\/\S+)/);
    if (m) ok(m[1]);
  });
  setTimeout(() => fail(new Error("chromium did not start: " + text)), 20000);
});

// the browser-level connection, with flat sessions for the page and its out-of-process frame
const ws = new WebSocket(wsUrl);
await new Promise((ok) => ws.addEventListener("open", ok));
let seq = 0;
const waiting = new Map();
const listeners = [];
ws.addEventListener("message", (event) => {
  const m = JSON.parse(event.data);
  if (m.id && waiting.has(m.id)) {
    const { ok, fail } = waiting.get(m.id);
    waiting.delete(m.id);
    m.error ? fail(new Error(JSON.stringify(m.error))) : ok(m.result);
  } else listeners.forEach((f) => f(m));
});
const cdp = (method, params = {}, sessionId) => new Promise((ok, fail) => {
  const id = ++seq;
  waiting.set(id, { ok, fail });
  ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
});
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

const measure = `(() => {
  const q = (s) => [...document.querySelectorAll(s)];
  return {
    state: document.getElementById("root").dataset.state,
    subtitle: (document.getElementById("period") || {}).textContent || "",
    title: (document.querySelector("h1") || {}).textContent || "",
    points: q("circle.point").map((c) => ({ series: c.dataset.series, period: c.dataset.period, value: +c.dataset.value, cy: +c.getAttribute("cy") })),
    bars: q("rect.bar").map((r) => ({ label: r.dataset.label, value: +r.dataset.value, width: +r.getAttribute("width") })),
    tableRows: q("#table tr").length,
  };
})()`;

const report = {};
try {
  for (let n = 0; n < cases.length; n++) {
    const { targetId } = await cdp("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await cdp("Target.attachToTarget", { targetId, flatten: true });
    let frameSession = null;
    listeners.push((m) => {
      if (m.method === "Target.attachedToTarget" && m.sessionId === sessionId && m.params.targetInfo.type === "iframe") {
        frameSession = m.params.sessionId;
      }
    });
    await cdp("Page.enable", {}, sessionId);
    await cdp("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: true }, sessionId);
    await cdp("Page.navigate", { url: `http://127.0.0.1:${port}/host.html?case=${n}` }, sessionId);
    let drawn = null;
    for (let i = 0; i < 100 && !drawn; i++) {
      await sleep(100);
      if (!frameSession) continue;
      const r = await cdp("Runtime.evaluate", { expression: measure, returnByValue: true }, frameSession).catch(() => null);
      const value = r && r.result && r.result.value;
      if (value && value.state && value.state !== "waiting") drawn = value;
    }
    await sleep(300); // the host applies the view's reported height
    const height = await cdp("Runtime.evaluate", { expression: "document.getElementById('status').dataset.height || ''", returnByValue: true }, sessionId);
    const shot = await cdp("Page.captureScreenshot", { format: "png", clip: { x: 0, y: 0, width: 700, height: Math.min(1200, Number(height.result.value || 400) + 40), scale: 1 } }, sessionId);
    writeFileSync(join(outDir, `${cases[n].name}.png`), Buffer.from(shot.data, "base64"));
    report[cases[n].name] = { ...(drawn || { state: "not drawn" }), height: Number(height.result.value || 0) };
    await cdp("Target.closeTarget", { targetId });
  }
} finally {
  ws.close();
  browser.kill();
  server.close();
}
console.log(JSON.stringify(report));
