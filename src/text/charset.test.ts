import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml, resolveCharset } from './charset.ts';

const page = (body: string, head = '') => `<!doctype html><html><head>${head}<title>t</title></head><body><p>${body}</p></body></html>`;
const encode = (s: string, charset: string) => new Uint8Array(iconv.encode(s, charset));

describe('decodeHtml', () => {
  const french = 'Déjà vu – « naïveté » coûte 5 €';
  const japanese = '東京都の天気は晴れです。ニュース速報';
  const chinese = '北京市今天天气晴朗，新闻报道';

  it.each([
    ['windows-1252 from header', encode(page(french), 'windows-1252'), 'text/html; charset=windows-1252', french, 'windows-1252'],
    [
      'ISO-8859-1 header decodes as windows-1252 (the euro sign)',
      encode(page(french), 'windows-1252'),
      'text/html; charset=ISO-8859-1',
      french,
      'windows-1252',
    ],
    ['Shift_JIS from header', encode(page(japanese), 'shift_jis'), 'text/html; charset="Shift_JIS"', japanese, 'shift_jis'],
    ['GB2312 from header', encode(page(chinese), 'gb2312'), 'text/html;charset=gb2312', chinese, 'gb18030'],
    ['Shift_JIS from meta charset', encode(page(japanese, '<meta charset="shift_jis">'), 'shift_jis'), null, japanese, 'shift_jis'],
    [
      'GB2312 from http-equiv',
      encode(page(chinese, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gbk'),
      'text/html',
      chinese,
      'gb18030',
    ],
    [
      'ISO-8859-1 from meta',
      encode(page(french, "<meta http-equiv='content-type' content='text/html;charset=iso-8859-1'>"), 'windows-1252'),
      undefined,
      french,
      'windows-1252',
    ],
    ['UTF-8 sniffed without any declaration', encode(page(japanese), 'utf-8'), null, japanese, 'utf-8'],
    ['windows-1252 fallback for invalid UTF-8', encode(page(french), 'windows-1252'), null, french, 'windows-1252'],
  ])('%s', (_name, bytes, contentType, expected, charset) => {
    const result = decodeHtml(bytes, contentType);
    expect(result.charset).toBe(charset);
    expect(result.text).toContain(`<p>${expected}</p>`);
  });

  it.each([
    ['UTF-8 header over windows-1252 bytes', encode(page(french), 'windows-1252'), 'text/html; charset=utf-8', 'windows-1252'],
    ['UTF-8 meta over windows-1252 bytes', encode(page(french, '<meta charset="utf-8">'), 'windows-1252'), null, 'windows-1252'],
    [
      'UTF-8 header, windows-1252 meta, windows-1252 bytes: the meta fits',
      encode(page(french, '<meta charset="windows-1252">'), 'windows-1252'),
      'text/html; charset=utf-8',
      'windows-1252',
    ],
    ['ISO-8859-1 header over UTF-8 bytes', encode(page(french), 'utf-8'), 'text/html; charset=iso-8859-1', 'utf-8'],
    ['windows-1251 meta over UTF-8 bytes', encode(page(french, '<meta charset="windows-1251">'), 'utf-8'), null, 'utf-8'],
  ])('falls back when the declaration cannot be right: %s', (_name, bytes, contentType, charset) => {
    const result = decodeHtml(bytes, contentType);
    expect(result.charset).toBe(charset);
    expect(result.text).toContain(`<p>${french}</p>`);
  });

  it('keeps a one-byte declaration over pure ASCII, and a correct one over its own bytes', () => {
    expect(decodeHtml(encode(page('plain'), 'utf-8'), 'text/html; charset=iso-8859-1').charset).toBe('windows-1252');
    expect(decodeHtml(encode(page(french), 'windows-1252'), 'text/html; charset=iso-8859-1').charset).toBe('windows-1252');
  });

  it.each([['utf-16le'], ['utf-16be']])('decodes %s without a BOM from its byte pattern, whatever the header says', (charset) => {
    const bytes = encode(page(chinese), charset);
    expect(decodeHtml(bytes)).toMatchObject({ charset });
    expect(decodeHtml(bytes, 'text/html; charset=utf-8').text).toContain(chinese);
  });

  it('honours a UTF-8 BOM and strips it, even against a wrong header', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(page(french), 'utf-8')]);
    const result = decodeHtml(bytes, 'text/html; charset=iso-8859-1');
    expect(result.charset).toBe('utf-8');
    expect(result.text.startsWith('<!doctype')).toBe(true);
    expect(result.text).toContain(french);
  });

  it('decodes UTF-16LE with a BOM', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...encode(page(chinese), 'utf-16le')]);
    expect(decodeHtml(bytes).text).toContain(chinese);
  });

  it('ignores a meta declaration inside a comment and one that claims UTF-16', () => {
    const commented = encode(page(french, '<!-- <meta charset="shift_jis"> --><meta charset="windows-1252">'), 'windows-1252');
    expect(decodeHtml(commented).charset).toBe('windows-1252');
    const utf16 = encode(page(japanese, '<meta charset="utf-16">'), 'utf-8');
    expect(decodeHtml(utf16)).toMatchObject({ charset: 'utf-8' });
  });

  it('falls through an unknown header charset to the meta tag', () => {
    const bytes = encode(page(japanese, '<meta charset="shift_jis">'), 'shift_jis');
    expect(decodeHtml(bytes, 'text/html; charset=bogus-charset').text).toContain(japanese);
  });
});

describe('resolveCharset', () => {
  it.each([
    ['UTF8', 'utf-8'],
    ['latin1', 'windows-1252'],
    ['GBK', 'gb18030'],
    ['x-sjis', 'shift_jis'],
    ['EUC-JP', 'euc-jp'],
    ['nonsense', null],
  ])('%s -> %s', (label, expected) => {
    expect(resolveCharset(label)).toBe(expected);
  });
});
