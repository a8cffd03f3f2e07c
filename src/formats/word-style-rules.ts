import { W_NS, child, elements, parseXml, val } from './word-xml.js';

/**
 * Style-map rules for paragraph styles that Word treats as headings but
 * mammoth does not: custom template styles ("Report Section") that carry an
 * outline level themselves or inherit one through `basedOn` from a built-in
 * heading. Word lists these in its navigation pane as headings, so a reader
 * sees them as headings too. Outline level 9 is Word's "body text".
 */
export function headingStyleRulesFromStyles(stylesXml: string | undefined): string[] {
  if (!stylesXml) return [];
  let styles;
  try {
    styles = parseXml(stylesXml);
  } catch {
    return [];
  }
  const own = new Map<string, { name: string; basedOn: string | null; outline: number | null }>();
  for (const style of elements(styles.getElementsByTagNameNS(W_NS, 'style'))) {
    const type = style.getAttributeNS(W_NS, 'type') || style.getAttribute('w:type');
    const id = style.getAttributeNS(W_NS, 'styleId') || style.getAttribute('w:styleId');
    if (type !== 'paragraph' || !id) continue;
    const outline = val(child(child(style, 'pPr'), 'outlineLvl'));
    own.set(id, {
      name: val(child(style, 'name')) ?? id,
      basedOn: val(child(style, 'basedOn')),
      outline: outline !== null && /^\d$/.test(outline) ? Number(outline) : null,
    });
  }
  const rules: string[] = [];
  for (const [id, style] of own) {
    if (BUILT_IN.test(style.name) || /['\\]/.test(style.name)) continue;
    const outline = outlineLevelOf(id, own);
    if (outline === null || outline > 8) continue;
    rules.push(`p[style-name='${style.name}'] => h${Math.min(outline + 1, 6)}:fresh`);
  }
  return rules;
}

// Styles mammoth already maps, or that the reader maps itself.
const BUILT_IN = /^(?:heading [1-9]|title|subtitle)$/i;

/** The outline level a style has or inherits; a built-in heading style implies its own level. */
function outlineLevelOf(id: string, own: Map<string, { name: string; basedOn: string | null; outline: number | null }>): number | null {
  const seen = new Set<string>();
  for (let at: string | null = id; at && !seen.has(at); at = own.get(at)?.basedOn ?? null) {
    seen.add(at);
    const style = own.get(at);
    if (!style) return null;
    if (style.outline !== null) return style.outline;
    const heading = /^heading ([1-9])$/i.exec(style.name);
    if (heading) return Number(heading[1]) - 1;
  }
  return null;
}
