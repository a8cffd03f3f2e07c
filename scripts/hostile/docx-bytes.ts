import { zipFromEntries, type ZipEntry } from './zip-bytes.js';

/** Builds the minimum a Word reader accepts, with hooks for the parts hostile cases change. */
export interface DocxParts {
  /** Children of <w:body>. */
  body: string;
  /** Text placed before <w:document> (a DOCTYPE, say). */
  prolog?: string;
  /** Extra <Relationship> elements for word/_rels/document.xml.rels. */
  relationships?: string;
  /** Further zip entries appended after the document parts. */
  extraEntries?: ZipEntry[];
}

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';

export function docxDocumentXml(parts: Pick<DocxParts, 'body' | 'prolog'>): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${parts.prolog ?? ''}<w:document ${NS}><w:body>${parts.body}</w:body></w:document>`;
}

export function docxFromParts(parts: DocxParts): Buffer {
  return zipFromEntries([
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    { name: 'word/document.xml', data: docxDocumentXml(parts) },
    {
      name: 'word/_rels/document.xml.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `${parts.relationships ?? ''}</Relationships>`,
    },
    ...(parts.extraEntries ?? []),
  ]);
}

export function docxParagraph(text: string, style?: string): string {
  const pPr = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  return `<w:p>${pPr}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}
