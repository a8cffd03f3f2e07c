import { W_NS, child, elements, parseXml, val } from './word-xml.js';

/**
 * mammoth style-map rules for what custom paragraph styles print, which
 * mammoth does not look at:
 * - styles that carry an outline level themselves or inherit one through
 *   `basedOn` from a built-in heading ("Report Section") are headings; Word
 *   lists them in its navigation pane as such. Outline level 9 is "body text".
 * - other styles that make their text bold ("Sub Bold") print it bold, as if
 *   each run were bold, so a short line in such a style reads like any short
 *   bold line standing alone.
 */
export function styleMapRulesFromStyles(stylesXml: string | undefined): string[] {
  if (!stylesXml) return [];
  let styles;
  try {
    styles = parseXml(stylesXml);
  } catch {
    return [];
  }
  const own = new Map<string, StyleProps>();
  for (const style of elements(styles.getElementsByTagNameNS(W_NS, 'style'))) {
    const type = style.getAttributeNS(W_NS, 'type') || style.getAttribute('w:type');
    const id = style.getAttributeNS(W_NS, 'styleId') || style.getAttribute('w:styleId');
    if (type !== 'paragraph' || !id) continue;
    const outline = val(child(child(style, 'pPr'), 'outlineLvl'));
    const bold = child(child(style, 'rPr'), 'b');
    own.set(id, {
      name: val(child(style, 'name')) ?? id,
      basedOn: val(child(style, 'basedOn')),
      outline: outline !== null && /^\d$/.test(outline) ? Number(outline) : null,
      bold: bold ? !/^(?:0|false|off)$/i.test(val(bold) ?? '') : null,
    });
  }
  const rules: string[] = [];
  for (const [id, style] of own) {
    if (BUILT_IN.test(style.name) || /['\\]/.test(style.name)) continue;
    const outline = outlineLevelOf(id, own);
    if (outline !== null && outline <= 8)
      rules.push(`p[style-name='${style.name}'] => h${Math.min(outline + 1, 6)}:fresh`);
    else if (isBold(id, own)) rules.push(`p[style-name='${style.name}'] => p:fresh > strong`);
  }
  return rules;
}

// Styles mammoth already maps, or that the reader maps itself.
const BUILT_IN = /^(?:heading [1-9]|title|subtitle)$/i;

interface StyleProps {
  name: string;
  basedOn: string | null;
  outline: number | null;
  bold: boolean | null;
}

/** Whether the nearest style in the `basedOn` chain that sets bold turns it on. */
function isBold(id: string, own: Map<string, StyleProps>): boolean {
  const seen = new Set<string>();
  for (let at: string | null = id; at && !seen.has(at); at = own.get(at)?.basedOn ?? null) {
    seen.add(at);
    const bold = own.get(at)?.bold;
    if (bold !== null && bold !== undefined) return bold;
  }
  return false;
}

/** The outline level a style has or inherits; a built-in heading style implies its own level. */
function outlineLevelOf(id: string, own: Map<string, StyleProps>): number | null {
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
