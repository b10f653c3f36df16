// Transcript decoders for report.html: a case's wire bytes, read as its protocol does.
// HTTP/1 messages stay text (control bytes spelt out by the page); WebSocket frames
// (RFC 6455 §5.2) show FIN/RSV/opcode/mask/length and the unmasked payload; HTTP/2
// frames (RFC 9113 §4.1, §6) show type, flags, stream and the decoded SETTINGS,
// GOAWAY, RST_STREAM, WINDOW_UPDATE, PING and PRIORITY payloads; Cap'n Web messages
// are pretty-printed JSON. Pure functions over byte arrays, no DOM: tested by node
// (reports/tests/decode_test.js) with hand-made byte sequences.
"use strict";
const conformDecode = (function () {
  // report.json keeps each wire byte as the code point of the same value (U+0000..U+00FF).
  function bytesOf(text) {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
    return out;
  }

  function latin1(bytes) {
    let s = "";
    for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
    return s;
  }

  function utf8(bytes) {
    return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  }

  function hex(bytes, max) {
    const n = Math.min(bytes.length, max === undefined ? bytes.length : max);
    const parts = [];
    for (let i = 0; i < n; i++) parts.push(bytes[i].toString(16).padStart(2, "0"));
    return parts.join(" ") + (n < bytes.length ? " \u2026" : "");
  }

  // 16 bytes a line: offset, hex, and the printable ASCII beside it.
  function hexDump(bytes) {
    const lines = [];
    for (let at = 0; at < bytes.length; at += 16) {
      const row = bytes.subarray(at, at + 16);
      const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : ".")).join("");
      lines.push(at.toString(16).padStart(6, "0") + "  " + hex(row).padEnd(47, " ") + "  " + ascii);
    }
    return lines.join("\n");
  }

  function protocolOf(suite) {
    if (suite === "ws" || suite === "websocket") return "ws";
    if (suite === "http2" || suite === "hpack") return "h2";
    if (suite === "rpc") return "rpc";
    return "http1";
  }

  function u32(b, at) { return ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0; }

  function endOfHeader(bytes) {
    for (let i = 3; i < bytes.length; i++)
      if (bytes[i] === 0x0a && bytes[i - 1] === 0x0d && bytes[i - 2] === 0x0a && bytes[i - 3] === 0x0d) return i + 1;
    return -1;
  }

  function firstLine(bytes) {
    let end = bytes.indexOf(0x0d);
    if (end < 0) end = bytes.length;
    return latin1(bytes.subarray(0, Math.min(end, 200)));
  }

  // Indented JSON, but a value that fits in 72 columns stays on one line, so a Cap'n Web
  // message such as ["push",["pipeline",0,["add"],[1,2]]] reads as one line.
  function layout(value, indent) {
    const flat = JSON.stringify(value);
    if (value === null || typeof value !== "object" || flat.length + indent.length <= 72) return flat;
    const inner = indent + "  ";
    const items = Array.isArray(value) ? value.map((v) => inner + layout(v, inner))
      : Object.entries(value).map(([k, v]) => inner + JSON.stringify(k) + ": " + layout(v, inner));
    const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
    return items.length ? open + "\n" + items.join(",\n") + "\n" + indent + close : open + close;
  }

  function prettyJson(text) {
    try { return layout(JSON.parse(text), ""); } catch (e) { return null; }
  }

  // ---- WebSocket (RFC 6455 §5.2) ----
  const wsOpcodes = { 0: "continuation", 1: "text", 2: "binary", 8: "close", 9: "ping", 10: "pong" };

  // One frame at the start of `b`: {unit, size}, or null when `b` holds only part of one.
  function wsFrame(b, jsonText) {
    if (b.length < 2) return null;
    let len = b[1] & 0x7f, at = 2;
    if (len === 126) { if (b.length < 4) return null; len = (b[2] << 8) | b[3]; at = 4; }
    else if (len === 127) { if (b.length < 10) return null; len = u32(b, 2) * 4294967296 + u32(b, 6); at = 10; }
    const masked = (b[1] & 0x80) !== 0;
    const key = masked ? b.subarray(at, at + 4) : null;
    if (masked) at += 4;
    if (b.length < at + len) return null;
    const payload = b.slice(at, at + len);
    if (key) for (let i = 0; i < payload.length; i++) payload[i] ^= key[i & 3];
    const opcode = b[0] & 0x0f;
    const flags = [(b[0] & 0x80) ? "FIN" : "no FIN"];
    for (const [bit, name] of [[0x40, "RSV1"], [0x20, "RSV2"], [0x10, "RSV3"]]) if (b[0] & bit) flags.push(name);
    const name = wsOpcodes[opcode] || "reserved";
    const fields = [["opcode", name + " (0x" + opcode.toString(16) + ")"], ["flags", flags.join(" ")],
      ["length", String(len)], ["mask", key ? hex(key) : "none"]];
    const unit = { kind: "ws", head: "WebSocket " + name, fields: fields, body: null, text: null };
    if (opcode === 8 && payload.length >= 2) {
      fields.push(["code", String((payload[0] << 8) | payload[1])]);
      fields.push(["reason", utf8(payload.subarray(2))]);
    } else if (opcode === 1) {
      const text = utf8(payload);
      unit.text = (jsonText && prettyJson(text)) || text;
    } else if (payload.length) {
      unit.body = latin1(payload);
    }
    return { unit: unit, size: at + len };
  }

  // ---- HTTP/2 (RFC 9113 §4.1, §6) ----
  const h2Types = ["DATA", "HEADERS", "PRIORITY", "RST_STREAM", "SETTINGS", "PUSH_PROMISE", "PING", "GOAWAY",
    "WINDOW_UPDATE", "CONTINUATION"];
  const h2Flags = {
    DATA: [[0x1, "END_STREAM"], [0x8, "PADDED"]],
    HEADERS: [[0x1, "END_STREAM"], [0x4, "END_HEADERS"], [0x8, "PADDED"], [0x20, "PRIORITY"]],
    SETTINGS: [[0x1, "ACK"]], PING: [[0x1, "ACK"]],
    PUSH_PROMISE: [[0x4, "END_HEADERS"], [0x8, "PADDED"]], CONTINUATION: [[0x4, "END_HEADERS"]],
  };
  const h2Errors = ["NO_ERROR", "PROTOCOL_ERROR", "INTERNAL_ERROR", "FLOW_CONTROL_ERROR", "SETTINGS_TIMEOUT",
    "STREAM_CLOSED", "FRAME_SIZE_ERROR", "REFUSED_STREAM", "CANCEL", "COMPRESSION_ERROR", "CONNECT_ERROR",
    "ENHANCE_YOUR_CALM", "INADEQUATE_SECURITY", "HTTP_1_1_REQUIRED"];
  const h2Settings = { 1: "HEADER_TABLE_SIZE", 2: "ENABLE_PUSH", 3: "MAX_CONCURRENT_STREAMS", 4: "INITIAL_WINDOW_SIZE",
    5: "MAX_FRAME_SIZE", 6: "MAX_HEADER_LIST_SIZE", 8: "ENABLE_CONNECT_PROTOCOL" };
  const h2Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

  function errorName(code) { return (h2Errors[code] || "unknown") + " (0x" + code.toString(16) + ")"; }

  function flagNames(type, flags) {
    const names = [];
    let left = flags;
    for (const [bit, name] of h2Flags[type] || []) if (flags & bit) { names.push(name); left &= ~bit; }
    if (left) names.push("0x" + left.toString(16));
    return names.length ? names.join(" ") : "none";
  }

  // Without padding (and the priority fields of HEADERS), or null when they overrun.
  function unpadded(p, flags, fields, priority) {
    let start = 0, end = p.length;
    if (flags & 0x8) {
      if (p.length < 1) return null;
      end -= p[0]; start = 1;
      fields.push(["pad length", String(p[0])]);
    }
    if (priority) start += 5;
    return end < start ? null : p.subarray(start, end);
  }

  const h2Payloads = {
    DATA(p, flags, fields, unit) {
      const data = unpadded(p, flags, fields, false);
      if (data === null) fields.push(["error", "padding longer than the payload"]);
      else if (data.length) unit.body = latin1(data);
    },
    HEADERS(p, flags, fields, unit) {
      const block = unpadded(p, flags, fields, (flags & 0x20) !== 0);
      if (block === null) return fields.push(["error", "padding or priority longer than the payload"]);
      fields.push(["header block", block.length + " bytes of HPACK (decoded fields are in the notes)"]);
      unit.hexBody = hex(block, 64);
    },
    PRIORITY(p, flags, fields) {
      if (p.length !== 5) return fields.push(["error", "length " + p.length + ", not 5"]);
      fields.push(["exclusive", String((p[0] & 0x80) !== 0)], ["depends on", String(u32(p, 0) & 0x7fffffff)],
        ["weight", String(p[4] + 1)]);
    },
    RST_STREAM(p, flags, fields) {
      if (p.length !== 4) return fields.push(["error", "length " + p.length + ", not 4"]);
      fields.push(["error code", errorName(u32(p, 0))]);
    },
    SETTINGS(p, flags, fields) {
      if (p.length % 6) fields.push(["error", "length " + p.length + " is not a multiple of 6"]);
      for (let at = 0; at + 6 <= p.length; at += 6) {
        const id = (p[at] << 8) | p[at + 1];
        fields.push([h2Settings[id] || "unknown 0x" + id.toString(16), String(u32(p, at + 2))]);
      }
    },
    PING(p, flags, fields) { fields.push(["opaque data", hex(p)]); },
    GOAWAY(p, flags, fields, unit) {
      if (p.length < 8) return fields.push(["error", "length " + p.length + ", under 8"]);
      fields.push(["last stream", String(u32(p, 0) & 0x7fffffff)], ["error code", errorName(u32(p, 4))]);
      if (p.length > 8) unit.text = utf8(p.subarray(8));
    },
    WINDOW_UPDATE(p, flags, fields) {
      if (p.length !== 4) return fields.push(["error", "length " + p.length + ", not 4"]);
      fields.push(["increment", String(u32(p, 0) & 0x7fffffff)]);
    },
  };

  function h2Frame(b) {
    if (b.length < 9) return null;
    const len = (b[0] << 16) | (b[1] << 8) | b[2];
    if (b.length < 9 + len) return null;
    const type = h2Types[b[3]] || "unknown type 0x" + b[3].toString(16);
    const stream = u32(b, 5) & 0x7fffffff;
    const fields = [["flags", flagNames(type, b[4])], ["stream", String(stream)], ["length", String(len)]];
    if (b[5] & 0x80) fields.push(["reserved bit", "set"]);
    const unit = { kind: "h2", head: type, fields: fields, body: null, text: null };
    const payload = b.subarray(9, 9 + len);
    if (h2Payloads[type]) h2Payloads[type](payload, b[4], fields, unit);
    else if (len) unit.hexBody = hex(payload, 64);
    return { unit: unit, size: 9 + len };
  }

  // ---- One direction of one connection, fed event by event ----
  // mode: "http" (HTTP/1 text), "frames" (binary framing), "preface" (h2 client, first
  // 24 bytes). HTTP/1 stays HTTP/1; the others switch after an upgrade's header.
  function newStream(protocol, dir) {
    return { protocol: protocol, dir: dir, mode: protocol === "h2" ? "start" : "http", pending: new Uint8Array(0) };
  }

  function concat(a, b) {
    if (!a.length) return b;
    const out = new Uint8Array(a.length + b.length);
    out.set(a); out.set(b, a.length);
    return out;
  }

  function httpUnit(bytes, protocol) {
    const unit = { kind: "http", head: firstLine(bytes), fields: [], body: latin1(bytes), text: null };
    if (protocol === "rpc") {  // an HTTP batch: the body is one JSON message a line
      const end = endOfHeader(bytes);
      if (end > 0 && end < bytes.length) {
        const lines = utf8(bytes.subarray(end)).split("\n").filter((l) => l.trim());
        const pretty = lines.map(prettyJson);
        if (lines.length && pretty.every((p) => p !== null)) {
          unit.body = latin1(bytes.subarray(0, end));
          unit.text = pretty.join("\n");
        }
      }
    }
    return unit;
  }

  // An upgrade's header section ends: 101 from the target, or the client's Upgrade request.
  function upgradeEnds(s, head) {
    if (s.protocol === "http1") return false;
    const line = firstLine(head);
    if (s.dir === "recv") return /^HTTP\/1\.1 101/.test(line);
    return /\r\nupgrade:/i.test(latin1(head));
  }

  function feed(s, data) {
    let b = concat(s.pending, data);
    const units = [];
    while (b.length) {
      if (s.mode === "start") {  // h2: a preface, frames, or an HTTP/1.1 request first (h2c)
        if (b.length < 3) break;
        const text = latin1(b.subarray(0, 3));
        s.mode = text === "PRI" ? "preface" : /^[A-Z]{3}$/.test(text) && s.dir === "send" ? "http" : "frames";
        if (s.dir === "recv" && text === "HTT") s.mode = "http";
        continue;
      }
      if (s.mode === "preface") {
        if (b.length < 24) break;
        const ok = latin1(b.subarray(0, 24)) === h2Preface;
        units.push({ kind: "preface", head: ok ? "HTTP/2 connection preface" : "not the HTTP/2 preface", fields: [],
          body: latin1(b.subarray(0, 24)), text: null });
        b = b.subarray(24); s.mode = "frames";
        continue;
      }
      if (s.mode === "http") {
        const end = endOfHeader(b);
        if (end < 0 && s.protocol !== "http1" && b.length < 65536) break;  // an upgrade's header may go on
        if (end < 0 || !upgradeEnds(s, b.subarray(0, end))) { units.push(httpUnit(b, s.protocol)); b = b.subarray(b.length); break; }
        units.push(httpUnit(b.subarray(0, end), s.protocol));
        b = b.subarray(end);
        s.mode = s.protocol === "h2" && s.dir === "send" ? "preface" : "frames";
        continue;
      }
      const frame = s.protocol === "h2" ? h2Frame(b) : wsFrame(b, s.protocol === "rpc");
      if (!frame) break;
      units.push(frame.unit);
      b = b.subarray(frame.size);
    }
    s.pending = b.slice();
    return units;
  }

  // For each event of a case's transcript, its decoded units (null for notes). A frame
  // split over several reads is shown where its last byte arrived; bytes left at the
  // end are shown as an incomplete frame after the last event of their stream.
  function decodeTranscript(suite, events) {
    const protocol = protocolOf(suite);
    const streams = new Map();
    const last = new Map();
    const out = events.map((e, i) => {
      if (e.dir === "note") return null;
      const key = e.conn + " " + e.dir;
      if (!streams.has(key)) streams.set(key, newStream(protocol, e.dir));
      last.set(key, i);
      return feed(streams.get(key), bytesOf(e.data));
    });
    for (const [key, s] of streams)
      if (s.pending.length && s.mode === "http") out[last.get(key)].push(httpUnit(s.pending, s.protocol));
      else if (s.pending.length)
        out[last.get(key)].push({ kind: "partial", head: "incomplete: " + s.pending.length + " bytes left over", fields: [],
          body: null, text: null, hexBody: hex(s.pending, 256) });
    return out;
  }

  return { bytesOf, hex, hexDump, protocolOf, decodeTranscript, wsFrame, h2Frame };
})();
if (typeof module !== "undefined") module.exports = conformDecode;
