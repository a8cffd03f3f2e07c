// Hard-wraps text the way people and old editors do: at a column, optionally breaking long
// lower-case words with a hyphen, and breaking compounds after their own hyphen.

export function wrapLines(text, width, { hyphenate = false } = {}) {
  if (!width) return [text];
  const lines = [];
  let line = '';
  const room = () => width - line.length - (line ? 1 : 0);
  for (const token of text.split(/ +/)) {
    if (token.length <= room()) {
      line = line ? `${line} ${token}` : token;
      continue;
    }
    const compound = /^([A-Za-z]+-)([a-z][A-Za-z-]*[.,;:]?)$/.exec(token);
    if (compound && compound[1].length <= room()) {
      lines.push(line ? `${line} ${compound[1]}` : compound[1]);
      line = compound[2];
      continue;
    }
    if (hyphenate && /^[a-z]{9,}[.,;:]?$/.test(token) && room() >= 5) {
      const letters = token.replace(/[.,;:]$/, '').length;
      const cut = Math.min(room() - 1, letters - 3);
      if (cut >= 4) {
        lines.push(`${line ? `${line} ` : ''}${token.slice(0, cut)}-`);
        line = token.slice(cut);
        continue;
      }
    }
    if (line) lines.push(line);
    line = token;
  }
  if (line) lines.push(line);
  return lines;
}
