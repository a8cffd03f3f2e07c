/**
 * A tiny PDF writer: objects in, bytes out with a correct cross-reference table.
 * It writes only what the hostile corpus and the benchmarks need, so every odd
 * structure (lying counts, deep nesting, odd fonts) is spelled out by the caller.
 */

export interface PdfObject {
  /** The object's body as PDF syntax, without `n 0 obj` / `endobj`. */
  body: string;
  /** When set, the object is a stream with this content; `body` is then its dictionary minus /Length. */
  stream?: Uint8Array | string;
}

const latin1 = (s: string) => Buffer.from(s, 'latin1');

/** Object i (0-based in `objects`) gets number i + 1; the trailer's /Root is `rootRef`. */
export function pdfFromObjects(objects: PdfObject[], rootRef = 1): Buffer {
  const parts: Buffer[] = [latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(offset);
    const chunk = objectBytes(i + 1, object);
    parts.push(chunk);
    offset += chunk.length;
  });
  const xrefAt = offset;
  const rows = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(
    latin1(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}` +
        `trailer\n<< /Size ${objects.length + 1} /Root ${rootRef} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(parts);
}

function objectBytes(n: number, object: PdfObject): Buffer {
  if (object.stream === undefined) return latin1(`${n} 0 obj\n${object.body}\nendobj\n`);
  const data = typeof object.stream === 'string' ? latin1(object.stream) : Buffer.from(object.stream);
  const dict = object.body.replace(/>>\s*$/, ` /Length ${data.length} >>`);
  return Buffer.concat([latin1(`${n} 0 obj\n${dict}\nstream\n`), data, latin1('\nendstream\nendobj\n')]);
}

/** Escapes text for a PDF literal string. */
export function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** A content stream that prints each line of each paragraph with Helvetica, top to bottom. */
export function textContent(lines: Array<{ text: string; size?: number; bold?: boolean }>): string {
  let y = 780;
  const ops: string[] = [];
  for (const line of lines) {
    const size = line.size ?? 11;
    y -= size * 1.6;
    ops.push(`BT /${line.bold ? 'F2' : 'F1'} ${size} Tf 56 ${y.toFixed(1)} Td ${pdfString(line.text)} Tj ET`);
  }
  return ops.join('\n');
}

/**
 * An ordinary text PDF: one page per entry of `pages`, each a list of lines.
 * Objects: 1 catalog, 2 page tree, 3 F1, 4 F2, then page/content pairs.
 */
export function textPdf(pages: Array<Array<{ text: string; size?: number; bold?: boolean }>>): Buffer {
  const objects: PdfObject[] = [
    { body: '<< /Type /Catalog /Pages 2 0 R >>' },
    { body: '' },
    { body: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>' },
    { body: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>' },
  ];
  const kids: string[] = [];
  for (const lines of pages) {
    const pageNo = objects.length + 1;
    kids.push(`${pageNo} 0 R`);
    objects.push({
      body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageNo + 1} 0 R >>`,
    });
    objects.push({ body: '<< >>', stream: textContent(lines) });
  }
  objects[1] = { body: `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages.length} >>` };
  return pdfFromObjects(objects);
}
