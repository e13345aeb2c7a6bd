import { beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument, lintOpenApi, type LintReport } from '../tools/openapi-document.js';

// The OpenAPI document is what an integrator reads: it must pass Redocly's recommended rules
// with no error (npm run lint:openapi prints the same findings), and say what the server does.

type Operation = {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

const withoutFailures = ['GET /api/health', 'GET /api/auth/me', 'GET /api/public/options'];

describe('the OpenAPI document', () => {
  let document: Document;
  let report: LintReport;
  beforeAll(async () => {
    document = (await buildOpenApiDocument()) as Document;
    report = lintOpenApi(document);
  }, 60_000);

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    );

  it('passes Redocly’s recommended rules without errors', () => {
    const errors = report.problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
  });

  it('names every operation, and declares its success and its failures with the one error schema', () => {
    const ids = new Set<string>();
    for (const { path, method, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.operationId, where).toBeTruthy();
      expect(ids.has(op.operationId!), `${where}: operationId ${op.operationId} twice`).toBe(false);
      ids.add(op.operationId!);
      const statuses = Object.keys(op.responses);
      expect(
        statuses.some((s) => s.startsWith('2')),
        `${where}: no success answer`,
      ).toBe(true);
      const failures = statuses.filter((s) => Number(s) >= 400);
      // Nothing can go wrong with these three: no input, no login needed.
      if (!withoutFailures.includes(where)) expect(failures.length, `${where}: no failure answer`).toBeGreaterThan(0);
      for (const s of failures)
        expect(op.responses[s]?.content?.['application/json']?.schema.$ref, `${where} ${s}`).toBe(
          '#/components/schemas/Error',
        );
    }
  });

  it('asks for the session cookie on what needs a login, and the CSRF header on every write', () => {
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['csrf', 'session']);
    for (const { path, method, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      const isPublic = path === '/api/auth/login' || path === '/api/health' || path.startsWith('/api/public/');
      // The session probe answers a visitor {user: null}: the cookie is optional there.
      if (path === '/api/auth/me') expect(op.security, where).toEqual([{}, { session: [] }]);
      else if (isPublic) expect(op.security, where).toEqual([]);
      else expect(op.security, where).toEqual(method === 'get' ? [{ session: [] }] : [{ session: [], csrf: [] }]);
    }
  });

  it('documents the statuses and rules an integrator needs', () => {
    const op = (method: string, path: string) => document.paths[path]![method]!;
    expect(Object.keys(op('post', '/api/suggestions/assign').responses)).toEqual(
      expect.arrayContaining(['200', '207']),
    );
    expect(Object.keys(op('get', '/api/suggestions').responses)).toEqual(expect.arrayContaining(['200', '304']));
    expect(op('get', '/api/suggestions').responses['304']!.content).toBeUndefined();
    expect(Object.keys(op('post', '/api/suggestions').responses)).toContain('201');
    expect(Object.keys(op('post', '/api/notices/{id}/read').responses)).toEqual(expect.arrayContaining(['204', '404']));
    const body = JSON.stringify(op('post', '/api/suggestions'));
    expect(body).toContain('"pattern":"^(《)?关于.+的(建议|意见|批评)(》)?$"');
    expect(body).toContain('《关于……的建议》');
    // How steps chain: the ability that enables a write, and where its ids and version come from.
    const rate = op('post', '/api/suggestions/{id}/ratings') as Operation & { description: string };
    expect(rate.description).toContain('abilities.rate');
    expect(rate.description).toContain('ratableReplyIds');
    const register = op('post', '/api/suggestions/{id}/register') as Operation & { description: string };
    expect(register.description).toContain('version');
    expect(register.description).toContain('409');
  });

  it('names every field in camelCase', () => {
    const snake: string[] = [];
    const walk = (value: unknown, where: string): void => {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}[${i}]`));
      else if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          if (key === 'properties')
            for (const name of Object.keys(child as object)) if (name.includes('_')) snake.push(`${where}.${name}`);
          if (key === 'name' && where.includes('parameters') && String(child).includes('_'))
            snake.push(`${where}: ${String(child)}`);
          walk(child, `${where}.${key}`);
        }
      }
    };
    walk(document.paths, 'paths');
    walk(document.components.schemas, 'components');
    expect(snake).toEqual([]);
  });
});
