#!/usr/bin/env python3
"""Generates conformance/vectors/http1/smuggling-*.md: every Transfer-Encoding
obfuscation of the request-smuggling tools (smuggler.py, PortSwigger's permutations,
the HTTP Garden's bug list) in each of three layouts.

  tools/vectors/http1_smuggling.py            rewrite the files
  tools/vectors/http1_smuggling.py --check    exit 1 if they are stale (a CTest test)

Each layout makes a wrong framing visible with one canary request after the probe:
  cl-te    Content-Length 3, shorter than the chunked body: a target framing by
           Content-Length reads "hello..." as its next request.
  te-cl    Content-Length 20, the chunked body plus 5 bytes of the canary: a target
           framing by Content-Length swallows "GET /".
  te-only  no Content-Length: a target that ignores the Transfer-Encoding reads the
           chunked body as its next request.
"""
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "conformance" / "vectors" / "http1"

CHUNKED_BODY = "5\r\nhello\r\n0\r\n\r\n"

RULES = {
    "te-cl": ("RFC 9112 §6.1", "MUST",
              "A server MAY reject a request that contains both Content-Length and Transfer-Encoding or process such "
              "a request in accordance with the Transfer-Encoding alone. Regardless, the server MUST close the "
              "connection after responding to such a request to avoid the potential attacks."),
    "not-final": ("RFC 9112 §6.3", "MUST",
                  "If a Transfer-Encoding header field is present in a request and the chunked transfer coding is not "
                  "the final encoding, the message body length cannot be determined reliably; the server MUST respond "
                  "with the 400 (Bad Request) status code and then close the connection."),
    "chunked": ("RFC 9112 §7.1", "MUST",
                "A recipient MUST be able to parse and decode the chunked transfer coding."),
    "colon": ("RFC 9112 §5.1", "MUST",
              "No whitespace is allowed between the field name and colon. […] A server MUST reject, with a response "
              "status code of 400 (Bad Request), any received request message that contains whitespace between a "
              "header field name and colon."),
    "nul": ("RFC 9110 §5.5", "MUST",
            "Field values containing CR, LF, or NUL characters are invalid and dangerous, due to the varying ways that "
            "implementations might parse and interpret those characters; a recipient of CR, LF, or NUL within a field "
            "value MUST either reject the message or replace each of those characters with SP before further "
            "processing or forwarding of that message."),
    "unknown": ("RFC 9112 §6.1", "SHOULD",
                "A server that receives a request message with a transfer coding it does not understand SHOULD respond "
                "with 501 (Not Implemented)."),
    "twice": ("RFC 9112 §6.1", "SHOULD",
              "A sender MUST NOT apply the chunked transfer coding more than once to a message body (i.e., chunking "
              "an already chunked message is not allowed)."),
}

# (slug, title, Transfer-Encoding field lines, class, why)
# class: "valid"   the field means chunked (names and codings are case-insensitive, OWS
#                  and empty list elements are allowed, NUL and CR may become SP);
#        "nul"     chunked with a NUL: refused, or the NUL replaced by SP and chunked;
#        "invalid" the final coding is not chunked: 400 and close;
#        "colon"   whitespace before the colon: 400;
#        "unknown" chunked is final, but an unknown coding precedes it: 501;
#        "twice"   chunked applied twice.
OBFUSCATIONS = [
    ("case-chunked", "Coding name \"Chunked\"", ["Transfer-Encoding: Chunked"], "valid",
     "Transfer-coding names are case-insensitive (RFC 9112 §7), so this is chunked."),
    ("case-upper", "Coding name \"CHUNKED\"", ["Transfer-Encoding: CHUNKED"], "valid",
     "Transfer-coding names are case-insensitive (RFC 9112 §7), so this is chunked."),
    ("name-lowercase", "Field name in lowercase", ["transfer-encoding: chunked"], "valid",
     "Field names are case-insensitive (RFC 9110 §5.1)."),
    ("name-uppercase", "Field name in uppercase", ["TRANSFER-ENCODING: chunked"], "valid",
     "Field names are case-insensitive (RFC 9110 §5.1)."),
    ("no-space", "No space after the colon", ["Transfer-Encoding:chunked"], "valid",
     "OWS after the colon is optional (RFC 9112 §5)."),
    ("two-spaces", "Two spaces after the colon", ["Transfer-Encoding:  chunked"], "valid",
     "OWS is any number of spaces and tabs (RFC 9110 §5.6.3)."),
    ("tab-before-value", "A tab before the value", ["Transfer-Encoding:\\tchunked"], "valid",
     "HTAB is OWS (RFC 9110 §5.6.3), so the value is chunked."),
    ("tab-after-value", "A tab after the value", ["Transfer-Encoding: chunked\\t"], "valid",
     "Trailing OWS is not part of the field value (RFC 9112 §5)."),
    ("space-after-value", "A space after the value", ["Transfer-Encoding: chunked "], "valid",
     "Trailing OWS is not part of the field value (RFC 9112 §5)."),
    ("empty-element-before", "An empty list element before chunked", ["Transfer-Encoding: , chunked"], "valid",
     "Empty list elements do not count (RFC 9110 §5.6.1.2), so the list is just chunked."),
    ("empty-element-after", "An empty list element after chunked", ["Transfer-Encoding: chunked,"], "valid",
     "Empty list elements do not count (RFC 9110 §5.6.1.2), so the list is just chunked."),
    ("nul-after-value", "A NUL after chunked", ["Transfer-Encoding: chunked\\0"], "nul",
     "A recipient must reject a NUL in a field value or replace it with SP (RFC 9110 §5.5); replaced, the value is chunked."),
    ("space-before-colon", "A space before the colon", ["Transfer-Encoding : chunked"], "colon",
     "One parser strips the space and sees chunked, another keeps it and sees an unknown field: the classic obfuscation."),
    ("tab-before-colon", "A tab before the colon", ["Transfer-Encoding\\t: chunked"], "colon",
     "As with a space: a tab between name and colon is whitespace the RFC refuses."),
    ("xchunked", "Coding \"xchunked\"", ["Transfer-Encoding: xchunked"], "invalid",
     "A substring match finds chunked; the final coding is an unknown one."),
    ("chunkedx", "Coding \"chunkedx\"", ["Transfer-Encoding: chunkedx"], "invalid",
     "A prefix match finds chunked; the final coding is an unknown one."),
    ("chunk", "Coding \"chunk\"", ["Transfer-Encoding: chunk"], "invalid",
     "Not the name of any coding."),
    ("quoted", "Coding in double quotes", ["Transfer-Encoding: \"chunked\""], "invalid",
     "A coding is a token; quotes make it something else."),
    ("semicolon", "\"chunked;\" with an empty parameter", ["Transfer-Encoding: chunked;"], "invalid",
     "A parameter needs a name and a value (RFC 9110 §5.6.6); this is not the chunked coding."),
    ("vertical-tab-before", "A vertical tab before chunked", ["Transfer-Encoding: \\x0bchunked"], "invalid",
     "VT is not OWS; some parsers strip it as whitespace (isspace)."),
    ("vertical-tab-after", "A vertical tab after chunked", ["Transfer-Encoding: chunked\\x0b"], "invalid",
     "VT is not OWS; some parsers strip it as whitespace (isspace)."),
    ("form-feed-before", "A form feed before chunked", ["Transfer-Encoding: \\x0cchunked"], "invalid",
     "FF is not OWS; some parsers strip it as whitespace (isspace)."),
    ("nul-inside", "A NUL inside chunked", ["Transfer-Encoding: chu\\0nked"], "invalid",
     "C-string parsers stop at the NUL and see \"chu\"; replaced by SP it is no coding either."),
    ("obs-text-before", "A 0xFF byte before chunked", ["Transfer-Encoding: \\xffchunked"], "invalid",
     "obs-text is allowed in a value, but \"\\xffchunked\" is not chunked; some parsers drop high bytes."),
    ("obs-text-after", "A 0x80 byte after chunked", ["Transfer-Encoding: chunked\\x80"], "invalid",
     "Some parsers drop or sign-extend high bytes and end up with chunked."),
    ("chunked-identity", "chunked, then identity", ["Transfer-Encoding: chunked, identity"], "invalid",
     "chunked must be the final coding; a parser that looks only at the first one frames by chunked."),
    ("second-field-unknown", "A second field with an unknown coding", ["Transfer-Encoding: chunked", "Transfer-Encoding: x"], "invalid",
     "Two fields combine into \"chunked, x\" (RFC 9110 §5.3): chunked is not final. Parsers that keep the first field see chunked."),
    ("first-field-unknown", "An unknown coding, then chunked in a second field", ["Transfer-Encoding: x", "Transfer-Encoding: chunked"], "unknown",
     "Two fields combine into \"x, chunked\": an unknown coding the server cannot decode. Parsers that keep the first field ignore chunked."),
    ("chunked-twice", "chunked, chunked", ["Transfer-Encoding: chunked, chunked"], "twice",
     "Chunked applied twice: the decoded body is not itself chunked, so framing by the list goes wrong."),
    ("two-fields-chunked", "Two Transfer-Encoding fields, both chunked", ["Transfer-Encoding: chunked", "Transfer-Encoding: chunked"], "twice",
     "Two fields combine into \"chunked, chunked\" (RFC 9110 §5.3)."),
]

LAYOUTS = [
    ("cl-te", "Content-Length shorter than the body", "3"),
    ("te-cl", "Content-Length longer than the body", str(len(CHUNKED_BODY) + 5)),
    ("te-only", "no Content-Length", None),
]


def escape(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch == "\r": out.append("\\r")
        elif ch == "\n": out.append("\\n")
        elif ch == "\t": out.append("\\t")
        elif ch == "\0": out.append("\\0")
        elif ch in "\\{}": out.append("\\" + ch)
        elif o < 0x20 or o >= 0x7f: out.append("\\x%02x" % o)
        else: out.append(ch)
    return "".join(out)


def meta_for(cls, layout):
    """The rule, level, accepted outcomes and refusal statuses."""
    with_cl = layout != "te-only"
    if cls == "valid":
        if with_cl:  # beside Content-Length any refusal is allowed, 501 included
            return "te-cl", ["reject", "frame-then-close"], [400, 501], "hello"
        return "chunked", ["frame"], None, "hello"
    if cls == "nul":
        if with_cl:
            return "te-cl", ["reject", "frame-then-close"], [400], "hello"
        return "nul", ["reject", "frame"], [400], "hello"
    if cls == "colon":
        return "colon", ["reject"], [400], None
    if cls == "unknown":
        return "unknown", ["reject"], [400, 501], None
    if cls == "twice":
        return "twice", ["reject"], [400, 501], None
    return "not-final", ["reject"], [400, 501], None


def vector(slug, title, lines, cls, why, layout):
    key, layout_title, length = layout
    rule, accept, statuses, body = meta_for(cls, key)
    section, level, requirement = RULES[rule]
    meta = {"id": f"http1/smuggling/{slug}/{key}", "rfc": section, "level": level, "requirement": requirement,
            "accept": accept}
    if statuses: meta["statuses"] = statuses
    if body: meta["body"] = body
    meta["see_also"] = ["smuggler:" + slug]
    head = ["POST {path} HTTP/1.1\\r\\n", "Host: {host}\\r\\n"]
    if length: head.append(f"Content-Length: {length}\\r\\n")
    head += [line + "\\r\\n" for line in lines]
    head.append("\\r\\n")
    body_lines = [escape(part) for part in ["5\r\n", "hello\r\n", "0\r\n", "\r\n"]]
    return "\n".join([
        f"## {title} ({layout_title})", "",
        "<!-- meta=" + json.dumps(meta, ensure_ascii=False) + " -->", "",
        why, "",
        "```http", *head, *body_lines, "```", ""])


def render():
    parts = [
        "# Request smuggling: Transfer-Encoding obfuscations", "",
        "Generated by tools/vectors/http1_smuggling.py: edit the script, not this file.", "",
        "Every obfuscation of the Transfer-Encoding field that the smuggling tools try, each in",
        "three layouts: Content-Length shorter than the chunked body (CL.TE), longer than it",
        "(TE.CL), and absent. The bytes after each request are a canary `GET /`; a target that",
        "frames the body any other way than the RFC answers the canary wrongly or not at all.",
        "Valid spellings must be read as chunked (and, beside Content-Length, the connection",
        "closed after the answer); the others refused with 400 (or 501) and a close.", ""]
    for o in OBFUSCATIONS:
        for layout in LAYOUTS:
            parts.append(vector(*o, layout))
    return "\n".join(parts)


def main():
    path = OUT / "smuggling-transfer-encoding.md"
    text = render()
    if "--check" in sys.argv[1:]:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            print(f"{path} is stale: run tools/vectors/http1_smuggling.py", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}: {len(OBFUSCATIONS) * len(LAYOUTS)} vectors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
