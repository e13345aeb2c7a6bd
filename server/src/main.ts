import { buildApp } from './app.js';
import { migrateToLatest } from './db/migrate.js';
import { loadDemoDataIfEmpty } from './db/seeds/demo.js';
import { startJobs } from './jobs/scheduler.js';
import { refreshFigureFacts } from './modules/figures/figures.refresh.js';
import { systemClock } from './platform/clock.js';
import { loadConfig } from './platform/config.js';
import { connectPostgres, openEmbedded, type DatabaseHandle } from './platform/db.js';

async function main() {
  const config = loadConfig();
  let handle: DatabaseHandle;
  try {
    handle = config.databaseUrl ? connectPostgres(config.databaseUrl) : await openEmbedded(config.dataDir);
  } catch (err) {
    console.error(`无法打开数据库：${(err as Error).message}`);
    process.exit(1);
  }
  await migrateToLatest(handle.db);
  if (config.seedDemo) await loadDemoDataIfEmpty(handle.db, systemClock);
  // What an upgrade's migration or the demo marked is counted before the first request, not by it.
  await refreshFigureFacts(handle.db);
  const ctx = { db: handle.db, databaseKind: handle.kind, config, clock: systemClock };
  const app = await buildApp(ctx, { logger: true });
  const jobs = config.runJobs ? startJobs(ctx) : null;
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `连心已启动：http://localhost:${config.port}（数据库：${handle.kind === 'pglite' ? `内嵌 PGlite，${config.dataDir}` : 'PostgreSQL'}）`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`收到 ${signal}，正在停止…`);
    jobs?.stop();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

void main();
