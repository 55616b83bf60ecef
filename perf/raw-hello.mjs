// The baseline for perf/bench-http.mjs: the fastest answer node:http can give on this machine,
// so the API's figures read as a ratio to it rather than as absolute numbers.
import http from 'node:http';

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  process.stderr.write('raw-hello: set PORT to a free TCP port\n');
  process.exit(1);
}

const body = JSON.stringify({ ok: true });
const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };

const server = http.createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
// Same keep-alive tuning as apps/server, so connection handling is not what differs.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

server.listen(port, '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
