import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** The hashed build output (a new build gives new names): kept by browsers for a year. */
export const ASSET_CACHE = 'public, max-age=31536000, immutable';
/** index.html and any other unhashed file: asked again on every visit (a 304 while unchanged). */
export const PAGE_CACHE = 'no-cache';

/** Serves the built web app on the same port; unknown non-API paths get index.html (client routing). */
export async function serveWeb(app: FastifyInstance, configured: string | null): Promise<void> {
  const root = configured ?? defaultWebDist;
  const hasWeb = fs.existsSync(path.join(root, 'index.html'));
  // After an upgrade the browser must load the new index.html, which names the new assets: a
  // cached old page would ask for assets that are gone.
  const assetsDir = path.resolve(root, 'assets') + path.sep;
  const cacheControlOf = (file: string) => (path.resolve(file).startsWith(assetsDir) ? ASSET_CACHE : PAGE_CACHE);
  // wildcard: files are looked up per request, so a rebuilt web/dist is served without a restart.
  // cacheControl false: `send` would write its own max-age over ours; setHeaders also runs for sendFile.
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root,
      wildcard: true,
      index: 'index.html',
      cacheControl: false,
      setHeaders: (res, file) => res.setHeader('cache-control', cacheControlOf(file)),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // A missing script or API route is a 404; any other path is a client route of the app.
    if (!hasWeb || request.url.startsWith('/api/') || request.url.startsWith('/assets/') || request.method !== 'GET') {
      return reply
        .status(404)
        .send({ code: 'not_found', message: `接口不存在：${request.method} ${request.url.split('?')[0]}` });
    }
    return reply.sendFile('index.html');
  });
}
