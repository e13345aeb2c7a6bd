import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** Serves the built web app on the same port; unknown non-API paths get index.html (client routing). */
export async function serveWeb(app: FastifyInstance, configured: string | null): Promise<void> {
  const root = configured ?? defaultWebDist;
  const hasWeb = fs.existsSync(path.join(root, 'index.html'));
  // wildcard: files are looked up per request, so a rebuilt web/dist is served without a restart.
  if (hasWeb) await app.register(fastifyStatic, { root, wildcard: true, index: 'index.html', maxAge: '1h' });
  app.setNotFoundHandler((request, reply) => {
    // A missing script or API route is a 404; any other path is a client route of the app.
    if (!hasWeb || request.url.startsWith('/api/') || request.url.startsWith('/assets/') || request.method !== 'GET') {
      return reply.status(404).send({ code: 'not_found', message: `接口不存在：${request.method} ${request.url.split('?')[0]}` });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
