// conform's target profile on Node's built-in `http` server (no npm packages):
// /, /echo, /status/{code}, /bytes/{n} (ETag, Last-Modified, single ranges, conditionals incl. If-Unmodified-Since),
// /stream/{n} (chunked), /headers. Listens on 127.0.0.1:PORT (argv[2]).
'use strict';
const http = require('http');
const crypto = require('crypto');

const started = new Date(Math.floor(Date.now() / 1000) * 1000);

function bytes(n) {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = 97 + (i % 26);
  return b;
}

function serveBytes(req, res, n) {
  const body = bytes(n);
  const etag = '"' + crypto.createHash('sha1').update(body).digest('hex').slice(0, 16) + '"';
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', started.toUTCString());
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Content-Type', 'application/octet-stream');
  const inm = req.headers['if-none-match'];
  const im = req.headers['if-match'];
  if (im && im !== '*' && !im.split(',').map((s) => s.trim()).includes(etag)) { res.statusCode = 412; return res.end(); }
  const ius = req.headers['if-unmodified-since'];
  if (!im && ius && !isNaN(Date.parse(ius)) && started > new Date(Date.parse(ius))) { res.statusCode = 412; return res.end(); }
  if (inm && (inm === '*' || inm.split(',').map((s) => s.trim().replace(/^W\//, '')).includes(etag))) {
    res.statusCode = 304; return res.end();
  }
  const ims = req.headers['if-modified-since'];
  if (!inm && ims && !isNaN(Date.parse(ims)) && started <= new Date(Date.parse(ims))) { res.statusCode = 304; return res.end(); }
  const range = req.headers['range'];
  const ifRange = req.headers['if-range'];
  const m = range && /^bytes=(\d*)-(\d*)$/.exec(range);
  if (m && (!ifRange || ifRange === etag)) {
    let first = m[1] === '' ? Math.max(0, n - Number(m[2])) : Number(m[1]);
    let last = m[1] === '' || m[2] === '' ? n - 1 : Math.min(Number(m[2]), n - 1);
    if (first >= n || first > last) {
      res.statusCode = 416; res.setHeader('Content-Range', `bytes */${n}`); return res.end();
    }
    res.statusCode = 206;
    res.setHeader('Content-Range', `bytes ${first}-${last}/${n}`);
    return res.end(req.method === 'HEAD' ? undefined : body.subarray(first, last + 1));
  }
  res.setHeader('Content-Length', n);
  res.end(req.method === 'HEAD' ? undefined : body);
}

// Node hands an absolute-form target (RFC 9112 §3.2.2) to the application as it came:
// routing is ours, so route on its path.
function pathOf(target) {
  if (target.startsWith('/')) return target;
  try {
    return new URL(target).pathname;
  } catch {
    return target;
  }
}

const server = http.createServer((req, res) => {
  const url = pathOf(req.url);
  let m;
  if (url === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
    res.setHeader('Content-Type', 'text/plain');
    return res.end('conform peer: node\n');
  }
  if (url === '/echo') {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (req.headers['content-type']) res.setHeader('Content-Type', req.headers['content-type']);
      res.end(Buffer.concat(chunks));
    });
    return;
  }
  if ((m = /^\/status\/(\d{3})$/.exec(url)) && Number(m[1]) >= 200 && Number(m[1]) <= 599) {
    res.statusCode = Number(m[1]);
    return res.end();
  }
  if ((m = /^\/bytes\/(\d{1,8})$/.exec(url)) && (req.method === 'GET' || req.method === 'HEAD')) return serveBytes(req, res, Number(m[1]));
  if ((m = /^\/stream\/(\d{1,4})$/.exec(url))) {
    res.setHeader('Content-Type', 'text/plain');
    for (let i = 0; i < Number(m[1]); i++) res.write(`line ${i}\n`);
    return res.end();
  }
  if (url === '/headers') {
    // As the reference answers: {"headers": [[name, value], ...]} in received order.
    const fields = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) fields.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
    res.setHeader('Content-Type', 'application/json');
    return res.end(JSON.stringify({ headers: fields }));
  }
  res.statusCode = 404;
  res.end('not found\n');
});
server.listen(Number(process.argv[2]), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
