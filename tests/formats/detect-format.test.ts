import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatFromBytes, textFromBytes } from '../../src/formats/shared/detect-format.js';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('formatFromBytes', () => {
  it('knows PDF and DOCX by their bytes, whatever a file is called', () => {
    expect(formatFromBytes(utf8('%PDF-1.7\n…'))).toBe('pdf');
    const zipWithDocument = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Buffer.from('....word/document.xml....')]);
    expect(formatFromBytes(zipWithDocument)).toBe('docx');
    expect(formatFromBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Buffer.from('....xl/workbook.xml')]))).toBe('unknown');
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
    expect(formatFromBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe('image');
    expect(formatFromBytes(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image');
    expect(formatFromBytes(new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]))).toBe('image');
    expect(formatFromBytes(new Uint8Array([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]))).toBe('image');
  });
});
