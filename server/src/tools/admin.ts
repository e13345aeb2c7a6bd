import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { migrateToLatest } from '../db/migrate.js';
import { createSystemAdmin, resetSystemAdminPassword } from '../modules/installation/commands/create-system-admin.js';
import { loadConfig } from '../platform/config.js';
import { connectPostgres, openEmbedded } from '../platform/db.js';
import { AppError } from '../platform/errors.js';

// npm run admin -- create --username <name> --name <姓名> [--password-file <file> | --password-stdin]
// npm run admin -- reset-password --username <name> [--password-file <file> | --password-stdin]
// The installation's administrator, on the database the server uses (DATABASE_URL or DATA_DIR).
// With the embedded database the server must be stopped first: PGlite allows one process.

const usage = `用法：
  npm run admin -- create --username <用户名> --name <姓名> [--password-file <文件> | --password-stdin]
  npm run admin -- reset-password --username <用户名> [--password-file <文件> | --password-stdin]
不给密码时由系统生成并只显示这一次，首次登录后须修改。`;

async function readPassword(values: { 'password-file'?: string; 'password-stdin'?: boolean }) {
  if (values['password-file']) return fs.readFileSync(values['password-file'], 'utf8').replace(/\r?\n$/, '');
  if (values['password-stdin']) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  return undefined;
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      'password-file': { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
  });
  const command = positionals[0];
  if ((command !== 'create' && command !== 'reset-password') || !values.username) {
    console.error(usage);
    process.exit(2);
  }
  if (command === 'create' && !values.name) {
    console.error('请用 --name 给出系统管理员的姓名\n' + usage);
    process.exit(2);
  }
  const password = await readPassword(values);
  const config = loadConfig();
  const handle = config.databaseUrl ? connectPostgres(config.databaseUrl, 1) : await openEmbedded(config.dataDir);
  try {
    await migrateToLatest(handle.db);
    const result =
      command === 'create'
        ? await createSystemAdmin(handle.db, { username: values.username, displayName: values.name!, password })
        : await resetSystemAdminPassword(handle.db, values.username, password);
    console.log(
      command === 'create'
        ? `已创建系统管理员「${values.username}」（账号 id ${result.userId}）。`
        : `已重置系统管理员「${values.username}」的密码，其已登录的会话均已结束。`,
    );
    if (result.generatedPassword) {
      console.log(`初始密码（只显示这一次，请妥善转交；首次登录后须修改）：${result.generatedPassword}`);
    }
  } catch (err) {
    console.error(err instanceof AppError ? err.message : `失败：${(err as Error).message}`);
    process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

void main();
