/**
 * The layout rules of DESIGN.md, checked on the source: the low layers (src/graphql, src/db,
 * src/matching, src/import, src/http) import no domain module; every module folder has a manifest
 * and is composed, once; only the composition root imports the manifests. A change that breaks a
 * rule fails here, naming the file and the import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DATASET_DOCUMENTS, DATASETS, MODULES } from '../src/composition';
import { datasetsReference, withDatasetsReference } from '../src/datasets/describe';
import { checkDatasets } from '../src/datasets/spec';
import { profilesTable, withProfilesTable } from '../src/matching/describe';
import { checkProfile } from '../src/matching/engine';

const SRC = path.join(__dirname, '..', 'src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The files a source file imports (relative imports only), resolved to paths under src/. */
function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)[^'"`;]*?from\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g)) {
    const spec = m[1] ?? m[2];
    out.push(path.resolve(path.dirname(file), spec));
  }
  return out;
}

const rel = (p: string) => path.relative(SRC, p);

describe('layout', () => {
  it.each(['graphql', 'db', 'matching', 'import', 'http'])('src/%s imports no domain module (nor the composition of them)', (layer) => {
    // Specs may check a layer against the composed API (cost.spec.ts costs the real schema).
    const offending = sources(path.join(SRC, layer))
      .filter((f) => !f.endsWith('.spec.ts'))
      .flatMap((f) =>
        imports(f)
          .filter((i) => rel(i).startsWith(`modules${path.sep}`) || rel(i) === 'composition')
          .map((i) => `${rel(f)} → ${rel(i)}`),
      );
    expect(offending).toEqual([]);
  });

  it('every module folder has a manifest (index.ts), and the composition lists every module once', () => {
    const folders = fs
      .readdirSync(path.join(SRC, 'modules'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    for (const folder of folders) expect(fs.existsSync(path.join(SRC, 'modules', folder, 'index.ts'))).toBe(true);
    const names = MODULES.map((m) => m.name);
    expect([...names].sort()).toEqual(folders);
    expect(new Set(names).size).toBe(names.length);
  });

  it('only the composition root imports the modules’ manifests', () => {
    const composing = sources(SRC)
      .filter((f) => !rel(f).startsWith(`modules${path.sep}`))
      .filter((f) => imports(f).some((i) => /^modules[\\/][^\\/]+[\\/]index$/.test(rel(i)) || /^modules[\\/][^\\/]+$/.test(rel(i))))
      .map(rel)
      .sort();
    expect(composing).toEqual(['composition.ts']);
  });

  it('every matching profile a module declares is sound', () => {
    const profiles = MODULES.flatMap((m) => (m.profiles ?? []).map((p) => [`${m.name}: ${p.name}`, checkProfile(p)] as const));
    expect(profiles.length).toBeGreaterThan(0);
    for (const [name, problems] of profiles) expect({ name, problems }).toEqual({ name, problems: [] });
  });

  it('docs/matchmaking.md shows every profile side by side as the code declares it (npm run docs:profiles)', () => {
    const declared = MODULES.flatMap((m) => (m.profiles ?? []).map((profile) => ({ module: m.name, profile })));
    // Each says what it is for, so the table has no empty cells.
    expect(declared.filter((d) => !d.profile.about).map((d) => d.profile.name)).toEqual([]);
    const doc = fs.readFileSync(path.join(__dirname, '..', 'docs', 'matchmaking.md'), 'utf8');
    expect(withProfilesTable(doc, profilesTable(declared))).toBe(doc);
  });

  it('every dataset a module declares is sound, and docs/datasets.md describes each as the code declares it (npm run docs:profiles)', () => {
    expect(checkDatasets(DATASETS)).toEqual([]);
    const doc = fs.readFileSync(path.join(__dirname, '..', 'docs', 'datasets.md'), 'utf8');
    expect(withDatasetsReference(doc, datasetsReference(DATASETS, DATASET_DOCUMENTS))).toBe(doc);
  });
});
