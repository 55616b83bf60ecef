import type { Handle } from '@sveltejs/kit/hooks';


/** Paths served by apps/server; the browser sees one origin (cookies, no CORS). */
const API_PREFIXES = ['/trpc/', '/uploads', '/media/', '/api/auth/', '/health', '/webhooks/', '/email/'];
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'host'];
/** fetch decodes response bodies, so their encoding and length no longer apply. */
const DECODED = ['content-encoding', 'content-length'];

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
/** RFC 8058 one-click unsubscribes: mail providers POST a form with no Origin. The only exception. */
const CROSS_SITE_FORMS_ALLOWED = ['/email/unsubscribe'];

/** SvelteKit's own CSRF rule, for every path but the one above: no form POST from another origin. */
function crossSiteForm(request: Request, origin: string) {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  const formLike = !type || FORM_TYPES.includes(type);
  return formLike && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method) && request.headers.get('origin') !== origin;
}

export const handle: Handle = async ({ event, resolve }) => {
  const { pathname, search } = event.url;
  if (!CROSS_SITE_FORMS_ALLOWED.includes(pathname) && crossSiteForm(event.request, event.url.origin)) {
    return new Response(`Cross-site ${event.request.method} form submissions are forbidden`, { status: 403 });
  }
  if (!API_PREFIXES.some((prefix) => pathname.startsWith(prefix))) return resolve(event);
  return proxy(event.request, `${process.env.API_URL ?? 'http://127.0.0.1:3001'}${pathname}${search}`, event.getClientAddress());
};

async function proxy(request: Request, target: string, clientAddress: string): Promise<Response> {
  // Content-Length stays: tus needs it to know a PATCH chunk's size.
  const headers = new Headers(request.headers);
  for (const name of HOP_BY_HOP) headers.delete(name);
  headers.set('x-forwarded-for', clientAddress);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: hasBody ? request.body : undefined,
      redirect: 'manual',
      signal: request.signal,
      ...(hasBody ? { duplex: 'half' } : {}),
    } as RequestInit);
  } catch {
    return Response.json(
      { error: { code: 'UNAVAILABLE', message: 'The ClipForge API is not reachable right now. Try again in a moment.' } },
      { status: 502 },
    );
  }
  const responseHeaders = new Headers(upstream.headers);
  for (const name of [...HOP_BY_HOP, ...DECODED]) responseHeaders.delete(name);
  return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: responseHeaders });
}
