// npm ws as an echo server at /ws on 127.0.0.1:<port> (0 = ephemeral): every message
// goes back with its type, permessage-deflate negotiated when a client offers it (off by
// default in ws), messages up to 32 MiB (Autobahn's largest is 16 MiB). Prints port=N.
import { WebSocketServer } from "ws";

const port = Number(process.argv[2] ?? 0);
const server = new WebSocketServer({
  host: "127.0.0.1",
  port,
  path: "/ws",
  maxPayload: 32 * 1024 * 1024,
  perMessageDeflate: { threshold: 0 },
});
server.on("connection", (ws) => {
  ws.on("message", (data, isBinary) => ws.send(data, { binary: isBinary }));
  ws.on("error", () => {}); // ws closes with the RFC's code itself; nothing to add
});
server.on("listening", () => console.log(`port=${server.address().port}`));
