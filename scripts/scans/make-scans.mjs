// Makes scanned and photographed copies of born-digital report PDFs, reproducibly:
// every random choice comes from a generator seeded by the output's name.
//   node scripts/scans/make-scans.mjs <report.pdf> <out-dir> <kind>[,<kind>...]
// Kinds: flat-png / skew-png (first page only, 300 dpi, 16 greys, dust; skew-png 1-2° askew), skew-tiff (300 dpi grey, 1-2° skew, speckle), fax-tiff (150 dpi 1-bit, CCITT G4, 1°),
// photo-jpeg (first page only: perspective, uneven light, JPEG q70), rotate-pdf (image-only PDF, page
// stored sideways with /Rotate 90), stamp-pdf (image-only PDF, colour scan with a
// red stamp and a yellow highlighter stroke, JPEG inside), mixed-pdf (the report's own PDF
// whose last page is replaced by a 250 dpi grey scan of itself, 0.5-1.5° askew, as when a
// signed last page is scanned back in: the other pages keep their text layer; needs qpdf).
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const { createCanvas } = require('@napi-rs/canvas');
const pdfjsRoot = require.resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');

function seeded(text) {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function pagesAsRgba(pdfPath, dpi) {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(pdfPath)), isEvalSupported: false, verbosity: 0, standardFontDataUrl: pdfjsRoot + 'standard_fonts/', cMapUrl: pdfjsRoot + 'cmaps/', cMapPacked: true }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const canvas = createCanvas(Math.floor(viewport.width), Math.floor(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = 'white';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas, canvasContext: context, viewport }).promise;
    pages.push({ width: canvas.width, height: canvas.height, data: Buffer.from(context.getImageData(0, 0, canvas.width, canvas.height).data) });
  }
  await doc.destroy();
  return pages;
}

const raw = (page) => sharp(page.data, { raw: { width: page.width, height: page.height, channels: 4 } });

/** Speckle: a few dark dots and light noise over the whole page. */
function speckled(page, random, amount) {
  const data = Buffer.from(page.data);
  for (let i = 0; i < data.length; i += 4) {
    const n = (random() - 0.5) * amount;
    for (let c = 0; c < 3; c++) data[i + c] = Math.max(0, Math.min(255, data[i + c] + n));
  }
  const dots = Math.round((page.width * page.height) / 20000);
  for (let d = 0; d < dots; d++) {
    const at = (Math.floor(random() * page.height) * page.width + Math.floor(random() * page.width)) * 4;
    data[at] = data[at + 1] = data[at + 2] = 40;
  }
  return { ...page, data };
}

/** Light falling off from one corner, as under a desk lamp. */
function unevenlyLit(page, random) {
  const data = Buffer.from(page.data);
  const [cx, cy] = [random() * page.width, random() * page.height * 0.3];
  const reach = Math.hypot(page.width, page.height);
  for (let y = 0; y < page.height; y++) {
    for (let x = 0; x < page.width; x++) {
      const light = 1 - 0.35 * (Math.hypot(x - cx, y - cy) / reach);
      const i = (y * page.width + x) * 4;
      for (let c = 0; c < 3; c++) data[i + c] = Math.round(data[i + c] * light * (c === 2 ? 0.93 : 1));
    }
  }
  return { ...page, data };
}

/** A mild keystone: rows nearer the top are squeezed towards the middle, as a phone held low sees a page. */
function keystoned(page, squeeze) {
  const data = Buffer.alloc(page.data.length, 255);
  for (let y = 0; y < page.height; y++) {
    const k = 1 - squeeze * (1 - y / page.height);
    for (let x = 0; x < page.width; x++) {
      const sx = Math.round((x - page.width / 2) / k + page.width / 2);
      if (sx < 0 || sx >= page.width) continue;
      page.data.copy(data, (y * page.width + x) * 4, (y * page.width + sx) * 4, (y * page.width + sx) * 4 + 4);
    }
  }
  return { ...page, data };
}

/** A round red stamp over the lower right and a yellow highlighter stroke over the title. */
function stamped(page, random) {
  const canvas = createCanvas(page.width, page.height);
  const context = canvas.getContext('2d');
  const image = context.createImageData(page.width, page.height);
  image.data.set(page.data);
  context.putImageData(image, 0, 0);
  context.globalCompositeOperation = 'multiply';
  context.fillStyle = 'rgba(255, 240, 60, 0.9)';
  context.fillRect(page.width * 0.11, page.height * (0.115 + random() * 0.005), page.width * 0.22, page.height * 0.02);
  context.globalCompositeOperation = 'source-over';
  context.strokeStyle = 'rgba(200, 30, 40, 0.75)';
  context.lineWidth = page.width / 250;
  const [x, y, r] = [page.width * 0.75, page.height * 0.88, page.width * 0.08];
  context.beginPath();
  context.arc(x, y, r, 0, 2 * Math.PI);
  context.stroke();
  context.fillStyle = 'rgba(200, 30, 40, 0.75)';
  context.font = `${Math.round(r / 3)}px sans-serif`;
  context.fillText('RECEIVED', x - r * 0.8, y + r / 8);
  return { ...page, data: Buffer.from(context.getImageData(0, 0, page.width, page.height).data) };
}

/** An image-only PDF: each page one JPEG, drawn over the whole page; `rotate` sets /Rotate. */
function pdfOfJpegs(jpegs, rotate) {
  const objects = [];
  const kids = [];
  jpegs.forEach((jpeg, i) => {
    const [pageId, imageId, contentId] = [3 + i * 3, 4 + i * 3, 5 + i * 3];
    kids.push(`${pageId} 0 R`);
    const [w, h] = [(jpeg.width * 72) / jpeg.dpi, (jpeg.height * 72) / jpeg.dpi];
    objects[pageId] = Buffer.from(`<</Type/Page/Parent 2 0 R/MediaBox[0 0 ${w.toFixed(2)} ${h.toFixed(2)}]/Rotate ${rotate}/Resources<</XObject<</Im0 ${imageId} 0 R>>>>/Contents ${contentId} 0 R>>`);
    const space = jpeg.channels === 1 ? '/DeviceGray' : '/DeviceRGB';
    objects[imageId] = Buffer.concat([Buffer.from(`<</Type/XObject/Subtype/Image/Width ${jpeg.width}/Height ${jpeg.height}/ColorSpace${space}/BitsPerComponent 8/Filter/DCTDecode/Length ${jpeg.data.length}>>\nstream\n`), jpeg.data, Buffer.from('\nendstream')]);
    const content = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`;
    objects[contentId] = Buffer.from(`<</Length ${content.length}>>\nstream\n${content}\nendstream`);
  });
  objects[1] = Buffer.from('<</Type/Catalog/Pages 2 0 R>>');
  objects[2] = Buffer.from(`<</Type/Pages/Kids[${kids.join(' ')}]/Count ${jpegs.length}>>`);
  const parts = [Buffer.from('%PDF-1.4\n')];
  const offsets = [];
  let length = parts[0].length;
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = length;
    const part = Buffer.concat([Buffer.from(`${id} 0 obj\n`), objects[id], Buffer.from('\nendobj\n')]);
    parts.push(part);
    length += part.length;
  }
  const xref = ['xref', `0 ${objects.length}`, '0000000000 65535 f ', ...offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  parts.push(Buffer.from(`${xref}\ntrailer\n<</Size ${objects.length}/Root 1 0 R>>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

async function make(pdfPath, outDir, kind) {
  const random = seeded(`${pdfPath}:${kind}`);
  const white = { r: 255, g: 255, b: 255, alpha: 1 };
  if (kind === 'skew-png' || kind === 'flat-png') {
    const [page] = await pagesAsRgba(pdfPath, 300);
    const angle = kind === 'flat-png' ? 0 : 1 + random();
    const png = await raw(speckled(page, random, 0)).rotate(angle, { background: white }).greyscale().png({ compressionLevel: 9, palette: true, colours: 16 }).toBuffer();
    writeFileSync(join(outDir, 'report.png'), png);
  } else if (kind === 'skew-tiff' || kind === 'fax-tiff') {
    const fax = kind === 'fax-tiff';
    const dpi = fax ? 150 : 300;
    const pages = await pagesAsRgba(pdfPath, dpi);
    const angle = fax ? -(0.5 + random()) : 1 + random();
    const frames = await Promise.all(pages.map((page) => raw(speckled(page, random, fax ? 20 : 0)).rotate(angle, { background: white }).greyscale().raw().toBuffer({ resolveWithObject: true })));
    // Multi-page TIFF: the frames stacked into one tall image, cut into pages by `pageHeight`.
    const width = Math.max(...frames.map((f) => f.info.width));
    const height = Math.max(...frames.map((f) => f.info.height));
    const stack = Buffer.alloc(width * height * frames.length, 255);
    frames.forEach((f, i) => {
      for (let y = 0; y < f.info.height; y++) f.data.copy(stack, (i * height + y) * width, y * f.info.width, (y + 1) * f.info.width);
    });
    let image = sharp(stack, { raw: { width, height: height * frames.length, channels: 1, pageHeight: height } });
    const resolution = { xres: dpi / 25.4, yres: dpi / 25.4, resolutionUnit: 'inch' };
    image = fax ? image.threshold(150).toColourspace('b-w').tiff({ compression: 'ccittfax4', bitdepth: 1, ...resolution }) : image.tiff({ compression: 'deflate', ...resolution });
    writeFileSync(join(outDir, 'report.tiff'), await image.toBuffer());
  } else if (kind === 'photo-jpeg') {
    const pages = await pagesAsRgba(pdfPath, 200);
    const page = unevenlyLit(keystoned(pages[0], 0.03 + random() * 0.02), random);
    const jpeg = await raw(page).rotate(-0.8 - random(), { background: { r: 120, g: 110, b: 100, alpha: 1 } }).jpeg({ quality: 70 }).toBuffer();
    writeFileSync(join(outDir, 'report.jpg'), jpeg);
  } else if (kind === 'rotate-pdf' || kind === 'stamp-pdf') {
    const pages = await pagesAsRgba(pdfPath, kind === 'rotate-pdf' ? 200 : 250);
    const jpegs = [];
    for (const page of pages) {
      const marked = kind === 'stamp-pdf' ? stamped(speckled(page, random, 16), random) : speckled(page, random, 16);
      // Stored turned a quarter to the left; /Rotate 90 turns it back for display.
      let image = raw(marked).rotate(kind === 'rotate-pdf' ? -90 : 0.7 + random(), { background: white });
      if (kind === 'rotate-pdf') image = image.greyscale();
      const { data, info } = await image.jpeg({ quality: 75 }).toBuffer({ resolveWithObject: true });
      jpegs.push({ data, width: info.width, height: info.height, channels: info.channels, dpi: kind === 'rotate-pdf' ? 200 : 250 });
    }
    writeFileSync(join(outDir, 'report.pdf'), pdfOfJpegs(jpegs, kind === 'rotate-pdf' ? 90 : 0));
  } else if (kind === 'mixed-pdf') {
    const dpi = 250;
    const pages = await pagesAsRgba(pdfPath, dpi);
    if (pages.length < 2) throw new Error(`mixed-pdf needs a report of two pages or more: ${pdfPath}`);
    const last = pages.at(-1);
    // The scanner's page is the paper's size: the tilted picture is cut back to it around its centre.
    const tilted = await raw(speckled(last, random, 16)).rotate(0.5 + random(), { background: white }).greyscale().raw().toBuffer({ resolveWithObject: true });
    const left = Math.floor((tilted.info.width - last.width) / 2);
    const top = Math.floor((tilted.info.height - last.height) / 2);
    const { data, info } = await sharp(tilted.data, { raw: tilted.info }).extract({ left, top, width: last.width, height: last.height }).jpeg({ quality: 75 }).toBuffer({ resolveWithObject: true });
    const work = mkdtempSync(join(tmpdir(), 'mixed-pdf-'));
    try {
      const scanned = join(work, 'last-page.pdf');
      writeFileSync(scanned, pdfOfJpegs([{ data, width: info.width, height: info.height, channels: info.channels, dpi }], 0));
      // The report as it is (its catalogue and metadata), every page but the last, then the scanned last page.
      execFileSync('qpdf', ['--deterministic-id', pdfPath, '--pages', '.', '1-r2', scanned, '1', '--', join(outDir, 'report.pdf')]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  } else {
    throw new Error(`unknown kind ${kind}`);
  }
}

const [pdfPath, outDir, kinds] = process.argv.slice(2);
if (!pdfPath || !outDir || !kinds) {
  console.error('usage: node scripts/scans/make-scans.mjs <report.pdf> <out-dir> <kind>[,<kind>...]');
  process.exit(2);
}
for (const kind of kinds.split(',')) {
  const dir = kinds.includes(',') ? join(outDir, kind) : outDir;
  mkdirSync(dir, { recursive: true });
  await make(pdfPath, dir, kind);
  console.log(`${dir}: ${kind}`);
}
