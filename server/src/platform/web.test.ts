import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { ASSET_CACHE, PAGE_CACHE, serveWeb } from './web.js';

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

  it('has index.html revalidated on every visit, on every path that answers it, and keeps only the hashed assets for a year', async () => {
    const app = Fastify();
    await serveWeb(app, dir);
    expect(PAGE_CACHE).toBe('no-cache');
    expect(ASSET_CACHE).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/index.html', '/portal', '/deputy/suggestions/12', '/login?next=%2Foffice']) {
      const page = await app.inject(url);
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).toContain('lang="zh-CN"');
      expect(page.headers['cache-control'], url).toBe('no-cache');
      // Revalidation: the browser asks with what it has, and the unchanged page is not sent again.
      const again = await app.inject({ url, headers: { 'if-none-match': String(page.headers.etag) } });
      expect(again.statusCode, url).toBe(304);
    }
    const asset = await app.inject('/assets/app.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // A missing asset is a 404 with nothing to keep.
    const missing = await app.inject('/assets/missing.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).toBeUndefined();
    await app.close();
  });
});
