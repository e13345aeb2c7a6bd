import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { a1Reply, acknowledgement, assigned } from '../../test/flows.js';
import { login, useTestApp, type Client } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';
import { PageMemory } from './unit-list-pages.js';

// Units' list pages are sent again while nothing in them changed. These tests change each
// thing a unit's list shows, by every kind of writer, and look at the list straight after.
describe.each(backends)("a unit's list never shows an old page (%s)", (backend) => {
  const t = useTestApp(backend);
  const page = async (client: Client, query = '') => {
    const res = await client.get(`/api/suggestions?${query}`);
    expect(res.status).toBe(200);
    return res.body as {
      total: number;
      items: {
        id: number;
        title: string;
        leadDeputyName: string;
        leadRating: string | null;
        units: { unitId: number; state: string; daysLeft: number | null }[];
      }[];
    };
  };

  it('shows new assignments, the other unit’s progress, replies awaiting review and ratings as they happen', async () => {
    const zhang = await login(t.app, 'zhang');
    const office = await login(t.app, 'office');
    const lead = await login(t.app, 'transport_handler');
    const reviewer = await login(t.app, 'transport_reviewer');
    const signer = await login(t.app, 'transport_signer');
    const co = await login(t.app, 'development_handler');
    const transport = t.world.units.transport.unit.id;
    const development = t.world.units.development.unit.id;

    expect((await page(co)).total).toBe(0);
    const id = await assigned(
      zhang,
      office,
      [
        { unitId: transport, role: 'lead' },
        { unitId: development, role: 'co' },
      ],
      'lead_co',
    );
    const seenByCo = await page(co);
    expect(seenByCo.items.map((i) => i.id)).toEqual([id]);
    expect(seenByCo.items[0]!.units.find((u) => u.unitId === transport)!.state).toBe('pending_ack');

    await lead.post(`/api/suggestions/${id}/acknowledge`, acknowledgement);
    expect((await page(co)).items[0]!.units.find((u) => u.unitId === transport)!.state).toBe('handling');

    expect((await page(reviewer, 'awaitingMyReview=true')).total).toBe(0);
    await co.post(`/api/suggestions/${id}/acknowledge`, { ...acknowledgement, plannedReplyOn: '2026-03-01' });
    expect((await co.post(`/api/suggestions/${id}/opinions`, { body: '同意主办单位意见。' })).status).toBe(200);
    await lead.put(`/api/suggestions/${id}/reply`, a1Reply);
    await lead.post(`/api/suggestions/${id}/reply/submit`);
    expect((await page(reviewer, 'awaitingMyReview=true')).total).toBe(1);
    await reviewer.post(`/api/suggestions/${id}/reply/review`, { approve: true });
    expect((await page(reviewer, 'awaitingMyReview=true')).total).toBe(0);
    await signer.post(`/api/suggestions/${id}/reply/review`, { approve: true });

    const letter = (await zhang.get(`/api/suggestions/${id}`)).body.replies[0];
    expect((await page(lead)).items[0]!.leadRating).toBeNull();
    const rated = await zhang.post(`/api/suggestions/${id}/ratings`, {
      replyId: letter.id,
      attitude: 'satisfied',
      result: 'satisfied',
      comment: '',
    });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
    expect((await page(lead)).items[0]!.leadRating).toBe('satisfied');
  });

  it('follows changes made outside the server, and the turn of the day', async () => {
    const zhang = await login(t.app, 'zhang');
    const office = await login(t.app, 'office');
    const handler = await login(t.app, 'education_handler');
    const id = await assigned(
      zhang,
      office,
      [{ unitId: t.world.units.education.unit.id, role: 'sole' }],
      'sole',
      '关于改善乡村学校寄宿条件的建议',
    );
    const before = (await page(handler)).items.find((i) => i.id === id)!;
    expect(before.leadDeputyName).toBe('张建国');

    await sql`update deputy set name = '张建军' where id = ${t.world.deputies.zhang.deputy.id}`.execute(t.db);
    expect((await page(handler)).items.find((i) => i.id === id)!.leadDeputyName).toBe('张建军');
    await sql`update deputy set name = '张建国' where id = ${t.world.deputies.zhang.deputy.id}`.execute(t.db);

    const daysLeft = before.units[0]!.daysLeft!;
    t.clock.advanceDays(1);
    expect((await page(handler)).items.find((i) => i.id === id)!.units[0]!.daysLeft).toBeLessThan(daysLeft);

    await sql`update assignment set state = 'ended', ended_at = now(), end_reason = '调整' where suggestion_id = ${id}`.execute(
      t.db,
    );
    expect((await page(handler)).items.map((i) => i.id)).not.toContain(id);
  });

  it("never sends one unit's page to another", async () => {
    const zhang = await login(t.app, 'zhang');
    const office = await login(t.app, 'office');
    const federation = await login(t.app, 'federation_handler');
    const development = await login(t.app, 'development_handler');
    const id = await assigned(
      zhang,
      office,
      [{ unitId: t.world.units.federation.unit.id, role: 'sole' }],
      'sole',
      '关于保障新就业形态劳动者权益的建议',
    );
    expect((await page(federation)).items.map((i) => i.id)).toContain(id);
    expect((await page(development)).items.map((i) => i.id)).not.toContain(id);
    expect((await page(federation)).items.map((i) => i.id)).toContain(id);
  });
});

describe.each(backends)("a unit's browser keeps its list and asks whether it changed (%s)", (backend) => {
  const t = useTestApp(backend);

  it('answers 304 while the page stands, and the new page after a change', async () => {
    const zhang = await login(t.app, 'zhang');
    const office = await login(t.app, 'office');
    const handler = await login(t.app, 'transport_handler');
    const other = await login(t.app, 'development_handler');
    const get = (client: Client, etag?: string) =>
      t.app.inject({
        method: 'GET',
        url: '/api/suggestions?page=1&pageSize=20',
        headers: { cookie: client.cookie, ...(etag ? { 'if-none-match': etag } : {}) },
      });
    const first = await get(handler);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await get(handler, etag);
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // Another unit's tag is another tag, and another unit never gets a 304 for this one.
    expect((await get(other, etag)).statusCode).toBe(200);

    const id = await assigned(
      zhang,
      office,
      [{ unitId: t.world.units.transport.unit.id, role: 'sole' }],
      'sole',
      '关于优化公交线网布局的建议',
    );
    const changed = await get(handler, etag);
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.json().items.map((i: { id: number }) => i.id)).toContain(id);
    // Other roles' lists carry no tag.
    expect((await get(office)).headers.etag).toBeUndefined();
  });
});

describe('the memory for list pages', () => {
  it('gives a page back only under the counter it was made with', () => {
    const memory = new PageMemory(1000);
    memory.keep('unit 1', 1, Buffer.from('{"items":[]}'));
    expect(memory.get('unit 1', 1)?.toString()).toBe('{"items":[]}');
    expect(memory.get('unit 1', 2)).toBeUndefined();
    expect(memory.get('unit 2', 1)).toBeUndefined();
  });

  it('does not let a page made under an older counter replace a newer one', () => {
    const memory = new PageMemory(1000);
    memory.keep('unit 1', 3, Buffer.from('new'));
    memory.keep('unit 1', 2, Buffer.from('old'));
    expect(memory.get('unit 1', 3)?.toString()).toBe('new');
  });

  it('forgets the least recently used pages past its size, and keeps no page larger than a quarter of it', () => {
    const memory = new PageMemory(40);
    memory.keep('a', 1, Buffer.alloc(10));
    memory.keep('b', 1, Buffer.alloc(10));
    memory.keep('c', 1, Buffer.alloc(10));
    memory.get('a', 1);
    memory.keep('d', 1, Buffer.alloc(10));
    memory.keep('e', 1, Buffer.alloc(10));
    memory.keep('f', 1, Buffer.alloc(10));
    // b and c went; a stayed because it was read after them.
    expect(['a', 'b', 'c', 'd', 'e', 'f'].filter((k) => memory.get(k, 1))).toEqual(['a', 'd', 'e', 'f']);
    memory.keep('big', 1, Buffer.alloc(11));
    expect(memory.get('big', 1)).toBeUndefined();
  });
});
