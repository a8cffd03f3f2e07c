/**
 * Bold and italic set by CSS rather than by tags. Google Docs exports every run
 * as `<span class="c7">` with `.c7{font-weight:700}` in the page's `<style>`;
 * CMS editors and Word's "Save as Web Page" write `style="font-weight:bold"`.
 * Only what decides emphasis is read: `font-weight`, `font-style` and the `font`
 * shorthand, on simple class selectors (`.c7`, `span.c7`, lists of them).
 */

/** What one rule or style attribute says about emphasis; an absent field leaves it as inherited. */
export interface EmphasisRule {
  bold?: boolean;
  italic?: boolean;
}

/** Class name to the emphasis its rules set, later rules overriding earlier ones as in a browser. */
export type ClassRules = Map<string, EmphasisRule>;

const COMMENT = /\/\*[\s\S]*?\*\//g;
const RULE = /([^{}]+)\{([^{}]*)\}/g;
const CLASS_SELECTOR = /^[a-z0-9]*\.([\w-]+)$/i;

/** The class rules of a page's style sheets; at-rules and selectors other than simple classes are skipped. */
export function classRulesFromCss(css: string): ClassRules {
  const rules: ClassRules = new Map();
  const text = css.replace(COMMENT, '');
  for (const match of text.matchAll(RULE)) {
    const rule = emphasisFromDeclarations(match[2]!);
    if (rule.bold === undefined && rule.italic === undefined) continue;
    for (const selector of match[1]!.split(',')) {
      const name = CLASS_SELECTOR.exec(selector.trim())?.[1];
      if (name) rules.set(name, { ...rules.get(name), ...rule });
    }
  }
  return rules;
}

/** The emphasis a declaration list (`font-weight:700;font-style:normal`) sets. */
export function emphasisFromDeclarations(declarations: string): EmphasisRule {
  const rule: EmphasisRule = {};
  for (const declaration of declarations.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!important/i, '')
      .trim()
      .toLowerCase();
    if (property === 'font-weight') {
      const bold = boldFromWeight(value);
      if (bold !== undefined) rule.bold = bold;
    } else if (property === 'font-style') {
      rule.italic = value === 'italic' || value === 'oblique' || value.startsWith('oblique ');
    } else if (property === 'font') {
      // The shorthand resets what it does not name: `font: 11pt Arial` is neither bold nor italic.
      const words = value.split(/\s+/);
      rule.bold = words.some((word) => boldFromWeight(word) === true);
      rule.italic = words.includes('italic') || words.includes('oblique');
    }
  }
  return rule;
}

function boldFromWeight(value: string): boolean | undefined {
  if (value === 'bold' || value === 'bolder') return true;
  if (value === 'normal' || value === 'lighter') return false;
  const weight = Number(value);
  return Number.isFinite(weight) && value !== '' ? weight >= 600 : undefined;
}
