import { describe, expect, it } from 'vitest';
import { maxAgeFrom, retryAfterFrom } from './cache-headers.ts';
import { sniffBinary } from './content.ts';

const NOW = Date.UTC(2024, 2, 5, 12);

describe('maxAgeFrom', () => {
  it.each([
    [{}, null],
    [{ 'cache-control': 'public, max-age=300' }, 300_000],
    [{ 'cache-control': 'max-age="60", must-revalidate' }, 60_000],
    [{ 'cache-control': 'no-cache' }, 0],
    [{ 'cache-control': 'private, no-store, max-age=600' }, 0],
    // Cache-Control wins over Expires.
    [{ 'cache-control': 'max-age=10', expires: 'Tue, 05 Mar 2024 13:00:00 GMT' }, 10_000],
    // Expires is relative to the server's Date when there is one.
    [{ expires: 'Tue, 05 Mar 2024 13:00:00 GMT', date: 'Tue, 05 Mar 2024 12:30:00 GMT' }, 30 * 60_000],
    [{ expires: 'Tue, 05 Mar 2024 13:00:00 GMT' }, 60 * 60_000],
    [{ expires: '0' }, 0],
    [{ expires: 'Tue, 05 Mar 2024 11:00:00 GMT' }, 0],
  ])('%j -> %s', (headers, expected) => {
    expect(maxAgeFrom(headers as Record<string, string>, NOW)).toBe(expected);
  });
});

describe('retryAfterFrom', () => {
  it.each([
    [undefined, null],
    ['120', 120_000],
    ['Tue, 05 Mar 2024 12:05:00 GMT', 300_000],
    ['Tue, 05 Mar 2024 11:00:00 GMT', 0],
    ['soon', null],
  ])('%s -> %s', (value, expected) => {
    expect(retryAfterFrom(value, NOW)).toBe(expected);
  });
});

describe('sniffBinary', () => {
  it.each([
    ['<!doctype html><p>hi</p>', null],
    ['<?xml version="1.0"?><rss/>', null],
    ['\x89PNG\r\n\x1a\n', 'PNG'],
    ['%PDF-1.4', 'PDF'],
    ['GIF89a', 'GIF'],
    ['\x1f\x8b\x08\x00', 'gzip'],
    ['PK\x03\x04', 'ZIP'],
    ['\x00\x00\x00\x18ftypmp42', 'MP4/ISO media'],
    ['<html>\x00\x00</html>', 'binary (NUL bytes)'],
  ])('%j -> %s', (text, expected) => {
    expect(sniffBinary(Buffer.from(text, 'latin1'))).toBe(expected);
  });

  it('UTF-16 text with a BOM is not binary', () => {
    expect(sniffBinary(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html>', 'utf16le')]))).toBeNull();
  });

  it('UTF-16 XML without a BOM is not binary; NULs after ASCII markup still are', () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"/>';
    expect(sniffBinary(Buffer.from(xml, 'utf16le'))).toBeNull();
    expect(sniffBinary(Buffer.from(xml, 'utf16le').swap16())).toBeNull();
    expect(sniffBinary(Buffer.from('<?xml version="1.0"?>\x00\x00\x00\x00', 'latin1'))).toBe('binary (NUL bytes)');
  });
});
