import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hostileCases, normalFiles } from './hostile-cases.js';

/**
 * Writes the hostile corpus into a folder (nothing of it is committed but the two
 * small encrypted PDFs): one file per case plus manifest.json describing what each
 * file must become. Usage: node dist/scripts/hostile/generate.js <folder> [case-id ...]
 */
export interface ManifestEntry {
  id: string;
  file: string;
  fileName: string;
  bytes: number;
  accept: string[];
  then: string;
  normalFile: string;
  maxMs: number;
  maxRssMb: number;
  limits?: object;
  forbidden?: string[];
  why: string;
}

export function writeHostileCorpus(folder: string, only: string[] = []): ManifestEntry[] {
  mkdirSync(folder, { recursive: true });
  const normals = Object.fromEntries(
    Object.entries(normalFiles).map(([format, normal]) => {
      const path = join(folder, normal.fileName);
      writeFileSync(path, normal.build());
      return [format, path];
    }),
  );
  const manifest: ManifestEntry[] = [];
  for (const c of hostileCases()) {
    if (only.length && !only.includes(c.id)) continue;
    const bytes = c.build();
    const file = join(folder, `${c.id}.bin`);
    writeFileSync(file, bytes);
    manifest.push({
      id: c.id,
      file,
      fileName: c.fileName,
      bytes: bytes.length,
      accept: c.accept,
      then: c.then,
      normalFile: normals[c.then]!,
      maxMs: c.maxMs,
      maxRssMb: c.maxRssMb,
      ...(c.limits ? { limits: c.limits } : {}),
      ...(c.forbidden ? { forbidden: c.forbidden } : {}),
      why: c.why,
    });
  }
  writeFileSync(join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [folder, ...only] = process.argv.slice(2);
  if (!folder) {
    console.error('usage: node dist/scripts/hostile/generate.js <folder> [case-id ...]');
    process.exit(2);
  }
  const manifest = writeHostileCorpus(resolve(folder), only);
  for (const m of manifest)
    console.log(`${m.id.padEnd(32)} ${String(m.bytes).padStart(10)} B  -> ${m.accept.join(' | ')}`);
}
