import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveIntoFolder, moveToFailed } from '../../src/service/intake/file-moves.js';
import { isIgnoredName } from '../../src/service/intake/ignored-names.js';
import { setAtPointer, valueAtPointer } from '../../src/service/review/json-pointer.js';
import { ParserSlots } from '../../src/service/parse/parser-slots.js';
import { ParserClosedError, TimedParser } from '../../src/service/parse/timed-parser.js';
import { sha256Hex } from '../../src/record/record-id.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'reportflow-parts-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('inbox ignore list', () => {
  it.each([
    '.DS_Store',
    '.~lock.report.docx#',
    '~$report.docx',
    'a.tmp',
    'a.TMP',
    'a.part',
    'a.crdownload',
    'a.swp',
    'a.swo',
    'a.swx',
    'report.docx~',
    'Thumbs.db',
    'desktop.ini',
    'Icon\r',
    'report.docx.bak',
    'x.lock',
  ])('ignores %s', (name) => expect(isIgnoredName(name)).toBe(true));
  it.each(['report.pdf', 'Report 2023.docx', 'notes.md', 'partial-results.pdf', 'tmp-report.pdf'])('takes %s', (name) =>
    expect(isIgnoredName(name)).toBe(false),
  );
});

describe('JSON Pointer', () => {
  it('reads and sets through objects and arrays, with ~0 and ~1 escapes', () => {
    const doc = { a: [{ 'b/c': 1, 'd~e': 2 }] };
    expect(valueAtPointer(doc, '/a/0/b~1c')).toBe(1);
    expect(valueAtPointer(doc, '/a/0/d~0e')).toBe(2);
    expect(valueAtPointer(doc, '/a/1')).toBeUndefined();
    setAtPointer(doc, '/a/0/b~1c', 5);
    setAtPointer(doc, '/a/-', { x: 1 });
    expect(doc).toEqual({ a: [{ 'b/c': 5, 'd~e': 2 }, { x: 1 }] });
    expect(() => setAtPointer(doc, '/a/7', 1)).toThrow(/no array element/);
    expect(() => setAtPointer(doc, '/missing/x', 1)).toThrow(/parent does not exist/);
    expect(() => setAtPointer(doc, '', 1)).toThrow();
  });
});

describe('moving intake files', () => {
  it('keeps both of two different files with one name, and drops a second copy of the same content', async () => {
    const archive = join(root, 'archive');
    await writeFile(join(root, 'a'), 'one');
    await writeFile(join(root, 'b'), 'two');
    await writeFile(join(root, 'c'), 'two');
    const [one, two] = [sha256Hex(Buffer.from('one')), sha256Hex(Buffer.from('two'))];
    expect(await moveIntoFolder(join(root, 'a'), archive, 'report.pdf', one)).toBe(join(archive, 'report.pdf'));
    expect(await moveIntoFolder(join(root, 'b'), archive, 'report.pdf', two)).toBe(
      join(archive, `report.${two.slice(0, 12)}.pdf`),
    );
    expect(await moveIntoFolder(join(root, 'c'), archive, 'report.pdf', two)).toBe(
      join(archive, `report.${two.slice(0, 12)}.pdf`),
    );
    expect(await readdir(archive)).toEqual([`report.${two.slice(0, 12)}.pdf`, 'report.pdf']);
    expect(await readdir(root)).toEqual(['archive']);
    expect(await moveIntoFolder(join(root, 'gone'), archive, 'x.pdf', '3'.repeat(64))).toBeNull();
  });

  it('keeps a file whose hashed name is taken by other content, under a longer name, and deletes nothing', async () => {
    const archive = join(root, 'archive');
    const three = sha256Hex(Buffer.from('three'));
    await mkdir(archive, { recursive: true });
    // Files that happen to carry the names this content would get.
    await writeFile(join(archive, 'report.pdf'), 'someone else');
    await writeFile(join(archive, `report.${three.slice(0, 12)}.pdf`), 'someone else again');
    await writeFile(join(root, 'd'), 'three');
    const moved = await moveIntoFolder(join(root, 'd'), archive, 'report.pdf', three);
    expect(moved).toBe(join(archive, `report.${three}.pdf`));
    expect(await readFile(moved!, 'utf8')).toBe('three');
    expect(await readFile(join(archive, `report.${three.slice(0, 12)}.pdf`), 'utf8')).toBe('someone else again');
    // Even the long name taken by other content: a numbered one.
    await writeFile(join(root, 'e'), 'three');
    await writeFile(moved!, 'replaced by hand');
    expect(await moveIntoFolder(join(root, 'e'), archive, 'report.pdf', three)).toBe(
      join(archive, `report.${three}.2.pdf`),
    );
    expect(await readdir(root)).toEqual(['archive']);
  });

  it('writes the reason beside a failed file', async () => {
    await writeFile(join(root, 'bad.pdf'), 'x');
    const moved = await moveToFailed(
      join(root, 'bad.pdf'),
      join(root, 'failed'),
      'bad.pdf',
      '4'.repeat(64),
      'UNREADABLE_FILE: broken',
    );
    expect(await readFile(`${moved}.reason.txt`, 'utf8')).toBe('UNREADABLE_FILE: broken\n');
  });
});

describe('TimedParser', () => {
  it('turns a parser thread that dies into an error record and starts a fresh thread next time', async () => {
    const dying = join(root, 'dying-thread.mjs');
    await writeFile(
      dying,
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\nparentPort.postMessage({ ready: true });\n",
    );
    const parser = new TimedParser(5000, {}, dying);
    for (let i = 0; i < 2; i++) {
      const record = await parser.parse(Buffer.from('# Report\n'), 'r.md');
      expect(record.anomalies).toEqual([expect.objectContaining({ code: 'UNREADABLE_FILE', severity: 'error' })]);
      expect(record.anomalies[0]!.message).toMatch(/stopped unexpectedly \(exit code 3\)/);
      expect(record.source).toMatchObject({ fileName: 'r.md', format: 'markdown', bytes: 9 });
    }
    await parser.close();
  });

  it('terminates a thread that does not answer in time', async () => {
    const stuck = join(root, 'stuck-thread.mjs');
    await writeFile(
      stuck,
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { for (;;) {} });\nparentPort.postMessage({ ready: true });\n",
    );
    const parser = new TimedParser(300, {}, stuck);
    const started = performance.now();
    const record = await parser.parse(Buffer.from('%PDF-1.7\n'), 'r.pdf');
    expect(performance.now() - started).toBeLessThan(3000);
    expect(record.anomalies[0]!.message).toMatch(/longer than 300 ms/);
    await parser.close();
  });

  it('does not count the start of the thread against the file', async () => {
    const slowStart = join(root, 'slow-start-thread.mjs');
    await writeFile(
      slowStart,
      "import { parentPort } from 'node:worker_threads';\n" +
        'const until = Date.now() + 800; while (Date.now() < until) {}\n' +
        "parentPort.on('message', (m) => parentPort.postMessage({ seq: m.seq, record: { fine: true } }));\n" +
        'parentPort.postMessage({ ready: true });\n',
    );
    const parser = new TimedParser(300, {}, slowStart);
    expect(await parser.parse(Buffer.from('x'), 'x.md')).toEqual({ fine: true });
    await parser.close();
  });

  it('fails the parse (for a retry) when the thread cannot start at all', async () => {
    const broken = join(root, 'broken-thread.mjs');
    await writeFile(broken, 'throw new Error("cannot load");\n');
    const parser = new TimedParser(300, {}, broken);
    await expect(parser.parse(Buffer.from('x'), 'x.md')).rejects.toThrow(/cannot load/);
    await parser.close();
  });
});

describe('ParserSlots', () => {
  // Answers each file after 200 ms with when it started and ended, so overlap shows.
  const slowThread = async () => {
    const file = join(root, 'slow-thread.mjs');
    await writeFile(
      file,
      "import { parentPort } from 'node:worker_threads';\n" +
        "parentPort.on('message', (m) => { const start = Date.now(); setTimeout(() => parentPort.postMessage({ seq: m.seq, record: { name: m.fileName, start, end: Date.now() } }), 200); });\n" +
        'parentPort.postMessage({ ready: true });\n',
    );
    return file;
  };

  it('makes a job wait for a busy thread instead of failing, and runs the waiting file once the thread is free', async () => {
    const slots = new ParserSlots(1, 5000, {}, await slowThread());
    slots.warm();
    type Timed = { name: string; start: number; end: number };
    const [a, b] = (await Promise.all([
      slots.parse(Buffer.from('a'), 'a.md'),
      slots.parse(Buffer.from('b'), 'b.md'),
    ])) as unknown as Timed[];
    expect([a!.name, b!.name]).toEqual(['a.md', 'b.md']);
    expect(b!.start).toBeGreaterThanOrEqual(a!.end);
    await slots.close();
  });

  it('rejects parses under way and waiting with ParserClosedError on close, so their jobs can go back to the queue', async () => {
    const slots = new ParserSlots(1, 5000, {}, await slowThread());
    // Settled into values at once: the rejections arrive while close() is still running.
    const running = slots.parse(Buffer.from('a'), 'a.md').catch((error: unknown) => error);
    const waiting = slots.parse(Buffer.from('b'), 'b.md').catch((error: unknown) => error);
    await new Promise((r) => setTimeout(r, 100));
    await slots.close();
    expect(await running).toBeInstanceOf(ParserClosedError);
    expect(await waiting).toBeInstanceOf(ParserClosedError);
    await expect(slots.parse(Buffer.from('c'), 'c.md')).rejects.toBeInstanceOf(ParserClosedError);
  });
});
