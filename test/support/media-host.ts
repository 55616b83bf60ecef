import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 standing in for a media host: serves a file, a web page, a video
 * page (`/watch`, its video at `?video=` or /video.mp4), redirects anywhere and a redirect loop.
 * The link-import tests point ClipForge at it.
 */
export async function startMediaHost(videoPath: string) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname === '/video.mp4') {
      res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': statSync(videoPath).size });
      return createReadStream(videoPath).pipe(res);
    }
    if (url.pathname === '/page') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<html><body>a page about a video</body></html>');
    }
    if (url.pathname === '/watch') {
      // A video page as yt-dlp's generic extractor finds them: Open Graph tag and an HTML5 <video>.
      const video = url.searchParams.get('video') ?? '/video.mp4';
      const attr = video.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(`<html><head><title>A talk</title><meta property="og:video" content="${attr}"></head><body><video src="${attr}" controls></video></body></html>`);
    }
    if (url.pathname === '/redirect') {
      res.writeHead(302, { location: url.searchParams.get('to') ?? '/' });
      return res.end();
    }
    if (url.pathname === '/loop') {
      res.writeHead(302, { location: '/loop' });
      return res.end();
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
