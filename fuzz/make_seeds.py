#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets under corpus/<target>/, each file named
by the SHA-1 of its content: the HTTP/1.1 request vectors (their ```http blocks, with
{host} and {path} filled) for the request reader, and small valid and classic hostile
inputs for the others. Each file starts with the control byte the target reads first
(the size of each read), except rpc_session whose input is messages only.
Run from the repository root; existing files are kept (libFuzzer adds its own)."""
import glob
import hashlib
import os
import re
import struct

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def write(target, data):
    folder = os.path.join(root, "corpus", target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def unescape(line):
    out = bytearray()
    i = 0
    while i < len(line):
        c = line[i]
        if c == "\\" and i + 1 < len(line):
            n = line[i + 1]
            if n == "x":
                out.append(int(line[i + 2:i + 4], 16))
                i += 4
                continue
            out += {"r": b"\r", "n": b"\n", "t": b"\t", "0": b"\0"}.get(n, n.encode())
            i += 2
            continue
        out += c.encode("utf-8")
        i += 1
    return bytes(out)


def http1_vectors():
    for path in sorted(glob.glob(os.path.join(root, "conformance/vectors/http1/*.md"))):
        for block in re.findall(r"```http\n(.*?)```", open(path).read(), re.S):
            text = block.replace("{host}", "a").replace("{path}", "/echo")
            yield b"".join(unescape(line) for line in text.split("\n"))


def ws_frame(op, payload, fin=True, mask=None):
    head = bytes([(0x80 if fin else 0) | op])
    n = len(payload)
    m = 0x80 if mask else 0
    if n < 126:
        head += bytes([m | n])
    elif n < 65536:
        head += bytes([m | 126]) + struct.pack(">H", n)
    else:
        head += bytes([m | 127]) + struct.pack(">Q", n)
    if mask:
        payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        head += mask
    return head + payload


def h2_frame(type_, flags, stream, payload):
    return struct.pack(">I", len(payload))[1:] + bytes([type_, flags]) + struct.pack(">I", stream) + payload


def main():
    for request in http1_vectors():
        write("http1_request_reader", b"\x00" + request)
        write("http1_request_reader", b"\x03" + request)
    write("http1_request_reader", b"\x00GET / HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n")

    # Responses for the Beast-vs-harness differential (control byte: bit 0 HEAD, the rest the read size).
    for response in (b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
                     b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=\"q\"\r\nhello\r\n0\r\nX-T: 1\r\n\r\n",
                     b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the connection closes",
                     b"HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n",
                     b"HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n",
                     b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
                     b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"):
        for control in (b"\x00", b"\x01", b"\x0e"):
            write("http1_response_differential", control + response)

    for frames in ([ws_frame(1, b"Hello")], [ws_frame(1, b"Hel", False), ws_frame(0, b"lo")],
                   [ws_frame(9, b"ping"), ws_frame(8, b"\x03\xe8bye")], [ws_frame(2, b"x" * 300)],
                   [ws_frame(1, "κόσμε".encode(), mask=b"\x01\x02\x03\x04")], [ws_frame(1, b"\xed\xa0\x80")],
                   [ws_frame(2, b"y" * 70000)]):
        write("ws_frame_reader", b"\x00" + b"".join(frames))
        write("ws_frame_reader", b"\x05" + b"".join(frames))

    get = bytes([0x82, 0x86, 0x84, 0x41, 0x01, ord("a")])  # :method GET, :scheme http, :path /, :authority a
    for frames in ([h2_frame(4, 0, 0, b""), h2_frame(4, 1, 0, b"")],
                   [h2_frame(1, 5, 1, get), h2_frame(0, 1, 1, b"hello")],
                   [h2_frame(1, 0x0d, 1, b"\x02" + get + b"\x00\x00"), h2_frame(9, 4, 1, get)],
                   [h2_frame(6, 1, 0, b"conform!"), h2_frame(7, 0, 0, b"\x00\x00\x00\x01\x00\x00\x00\x00debug")],
                   [h2_frame(3, 0, 1, b"\x00\x00\x00\x08"), h2_frame(8, 0, 0, b"\x00\x00\x10\x00")]):
        write("h2_frame_reader", b"\x00" + b"".join(frames))

    # The reference connection: a control byte of limits, one of read size, then frames
    # after the preface (which the target adds).
    settings = h2_frame(4, 0, 0, struct.pack(">HI", 4, 65535))
    post = bytes([0x83, 0x86, 0x41, 0x01, ord("a")]) + b"\x04\x05/echo"  # :method POST, :path /echo
    for control, frames in ((b"\x00\x00", [settings, h2_frame(1, 5, 1, get)]),
                            (b"\x00\x07", [settings, h2_frame(1, 4, 1, post), h2_frame(0, 1, 1, b"hello")]),
                            (b"\x08\x7f", [settings, h2_frame(1, 4, 1, post), h2_frame(0, 0, 1, b"x" * 200),
                                            h2_frame(8, 0, 1, b"\x00\x00\x10\x00")]),
                            (b"\x01\x10", [settings, h2_frame(1, 5, 1, get), h2_frame(1, 5, 3, get), h2_frame(3, 0, 3, b"\x00\x00\x00\x08")]),
                            (b"\x00\x03", [settings, h2_frame(1, 0x01, 1, get[:3]), h2_frame(9, 4, 1, get[3:])]),
                            (b"\x00\x00", [h2_frame(4, 1, 0, b""), h2_frame(6, 0, 0, b"conform!"),
                                            h2_frame(7, 0, 0, b"\x00\x00\x00\x00\x00\x00\x00\x00")])):
        write("h2_connection", control + b"".join(frames))

    # RFC 7541 Appendix C.3 (requests without Huffman) and C.4 (with), split after the first block.
    c3 = bytes.fromhex("828684410f7777772e6578616d706c652e636f6d") + bytes.fromhex("828684be58086e6f2d6361636865")
    c4 = bytes.fromhex("828684418cf1e3c2e5f23a6ba0ab90f4ff") + bytes.fromhex("828684be5886a8eb10649cbf")
    write("hpack_decoder", bytes([20]) + c3)
    write("hpack_decoder", bytes([17]) + c4)
    write("hpack_decoder", bytes([1]) + b"\x3f\xe1\x1f" + b"\x82")  # a table size update, then an index

    sessions = [
        '["push",["pipeline",0,["square"],[5]]]\n["pull",1]',
        '["push",["pipeline",0,["makeCounter"],[3]]]\n["push",["pipeline",1,["increment"],[2]]]\n["pull",2]\n["release",1,1]',
        '["push",["pipeline",0,["callFunction"],[["export",-1],21]]]\n["pull",1]\n["resolve",1,42]',
        '["push",["pipeline",0,["echo"],[[[["date",0],["bigint","12"],["bytes","aGk"],["undefined"],["inf"]]]]]]\n["pull",1]',
        '["push",["remap",0,[],[],[["pipeline",-1,["square"],[2]]]]]\n["pull",1]',
        '["push",["pipeline",0,["throwError"],[]]]\n["pull",1]\n["abort",["error","Error","bye"]]',
    ]
    for s in sessions:
        write("rpc_session", s.encode())


if __name__ == "__main__":
    main()
