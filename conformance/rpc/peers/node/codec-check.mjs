// Runs conform's value vectors through capnweb's own codec (deserialize, then
// serialize; docs/rpc-vectors.md) and prints one line per disagreement; exit status 1 if any.
//   node codec-check.mjs path/to/values.json
import { readFileSync } from "node:fs";
import { WebSocket } from "ws";

globalThis.WebSocket ??= WebSocket;
const { serialize, deserialize } = await import("capnweb");

// JSON values equal, numbers by value, object keys in any order.
function same(a, b) {
  if (typeof a === "number" && typeof b === "number") return a === b || (a !== a && b !== b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a), kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
  }
  return a === b;
}

const doc = JSON.parse(readFileSync(process.argv[2], "utf8"));
let bad = 0, checked = 0, skipped = 0;
for (const v of doc.vectors) {
  // References need a session: the session vectors cover them.
  const tag = Array.isArray(v.wire) ? v.wire[0] : null;
  if (["import", "pipeline", "export", "promise", "remap", "readable"].includes(tag)) { skipped++; continue; }
  checked++;
  let got, error;
  try {
    // As echo's argument the value sits at depth 1 of its message; so it does here.
    got = JSON.parse(serialize(deserialize(JSON.stringify([[v.wire]]))[0]));
  } catch (e) {
    error = e;
  }
  if ("canonical" in v) {
    if (error) { bad++; console.log(`${v.id}: expected ${JSON.stringify(v.canonical)}, threw ${error.name}: ${error.message}`); }
    else if (!same(got, v.canonical)) { bad++; console.log(`${v.id}: expected ${JSON.stringify(v.canonical)}, got ${JSON.stringify(got)}`); }
  } else {
    const want = v.error;
    const msgOk = error && ("message" in want ? error.message === want.message
                                               : !("message_prefix" in want) || error.message.startsWith(want.message_prefix));
    if (!error || (want.name !== "*" && error.name !== want.name) || !msgOk) {
      bad++;
      console.log(`${v.id}: expected ${want.name}: ${want.message ?? want.message_prefix ?? ""}, got ${error ? error.name + ": " + error.message : JSON.stringify(got)}`);
    }
  }
}
console.log(`checked ${checked}, skipped ${skipped} (references), disagreements ${bad}`);
process.exit(bad ? 1 : 0);
