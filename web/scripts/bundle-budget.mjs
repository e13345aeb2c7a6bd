// Sums the JavaScript (gzip) each role's first page loads: the entry, its static imports,
// and the role's lazily loaded area with its static imports. Run after `vite build`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);

function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) closure(dep, seen);
  return seen;
}

const gzip = (file) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;

// The workspaces sit behind app/WorkspaceRoutes.tsx (Ant Design); the portal does not.
const frame = 'src/app/WorkspaceRoutes.tsx';
const shell = 'src/features/auth/WorkspaceShell.tsx';
const pages = {
  '公众门户 /portal': ['src/features/portal/PortalArea.tsx'],
  '登录 /login': [frame, 'src/features/auth/LoginPage.tsx'],
  '代表 /deputy（我的建议）': [frame, shell, 'src/features/deputy/DeputyArea.tsx'],
  '联工委 /office（工作台）': [frame, shell, 'src/features/office/OfficeArea.tsx'],
  '承办单位 /unit（待签收）': [frame, shell, 'src/features/unit/UnitArea.tsx'],
  '督办 /supervision（总览）': [frame, shell, 'src/features/supervision/SupervisionArea.tsx'],
};

const rows = [];
/** A lazily loaded module that other chunks also import is keyed by its chunk name. */
function keyOf(src) {
  const base = path.basename(src, '.tsx');
  const key = manifest[src] ? src : Object.keys(manifest).find((k) => k.startsWith(`_${base}-`));
  if (!key) throw new Error(`no chunk for ${src}`);
  return key;
}

for (const [name, srcs] of Object.entries(pages)) {
  const keys = new Set([...closure(entryKey), ...srcs.flatMap((src) => [...closure(keyOf(src))])]);
  const files = [...keys].map((k) => manifest[k].file);
  const bytes = files.reduce((n, f) => n + gzip(f), 0);
  rows.push({ page: name, chunks: files.length, gzipKB: (bytes / 1024).toFixed(1) });
}
console.table(rows);
if (process.argv.includes('--markdown')) {
  console.log('\n| 页面（角色首页） | JS 文件数 | gzip 后 KB |\n|---|---:|---:|');
  for (const r of rows) console.log(`| ${r.page} | ${r.chunks} | ${r.gzipKB} |`);
}
