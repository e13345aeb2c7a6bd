import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOpenApiDocument, runRedocly } from './openapi-document.js';

// npm run lint:openapi — writes the API's OpenAPI document to a temporary file and runs
// Redocly's recommended rules on it; exits non-zero on any error. `--out <file>` keeps the
// document there instead.

const outIndex = process.argv.indexOf('--out');
const file =
  outIndex > 0
    ? path.resolve(process.argv[outIndex + 1] ?? 'openapi.json')
    : path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-openapi-')), 'openapi.json');
fs.writeFileSync(file, JSON.stringify(await buildOpenApiDocument(), null, 2));
const run = runRedocly(file, 'stylish');
process.stdout.write(run.stdout);
// Redocly's own banner (Node 20 deprecation) goes to stderr; keep only its findings.
process.stderr.write(run.stderr.replace(/^\s*╔[\s\S]*?╝\s*$/m, ''));
console.log(`OpenAPI document: ${file}`);
process.exitCode = run.status ?? 1;
