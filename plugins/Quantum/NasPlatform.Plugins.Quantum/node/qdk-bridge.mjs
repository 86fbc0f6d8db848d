// The quantum plugin's bridge to Microsoft's Quantum Development Kit (npm package qsharp-lang, pinned in
// package.json / package-lock.json beside this file). NasPlatform runs it as a child process: one JSON
// document on stdin, {"requests": [...]}, one on stdout, {"results": [...]} in the same order, so a whole
// batch of circuits costs one Node start and one WebAssembly load.
//
// Requests (each answered by {"ok": true, ...} or {"ok": false, "error": text, "diagnostics": [...]}):
//   {"op": "state", "source": Q#, "expr": "Ns.Main()"}       -> {"qubits": n, "state": {"|01⟩": [re, im], ...}}
//        the last DumpMachine of one shot of Microsoft's simulator (full double precision).
//   {"op": "qasm-state", "source": OpenQASM}                 -> {"qubits": n, "state": {...}, "digits": 4}
//        Microsoft's OpenQASM 3 compiler and simulator, state read by its debugger at the program's end
//        (OpenQASM has no DumpMachine; the debugger prints amplitudes with 4 decimals).
//   {"op": "qir", "source": Q#, "profile": "base"}           -> {"qir": LLVM text}
//   {"op": "estimate", "source": Q#, "expr": "", "params": [{...}]} -> {"estimates": [...]}
//        the Azure Quantum Resource Estimator.
// Diagnostics carry the document, 1-based line and column, code and message of Microsoft's compiler.
// The first argument is the folder holding node_modules/qsharp-lang.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const home = process.argv[2];
if (!home) {
  process.stderr.write("usage: node qdk-bridge.mjs <folder with node_modules/qsharp-lang>\n");
  process.exit(2);
}

const packageDir = join(home, "node_modules", "qsharp-lang");
const qsharp = await import(pathToFileURL(join(packageDir, "dist", "node.js")).href);
await qsharp.loadWasmModule(await readFile(join(packageDir, "lib", "web", "qsc_wasm_bg.wasm")));
const version = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8")).version;
const compiler = await qsharp.getCompiler();

function diagnosticsOf(error) {
  const list = Array.isArray(error?.diagnostics) ? error.diagnostics : [];
  return list.map((d) => ({
    document: d.document ?? "",
    line: (d.diagnostic?.range?.start?.line ?? -1) + 1,
    column: (d.diagnostic?.range?.start?.character ?? -1) + 1,
    code: d.diagnostic?.code ?? "",
    message: d.diagnostic?.message ?? String(d),
  }));
}

function program(request, projectType) {
  const name = projectType === "openqasm" ? "circuit.qasm" : "circuit.qs";
  return { sources: [[name, request.source]], languageFeatures: [], projectType, profile: request.profile ?? "unrestricted" };
}

async function state(request) {
  const events = new qsharp.QscEventTarget(true);
  let thrown = null;
  try {
    await compiler.run(program(request, "qsharp"), request.expr, 1, events);
  } catch (error) {
    thrown = error;
  }

  // A compile or runtime error is reported both ways; the shot's record carries the full diagnostics.
  const shot = events.getResults()[0];
  if (!shot && thrown) throw thrown;
  if (!shot?.success) {
    const error = new Error(shot?.result?.message ?? "the program failed");
    error.diagnostics = shot?.result?.errors ?? [];
    throw error;
  }

  const dumps = shot.events.filter((e) => e.type === "DumpMachine");
  if (dumps.length === 0) throw new Error("the program made no DumpMachine call");
  const last = dumps[dumps.length - 1];
  return { qubits: last.qubitCount, state: last.state };
}

// "0.9288+0.0000𝑖" or "0.0000−0.0512𝑖" (Unicode minus) as [re, im].
function complexOf(text) {
  const clean = text.replace(/\u2212/g, "-").replace(/𝑖|i/g, "");
  const match = /^([-+]?[0-9.eE]+)([-+][0-9.eE]+)$/.exec(clean);
  if (!match) throw new Error(`unreadable amplitude '${text}'`);
  return [Number(match[1]), Number(match[2])];
}

async function qasmState(request) {
  // A trailing statement to stop at: the debugger shows the state before the statement it stops on.
  const source = `${request.source.replace(/\s*$/, "")}\nint nas_bridge_end = 0;\n`;
  const debug = await qsharp.getDebugService();
  try {
    const loaded = await debug.loadProgram(program({ ...request, source }, "openqasm"), undefined);
    if (loaded) throw new Error(loaded);
    const spans = await debug.getBreakpoints("circuit.qasm");
    const endLine = source.split("\n").length - 2;
    const stops = spans.filter((s) => s.range.start.line === endLine).map((s) => s.id);
    if (stops.length === 0) throw new Error("no place to stop at the program's end");
    await debug.evalContinue(stops, new qsharp.QscEventTarget(false));
    const entries = await debug.captureQuantumState();
    const amplitudes = {};
    for (const entry of entries) amplitudes[entry.name] = complexOf(entry.value);
    const first = entries[0]?.name ?? "|⟩";
    return { qubits: first.length - 2, state: amplitudes, digits: 4 };
  } finally {
    await debug.dispose();
  }
}

async function answer(request) {
  switch (request.op) {
    case "state":
      return state(request);
    case "qasm-state":
      return qasmState(request);
    case "qir":
      return { qir: await compiler.getQir(program(request, "qsharp")) };
    case "estimate": {
      const text = await compiler.getEstimates(program(request, "qsharp"), request.expr ?? "", JSON.stringify(request.params ?? [{}]));
      return { estimates: JSON.parse(text) };
    }
    default:
      throw new Error(`unknown op '${request.op}'`);
  }
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const results = [];
for (const request of input.requests ?? []) {
  try {
    results.push({ ok: true, ...(await answer(request)) });
  } catch (error) {
    results.push({ ok: false, error: error?.message ?? String(error), diagnostics: diagnosticsOf(error) });
  }
}

process.stdout.write(JSON.stringify({ qsharpLang: version, results }));
