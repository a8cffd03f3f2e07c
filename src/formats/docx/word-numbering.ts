import { W_NS, child, elements, isElement, parseXml, val, type XmlDocument, type XmlElement } from './word-xml.js';

/**
 * The numbers Word prints before numbered paragraphs, computed from the
 * document's own numbering definitions. mammoth renumbers every HTML list from
 * 1 and does not see numbering that comes from a paragraph style (Word's
 * "List Number", which generated documents use), so both would lose or change
 * the printed numbers a reader sees.
 */

/** What Word prints before one paragraph. */
export interface WordNumber {
  level: number;
  ordered: boolean;
  /** The counter value at `level`. */
  number: number;
  /** The level's text with its counters filled in: "3.", "(3)", "1.2.". */
  marker: string;
}

interface Level {
  start: number;
  format: string;
  text: string;
}

interface NumInstance {
  abstractId: string;
  /** Start values that restart a level for this instance. */
  startOverrides: Map<number, number>;
}

/**
 * One entry per `w:p` of the body in document order (text boxes left out),
 * null for a paragraph Word does not number. Returns null when the parts cannot
 * be read.
 */
export function wordNumbersFromParts(
  documentXml: string,
  numberingXml: string | undefined,
  stylesXml: string | undefined,
): (WordNumber | null)[] | null {
  // Without numbering definitions nothing is numbered; spare the parse of the whole body.
  if (!numberingXml || !/<w:num\b/.test(numberingXml)) return null;
  try {
    const document = parseXml(documentXml);
    const styles = stylesXml ? parseXml(stylesXml) : null;
    const numbering = parseXml(numberingXml);
    const styleNumbering = styleNumberingOf(styles);
    const { abstracts, nums } = definitionsOf(numbering, styleNumbering);
    const counters = new Map<string, (number | undefined)[]>();
    const seenNums = new Set<string>();
    const out: (WordNumber | null)[] = [];
    for (const paragraph of elements(document.getElementsByTagNameNS(W_NS, 'p'))) {
      if (hasAncestor(paragraph, 'txbxContent')) continue;
      const props = numberingPropsOf(paragraph, styleNumbering);
      const num = props ? nums.get(props.numId) : undefined;
      const levels = num ? abstracts.get(num.abstractId) : undefined;
      const level = props && levels ? levels[props.level] : undefined;
      if (!props || !num || !levels || !level) {
        out.push(null);
        continue;
      }
      // Word counts per abstract definition, so separate lists that share one continue each other
      // unless their instance restarts a level.
      const counts = counters.get(num.abstractId) ?? [];
      counters.set(num.abstractId, counts);
      if (!seenNums.has(props.numId)) {
        seenNums.add(props.numId);
        for (const [lvl, start] of num.startOverrides) counts[lvl] = start - 1;
      }
      for (let l = 0; l < props.level; l++) if (counts[l] === undefined) counts[l] = levels[l]?.start ?? 1;
      counts[props.level] = (counts[props.level] ?? level.start - 1) + 1;
      counts.length = props.level + 1;
      const ordered = level.format !== 'bullet' && level.format !== 'none';
      const marker = level.text
        .replace(/%([1-9])/g, (_m, k: string) => String(counts[Number(k) - 1] ?? levels[Number(k) - 1]?.start ?? 1))
        .trim();
      out.push({ level: props.level, ordered, number: counts[props.level]!, marker });
    }
    return out;
  } catch {
    return null;
  }
}

function hasAncestor(element: XmlElement, localName: string): boolean {
  for (let node = element.parentNode; node; node = node.parentNode) {
    if (isElement(node) && node.localName === localName) return true;
  }
  return false;
}

interface NumberingProps {
  numId: string;
  level: number;
}

/** Paragraph styles that carry numbering, with the `basedOn` chain followed. */
function styleNumberingOf(styles: XmlDocument | null): Map<string, Partial<NumberingProps>> {
  const own = new Map<string, { props: Partial<NumberingProps>; basedOn: string | null }>();
  if (styles) {
    for (const style of elements(styles.getElementsByTagNameNS(W_NS, 'style'))) {
      const id = style.getAttributeNS(W_NS, 'styleId') || style.getAttribute('w:styleId');
      if (!id) continue;
      const numPr = child(child(style, 'pPr'), 'numPr');
      const props: Partial<NumberingProps> = {};
      const numId = val(child(numPr, 'numId'));
      const ilvl = val(child(numPr, 'ilvl'));
      if (numId !== null) props.numId = numId;
      if (ilvl !== null) props.level = Number.parseInt(ilvl, 10);
      own.set(id, { props, basedOn: val(child(style, 'basedOn')) });
    }
  }
  const resolved = new Map<string, Partial<NumberingProps>>();
  for (const id of own.keys()) {
    const props: Partial<NumberingProps> = {};
    const seen = new Set<string>();
    for (let at: string | null = id; at && !seen.has(at); at = own.get(at)?.basedOn ?? null) {
      seen.add(at);
      const p = own.get(at)?.props;
      if (props.numId === undefined && p?.numId !== undefined) props.numId = p.numId;
      if (props.level === undefined && p?.level !== undefined) props.level = p.level;
    }
    resolved.set(id, props);
  }
  return resolved;
}

function numberingPropsOf(
  paragraph: XmlElement,
  styleNumbering: Map<string, Partial<NumberingProps>>,
): NumberingProps | null {
  const pPr = child(paragraph, 'pPr');
  const style = val(child(pPr, 'pStyle'));
  const fromStyle = style ? styleNumbering.get(style) : undefined;
  const numPr = child(pPr, 'numPr');
  const numId = val(child(numPr, 'numId')) ?? fromStyle?.numId;
  const ilvl = val(child(numPr, 'ilvl'));
  const level = ilvl !== null ? Number.parseInt(ilvl, 10) : (fromStyle?.level ?? 0);
  if (numId === undefined || numId === null || numId === '0' || !Number.isInteger(level) || level < 0 || level > 8)
    return null;
  return { numId, level };
}

function definitionsOf(
  numbering: XmlDocument | null,
  styleNumbering: Map<string, Partial<NumberingProps>>,
): { abstracts: Map<string, Level[]>; nums: Map<string, NumInstance> } {
  const abstracts = new Map<string, Level[]>();
  const links = new Map<string, string>();
  const nums = new Map<string, NumInstance>();
  if (!numbering) return { abstracts, nums };
  for (const abstract of elements(numbering.getElementsByTagNameNS(W_NS, 'abstractNum'))) {
    const id = abstract.getAttributeNS(W_NS, 'abstractNumId') || abstract.getAttribute('w:abstractNumId');
    if (id === null) continue;
    const levels: Level[] = [];
    for (const lvl of elements(abstract.getElementsByTagNameNS(W_NS, 'lvl'))) {
      const index = Number.parseInt(lvl.getAttributeNS(W_NS, 'ilvl') || lvl.getAttribute('w:ilvl') || '0', 10);
      if (!(index >= 0 && index <= 8)) continue;
      levels[index] = {
        start: Number.parseInt(val(child(lvl, 'start')) ?? '1', 10) || 0,
        format: val(child(lvl, 'numFmt')) ?? 'decimal',
        text: val(child(lvl, 'lvlText')) ?? `%${index + 1}.`,
      };
    }
    abstracts.set(id, levels);
    const link = val(child(abstract, 'numStyleLink'));
    if (link) links.set(id, link);
  }
  for (const num of elements(numbering.getElementsByTagNameNS(W_NS, 'num'))) {
    const numId = num.getAttributeNS(W_NS, 'numId') || num.getAttribute('w:numId');
    const abstractId = val(child(num, 'abstractNumId'));
    if (numId === null || abstractId === null) continue;
    const startOverrides = new Map<number, number>();
    for (const override of elements(num.getElementsByTagNameNS(W_NS, 'lvlOverride'))) {
      const index = Number.parseInt(
        override.getAttributeNS(W_NS, 'ilvl') || override.getAttribute('w:ilvl') || '0',
        10,
      );
      const start = val(child(override, 'startOverride'));
      if (start !== null) startOverrides.set(index, Number.parseInt(start, 10));
    }
    nums.set(numId, { abstractId, startOverrides });
  }
  // An abstract definition that only links to a numbering style takes that style's definition.
  for (const [id, style] of links) {
    const linkedNum = styleNumbering.get(style)?.numId;
    const target = linkedNum ? nums.get(linkedNum)?.abstractId : undefined;
    if (target && target !== id && abstracts.has(target)) abstracts.set(id, abstracts.get(target)!);
  }
  return { abstracts, nums };
}
