import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { serveWeb } from './web.js';

describe('the web app is served on the same port as the API', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html lang="zh-CN"><title>连心</title></html>');
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('serves files, falls back to index.html for client routes, and 404s missing scripts and API routes', async () => {
    const app = Fastify();
    await serveWeb(app, dir);
    expect((await app.inject('/')).body).toContain('连心');
    expect((await app.inject('/assets/app.js')).body).toBe('console.log(1)');
    const clientRoute = await app.inject('/deputy/suggestions/12');
    expect(clientRoute.statusCode).toBe(200);
    expect(clientRoute.body).toContain('lang="zh-CN"');
    expect((await app.inject('/assets/missing.js')).statusCode).toBe(404);
    const api = await app.inject('/api/nothing');
    expect(api.statusCode).toBe(404);
    expect(api.json().message).toBe('接口不存在：GET /api/nothing');
    fs.writeFileSync(path.join(dir, 'assets', 'later.js'), 'built later');
    expect((await app.inject('/assets/later.js')).body).toBe('built later');
    await app.close();
  });
});
