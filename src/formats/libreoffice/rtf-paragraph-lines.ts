/**
 * Where each body paragraph of an RTF file starts, as a 1-based line of the file, so
 * blocks read from LibreOffice's DOCX of it can point at the RTF itself. A paragraph
 * is counted as the Word reader counts paragraph-level elements: only paragraphs
 * that print some text, and a table (a run of `\intbl` paragraphs) as one. Groups
 * that hold no body text (font and style tables, document info, pictures, headers,
 * footers, notes, field instructions, anything marked `\*`) are skipped.
 */

const SKIPPED_DESTINATIONS = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'header',
  'headerl',
  'headerr',
  'headerf',
  'footer',
  'footerl',
  'footerr',
  'footerf',
  'footnote',
  'annotation',
  'listtable',
  'listoverridetable',
  'rsidtbl',
  'generator',
  'xmlnstbl',
  'themedata',
  'colorschememapping',
  'datastore',
  'latentstyles',
  'pgdsctbl',
  'fldinst',
  'object',
  'nonshppict',
  'shp',
  'revtbl',
  'filetbl',
  'pn',
  'listtext',
  'bkmkstart',
  'bkmkend',
  'atnid',
  'atnauthor',
  'comment',
]);

export function paragraphLinesFromRtf(rtf: string): number[] {
  const units: number[] = [];
  // Depth of the group being skipped (0 when reading body text); groups open inside it are skipped too.
  let depth = 0;
  let skipFrom = 0;
  let line = 1;
  let start: number | null = null;
  let inTable = false;
  let tableOpen = false;
  let groupJustOpened = false;

  const endParagraph = (cell: boolean): void => {
    if (start !== null) {
      if (!(inTable || cell) || !tableOpen) units.push(start);
      tableOpen = inTable || cell;
    }
    start = null;
    if (!cell) inTable = false;
  };
  const text = (): void => {
    if (skipFrom === 0 && start === null) start = line;
  };

  for (let i = 0; i < rtf.length; i++) {
    const ch = rtf[i]!;
    if (ch === '\n') {
      line++;
      continue;
    }
    if (ch === '\r') continue;
    if (ch === '{') {
      depth++;
      groupJustOpened = true;
      continue;
    }
    if (ch === '}') {
      if (skipFrom === depth) skipFrom = 0;
      depth = Math.max(0, depth - 1);
      groupJustOpened = false;
      continue;
    }
    const opened = groupJustOpened;
    groupJustOpened = false;
    if (ch !== '\\') {
      if (ch !== ' ' && ch !== '\t') text();
      continue;
    }
    const next = rtf[i + 1];
    if (next === undefined) break;
    if (!/[a-z]/i.test(next)) {
      // Control symbols: \* marks a group to skip; \' and escaped characters print; line ends inside a control mean \par.
      i++;
      if (next === '*') {
        if (opened && skipFrom === 0) skipFrom = depth;
        continue;
      }
      if (next === '\n') {
        line++;
        endParagraph(false);
        continue;
      }
      if (next === "'") {
        i += 2;
        text();
        continue;
      }
      if (next === '\\' || next === '{' || next === '}' || next === '~' || next === '_') text();
      continue;
    }
    let j = i + 1;
    while (j < rtf.length && /[a-z]/i.test(rtf[j]!)) j++;
    const word = rtf.slice(i + 1, j);
    if (rtf[j] === '-') j++;
    while (j < rtf.length && /[0-9]/.test(rtf[j]!)) j++;
    if (rtf[j] === ' ') j++;
    i = j - 1;
    if (opened && skipFrom === 0 && SKIPPED_DESTINATIONS.has(word)) {
      skipFrom = depth;
      continue;
    }
    if (skipFrom !== 0) continue;
    if (word === 'par' || word === 'sect') endParagraph(false);
    else if (word === 'cell' || word === 'nestcell') endParagraph(true);
    else if (word === 'intbl') inTable = true;
    else if (word === 'pard') inTable = false;
    else if (
      word === 'u' ||
      word === 'tab' ||
      word === 'emdash' ||
      word === 'endash' ||
      word === 'bullet' ||
      /^[lr](?:quote|dblquote)$/.test(word)
    )
      text();
  }
  endParagraph(false);
  return units;
}
