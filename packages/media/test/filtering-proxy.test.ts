import http from 'node:http';
import net from 'node:net';
import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFilteringProxy, type FilteringProxy } from '@clipforge/media';
import { makeVideo } from '../../../test/support/media.js';
import { startMediaHost } from '../../../test/support/media-host.js';

/**
 * The proxy yt-dlp goes through, on real sockets: CONNECT (how https is proxied) and absolute-URI
 * requests (plain http). Refused destinations are refused before any connection is attempted.
 */
let host: Awaited<ReturnType<typeof startMediaHost>>;
const video = makeVideo({ seconds: 1, name: 'proxied.mp4' });

beforeAll(async () => {
  host = await startMediaHost(video);
});
afterAll(async () => {
  await host.close();
});

function credentials(proxy: FilteringProxy) {
  const url = new URL(proxy.url);
  return { port: Number(url.port), auth: `Basic ${Buffer.from(`${url.username}:${url.password}`).toString('base64')}` };
}

/** Sends CONNECT and reads the proxy's answer; on 200 the socket is a tunnel to the target. */
function connect(proxy: FilteringProxy, target: string, auth = credentials(proxy).auth) {
  return new Promise<{ status: number; head: string; socket: net.Socket }>((resolve, reject) => {
    const socket = net.connect(credentials(proxy).port, '127.0.0.1', () => {
      socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\nProxy-Authorization: ${auth}\r\n\r\n`);
    });
    let received = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (!received.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      const head = received.toString('utf8');
      resolve({ status: Number(head.split(' ')[1]), head, socket });
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
}

/** A plain-http request through the proxy (absolute URI), as yt-dlp makes for http:// links. */
function get(proxy: FilteringProxy, url: string, auth: string | null = credentials(proxy).auth) {
  return new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
    const headers = auth ? { 'proxy-authorization': auth } : {};
    const req = http.request({ host: '127.0.0.1', port: credentials(proxy).port, path: url, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks) }));
    });
    req.once('error', reject);
    req.end();
  });
}

async function refusedConnect(proxy: FilteringProxy, target: string) {
  const answer = await connect(proxy, target);
  answer.socket.destroy();
  expect(answer.status, `${target}: ${answer.head}`).toBe(403);
  return answer.head;
}

describe('filtering proxy without an allow-list', () => {
  let proxy: FilteringProxy;
  beforeAll(async () => {
    proxy = await startFilteringProxy();
  });
  afterAll(async () => {
    await proxy.close();
  });

  it('listens on loopback only, with a password of its own', () => {
    const url = new URL(proxy.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.password.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses CONNECT to loopback by IP, by name and in IPv6 forms', async () => {
    expect(await refusedConnect(proxy, `127.0.0.1:${host.port}`)).toMatch(/loopback address \(127\.0\.0\.1\)/);
    expect(await refusedConnect(proxy, `localhost:${host.port}`)).toMatch(/loopback address \(localhost → /);
    expect(await refusedConnect(proxy, `[::1]:${host.port}`)).toMatch(/loopback/);
    expect(await refusedConnect(proxy, `[::ffff:127.0.0.1]:${host.port}`)).toMatch(/loopback/);
  });

  it('refuses CONNECT to cloud metadata, private ranges and carrier-grade NAT', async () => {
    const before = proxy.refusals.length;
    expect(await refusedConnect(proxy, '169.254.169.254:80')).toMatch(/link-local address \(169\.254\.169\.254\)/);
    expect(await refusedConnect(proxy, '10.0.0.7:443')).toMatch(/private network/);
    expect(await refusedConnect(proxy, '172.16.5.4:443')).toMatch(/private network/);
    expect(await refusedConnect(proxy, '192.168.1.20:443')).toMatch(/private network/);
    expect(await refusedConnect(proxy, '100.64.1.1:443')).toMatch(/carrier-grade NAT/);
    expect(await refusedConnect(proxy, '[fd12::1]:443')).toMatch(/private network/);
    expect(proxy.refusals.length - before).toBe(6); // each kept, for the import's failure reason
  });

  it('refuses plain-http requests to non-public addresses', async () => {
    const metadata = await get(proxy, 'http://169.254.169.254/latest/meta-data/');
    expect(metadata.status).toBe(403);
    expect(metadata.body.toString()).toMatch(/link-local/);
    expect((await get(proxy, `http://127.0.0.1:${host.port}/video.mp4`)).status).toBe(403);
  });

  it('answers a host that does not resolve with 502, not a connection', async () => {
    const answer = await connect(proxy, 'no-such-host.invalid:443');
    answer.socket.destroy();
    expect(answer.status).toBe(502);
  });

  it('asks for credentials, and refuses wrong ones', async () => {
    expect((await get(proxy, 'http://example.com/', null)).status).toBe(407);
    const wrong = await connect(proxy, 'example.com:443', `Basic ${Buffer.from('clipforge:guess').toString('base64')}`);
    wrong.socket.destroy();
    expect(wrong.status).toBe(407);
  });
});

describe('filtering proxy with the media host allow-listed', () => {
  let proxy: FilteringProxy;
  beforeAll(async () => {
    proxy = await startFilteringProxy({ allowHosts: ['127.0.0.1'] });
  });
  afterAll(async () => {
    await proxy.close();
  });

  it('tunnels CONNECT to the allowed host', async () => {
    const { status, socket } = await connect(proxy, `127.0.0.1:${host.port}`);
    expect(status).toBe(200);
    const response = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString('latin1')));
      socket.on('end', () => resolve(text));
      socket.write(`GET /video.mp4 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    });
    expect(response).toMatch(/^HTTP\/1\.1 200/);
    expect(response).toContain(`content-length: ${statSync(video).size}`);
  });

  it('forwards plain http to the allowed host', async () => {
    const answer = await get(proxy, `http://127.0.0.1:${host.port}/video.mp4`);
    expect(answer.status).toBe(200);
    expect(answer.body.length).toBe(statSync(video).size);
  });

  it('still refuses a name for the same address that is not on the list', async () => {
    expect(await refusedConnect(proxy, `localhost:${host.port}`)).toMatch(/loopback/);
  });
});
