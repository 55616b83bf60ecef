import { DomainError } from './errors.js';

/** The links users may import: http(s) without credentials. Where they point is checked on fetch. */
export function parseImportUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new DomainError('BAD_INPUT', 'That is not a valid URL. Paste a full link starting with https://.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DomainError('BAD_INPUT', `Only http and https links can be imported (got ${url.protocol.replace(':', '')}).`);
  }
  if (url.username || url.password) throw new DomainError('BAD_INPUT', 'Links with a user name or password in them are not accepted.');
  return url;
}

/** A project name from the link's last path segment, else its host. */
export function projectNameFromUrl(url: URL): string {
  const last = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '');
  return last.replace(/\.[^.]{1,8}$/, '').slice(0, 120) || url.hostname;
}
