// The dashboard page: plain JavaScript, no framework, no network beyond this server.
"use strict";

const state = { key: null, trials: null, sort: { column: "number", descending: false }, known: new Set(), events: null, detail: null, detailState: null };

const $ = (id) => document.getElementById(id);
const text = (value) => document.createTextNode(value == null ? "-" : String(value));
const number = (value) => value == null ? "-" : (Math.abs(value) >= 1e5 || (value !== 0 && Math.abs(value) < 1e-3) ? value.toExponential(4) : +value.toPrecision(6));
const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  children.forEach((child) => node.append(child instanceof Node ? child : text(child)));
  return node;
};

async function getJson(url) {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

async function loadExperiments() {
  const experiments = await getJson("api/experiments");
  const list = $("experiments");
  list.replaceChildren(...experiments.map((e) => {
    const item = el("li", { "data-key": e.key },
      el("strong", {}, e.name),
      el("small", {}, `${e.strategy} · ${e.status} · ${e.counts.completed} completed, ${e.counts.failed} failed, ${e.counts.running} running`));
    if (e.key === state.key) item.classList.add("selected");
    item.addEventListener("click", () => { Routes.write({ e: e.key, t: null }, true); select(e.key).catch(showError); });
    return item;
  }));
  if (!state.key && experiments.length > 0) {
    const wanted = Routes.read().e;
    if (wanted && !experiments.some((e) => e.key === wanted)) $("live").textContent = `no experiment '${wanted}' here; showing the first`;
    await select(experiments.some((e) => e.key === wanted) ? wanted : experiments[0].key);
  }
  const current = experiments.find((e) => e.key === state.key);
  if (current) {
    $("experiment-title").textContent = current.name;
    const objectives = current.objectives.map((o) => `${o.direction} ${o.metric}`).join(", ");
    const best = current.best.map((b) => `trial ${b.number}: ` + current.objectives.map((o) => `${o.metric} = ${number(b.metrics[o.metric])}`).join(", ")).join("; ");
    $("experiment-summary").textContent = `${current.plugin} · ${current.strategy} · ${current.status} · ${objectives} · best ${best || "none yet"} · ${current.store}`;
  }
}

async function select(key) {
  if (state.key === key && state.trials) return;
  state.key = key;
  state.trials = null;
  state.known = new Set();
  Views.data = null;
  closeDetail();
  $("experiment").hidden = false;
  for (const item of $("experiments").children) item.classList.toggle("selected", item.dataset.key === key);
  if (state.events) state.events.close();
  await refresh();
  listen();
}

function listen() {
  // Server-sent events: the server says when the store changed; the page then re-reads.
  const source = new EventSource(`api/experiments/${state.key}/events`);
  state.events = source;
  source.addEventListener("version", () => refresh().catch(showError));
  source.onopen = () => { $("live").textContent = "live"; };
  source.onerror = () => { $("live").textContent = "reconnecting…"; };
}

async function refresh() {
  const key = state.key;
  const trials = await getJson(`api/experiments/${key}/trials`);
  if (key !== state.key) return;
  const first = state.trials === null;
  state.trials = trials;
  if (first) setUpFilters(trials);
  renderTrials(first);
  await loadExperiments();
  // A trial open in the detail panel is re-read when it changes state (running, then completed).
  const open = state.detail === null ? null : trials.trials.find((t) => t.number === state.detail);
  if (open && open.state !== state.detailState) await showDetail(open.number, true);
  // The charts come after the table, and nothing waits for them (the analysis takes longer: importance is refitted once per change).
  Views.refresh(key, trials.version).catch(showError);
}

function setUpFilters(trials) {
  const metric = $("filter-metric");
  metric.replaceChildren(el("option", { value: "" }, "any"), ...trials.metrics.map((m) => el("option", { value: m }, m)));
}

// A choice column's id is "choice." + its name, so a choice never shadows a metric or a trial field of the same name.
const choicePrefix = "choice.";

// Metric and choice columns: the ones the "columns" box names (comma-separated, a choice bare or as choice.NAME),
// else the objectives, four more metrics and, when there are at most 12, every choice of the candidate.
function pickedColumns() {
  const { metrics, objectives } = state.trials;
  const choices = state.trials.choiceNames || [];
  const typed = $("columns").value.split(",").map((c) => c.trim()).filter((c) => c);
  const unknown = [];
  const picked = typed.map((c) => {
    if (metrics.includes(c)) return c;
    if (choices.includes(c)) return choicePrefix + c;
    if (c.startsWith(choicePrefix) && choices.includes(c.slice(choicePrefix.length))) return c;
    unknown.push(c);
    return null;
  }).filter((c) => c);
  const known = [...metrics, ...choices];
  $("columns-note").textContent = unknown.map((u) => {
    const near = known.find((k) => k.toLowerCase().startsWith(u.toLowerCase())) || known.find((k) => distance(u, k) <= Math.min(2, Math.floor(u.length / 3)));
    return `no column '${u}'` + (near ? `; did you mean ${near}?` : "");
  }).join("; ") || (state.trials.choicesNote ? `note: ${state.trials.choicesNote}` : "");
  if (picked.length > 0) return picked;
  return [...objectives, ...metrics.filter((m) => !objectives.includes(m)).slice(0, 4), ...(choices.length <= 12 ? choices.map((c) => choicePrefix + c) : [])];
}

// Edits from one name to the other (insert, delete, substitute), ignoring case: enough for "did you mean".
function distance(a, b) {
  a = a.toLowerCase(); b = b.toLowerCase();
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

function columns() {
  return ["number", "state", "fidelity", ...pickedColumns(), "seconds", "error"];
}

function value(trial, column) {
  if (column.startsWith(choicePrefix) && trial.choices) {
    const v = trial.choices[column.slice(choicePrefix.length)];
    // Numeric choices (a kernel size, a learning rate) sort as numbers.
    return v !== "" && v != null && !Number.isNaN(Number(v)) ? Number(v) : v;
  }
  if (column in trial && column !== "metrics") return trial[column];
  return trial.metrics[column];
}

function renderTrials(first) {
  const cols = columns();
  const head = el("tr", {}, ...cols.map((c) => {
    const th = el("th", { "data-column": c }, c.startsWith(choicePrefix) ? c.slice(choicePrefix.length) : c);
    if (state.sort.column === c) th.classList.add(state.sort.descending ? "sorted-desc" : "sorted-asc");
    th.addEventListener("click", () => {
      state.sort = { column: c, descending: state.sort.column === c ? !state.sort.descending : false };
      Routes.write({ sort: c + (state.sort.descending ? ":desc" : "") }, true);
      renderTrials(false);
    });
    return th;
  }));
  $("trials").tHead.replaceChildren(head);

  const wanted = $("filter-state").value;
  const metric = $("filter-metric").value;
  const min = parseFloat($("filter-min").value);
  const max = parseFloat($("filter-max").value);
  let rows = state.trials.trials.filter((t) => {
    if (wanted && t.state !== wanted) return false;
    if (metric) {
      const v = t.metrics[metric];
      if (v == null) return false;
      if (!Number.isNaN(min) && v < min) return false;
      if (!Number.isNaN(max) && v > max) return false;
    }
    return true;
  });
  const { column, descending } = state.sort;
  rows = rows.slice().sort((a, b) => {
    const x = value(a, column), y = value(b, column);
    if (x == null && y == null) return 0;
    if (x == null) return 1;
    if (y == null) return -1;
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return descending ? -order : order;
  });
  $("trials").tBodies[0].replaceChildren(...rows.map((t) => {
    const row = el("tr", { "data-number": t.number, "data-state": t.state }, ...cols.map((c) => {
      const v = value(t, c);
      if (c.startsWith(choicePrefix)) return el("td", { class: "choice" }, v == null ? "" : String(v));
      return typeof v === "number" && c !== "number" ? el("td", { class: "n" }, number(v)) : el("td", {}, c === "number" && t.best ? `${v} *` : v);
    }));
    row.classList.toggle("failed", t.state === "failed");
    row.classList.toggle("best", t.best);
    row.classList.toggle("open", t.number === state.detail);
    if (!first && !state.known.has(t.number)) row.classList.add("new");
    row.addEventListener("click", (event) => { if (event.ctrlKey || event.metaKey) Compare.toggle(t.number); else openTrial(t.number); });
    return row;
  }));
  state.trials.trials.forEach((t) => state.known.add(t.number));
  $("trial-count").textContent = `${rows.length} of ${state.trials.trials.length} trials`;
  Compare.render();
}

// Opens a trial's panel as a navigation (the back button closes it again).
function openTrial(number) {
  Routes.write({ t: number }, true);
  showDetail(number, true).catch(showError);
}

function closeDetail() {
  $("detail").hidden = true;
  document.querySelector("main").classList.remove("with-detail");
  state.detail = null;
  state.detailState = null;
  for (const row of document.querySelectorAll("#trials tr.open")) row.classList.remove("open");
}

async function showDetail(trialNumber, withViews) {
  state.detail = trialNumber;
  const t = await getJson(`api/experiments/${state.key}/trials/${trialNumber}`);
  if (state.detail !== trialNumber) return;
  state.detailState = t.state;
  $("detail").hidden = false;
  document.querySelector("main").classList.add("with-detail");
  for (const row of $("trials").tBodies[0].rows) row.classList.toggle("open", Number(row.dataset.number) === trialNumber);
  $("detail-title").textContent = `Trial ${t.number} (${t.state}, ${t.fidelity})`;
  const metricRows = (values) => el("table", {}, ...Object.entries(values).map(([k, v]) => el("tr", {}, el("td", {}, k), el("td", { class: "n" }, number(v)))));
  const summary = state.trials && state.trials.trials.find((r) => r.number === t.number);
  const choices = summary && summary.choices ? Object.entries(summary.choices) : [];
  const compare = el("button", { type: "button", id: "detail-compare" }, Compare.numbers.includes(t.number) ? "take out of the comparison" : "compare");
  compare.addEventListener("click", () => { Compare.toggle(t.number); compare.textContent = Compare.numbers.includes(t.number) ? "take out of the comparison" : "compare"; });
  const body = [
    compare,
    el("h4", {}, "Metrics"), metricRows(t.metrics),
    ...(choices.length ? [el("h4", {}, "Choices"), el("table", { id: "detail-choices" }, ...choices.map(([k, v]) => el("tr", {}, el("td", {}, k), el("td", { class: "choice" }, v))))] : []),
    el("h4", {}, "Candidate (JSON)"), el("pre", { id: "detail-candidate" }, JSON.stringify(t.candidate, null, 2)),
    el("h4", {}, "Free statistics"), metricRows(t.freeStatistics),
    el("h4", {}, "Artifacts"),
    t.artifacts.length === 0 ? el("p", { class: "note" }, "none")
      : el("ul", {}, ...t.artifacts.map((a) => el("li", {}, `${a.name}: ${a.path}` + (a.bytes == null ? " (missing)" : ` (${a.bytes} bytes)`)))),
    el("p", { class: "note" }, `worker ${t.worker ?? "-"} · ${t.seconds == null ? "-" : number(t.seconds) + " s"} · hash ${t.hash}`),
  ];
  if (t.error) body.push(el("h4", {}, "Error"), el("pre", { id: "detail-error" }, t.error));
  const views = el("div", { class: "views", id: "detail-views" });
  body.push(el("h4", {}, "Domain views"), views);
  $("detail-body").replaceChildren(...body);
  if (Views.data && Views.key === state.key) NasLineage.panel($("detail-body"), Views.data, t.number, openTrial);
  if (withViews && t.state === "completed") {
    views.append(el("p", { class: "note" }, "rendering…"));
    const response = await fetch(`api/experiments/${state.key}/trials/${trialNumber}/views`);
    // The fragment comes from this server's plugins (trusted code, no scripts by contract).
    views.innerHTML = await response.text();
  } else {
    views.append(el("p", { class: "note" }, "only completed trials have domain views"));
  }
}

function showError(error) {
  $("live").textContent = `error: ${error.message}`;
}

// Puts the page in the state its URL names: on load (a link opened cold) and on the back and forward buttons.
async function applyRoute() {
  const route = Routes.read();
  $("filter-state").value = route.state || "";
  $("filter-min").value = route.min || "";
  $("filter-max").value = route.max || "";
  $("columns").value = route.cols || "";
  const [column, order] = (route.sort || "number").split(":");
  state.sort = { column, descending: order === "desc" };
  Views.active = route.chart || "history";
  Compare.read(route);
  Views.choice = route.choice || null;
  if (route.e && route.e !== state.key) await select(route.e);
  if (state.trials) {
    $("filter-metric").value = route.metric || "";
    renderTrials(false);
  }
  Views.render();
  Compare.render();
  const trial = route.t == null ? null : Number(route.t);
  if (trial === null) closeDetail();
  else if (trial !== state.detail) await showDetail(trial, true);
}

const filterRoute = { "filter-state": "state", "filter-metric": "metric", "filter-min": "min", "filter-max": "max", columns: "cols" };
$("detail-close").addEventListener("click", () => { Routes.write({ t: null }, true); closeDetail(); });
for (const [id, name] of Object.entries(filterRoute)) {
  $(id).addEventListener("input", () => { Routes.write({ [name]: $(id).value }, false); renderTrials(false); });
}
window.addEventListener("popstate", () => applyRoute().catch(showError));
loadExperiments().then(applyRoute).then(() => Watch.start(loadExperiments)).catch(showError);
