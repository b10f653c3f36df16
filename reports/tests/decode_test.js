// Tests of report.html's transcript decoders (reports/html/decode.js) on hand-made
// bytes. Run by CTest: node --test reports/tests/decode_test.js
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const decode = require(path.join(__dirname, "..", "html", "decode.js"));

// Bytes as report.json stores them: one code point per byte.
const wire = (...parts) => parts.map((p) => (typeof p === "string" ? p : String.fromCharCode(...p))).join("");
const field = (unit, name) => (unit.fields.find(([k]) => k === name) || [])[1];
const send = (data, conn = 1) => ({ t_us: 0, conn, dir: "send", data });
const recv = (data, conn = 1) => ({ t_us: 0, conn, dir: "recv", data });

test("bytes round trip through report.json's code points", () => {
  assert.deepEqual(Array.from(decode.bytesOf(wire([0, 0x7f, 0x80, 0xff]))), [0, 0x7f, 0x80, 0xff]);
  assert.equal(decode.hexDump(decode.bytesOf("GET / HTTP/1.1\r\n")),
    "000000  47 45 54 20 2f 20 48 54 54 50 2f 31 2e 31 0d 0a  GET / HTTP/1.1..");
});

test("suites map to protocols", () => {
  assert.equal(decode.protocolOf("http1"), "http1");
  assert.equal(decode.protocolOf("websocket"), "ws");
  assert.equal(decode.protocolOf("ws"), "ws");
  assert.equal(decode.protocolOf("hpack"), "h2");
  assert.equal(decode.protocolOf("rpc"), "rpc");
  assert.equal(decode.protocolOf("tls"), "http1");
});

test("HTTP/1 events stay one message each, bytes kept", () => {
  const [units] = decode.decodeTranscript("http1", [send("GET / HTTP/1.1\r\nHost: a\r\n\r\n\x00")]);
  assert.equal(units.length, 1);
  assert.equal(units[0].kind, "http");
  assert.equal(units[0].head, "GET / HTTP/1.1");
  assert.equal(units[0].body, "GET / HTTP/1.1\r\nHost: a\r\n\r\n\x00");
});

test("a masked WebSocket text frame is unmasked", () => {
  // RFC 6455 §5.7: a masked "Hello"
  const { unit, size } = decode.wsFrame(decode.bytesOf(wire([0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58])));
  assert.equal(size, 11);
  assert.equal(unit.head, "WebSocket text");
  assert.equal(field(unit, "flags"), "FIN");
  assert.equal(field(unit, "length"), "5");
  assert.equal(field(unit, "mask"), "37 fa 21 3d");
  assert.equal(unit.text, "Hello");
});

test("WebSocket close, RSV bits, 16-bit lengths and partial frames", () => {
  const close = decode.wsFrame(decode.bytesOf(wire([0x88, 0x05, 0x03, 0xea], "bye"))).unit;
  assert.equal(field(close, "code"), "1002");
  assert.equal(field(close, "reason"), "bye");
  const rsv = decode.wsFrame(decode.bytesOf(wire([0x42, 0x00]))).unit;
  assert.equal(field(rsv, "flags"), "no FIN RSV1");
  assert.equal(field(rsv, "opcode"), "binary (0x2)");
  const long = decode.wsFrame(decode.bytesOf(wire([0x82, 0x7e, 0x01, 0x00], "x".repeat(256))));
  assert.equal(field(long.unit, "length"), "256");
  assert.equal(long.size, 260);
  assert.equal(decode.wsFrame(decode.bytesOf(wire([0x82, 0x7e, 0x01, 0x00], "x"))), null);
  assert.equal(field(decode.wsFrame(decode.bytesOf(wire([0x8b, 0x00]))).unit, "opcode"), "reserved (0xb)");
});

test("a WebSocket transcript: the upgrade as HTTP, then frames, split frames joined", () => {
  const events = [
    send("GET /ws HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"),
    recv("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n" + wire([0x81, 0x02], "h")),
    recv("i" + wire([0x88, 0x02, 0x03, 0xe8])),
    recv(wire([0x89])),
  ];
  const out = decode.decodeTranscript("websocket", events);
  assert.equal(out[0][0].kind, "http");
  assert.deepEqual(out[1].map((u) => u.kind), ["http"]);
  assert.equal(out[1][0].head, "HTTP/1.1 101 Switching Protocols");
  assert.deepEqual(out[2].map((u) => u.head), ["WebSocket text", "WebSocket close"]);
  assert.equal(out[2][0].text, "hi");
  assert.equal(field(out[2][1], "code"), "1000");
  assert.equal(out[3][0].kind, "partial");
  assert.match(out[3][0].head, /1 bytes left over/);
});

test("a refused upgrade stays HTTP", () => {
  const out = decode.decodeTranscript("ws", [recv("HTTP/1.1 400 Bad Request\r\nContent-Length: 2\r\n\r\nno")]);
  assert.deepEqual(out[0].map((u) => u.kind), ["http"]);
});

const h2 = (type, flags, stream, payload) => wire([0, 0, payload.length, type, flags, 0, 0, 0, stream], payload);

test("HTTP/2: the preface, then SETTINGS decoded", () => {
  const settings = h2(4, 0, 0, [0, 3, 0, 0, 0, 100, 0, 4, 0, 0, 0xff, 0xff]);
  const [units] = decode.decodeTranscript("http2", [send("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + settings)]);
  assert.deepEqual(units.map((u) => u.kind), ["preface", "h2"]);
  assert.equal(units[0].head, "HTTP/2 connection preface");
  assert.equal(units[1].head, "SETTINGS");
  assert.equal(field(units[1], "MAX_CONCURRENT_STREAMS"), "100");
  assert.equal(field(units[1], "INITIAL_WINDOW_SIZE"), "65535");
  assert.equal(field(units[1], "flags"), "none");
});

test("HTTP/2: GOAWAY, RST_STREAM, WINDOW_UPDATE, PING, SETTINGS ACK from the target", () => {
  const bytes = h2(4, 1, 0, []) + h2(7, 0, 0, [0, 0, 0, 3, 0, 0, 0, 1, 0x62, 0x61, 0x64]) + h2(3, 0, 5, [0, 0, 0, 8]) +
    h2(8, 0, 0, [0x80, 0, 0x10, 0]) + h2(6, 1, 0, [1, 2, 3, 4, 5, 6, 7, 8]);
  const [units] = decode.decodeTranscript("http2", [recv(bytes)]);
  assert.deepEqual(units.map((u) => u.head), ["SETTINGS", "GOAWAY", "RST_STREAM", "WINDOW_UPDATE", "PING"]);
  assert.equal(field(units[0], "flags"), "ACK");
  assert.equal(field(units[1], "last stream"), "3");
  assert.equal(field(units[1], "error code"), "PROTOCOL_ERROR (0x1)");
  assert.equal(units[1].text, "bad");
  assert.equal(field(units[2], "stream"), "5");
  assert.equal(field(units[2], "error code"), "CANCEL (0x8)");
  assert.equal(field(units[3], "increment"), "4096");
  assert.equal(field(units[4], "opaque data"), "01 02 03 04 05 06 07 08");
});

test("HTTP/2: HEADERS flags and padding, DATA, malformed lengths, unknown types", () => {
  const [units] = decode.decodeTranscript("hpack", [recv(
    h2(1, 0x0d, 1, [2, 0x82, 0x86, 0, 0]) + h2(0, 1, 1, [0x68, 0x69]) + h2(3, 0, 1, [0, 0]) + h2(4, 0, 0, [0, 1, 0]) +
    h2(0xfa, 0, 0, []))]);
  assert.equal(field(units[0], "flags"), "END_STREAM END_HEADERS PADDED");
  assert.equal(field(units[0], "pad length"), "2");
  assert.equal(units[0].hexBody, "82 86");
  assert.equal(units[1].body, "hi");
  assert.equal(field(units[2], "error"), "length 2, not 4");
  assert.equal(field(units[3], "error"), "length 3 is not a multiple of 6");
  assert.equal(units[4].head, "unknown type 0xfa");
});

test("HTTP/2: a frame split across reads is shown when complete", () => {
  const frame = h2(8, 0, 1, [0, 0, 0, 1]);
  const out = decode.decodeTranscript("http2", [recv(frame.slice(0, 5)), recv(frame.slice(5))]);
  assert.equal(out[0].length, 0);
  assert.equal(out[1][0].head, "WINDOW_UPDATE");
});

test("Cap'n Web over an HTTP batch: JSON lines pretty-printed", () => {
  const body = '["push",["pipeline",0,["add"],[1,2]]]\n["pull",1]';
  const [units] = decode.decodeTranscript("rpc", [send("POST /rpc HTTP/1.1\r\nContent-Length: " + body.length + "\r\n\r\n" + body)]);
  assert.equal(units[0].kind, "http");
  assert.equal(units[0].body, "POST /rpc HTTP/1.1\r\nContent-Length: 48\r\n\r\n");
  assert.equal(units[0].text, '["push",["pipeline",0,["add"],[1,2]]]\n["pull",1]');
});

test("long JSON breaks into indented lines, short values stay on one", () => {
  const long = JSON.stringify(["push", ["pipeline", 0, ["method"], [{ name: "x".repeat(30), values: [1, 2, 3] }, "y".repeat(30)]]]);
  const [units] = decode.decodeTranscript("rpc", [send("POST /rpc HTTP/1.1\r\n\r\n" + long)]);
  assert.equal(units[0].text, [
    "[",
    '  "push",',
    "  [",
    '    "pipeline",',
    "    0,",
    '    ["method"],',
    "    [",
    '      {"name":"' + "x".repeat(30) + '","values":[1,2,3]},',
    '      "' + "y".repeat(30) + '"',
    "    ]",
    "  ]",
    "]"].join("\n"));
});

test("Cap'n Web over WebSocket: text frames pretty-printed", () => {
  const message = '["resolve",1,"ok"]';
  const out = decode.decodeTranscript("rpc", [
    recv("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n"),
    recv(wire([0x81, message.length], message)),
  ]);
  assert.equal(out[1][0].text, '["resolve",1,"ok"]');
});

test("notes are not decoded", () => {
  const out = decode.decodeTranscript("http2", [{ t_us: 0, conn: 1, dir: "note", data: "HPACK: :status: 200" }]);
  assert.deepEqual(out, [null]);
});
