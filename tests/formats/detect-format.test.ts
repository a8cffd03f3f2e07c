import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatFromBytes, textFromBytes } from '../../src/formats/shared/detect-format.js';
import { zipFromEntries } from './zip-from-entries.js';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('formatFromBytes', () => {
  it('knows PDF and DOCX by their bytes, whatever a file is called', () => {
    expect(formatFromBytes(utf8('%PDF-1.7\n…'))).toBe('pdf');
    const zipWithDocument = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Buffer.from('....word/document.xml....')]);
    expect(formatFromBytes(zipWithDocument)).toBe('docx');
    expect(formatFromBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Buffer.from('....xl/workbook.xml')]))).toBe(
      'unknown',
    );
  });

  it('takes text as Markdown: UTF-8, UTF-16 with a byte order mark, and Windows-1252', () => {
    expect(formatFromBytes(utf8('# Kazakhstan\n'))).toBe('markdown');
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('# Ireland\n', 'utf16le')]);
    expect(formatFromBytes(utf16)).toBe('markdown');
    expect(textFromBytes(utf16)).toBe('# Ireland\n');
    const cp1252 = new Uint8Array(Buffer.from('Author: Jos\xe9 \x93Silva\x94\n', 'latin1'));
    expect(formatFromBytes(cp1252)).toBe('markdown');
    expect(textFromBytes(cp1252)).toBe('Author: José “Silva”\n');
  });

  it('refuses binary noise and empty files', () => {
    expect(formatFromBytes(new Uint8Array())).toBe('unknown');
    expect(formatFromBytes(new Uint8Array(randomBytes(4096)))).toBe('unknown');
  });

  it('knows PNG, JPEG and TIFF (both byte orders) as images', () => {
    expect(formatFromBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe(
      'image',
    );
    expect(formatFromBytes(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image');
    expect(formatFromBytes(new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]))).toBe('image');
    expect(formatFromBytes(new Uint8Array([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]))).toBe('image');
  });
});

describe('formatFromBytes for web pages, RTF, OpenDocument and Word 97-2003', () => {
  it('knows a web page by its opening tags, also after a declaration or comment and in UTF-16', () => {
    expect(formatFromBytes(utf8('<!DOCTYPE html>\n<html><body><h1>Kenya</h1></body></html>'))).toBe('html');
    expect(
      formatFromBytes(utf8('<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type">')),
    ).toBe('html');
    expect(
      formatFromBytes(utf8('<?xml version="1.0"?>\n<!-- saved -->\n<html xmlns="http://www.w3.org/1999/xhtml">')),
    ).toBe('html');
    expect(
      formatFromBytes(
        new Uint8Array([0xff, 0xfe, ...Buffer.from('<!DOCTYPE html><html><body>Kenya</body></html>', 'utf16le')]),
      ),
    ).toBe('html');
  });

  it('keeps Markdown that holds HTML (a table, a comment, a line break) as Markdown', () => {
    expect(formatFromBytes(utf8('<table><tr><td>Year</td></tr></table>\n\n# Kenya\n'))).toBe('markdown');
    expect(formatFromBytes(utf8('<!-- draft -->\n# Kenya\n\nAuthor: A<br>\n'))).toBe('markdown');
    expect(formatFromBytes(utf8('# Reading <html> pages\n'))).toBe('markdown');
  });

  it('never reads RTF as Markdown', () => {
    expect(formatFromBytes(utf8('{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Calibri;}}\\pard Kenya\\par}'))).toBe('rtf');
    expect(formatFromBytes(utf8('\r\n{\\rtf1\\ansi Kenya}'))).toBe('rtf');
  });

  it('knows an OpenDocument text by its mimetype entry, not any zip with content.xml', () => {
    const odt = zipFromEntries([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', stored: true },
      { name: 'content.xml', data: '<x/>' },
    ]);
    expect(formatFromBytes(odt)).toBe('odt');
    const sheet = zipFromEntries([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', stored: true },
      { name: 'content.xml', data: '<x/>' },
    ]);
    expect(formatFromBytes(sheet)).toBe('unknown');
  });

  it('knows Word 97-2003 by the WordDocument stream of its compound file', () => {
    const ole = (stream: string) =>
      new Uint8Array([
        0xd0,
        0xcf,
        0x11,
        0xe0,
        0xa1,
        0xb1,
        0x1a,
        0xe1,
        ...new Uint8Array(504),
        ...Buffer.from(stream, 'utf16le'),
      ]);
    expect(formatFromBytes(ole('WordDocument'))).toBe('doc');
    expect(formatFromBytes(ole('Workbook'))).toBe('unknown');
  });
});
