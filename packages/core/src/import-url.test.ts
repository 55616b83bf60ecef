import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { parseImportUrl, projectNameFromUrl } from './import-url.js';

describe('parseImportUrl', () => {
  it('accepts http and https links', () => {
    expect(parseImportUrl(' https://cdn.example.com/talks/keynote.mp4 ').toString()).toBe('https://cdn.example.com/talks/keynote.mp4');
    expect(parseImportUrl('http://example.com/a').protocol).toBe('http:');
  });

  it.each(['file:///etc/passwd', 'ftp://example.com/x.mp4', 'gopher://example.com/', 'javascript:alert(1)', 'data:video/mp4;base64,AAAA'])(
    'refuses the %s scheme',
    (url) => {
      expect(() => parseImportUrl(url)).toThrow(/Only http and https/);
    },
  );

  it('refuses credentials in the link and things that are not links', () => {
    expect(() => parseImportUrl('https://user:pass@example.com/x.mp4')).toThrow(DomainError);
    expect(() => parseImportUrl('not a url')).toThrow(/not a valid URL/);
  });

  it('names the project after the file in the link', () => {
    expect(projectNameFromUrl(new URL('https://example.com/media/My%20Talk.mp4?x=1'))).toBe('My Talk');
    expect(projectNameFromUrl(new URL('https://example.com/'))).toBe('example.com');
  });
});
