import { existsSync, readFileSync } from 'node:fs';
import type { ParseLimits } from '../../src/formats/shared/limits.js';
import { docxFromParts, docxParagraph } from './docx-bytes.js';
import { pdfFromObjects, textContent, type PdfObject } from './pdf-bytes.js';
import { docxFromMarkdown, pdfFromMarkdown, repoRoot, sampleMarkdown } from './report-text.js';
import { zerosPayload, zipFromEntries } from './zip-bytes.js';

/** What a file may legitimately become: a record with one of the error codes, or a parsed record. */
export type Outcome = 'UNREADABLE_FILE' | 'NO_TEXT_LAYER' | 'UNSUPPORTED_FORMAT' | 'parsed';

export interface HostileCase {
  id: string;
  /** The name the file arrives under (the extension may lie on purpose). */
  fileName: string;
  build: () => Buffer;
  accept: Outcome[];
  /** Which normal file to parse right after, in the same process. */
  then: 'pdf' | 'docx' | 'markdown';
  /** Budget for recordFromBytes on this file. */
  maxMs: number;
  /** Budget for the process's peak resident memory. */
  maxRssMb: number;
  /** Lower limits than the defaults, to check that configured limits are honoured. */
  limits?: Partial<ParseLimits>;
  /** Strings that must not appear anywhere in the record (leaked file contents). */
  forbidden?: string[];
  why: string;
}

const MiB = 1024 * 1024;
const DEFAULT_MS = 10_000;
const DEFAULT_RSS = 400;

/** Deterministic bytes so the corpus is the same on every machine. */
export function pseudoRandomBytes(length: number, seed = 0x9e3779b9): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

export const normalFiles = {
  pdf: { fileName: 'normal.pdf', build: () => pdfFromMarkdown(sampleMarkdown()) },
  docx: { fileName: 'normal.docx', build: () => docxFromMarkdown(sampleMarkdown()) },
  markdown: { fileName: 'normal.md', build: () => Buffer.from(sampleMarkdown(), 'utf8') },
} as const;

/** Encrypted PDFs are made once with qpdf (scripts/hostile/refresh-encrypted.ts) and kept small in the repo. */
function committed(name: string): Buffer {
  const path = `${repoRoot()}/tests/hostile/data/${name}`;
  if (!existsSync(path)) throw new Error(`${path} is missing: run node dist/scripts/hostile/refresh-encrypted.js`);
  return readFileSync(path);
}

const helvetica = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** One page whose content and resources the caller supplies; objects 1 catalog, 2 pages, 3 page, 4 content, 5 font. */
function onePagePdf(
  content: string,
  extra: { catalog?: string; page?: string; more?: PdfObject[]; font?: string } = {},
): Buffer {
  return pdfFromObjects([
    { body: `<< /Type /Catalog /Pages 2 0 R ${extra.catalog ?? ''} >>` },
    { body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
    {
      body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> ${extra.page ?? ''} >> /Contents 4 0 R >>`,
    },
    { body: '<< >>', stream: content },
    { body: extra.font ?? helvetica },
    ...(extra.more ?? []),
  ]);
}

const reportLines = textContent([
  { text: 'Kazakhstan', size: 18 },
  { text: 'Aziz Soltobaev', size: 14 },
  { text: '23.03.23' },
]);

function imageOnlyPdf(): Buffer {
  const side = 64;
  const pixels = Buffer.alloc(side * side, 0x80);
  return onePagePdf('q 400 0 0 400 100 300 cm /Im1 Do Q', {
    page: '/XObject << /Im1 6 0 R >>',
    more: [
      {
        body: `<< /Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 >>`,
        stream: pixels,
      },
    ],
  });
}

/** A /Count that claims 100,000 pages over a tree holding one. */
function pageCountLiePdf(): Buffer {
  const pdf = onePagePdf(reportLines);
  return Buffer.from(pdf.toString('latin1').replace('/Count 1 >>', '/Count 100000 >>'), 'latin1');
}

/** A real page tree of 100 nodes x 1,000 leaves; every leaf shares one content stream. */
function hugePageTreePdf(): Buffer {
  const nodes = 100;
  const perNode = 1000;
  const objects: PdfObject[] = [
    { body: '<< /Type /Catalog /Pages 2 0 R >>' },
    { body: '' },
    { body: helvetica },
    { body: '<< >>', stream: reportLines },
  ];
  const nodeRefs: string[] = [];
  for (let n = 0; n < nodes; n++) {
    const nodeNo = objects.length + 1;
    nodeRefs.push(`${nodeNo} 0 R`);
    const leafRefs = Array.from({ length: perNode }, (_, i) => `${nodeNo + 1 + i} 0 R`);
    objects.push({ body: `<< /Type /Pages /Parent 2 0 R /Kids [${leafRefs.join(' ')}] /Count ${perNode} >>` });
    for (let i = 0; i < perNode; i++) {
      objects.push({
        body: `<< /Type /Page /Parent ${nodeNo} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>`,
      });
    }
  }
  objects[1] = { body: `<< /Type /Pages /Kids [${nodeRefs.join(' ')}] /Count ${nodes * perNode} >>` };
  return pdfFromObjects(objects);
}

/** Pages nodes chained 100,000 deep above a single leaf. */
function kidsChainPdf(depth = 100_000): Buffer {
  // Objects: 1 catalog, 2..depth+1 chain of Pages nodes, then the leaf, its content, the font.
  const leaf = depth + 2;
  const objects: PdfObject[] = [{ body: '<< /Type /Catalog /Pages 2 0 R >>' }];
  for (let i = 0; i < depth; i++) {
    const no = i + 2;
    const parent = i === 0 ? '' : `/Parent ${no - 1} 0 R `;
    objects.push({ body: `<< /Type /Pages ${parent}/Kids [${no + 1} 0 R] /Count 1 >>` });
  }
  objects.push({
    body: `<< /Type /Page /Parent ${leaf - 1} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${leaf + 2} 0 R >> >> /Contents ${leaf + 1} 0 R >>`,
  });
  objects.push({ body: '<< >>', stream: reportLines });
  objects.push({ body: helvetica });
  return pdfFromObjects(objects);
}

function nestedArraysPdf(depth = 100_000): Buffer {
  return onePagePdf(reportLines, { catalog: `/Deep ${'['.repeat(depth)}${']'.repeat(depth)}` });
}

function nestedDictsPdf(depth = 100_000): Buffer {
  return onePagePdf(reportLines, { page: `/Deep ${'<< /A '.repeat(depth)}1${' >>'.repeat(depth)}` });
}

/**
 * Shaped like the CVE-2024-4367 proof of concept: a Type1 font whose FontMatrix ends
 * in a string that, pasted into generated glyph-drawing code, would run as script.
 */
function fontMatrixInjectionPdf(): Buffer {
  const payload = '(1\\); globalThis.pwned=1; //)';
  const fontProgram =
    '%!PS-AdobeFont-1.0: Evil 001\n/FontMatrix [0.001 0 0 0.001 0 0] readonly def\ncurrentfile eexec\n';
  return onePagePdf(reportLines, {
    font: `<< /Type /Font /Subtype /Type1 /BaseFont /Evil /FirstChar 32 /LastChar 126 /Widths [${'500 '.repeat(95)}] /FontDescriptor 6 0 R /FontMatrix [1 2 3 4 5 ${payload}] >>`,
    more: [
      {
        body: '<< /Type /FontDescriptor /FontName /Evil /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile 7 0 R >>',
      },
      { body: `<< /Length1 ${fontProgram.length} /Length2 0 /Length3 0 >>`, stream: fontProgram },
    ],
  });
}

/** One page with 200,000 separate text runs (7 MB): each becomes a text item in pdf.js. */
export function textRunFloodPdf(runs = 200_000): Buffer {
  const ops: string[] = [];
  for (let i = 0; i < runs; i++)
    ops.push(`BT /F1 9 Tf ${50 + (i % 50) * 10} ${800 - (Math.floor(i / 50) % 80) * 10} Td (w${i % 97}) Tj ET`);
  return onePagePdf(ops.join('\n'));
}

function truncated(bytes: Buffer, fraction: number): Buffer {
  return bytes.subarray(0, Math.floor(bytes.length * fraction));
}

function normalDocxWith(extraEntries: Parameters<typeof zipFromEntries>[0]): Buffer {
  return docxFromParts({
    body: docxParagraph('Kazakhstan', 'Heading1') + docxParagraph('Aziz Soltobaev'),
    extraEntries,
  });
}

/** An archive whose document part claims 2,000 bytes but inflates to 1 GiB. */
function lyingDocxBomb(): Buffer {
  const bomb = zerosPayload(1024 * MiB);
  return zipFromEntries([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    { name: 'word/document.xml', raw: bomb, declaredUncompressedSize: 2000 },
  ]);
}

function externalImageDocx(): Buffer {
  const drawing =
    '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="Picture 1"/>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>' +
    '<pic:nvPicPr><pic:cNvPr id="1" name="passwd"/><pic:cNvPicPr/></pic:nvPicPr>' +
    '<pic:blipFill><a:blip r:link="rIdExt1"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic>' +
    '</wp:inline></w:drawing></w:r></w:p>';
  return docxFromParts({
    body: docxParagraph('Kazakhstan', 'Heading1') + docxParagraph('Aziz Soltobaev') + drawing,
    relationships:
      '<Relationship Id="rIdExt1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="file:///etc/passwd" TargetMode="External"/>',
  });
}

function xxeDocx(): Buffer {
  return docxFromParts({
    prolog: '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n',
    body: docxParagraph('Kazakhstan', 'Heading1') + '<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>',
  });
}

function billionLaughsDocx(): Buffer {
  const entities = ['<!ENTITY lol0 "lollollollollollollollollollol">'];
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return docxFromParts({
    prolog: `<!DOCTYPE w:document [${entities.join('')}]>\n`,
    body: docxParagraph('Kazakhstan', 'Heading1') + '<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>',
  });
}

const PASSWD_LEAK = ['root:x:0:0', '/bin/bash', '/usr/sbin/nologin'];

const ODT_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';

/** An OpenDocument text with the given content.xml body (or whole part) and extra entries. */
function odtWith(content: string, extraEntries: Parameters<typeof zipFromEntries>[0] = []): Buffer {
  const part =
    content.startsWith('<?xml') || content.startsWith('<!')
      ? content
      : `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODT_NS}><office:body><office:text><text:h text:outline-level="1">Kazakhstan</text:h>${content}</office:text></office:body></office:document-content>`;
  return zipFromEntries([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', stored: true },
    { name: 'content.xml', data: part },
    ...extraEntries,
  ]);
}

function xxeOdt(): Buffer {
  return odtWith(
    `<?xml version="1.0"?><!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><office:document-content ${ODT_NS}><office:body><office:text><text:p>&xxe;</text:p></office:text></office:body></office:document-content>`,
  );
}

export function hostileCases(): HostileCase[] {
  const base = { maxMs: DEFAULT_MS, maxRssMb: DEFAULT_RSS };
  return [
    {
      ...base,
      id: 'zero-byte',
      fileName: 'empty.pdf',
      build: () => Buffer.alloc(0),
      accept: ['UNREADABLE_FILE'],
      then: 'pdf',
      maxMs: 200,
      why: 'an empty upload',
    },
    {
      ...base,
      id: 'random-bytes-named-pdf',
      fileName: 'random.pdf',
      build: () => pseudoRandomBytes(256 * 1024),
      accept: ['UNREADABLE_FILE'],
      then: 'pdf',
      maxMs: 500,
      why: 'bytes that are not the format the name claims',
    },
    {
      ...base,
      id: 'random-bytes-unnamed',
      fileName: 'random.bin',
      build: () => pseudoRandomBytes(64 * 1024, 7),
      accept: ['UNSUPPORTED_FORMAT'],
      then: 'markdown',
      maxMs: 500,
      why: 'no known format at all',
    },
    {
      ...base,
      id: 'truncated-pdf-head',
      fileName: 'truncated-head.pdf',
      build: () => truncated(pdfFromMarkdown(sampleMarkdown()), 0.03),
      accept: ['UNREADABLE_FILE'],
      then: 'pdf',
      why: 'cut before any page object',
    },
    {
      ...base,
      id: 'truncated-pdf-middle',
      fileName: 'truncated-middle.pdf',
      build: () => truncated(pdfFromMarkdown(sampleMarkdown()), 0.5),
      accept: ['UNREADABLE_FILE', 'parsed'],
      then: 'pdf',
      why: 'cut inside a content stream, no xref or trailer',
    },
    {
      ...base,
      id: 'encrypted-pdf-user-password',
      fileName: 'encrypted.pdf',
      build: () => committed('encrypted-user-password.pdf'),
      accept: ['UNREADABLE_FILE'],
      then: 'pdf',
      why: 'AES-256, needs a password to open',
    },
    {
      ...base,
      id: 'encrypted-pdf-owner-only',
      fileName: 'encrypted-owner.pdf',
      build: () => committed('encrypted-owner-only.pdf'),
      accept: ['parsed', 'UNREADABLE_FILE'],
      then: 'pdf',
      why: 'AES-256 with an empty user password: opens without one',
    },
    {
      ...base,
      id: 'image-only-pdf',
      fileName: 'scan.pdf',
      build: imageOnlyPdf,
      accept: ['NO_TEXT_LAYER'],
      then: 'pdf',
      why: 'a scan: an image, no text operators',
    },
    {
      ...base,
      id: 'page-count-lie',
      fileName: 'count-lie.pdf',
      build: pageCountLiePdf,
      accept: ['UNREADABLE_FILE', 'parsed'],
      then: 'pdf',
      why: '/Count 100000 over one page',
    },
    {
      ...base,
      id: 'page-tree-100k-leaves',
      fileName: 'pages-100k.pdf',
      build: hugePageTreePdf,
      accept: ['UNREADABLE_FILE'],
      then: 'pdf',
      why: '100,000 real pages, over the page limit',
    },
    {
      ...base,
      id: 'kids-chain-100k',
      fileName: 'kids-chain.pdf',
      build: () => kidsChainPdf(),
      accept: ['UNREADABLE_FILE', 'parsed'],
      then: 'pdf',
      why: 'a page tree 100,000 levels deep',
    },
    {
      ...base,
      id: 'nested-arrays-100k',
      fileName: 'nested-arrays.pdf',
      build: () => nestedArraysPdf(),
      accept: ['UNREADABLE_FILE', 'parsed'],
      then: 'pdf',
      why: 'a catalog entry 100,000 arrays deep',
    },
    {
      ...base,
      id: 'nested-dicts-100k',
      fileName: 'nested-dicts.pdf',
      build: () => nestedDictsPdf(),
      accept: ['UNREADABLE_FILE', 'parsed'],
      then: 'pdf',
      why: 'page resources 100,000 dictionaries deep',
    },
    {
      ...base,
      id: 'pdf-text-run-flood',
      fileName: 'flood.pdf',
      build: () => textRunFloodPdf(),
      accept: ['parsed', 'UNREADABLE_FILE'],
      then: 'pdf',
      why: '200,000 text runs on one page (7 MB, under the size limit)',
    },
    {
      ...base,
      id: 'font-matrix-injection',
      fileName: 'cve-2024-4367.pdf',
      build: fontMatrixInjectionPdf,
      accept: ['parsed', 'UNREADABLE_FILE', 'NO_TEXT_LAYER'],
      then: 'pdf',
      why: 'CVE-2024-4367-style FontMatrix script payload',
    },
    {
      ...base,
      id: 'docx-zip-bomb-honest-2gib',
      fileName: 'bomb.docx',
      build: () =>
        normalDocxWith(
          Array.from({ length: 32 }, (_, i) => ({ name: `word/media/zeros${i}.bin`, raw: zerosPayload(64 * MiB) })),
        ),
      accept: ['UNREADABLE_FILE'],
      then: 'docx',
      why: '32 entries of 64 MiB each declared in the headers',
    },
    {
      ...base,
      id: 'docx-zip-bomb-document-1gib',
      fileName: 'bomb-document.docx',
      build: () => zipFromEntries([{ name: 'word/document.xml', raw: zerosPayload(1024 * MiB) }]),
      accept: ['UNREADABLE_FILE'],
      then: 'docx',
      why: 'the document part itself inflates to 1 GiB',
    },
    {
      ...base,
      id: 'docx-zip-bomb-lying-sizes',
      fileName: 'bomb-lying.docx',
      build: lyingDocxBomb,
      accept: ['UNREADABLE_FILE'],
      then: 'docx',
      why: 'headers claim 2,000 bytes, data inflates to 1 GiB',
    },
    {
      ...base,
      id: 'docx-10k-entries',
      fileName: 'many-entries.docx',
      build: () =>
        normalDocxWith(Array.from({ length: 10_000 }, (_, i) => ({ name: `word/junk/${i}.xml`, data: '<x/>' }))),
      accept: ['UNREADABLE_FILE'],
      then: 'docx',
      why: 'more entries than the zip entry limit',
    },
    {
      ...base,
      id: 'docx-external-image-link',
      fileName: 'external-link.docx',
      build: externalImageDocx,
      accept: ['parsed', 'UNREADABLE_FILE'],
      forbidden: PASSWD_LEAK,
      then: 'docx',
      why: 'r:link to file:///etc/passwd with TargetMode=External',
    },
    {
      ...base,
      id: 'docx-xxe',
      fileName: 'xxe.docx',
      build: xxeDocx,
      accept: ['parsed', 'UNREADABLE_FILE'],
      forbidden: PASSWD_LEAK,
      then: 'docx',
      why: 'DOCTYPE with an external entity',
    },
    {
      ...base,
      id: 'docx-billion-laughs',
      fileName: 'laughs.docx',
      build: billionLaughsDocx,
      accept: ['parsed', 'UNREADABLE_FILE'],
      forbidden: ['lollollollollollollollollollollollol'],
      then: 'docx',
      why: 'nested internal entities (10^9 expansions)',
    },
    {
      ...base,
      id: 'odt-zip-bomb-content-1gib',
      fileName: 'bomb.odt',
      build: () =>
        zipFromEntries([
          { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', stored: true },
          { name: 'content.xml', raw: zerosPayload(1024 * MiB) },
        ]),
      accept: ['UNREADABLE_FILE'],
      then: 'docx',
      why: 'an ODT whose content.xml inflates to 1 GiB',
    },
    {
      ...base,
      id: 'odt-10k-entries',
      fileName: 'many-entries.odt',
      build: () =>
        odtWith(
          '<text:p>x</text:p>',
          Array.from({ length: 10_000 }, (_, i) => ({ name: `Pictures/${i}.xml`, data: '<x/>' })),
        ),
      accept: ['UNREADABLE_FILE'],
      then: 'docx',
      why: 'an ODT with more entries than the zip entry limit',
    },
    {
      ...base,
      id: 'odt-xxe',
      fileName: 'xxe.odt',
      build: xxeOdt,
      accept: ['UNREADABLE_FILE'],
      forbidden: PASSWD_LEAK,
      then: 'docx',
      why: 'an ODT whose content.xml declares an external entity',
    },
    {
      ...base,
      id: 'odt-deep-spans',
      fileName: 'deep.odt',
      build: () =>
        odtWith(
          `<text:p>${'<text:span>'.repeat(30_000)}deep${'</text:span>'.repeat(30_000)}</text:p><text:list>${'<text:list-item><text:list>'.repeat(5_000)}<text:list-item><text:p>x</text:p></text:list-item>${'</text:list></text:list-item>'.repeat(5_000)}</text:list>`,
        ),
      accept: ['parsed', 'UNREADABLE_FILE'],
      then: 'docx',
      why: '30,000 nested spans and 5,000 nested lists in an ODT (under the zip ratio check)',
    },
    {
      ...base,
      id: 'html-deep-divs',
      fileName: 'deep.html',
      build: () =>
        Buffer.from(
          `<!DOCTYPE html><html><body><h1>Kazakhstan</h1>${'<div><span><b>'.repeat(30_000)}deep${'</b></span></div>'.repeat(30_000)}<ol>${'<li><ol>'.repeat(10_000)}</ol></body></html>`,
          'utf8',
        ),
      accept: ['parsed', 'UNREADABLE_FILE'],
      then: 'markdown',
      why: '90,000 nested elements and 10,000 nested lists in a web page',
    },
    {
      ...base,
      id: 'html-css-flood',
      fileName: 'css.html',
      build: () =>
        Buffer.from(
          `<!DOCTYPE html><html><head><style>${'.c{font-weight:700}'.repeat(200_000)}${'{'.repeat(100_000)}</style></head><body><p class="c">Kazakhstan</p></body></html>`,
          'utf8',
        ),
      accept: ['parsed', 'UNREADABLE_FILE'],
      then: 'markdown',
      why: 'a 4 MB style sheet with 100,000 unclosed braces',
    },
    {
      ...base,
      id: 'markdown-50mb',
      fileName: 'huge.md',
      build: () => Buffer.from('Lorem ipsum dolor sit amet. '.repeat(Math.ceil((50 * MiB) / 28)), 'utf8'),
      accept: ['UNREADABLE_FILE'],
      then: 'markdown',
      maxMs: 1000,
      why: 'over the file size limit: refused before parsing',
    },
    {
      ...base,
      id: 'markdown-deep-blockquote',
      fileName: 'deep-quote.md',
      build: () => Buffer.from(`# Kazakhstan\n\n${'> '.repeat(10_000)}deep\n${'>'.repeat(10_000)} deeper\n`, 'utf8'),
      accept: ['parsed', 'UNREADABLE_FILE'],
      then: 'markdown',
      why: '10,000 nested block quotes',
    },
    {
      ...base,
      id: 'markdown-deep-list',
      fileName: 'deep-list.md',
      build: () => Buffer.from(`# Kazakhstan\n\n${'- '.repeat(10_000)}deep\n\n${'1. '.repeat(10_000)}deeper\n`, 'utf8'),
      accept: ['parsed', 'UNREADABLE_FILE'],
      then: 'markdown',
      why: '10,000 nested list items',
    },
    {
      ...base,
      id: 'markdown-deep-emphasis',
      fileName: 'deep-emphasis.md',
      build: () => Buffer.from(`# Kazakhstan\n\n${'*['.repeat(20_000)}x${']*'.repeat(20_000)}\n`, 'utf8'),
      accept: ['parsed', 'UNREADABLE_FILE'],
      then: 'markdown',
      why: 'pathological inline nesting',
    },
    {
      ...base,
      id: 'configured-file-size',
      fileName: 'report.md',
      build: normalFiles.markdown.build,
      limits: { maxFileBytes: 1000 },
      accept: ['UNREADABLE_FILE'],
      then: 'markdown',
      maxMs: 200,
      why: 'a lower maxFileBytes is honoured',
    },
    {
      ...base,
      id: 'configured-pdf-pages',
      fileName: 'report.pdf',
      build: normalFiles.pdf.build,
      limits: { maxPdfPages: 1 },
      accept: ['UNREADABLE_FILE'],
      then: 'pdf',
      why: 'a lower maxPdfPages is honoured (the sample is 2 pages)',
    },
    {
      ...base,
      id: 'configured-zip-entries',
      fileName: 'report.docx',
      build: normalFiles.docx.build,
      limits: { maxZipEntries: 3 },
      accept: ['UNREADABLE_FILE'],
      then: 'docx',
      why: 'a lower maxZipEntries is honoured (the sample has 4)',
    },
    {
      ...base,
      id: 'configured-unzipped-bytes',
      fileName: 'report.docx',
      build: normalFiles.docx.build,
      limits: { maxUnzippedBytes: 2000 },
      accept: ['UNREADABLE_FILE'],
      then: 'docx',
      why: 'a lower maxUnzippedBytes is honoured',
    },
  ];
}
