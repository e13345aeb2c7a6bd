import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app.js';
import {
  assignmentStates,
  statusFromParts,
  suggestionStatuses,
  type AssignmentState,
} from '../../modules/suggestion/suggestion.workflow.js';
import { AdjustableClock } from '../../platform/clock.js';
import { loadConfig } from '../../platform/config.js';
import type { DatabaseHandle, Db } from '../../platform/db.js';
import { login } from '../../test/test-app.js';
import { freshDatabase } from '../../test/test-database.js';
import { demoAccounts, loadDemoDataIfEmpty } from './demo.js';

// The demonstration province, loaded once on PGlite at a fixed "today", checked against the
// rules the commands enforce and then used through the API by the demo accounts.

/** 10:00 on 20 April 2026 in Beijing. */
const NOW = new Date('2026-04-20T02:00:00Z');

describe('demo data', () => {
  let handle: DatabaseHandle;
  let db: Db;
  let app: App;
  let provinceId: number;
  let loadMs = 0;

  beforeAll(async () => {
    handle = await freshDatabase('pglite');
    db = handle.db;
    const clock = new AdjustableClock();
    clock.set(NOW);
    const started = performance.now();
    await loadDemoDataIfEmpty(db, clock);
    loadMs = performance.now() - started;
    console.info(`demo data loaded on PGlite in ${(loadMs / 1000).toFixed(1)} s`);
    const config = loadConfig({
      SEED_DEMO: 'false',
      RUN_JOBS: 'false',
      LOGIN_RATE_LIMIT: '10000',
      DATA_DIR: '/nonexistent',
    });
    app = await buildApp({ db, databaseKind: handle.kind, config, clock });
    provinceId = (
      await db.selectFrom('congress').select('id').where('level', '=', 'province').executeTakeFirstOrThrow()
    ).id;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const count = async (query: string): Promise<number> =>
    Number((await sql.raw<{ n: number }>(query).execute(db)).rows[0]!.n);

  it('loads in well under the start-up budget', () => {
    expect(loadMs).toBeLessThan(30_000);
  });

  it('builds the province tree with its deputies, units and suggestions', async () => {
    const tree = await db.selectFrom('congress').select(['id', 'parent_id', 'level', 'name']).orderBy('id').execute();
    expect(tree.map((c) => c.level)).toEqual(['province', 'city', 'city', 'county', 'county', 'township', 'township']);
    expect(tree.filter((c) => c.parent_id !== null).every((c) => tree.some((p) => p.id === c.parent_id))).toBe(true);
    expect(await count(`select count(*) n from deputy where congress_id = ${provinceId}`)).toBe(300);
    const units = await count(`select count(*) n from handling_unit where congress_id = ${provinceId}`);
    expect(units).toBeGreaterThanOrEqual(38);
    expect(units).toBeLessThanOrEqual(45);
    expect(await count(`select count(*) n from suggestion where congress_id = ${provinceId}`)).toBe(1500);
    expect(await count(`select count(*) n from delegation where congress_id = ${provinceId}`)).toBeGreaterThanOrEqual(
      14,
    );
    expect(await count(`select count(*) n from suggestion where congress_id <> ${provinceId}`)).toBeGreaterThan(50);
  });

  it('has suggestions in every status, periods and numbers as the rules give them', async () => {
    const statuses = await db
      .selectFrom('suggestion')
      .select('status')
      .distinct()
      .where('congress_id', '=', provinceId)
      .execute();
    expect(statuses.map((s) => s.status).sort()).toEqual([...suggestionStatuses].sort());
    expect(
      await count(
        `select count(*) n from suggestion where congress_id = ${provinceId} and period = 'between_sessions'`,
      ),
    ).toBe(100);
    // 1..N without gaps per (session, period), and only once registered.
    const series = await sql<{ n: number; max: number; min: number }>`
      select count(*)::int n, max(number) max, min(number) min from suggestion where number is not null group by session_id, period`.execute(
      db,
    );
    for (const s of series.rows) expect([s.min, s.max]).toEqual([1, s.n]);
    expect(
      await count(
        `select count(*) n from suggestion where (number is null) <> (status in ('draft','submitted','returned','declined'))`,
      ),
    ).toBe(0);
    expect(await count(`select count(*) n from suggestion where status = 'returned' and review_comment is null`)).toBe(
      0,
    );
    expect(await count(`select count(*) n from suggestion where status = 'declined' and decline_reason is null`)).toBe(
      0,
    );
    expect(await count(`select count(*) n from suggestion where search_tokens is null`)).toBe(0);
  });

  it('gives the transport department a part in every assignment state', async () => {
    const states = await db
      .selectFrom('assignment as a')
      .innerJoin('handling_unit as u', 'u.id', 'a.unit_id')
      .select('a.state')
      .distinct()
      .where('u.name', '=', '湖南省交通运输厅')
      .execute();
    expect(states.map((s) => s.state).sort()).toEqual([...assignmentStates].sort());
  });

  it('keeps every suggestion where its units stand', async () => {
    const rows = await db
      .selectFrom('suggestion as s')
      .innerJoin('assignment as a', 'a.suggestion_id', 's.id')
      .select(['s.id', 's.status', 's.mode', 'a.role', 'a.state'])
      .where('a.state', '!=', 'ended')
      .execute();
    const bySuggestion = new Map<number, typeof rows>();
    for (const r of rows) bySuggestion.set(r.id, [...(bySuggestion.get(r.id) ?? []), r]);
    expect(bySuggestion.size).toBeGreaterThan(1200);
    for (const parts of bySuggestion.values()) {
      const { status, mode } = parts[0]!;
      const answering = parts.filter((p) => p.role !== 'co');
      expect(statusFromParts(answering.map((p) => ({ state: p.state as AssignmentState })))).toBe(status);
      const roles = parts.map((p) => p.role);
      if (mode === 'sole') expect(roles).toEqual(['sole']);
      if (mode === 'lead_co') {
        expect(roles.filter((r) => r === 'lead')).toHaveLength(1);
        expect(roles.filter((r) => r === 'co').length).toBeGreaterThanOrEqual(1);
      }
      if (mode === 'separate') expect(roles.filter((r) => r === 'separate').length).toBeGreaterThanOrEqual(2);
    }
  });

  it('has a sent reply for every answering unit of a replied, re-handled or closed suggestion', async () => {
    expect(
      await count(`select count(*) n from assignment a join suggestion s on s.id = a.suggestion_id
        where s.status in ('replied','rehandling','closed') and a.role <> 'co' and a.state <> 'ended'
        and not exists (select 1 from reply r where r.assignment_id = a.id and r.state = 'sent')`),
    ).toBe(0);
    expect(
      await count(
        `select count(*) n from reply where state = 'sent' and (doc_number = '' or sent_at is null or on_time is null)`,
      ),
    ).toBe(0);
    expect(
      await count(
        `select count(*) n from (select unit_id, doc_number from reply where state = 'sent' group by 1, 2 having count(*) > 1) d`,
      ),
    ).toBe(0);
    expect(
      await count(
        `select count(*) n from reply where state = 'sent' and class_code in ('A2','B1','B2') and not exists (select 1 from promise p where p.reply_id = reply.id)`,
      ),
    ).toBe(0);
  });

  it('re-handles only after a 不满意 with its reason', async () => {
    expect(
      await count(`select count(*) n from suggestion s where s.status = 'rehandling' and (s.rehandling_round < 1 or not exists
        (select 1 from rating g where g.suggestion_id = s.id and (g.result = 'unsatisfied' or g.attitude = 'unsatisfied') and g.comment <> ''))`),
    ).toBe(0);
    expect(
      await count(
        `select count(*) n from suggestion where status = 'closed' and (close_kind is null or closed_at is null)`,
      ),
    ).toBe(0);
    expect(await count(`select count(*) n from suggestion where disclosure = 'published' and not may_disclose`)).toBe(
      0,
    );
  });

  it('dates nothing after now and keeps each timeline in order', async () => {
    expect(await count(`select count(*) n from audit_event where at > '${NOW.toISOString()}'`)).toBe(0);
    expect(
      await count(`select count(*) n from audit_event a join audit_event b on b.id = a.id + 1 where b.at < a.at`),
    ).toBe(0);
    expect(
      await count(`select count(*) n from suggestion where registered_at < submitted_at or closed_at < registered_at`),
    ).toBe(0);
    expect(
      await count(`select count(*) n from rating g join reply r on r.id = g.reply_id where g.rated_at < r.sent_at`),
    ).toBe(0);
    const missing = await count(
      `select count(*) n from suggestion s where not exists (select 1 from audit_event e where e.suggestion_id = s.id)`,
    );
    expect(missing).toBe(0);
  });

  it('loads nothing on a second call', async () => {
    const before = await count('select count(*) n from suggestion');
    const clock = new AdjustableClock();
    clock.set(NOW);
    await loadDemoDataIfEmpty(db, clock);
    expect(await count('select count(*) n from suggestion')).toBe(before);
    expect(await count('select count(*) n from congress')).toBe(7);
  });

  it('lets every demo account log in with its role', async () => {
    for (const account of demoAccounts) {
      const client = await login(app, account.username, 'Lianxin2026');
      expect(client.me.grants.map((g) => g.role)).toContain(account.role);
    }
    const multi = await login(app, 'multi');
    expect(multi.me.grants.map((g) => g.role).sort()).toEqual(['deputy', 'liaison_office']);
  });

  it('shows the office the whole session and a closed suggestion in full', async () => {
    const office = await login(app, 'office');
    const list = await office.get('/api/suggestions?pageSize=50');
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThanOrEqual(1400);
    const closed = await office.get('/api/suggestions?status=closed&pageSize=1');
    const detail = await office.get(`/api/suggestions/${closed.body.items[0].id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.status).toBe('closed');
    expect(
      detail.body.replies.some(
        (r: { state: string; body: string }) => r.state === 'sent' && r.body.includes('收悉。经研究，现答复如下'),
      ),
    ).toBe(true);
    expect(detail.body.ratings.length).toBeGreaterThan(0);
    expect(detail.body.timeline.map((e: { action: string }) => e.action)).toContain('suggestion.closed');
    const cityOffice = await login(app, 'cs_office');
    const city = await cityOffice.get('/api/suggestions?pageSize=100');
    expect(city.body.total).toBeGreaterThan(10);
    expect(city.body.total).toBeLessThan(40);
  });

  it('gives the government office, the committee and the leader their own slices', async () => {
    const total = async (username: string) =>
      (await (await login(app, username)).get('/api/suggestions?pageSize=1')).body.total as number;
    const [office, gov, committee, leader] = [
      await total('office'),
      await total('gov'),
      await total('committee'),
      await total('leader'),
    ];
    expect(gov).toBeGreaterThan(1000);
    expect(gov).toBeLessThan(office);
    expect(committee).toBeGreaterThan(200);
    expect(committee).toBeLessThan(office / 2);
    expect(leader).toBeGreaterThan(1400);
  });

  it('lets the deputy rate the reply that waits for him, and deputy2 answer an invitation', async () => {
    const deputy = await login(app, 'deputy');
    const mine = await deputy.get('/api/suggestions?pageSize=100');
    expect(new Set(mine.body.items.map((s: { status: string }) => s.status))).toEqual(new Set(suggestionStatuses));
    const waiting = mine.body.items.find(
      (s: { status: string; leadDeputyName: string; units: unknown[] }) =>
        s.status === 'replied' && s.leadDeputyName === '刘建华' && s.units.length === 1,
    );
    const detail = await deputy.get(`/api/suggestions/${waiting.id}`);
    expect(detail.body.abilities.rate).toBe(true);
    const rated = await deputy.post(`/api/suggestions/${waiting.id}/ratings`, {
      replyId: detail.body.abilities.ratableReplyIds[0],
      attitude: 'very_satisfied',
      result: 'satisfied',
      comment: '',
    });
    expect(rated.status).toBe(200);
    expect(rated.body.status).toBe('closed');

    const deputy2 = await login(app, 'deputy2');
    const invited = (await deputy2.get('/api/suggestions?status=draft')).body.items[0];
    expect((await deputy2.get(`/api/suggestions/${invited.id}`)).body.abilities.respondToCosign).toBe(true);
  });

  it('lets the transport department sign for, review and sign off its work', async () => {
    const handler = await login(app, 'handler');
    const waiting = (await handler.get('/api/suggestions?pageSize=200')).body.items.filter(
      (s: { myPart: { state: string } | null }) => s.myPart?.state === 'pending_ack',
    );
    expect(waiting.length).toBeGreaterThan(0);
    const part = (await handler.get(`/api/suggestions/${waiting[0].id}`)).body;
    expect(part.abilities.acknowledge).toBe(true);
    const due = part.assignments.find((a: { unitName: string }) => a.unitName === '湖南省交通运输厅').replyDue;
    const ack = await handler.post(`/api/suggestions/${part.id}/acknowledge`, {
      handlerName: '周敏',
      handlerPhone: '0731-88770000',
      plan: '先与代表沟通，再实地调研。',
      plannedReplyOn: due,
    });
    expect(ack.status).toBe(200);

    const reviewer = await login(app, 'reviewer');
    const signer = await login(app, 'signer');
    const toReview = await firstWith(reviewer, 'reviewReply');
    expect(
      (await reviewer.post(`/api/suggestions/${toReview}/reply/review`, { approve: true, comment: '' })).status,
    ).toBe(200);
    const toSign = await firstWith(signer, 'reviewReply');
    const signed = await signer.post(`/api/suggestions/${toSign}/reply/review`, { approve: true, comment: '同意签发' });
    expect(signed.status).toBe(200);
    const letter = signed.body.replies.find(
      (r: { state: string; unitName: string }) => r.state === 'sent' && r.unitName === '湖南省交通运输厅',
    );
    expect(letter.docNumber).toMatch(/^湘交建议复〔\d{4}〕\d+号$/);
    expect(
      await count(
        `select count(*) n from (select doc_number from reply where state = 'sent' group by unit_id, doc_number having count(*) > 1) d`,
      ),
    ).toBe(0);
  });

  it('fills the office queues and the notices', async () => {
    const office = await login(app, 'office');
    expect(
      await count(
        `select count(*) n from reassignment_request where status = 'pending' and congress_id = ${provinceId}`,
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(`select count(*) n from extension_request where status = 'pending' and congress_id = ${provinceId}`),
    ).toBeGreaterThan(0);
    const notices = await office.get('/api/notices');
    expect(notices.body.items.length).toBeGreaterThan(0);
    expect(notices.body.unread).toBeGreaterThan(0);
  });
});

/** The first suggestion in this account's list on which it may do `ability`. */
async function firstWith(client: Awaited<ReturnType<typeof login>>, ability: string): Promise<number> {
  const items = (await client.get('/api/suggestions?status=assigned&pageSize=200')).body.items as { id: number }[];
  for (const s of items) {
    const detail = await client.get(`/api/suggestions/${s.id}`);
    if (detail.body.abilities[ability]) return s.id;
  }
  throw new Error(`no suggestion with ${ability}`);
}
