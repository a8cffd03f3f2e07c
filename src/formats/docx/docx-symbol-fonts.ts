/**
 * Ticks and crosses typed as letters in a symbol font. In Word a tick is often
 * the letter `ü` set in Wingdings (or `P` in Wingdings 2); the file holds the
 * letter and a font name, and mammoth, which reads no fonts, would print the
 * letter. Inserted symbols (`w:sym`) are mapped by mammoth itself, to the same
 * kind of glyphs. Only tick and cross glyphs are mapped: the other letters of
 * these fonts carry nothing a report's table needs.
 */

// Symbol fonts are addressed both at the letter and at U+F000 plus the letter.
const GLYPHS: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  ['wingdings', withPrivateUse({ ü: '✓', û: '✗', ý: '☒', þ: '☑' })],
  ['wingdings 2', withPrivateUse({ P: '✓', O: '✗', Q: '✗', R: '☑', S: '☒', T: '☒' })],
  ['symbol', withPrivateUse({ Ö: '√' })],
]);

function withPrivateUse(map: Record<string, string>): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const [letter, glyph] of Object.entries(map)) {
    out.set(letter, glyph);
    out.set(String.fromCharCode(0xf000 + letter.charCodeAt(0)), glyph);
  }
  return out;
}

const RUN = /<w:r\b[^>]*>[\s\S]*?<\/w:r>/g;
const RUN_FONT = /<w:rFonts\b[^>]*?\bw:(?:ascii|hAnsi)="([^"]+)"/;
const TEXT = /(<w:t\b[^>]*>)([^<]*)(<\/w:t>)/g;

/** The body XML with tick and cross letters of symbol-font runs replaced by their Unicode glyphs. */
export function symbolFontTextMapped(xml: string): string {
  if (!/w:(?:ascii|hAnsi)="(?:Wingdings|Symbol)/i.test(xml)) return xml;
  return xml.replace(RUN, (run) => {
    const propsEnd = run.indexOf('</w:rPr>');
    if (propsEnd < 0) return run;
    const font = RUN_FONT.exec(run.slice(0, propsEnd))?.[1]?.toLowerCase();
    const glyphs = font ? GLYPHS.get(font) : undefined;
    if (!glyphs) return run;
    return run.replace(
      TEXT,
      (_m, open: string, text: string, close: string) =>
        open + [...text].map((c) => glyphs.get(c) ?? c).join('') + close,
    );
  });
}
