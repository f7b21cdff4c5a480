/**
 * An istanbul report (jest `coverageReporters`) that prints one row per folder of src/ (two levels:
 * src/graphql, src/graphql/sql, src/modules, src/modules/matchmaking …) with its lines and branches,
 * instead of the long per-file table. Files directly under src/ are one row, "src/*.ts".
 */
const path = require('node:path');
const { ReportBase } = require('istanbul-lib-report');

class CoverageFolders extends ReportBase {
  constructor(opts = {}) {
    super();
    this.file = opts.file || null;
    this.root = opts.root || path.join(__dirname, '..', '..');
  }

  onStart(root, context) {
    const rows = new Map();
    const add = (key, s) => {
      const r = rows.get(key) || { lines: [0, 0], branches: [0, 0] };
      r.lines[0] += s.lines.covered;
      r.lines[1] += s.lines.total;
      r.branches[0] += s.branches.covered;
      r.branches[1] += s.branches.total;
      rows.set(key, r);
    };
    const files = [];
    const walk = (node) => (node.isSummary() ? node.getChildren().forEach(walk) : files.push(node.getFileCoverage()));
    walk(root);
    for (const fc of files) {
      const parts = path.relative(this.root, fc.path).split(path.sep);
      const s = fc.toSummary().toJSON();
      if (parts.length === 2) add(`${parts[0]}/*.ts`, s);
      else {
        add(parts.slice(0, 2).join('/'), s);
        if (parts.length > 3) add(`  ${parts.slice(1, 3).join('/')}`, s);
      }
    }
    const keys = [...rows.keys()].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    const pct = ([c, t]) => `${t ? ((100 * c) / t).toFixed(1) : '100.0'} (${c}/${t})`.padEnd(19);
    const cw = context.writer.writeFile(this.file);
    cw.println('');
    cw.println(`${'Coverage by folder'.padEnd(30)}${'% lines'.padEnd(21)}% branches`);
    for (const k of keys) {
      const r = rows.get(k);
      cw.println(`${k.padEnd(30)}${pct(r.lines)}  ${pct(r.branches)}`.trimEnd());
    }
    cw.close();
  }
}

/** Sub-folders ("  graphql/sql") sort right after their folder ("src/graphql"). */
function sortKey(k) {
  return k.startsWith('  ') ? `src/${k.trim().replace('/', '/\u0001')}` : k.replace('*', '\u0000');
}

module.exports = CoverageFolders;
