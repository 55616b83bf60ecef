// A stock tRPC v11 hello-world on the standalone adapter, one process: the reference for what the
// tRPC path costs on this machine before any of ClipForge's work (cluster, logging, auth).
import http from 'node:http';
import { initTRPC } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';

const t = initTRPC.create();
const router = t.router({ system: t.router({ ping: t.procedure.query(() => ({ pong: true })) }) });
const handler = createHTTPHandler({ router, basePath: '/trpc/' });
const port = Number(process.env.PORT ?? 0);
http.createServer((req, res) => void handler(req, res)).listen(port, '127.0.0.1');
