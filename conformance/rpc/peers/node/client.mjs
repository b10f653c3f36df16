// capnweb's TypeScript *client* driving a peer that serves the test interface: square,
// pipelined makeCounter→increment, callFunction with a client function, .map() and
// throwError, over WebSocket and over HTTP batch. Prints each check; exit 1 on any
// mismatch.   node client.mjs http://127.0.0.1:PORT/rpc
import { WebSocket } from "ws";

globalThis.WebSocket ??= WebSocket;
const { newHttpBatchRpcSession, newWebSocketRpcSession } = await import("capnweb");

const url = process.argv[2];
let failures = 0;
function check(name, got, want) {
  const ok = JSON.stringify(got) === JSON.stringify(want);
  if (!ok) failures++;
  console.log(`${ok ? "ok  " : "FAIL"} ${name}: ${JSON.stringify(got)}${ok ? "" : " (expected " + JSON.stringify(want) + ")"}`);
}
async function caught(promise) {
  try { await promise; return "no error"; } catch (e) { return `${e.name}: ${e.message}`; }
}

// WebSocket: one session, every scenario, including the server calling us back.
{
  const api = newWebSocketRpcSession(url.replace(/^http/, "ws"));
  check("ws square(5)", await api.square(5), 25);
  const counter = api.makeCounter(10);
  check("ws makeCounter(10).increment(5) pipelined", await counter.increment(5), 15);
  check("ws callFunction(x => x * 2, 21)", await api.callFunction((x) => x * 2, 21), { result: 42 });
  check("ws generateFibonacci(6).map(square)", await api.generateFibonacci(6).map((x) => api.square(x)), [0, 1, 1, 4, 9, 25]);
  check("ws throwError()", await caught(api.throwError()), "RangeError: test error");
  check("ws incrementCounter(makeCounter(1), 5)", await api.incrementCounter(api.makeCounter(1), 5), 6);
  const echoed = await api.echo({ big: 12345678901234567890n, when: new Date(1234), bytes: new Uint8Array([1, 2, 255]) });
  check("ws echo bigint, date, bytes",
        [typeof echoed.big, String(echoed.big), echoed.when.getTime(), echoed.bytes instanceof Uint8Array, [...echoed.bytes]],
        ["bigint", "12345678901234567890", 1234, true, [1, 2, 255]]);
  api[Symbol.dispose]();
}

// HTTP batch: everything in one request, pulled before the batch ends.
{
  const api = newHttpBatchRpcSession(url);
  const sq = api.square(6);
  const counter = api.makeCounter(2);
  const inc = counter.increment(3);
  const viaArg = api.incrementCounter(counter, 4);
  const mapped = api.generateFibonacci(5).map((x) => api.square(x));
  const err = caught(api.throwError());
  // Everything is awaited together: what is not pulled in this one batch breaks.
  const [a, b, c, m, e] = await Promise.all([sq, inc, viaArg, mapped, err]);
  check("batch square, pipelined counter, incrementCounter", [a, b, c], [36, 5, 9]);
  check("batch map", m, [0, 1, 1, 4, 9]);
  check("batch throwError()", e, "RangeError: test error");
}

console.log(failures ? `${failures} check(s) failed` : "all checks passed");
process.exit(failures ? 1 : 0);
