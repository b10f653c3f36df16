// npm ws as a WebSocket CLIENT driven through a fuzzing server (`conform serve
// --client-tests`, or Autobahn's), the way ws's own Autobahn script does it:
// /getCaseCount, then /runCase?case=N&agent=A echoing every message, then
// /updateReports?agent=A.
//   node fuzzing-client.mjs ws://127.0.0.1:9001 [AGENT]
import WebSocket from "ws";

const base = (process.argv[2] ?? "").replace(/\/$/, "");
const agent = process.argv[3] ?? "node-ws";
if (!base.startsWith("ws://")) {
  console.error("usage: node fuzzing-client.mjs ws://HOST:PORT [AGENT]");
  process.exit(2);
}

// Resolves on close whatever happened: many cases end with the server failing the
// connection, and an error here is a case outcome, not a driver failure.
function open(path, onOpen) {
  return new Promise((resolve) => {
    const ws = new WebSocket(base + path, { maxPayload: 32 * 1024 * 1024, perMessageDeflate: true });
    onOpen(ws);
    ws.on("error", () => {}); // the case outcome is judged by the server, not here
    ws.on("close", resolve);
  });
}

let count = 0;
await open("/getCaseCount", (ws) => ws.on("message", (data) => (count = Number(data.toString()))));
console.log(`${agent}: ${count} cases`);
for (let n = 1; n <= count; n++) {
  await open(`/runCase?case=${n}&agent=${encodeURIComponent(agent)}`, (ws) =>
    ws.on("message", (data, isBinary) => ws.send(data, { binary: isBinary })));
}
await open(`/updateReports?agent=${encodeURIComponent(agent)}`, () => {});
