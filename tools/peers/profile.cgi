#!/usr/bin/env python3
"""The dynamic endpoints of conform's target profile as one CGI script (RFC 3875), for
peers that run CGI: /echo, /status/{code}, /stream/{n}, /headers. The server's own
parser reads the request and frames the body; this script only answers."""
import json
import os
import re
import sys
import time

out = sys.stdout.buffer
path = os.environ.get("PATH_INFO") or os.environ.get("SCRIPT_NAME", "")
uri = os.environ.get("REQUEST_URI", "").split("?", 1)[0]
target = uri or path


def answer(status, body=b"", content_type="text/plain"):
    out.write(f"Status: {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode())
    out.write(body)


m_status = re.fullmatch(r".*/status/(\d{3})", target)
m_stream = re.fullmatch(r".*/stream/(\d{1,4})", target)
if target.endswith("/echo"):
    # A chunked request reaches a CGI script without CONTENT_LENGTH (Apache's mod_cgi):
    # then the body is whatever arrives before end of input.
    length = os.environ.get("CONTENT_LENGTH")
    body = sys.stdin.buffer.read(int(length)) if length else sys.stdin.buffer.read()
    answer(200, body, os.environ.get("CONTENT_TYPE") or "application/octet-stream")
elif m_status and 200 <= int(m_status.group(1)) <= 599:
    answer(int(m_status.group(1)))
elif m_stream:
    # No Content-Length: the server frames it, chunked for HTTP/1.1. The pause after each
    # flush matters: a server that sees the whole output at once (Apache's mod_cgi when the
    # script is fast) may count it and send Content-Length instead, so the framing would
    # depend on scheduling.
    out.write(b"Status: 200\r\nContent-Type: text/plain\r\n\r\n")
    out.flush()
    for i in range(int(m_stream.group(1))):
        time.sleep(0.02)
        out.write(f"line {i}\n".encode())
        out.flush()
elif target.endswith("/headers"):
    # As the reference answers: {"headers": [[name, value], ...]}. CGI loses the order
    # and the original case of names; the cases compare names case-insensitively.
    fields = [[k[5:].replace("_", "-").title(), v] for k, v in os.environ.items() if k.startswith("HTTP_")]
    for k in ("CONTENT_TYPE", "CONTENT_LENGTH"):
        if os.environ.get(k):
            fields.append([k.replace("_", "-").title(), os.environ[k]])
    answer(200, json.dumps({"headers": fields}).encode(), "application/json")
else:
    answer(404, b"not found\n")
