import type { Block, ListItemBlock, Span, TableBlock } from '../blocks/model.js';
import type { Anomaly, DevelopmentItem, DevelopmentList, RecordProvenance } from '../record/types.js';
import { flag } from './anomalies.js';
import type { Outline } from './headings.js';
import { noteSource } from './provenance.js';
import { isContinuation, isPageNumber, oneLineFromText, squashed } from './text.js';

/**
 * Numbered development lists: the numbered items under one heading form one list,
 * even when a paragraph interrupts them; nested items belong to their parent.
 */

// A nested bullet that a reader kept as a line of its parent's text ("\n– in three
// regions"); nested items from other readers join without their markers, so these do too.
const NESTED_BULLET = /\n[ \t\u00a0]*[•◦▪‣●○■□–-][ \t\u00a0]+/gu;

/** Every numbered list of the body, in document order, with its numbering anomalies. */
export function developmentListsFromBlocks(
  blocks: Block[],
  outline: Outline,
  bodyStart: number,
  anomalies: Anomaly[],
  provenance: RecordProvenance = {},
  compoundParts: ReadonlySet<string> = new Set(),
): DevelopmentList[] {
  const lists: DevelopmentList[] = [];
  const listByHeading = new Map<number, DevelopmentList>();
  // Raw text of each item, joined with line breaks so that hyphenation across parts is undone once.
  const rawText = new Map<DevelopmentItem, string>();
  let headingIndex = -1;
  let lastItem: DevelopmentItem | null = null;
  let paragraphRun: ParagraphRun = { end: -1, continuesItem: false };
  const repeated = repeatedParagraphs(blocks, bodyStart);
  const continueItem = (item: DevelopmentItem, block: Exclude<Block, TableBlock>) => {
    rawText.set(item, `${rawText.get(item)!}\n${block.text}`);
    item.emphasis.push(...emphasisFromSpans(block.spans, compoundParts));
  };
  for (let i = bodyStart; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (outline.isHeading[i]) {
      headingIndex = i;
      lastItem = null;
      continue;
    }
    // A page number or a running head left between two parts of an item by a page break.
    if (block.kind === 'paragraph' && (isPageNumber(block.text) || repeated.has(squashed(block.text)))) continue;
    // Prose marked as a heading (not acting as one) reads as a paragraph here too.
    if ((block.kind === 'paragraph' || block.kind === 'heading') && lastItem && isContinuation(block.text)) {
      // The rest of an item cut off by a page break or a stray blank line.
      continueItem(lastItem, block);
      continue;
    }
    if (block.kind === 'paragraph' && lastItem && i >= paragraphRun.end)
      paragraphRun = paragraphRunFrom(blocks, outline, i, lastItem.number);
    if (block.kind === 'paragraph' && lastItem && paragraphRun.continuesItem) {
      continueItem(lastItem, block);
      continue;
    }
    if (block.kind !== 'list-item') {
      lastItem = null;
      continue;
    }
    // Nested points and bullets continue the item they stand under. A numbered point with
    // no item to stand under (the first after a heading, its indent misjudged) is an item.
    if ((block.depth > 0 && lastItem) || !isNumbered(block)) {
      if (lastItem) continueItem(lastItem, block);
      continue;
    }
    let list = listByHeading.get(headingIndex);
    if (!list) {
      list = { section: outline.placement[i]!.section, subject: outline.placement[i]!.subject, items: [] };
      listByHeading.set(headingIndex, list);
      lists.push(list);
    }
    lastItem = { number: block.number, text: '', emphasis: emphasisFromSpans(block.spans, compoundParts) };
    rawText.set(lastItem, block.text);
    list.items.push(lastItem);
    noteSource(
      provenance,
      `/developmentLists/${lists.indexOf(list)}/items/${list.items.length - 1}/text`,
      block.source,
    );
  }
  for (const [item, text] of rawText) item.text = oneLineFromText(text.replace(NESTED_BULLET, '\n'), compoundParts);
  lists.forEach((list, index) => flagNumberingGaps(list, index, anomalies));
  return lists;
}

/**
 * Paragraph texts printed more than once in the body: running heads and footers a
 * reader left in place, never part of one item.
 */
function repeatedParagraphs(blocks: Block[], bodyStart: number): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (let i = bodyStart; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind !== 'paragraph') continue;
    const text = squashed(block.text);
    if (text === '') continue;
    if (seen.has(text)) repeated.add(text);
    else seen.add(text);
  }
  return repeated;
}

interface ParagraphRun {
  /** Index of the first block after the run of paragraphs. */
  end: number;
  continuesItem: boolean;
}

/**
 * Paragraphs between an item and the item numbered next are further paragraphs of
 * the first (Enter pressed inside the item; some formats keep no sign that they were
 * indented under it). A paragraph ending in a colon introduces what follows instead,
 * and after the last item a second paragraph cannot be told from a closing note or a
 * footnote, so those stay out. The run is judged once, which keeps the walk linear.
 */
function paragraphRunFrom(blocks: Block[], outline: Outline, start: number, number: number): ParagraphRun {
  let introduces = false;
  let i = start;
  for (let block = blocks[i]; block?.kind === 'paragraph' && !outline.isHeading[i]; block = blocks[++i]) {
    if (/:\s*$/u.test(block.text)) introduces = true;
  }
  const next = blocks[i];
  const continuesItem =
    !introduces &&
    next?.kind === 'list-item' &&
    !outline.isHeading[i] &&
    next.depth === 0 &&
    isNumbered(next) &&
    next.number === number + 1;
  return { end: i, continuesItem };
}

function isNumbered(block: ListItemBlock): boolean {
  return Number.isFinite(block.number) && /\d/u.test(block.marker);
}

/** Numbers must run on by one; a skip, repeat or step back is reported at the item. */
function flagNumberingGaps(list: DevelopmentList, listIndex: number, anomalies: Anomaly[]): void {
  for (let k = 1; k < list.items.length; k++) {
    const previous = list.items[k - 1]!.number;
    const number = list.items[k]!.number;
    if (number === previous + 1) continue;
    flag(anomalies, 'NUMBERING_GAP', `/developmentLists/${listIndex}/items/${k}/number`, {
      message: `item ${k + 1} is numbered ${number}`,
      expected: previous + 1,
      found: number,
    });
  }
}

type Style = 'bold' | 'italic' | 'bold-italic';

/** The bold or italic texts of an item in order, adjacent runs of one style merged. */
export function emphasisFromSpans(spans: Span[], compoundParts: ReadonlySet<string> = new Set()): string[] {
  const runs: { style: Style; text: string }[] = [];
  let open: { style: Style; text: string } | null = null;
  for (const span of spans) {
    const style = styleOf(span);
    if (open && span.text.trim() === '') {
      open.text += span.text; // white space between two runs does not end them
      continue;
    }
    if (style === null) {
      open = null;
      continue;
    }
    if (open && open.style === style) {
      open.text += span.text;
    } else {
      open = { style, text: span.text };
      runs.push(open);
    }
  }
  return runs.map((run) => oneLineFromText(run.text, compoundParts)).filter((text) => text !== '');
}

function styleOf(span: Span): Style | null {
  if (span.bold && span.italic) return 'bold-italic';
  if (span.bold) return 'bold';
  if (span.italic) return 'italic';
  return null;
}
