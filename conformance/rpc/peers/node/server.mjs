// conform's Node Cap'n Web peer: capnweb 0.12 serving the test interface at /rpc over
// HTTP batch (POST) and WebSocket, on 127.0.0.1. Prints "port=N" once listening.
//   node server.mjs [port]      (0 or none = ephemeral)
import http from "node:http";
import { WebSocket, WebSocketServer } from "ws";

// capnweb reads the global WebSocket (capnweb.md §2.3); Node 20 has none.
globalThis.WebSocket ??= WebSocket;
const { newWebSocketRpcSession, nodeHttpBatchRpcResponse } = await import("capnweb");
const { TestTarget } = await import("./test-target.mjs");

const server = http.createServer(async (req, res) => {
  if (new URL(req.url, "http://x").pathname !== "/rpc") {
    res.writeHead(404).end();
    return;
  }
  try {
    await nodeHttpBatchRpcResponse(req, res, new TestTarget());
  } catch (err) {
    // capnweb's documented wrapper: a session that aborted answers 500.
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end("server error: " + (err && err.message ? err.message : String(err)));
  }
});

const wss = new WebSocketServer({ noServer: true });
server.on("upgrade", (req, socket, head) => {
  if (new URL(req.url, "http://x").pathname !== "/rpc") return socket.destroy();
  wss.handleUpgrade(req, socket, head, (ws) => newWebSocketRpcSession(ws, new TestTarget()));
});

// A misbehaving client must not take the peer down.
process.on("unhandledRejection", () => {});

server.listen(Number(process.argv[2] || 0), "127.0.0.1", () => {
  console.log(`port=${server.address().port}`);
});
for (const sig of ["SIGTERM", "SIGINT"]) process.on(sig, () => process.exit(0));
