import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/test-database.js';
import { figureKeys } from './figures.definitions.js';
import { recountSession } from './figures.recount.js';
import { countFigures } from './figures.count.js';
import type { Cohort, FigureFilters } from './figures.facts.js';
import { sql } from 'kysely';
import { useTestApp } from '../../test/test-app.js';
import { buildYear, buildYearBefore, FiguresWorld } from './figures.test-kit.js';

describe.each(backends)('figures after live writes, and the rollup they keep (%s)', (backend) => {
  const t = useTestApp(backend);
  let w: FiguresWorld;
  let sessionQuery: string;

  beforeAll(async () => {
    w = await FiguresWorld.open(t);
    await buildYearBefore(t, w);
    await buildYear(t, w);
    sessionQuery = `sessionId=${t.world.session.id}`;
  });

  it('after live writes — a reassignment, a re-handled reply rated, a late rating — every figure is its recount', async () => {
    const same = async (asOf: string) => {
      const f = (await w.office.get(`/api/figures/dashboard?${sessionQuery}&asOf=${asOf}`)).body;
      const again = (await recountSession(t.db, t.world.session.id, asOf))!;
      expect(Object.fromEntries(figureKeys.map((k) => [k, again.counts[k] ?? 0]))).toEqual(f.counts);
      expect(again.classes).toEqual(f.classes);
      expect(again.units).toBe(f.units);
      return f;
    };
    for (const day of ['2026-01-12', '2026-01-20', '2026-01-25', '2026-02-01', '2026-02-10']) await same(day);

    await w.at('2026-02-12T02:00:00Z');
    const session = t.world.session.id;
    expect((await w.office.post(`/api/sessions/${session}/reassignment-window`, { until: '2026-02-28' })).status).toBe(
      200,
    );
    const open = (
      await w.office.get(`/api/figures/drill?${sessionQuery}&key=assignedLead&unitId=${w.unitId('federation')}`)
    ).body.rows.find((r: { title: string }) => r.title === '关于保障职工权益的建议');
    const asked = await w.units.federation.handler.post(`/api/suggestions/${open.suggestionId}/reassignment-requests`, {
      reason: '不属于本单位职责',
      proposedUnitIds: [w.unitId('education')],
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const pending = (await w.office.get('/api/reassignment-requests?status=pending')).body.items[0];
    const ruled = await w.office.post(`/api/reassignment-requests/${pending.id}/ruling`, {
      accept: true,
      reason: '同意',
      mode: 'sole',
      units: [{ unitId: w.unitId('education'), role: 'sole' }],
    });
    expect(ruled.status, JSON.stringify(ruled.body)).toBe(200);
    const still = (await w.office.get(`/api/figures/drill?${sessionQuery}&key=stillRehandling`)).body.rows[0];
    const again = await w.reply(still.suggestionId, 'education', 'B2', false);
    await w.at('2026-02-14T02:00:00Z');
    await w.rate(w.zhang, still.suggestionId, again, 'satisfied', 'satisfied');
    await w.reply(open.suggestionId, 'education', 'A1');

    const after = await same('2026-02-14');
    expect(after.counts).toMatchObject({ stillRehandling: 0, repliedAgain: 2, feedback: 5, replied: 8, classB: 2 });
    // The earlier days keep their state: federation still held the suggestion on 10 February.
    const earlier = await same('2026-02-10');
    expect(earlier.counts).toMatchObject({ stillRehandling: 1, feedback: 4 });
    const federation = (await w.office.get(`/api/figures/units?${sessionQuery}`)).body.units.find(
      (u: { unitName: string }) => u.unitName === '湖南省总工会',
    );
    expect(federation.counts.assignedLead).toBe(1);
  });
  it('figures come from the rollup the writes keep, equal to the count from the rows on any day under every filter', async () => {
    const stale = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from figure_stale`.execute(t.db)).rows[0]!.n;
    const today = '2026-02-14';
    const still = (await w.office.get(`/api/figures/drill?${sessionQuery}&key=feedback`)).body.rows[0];
    await t.db.updateTable('suggestion').set({ is_key: true }).where('id', '=', still.suggestionId).execute();
    expect(await stale()).toBe(1);
    const unit = await t.db
      .selectFrom('handling_unit')
      .select(['id', 'unit_system_id'])
      .where('id', '=', w.unitId('education'))
      .executeTakeFirstOrThrow();
    const delegation = await t.db
      .selectFrom('suggestion')
      .select('delegation_id')
      .where('id', '=', still.suggestionId)
      .executeTakeFirstOrThrow();
    const filterings: FigureFilters[] = [
      {},
      { unitId: unit.id },
      { unitSystemId: unit.unit_system_id },
      { categoryCode: 'education' },
      { isKey: true },
      { delegationId: delegation.delegation_id ?? undefined },
      { disclosedOnly: true },
      { committeeId: t.world.committee.id },
      { unitId: unit.id, categoryCode: 'education' },
      { unitSystemId: unit.unit_system_id, isKey: false },
    ];
    const cohorts: Cohort[] = [
      { kind: 'session', sessionId: t.world.session.id },
      { kind: 'year', year: 2026 },
      { kind: 'period', from: '2026-01-01', to: '2026-01-31' },
      { kind: 'congress' },
    ];
    for (const asOf of ['2026-01-12', '2026-01-25', '2026-02-10', '2026-02-13', today]) {
      for (const cohort of cohorts) {
        for (const filters of filterings) {
          const scope = { congressId: t.world.province.id, cohort, asOf, filters };
          const fromRollup = await countFigures(t.db, scope);
          expect(await stale()).toBe(0);
          const fromRows = await countFigures(t.db, scope, 'rows');
          expect(fromRollup, JSON.stringify({ asOf, cohort, filters })).toEqual(fromRows);
        }
      }
    }
    // A rating dated after today (an import may bring one) counts from its day on, not today.
    await t.db
      .updateTable('rating')
      .set({ rated_at: new Date('2026-03-01T02:00:00Z') })
      .where(
        'id',
        '=',
        (await t.db.selectFrom('rating').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id,
      )
      .execute();
    for (const asOf of [today, '2026-03-01']) {
      const scope = { congressId: t.world.province.id, cohort: cohorts[0]!, asOf, filters: {} };
      expect(await countFigures(t.db, scope)).toEqual(await countFigures(t.db, scope, 'rows'));
    }
    // A unit moved to another system (机构改革) takes its parts' figures with it.
    const other = await t.db
      .selectFrom('unit_system')
      .select('id')
      .where('congress_id', '=', t.world.province.id)
      .where('id', '<>', unit.unit_system_id)
      .executeTakeFirstOrThrow();
    await t.db.updateTable('handling_unit').set({ unit_system_id: other.id }).where('id', '=', unit.id).execute();
    expect(await stale()).toBeGreaterThan(0);
    for (const unitSystemId of [unit.unit_system_id, other.id]) {
      const scope = {
        congressId: t.world.province.id,
        cohort: cohorts[0]!,
        asOf: today,
        filters: { unitSystemId },
        today,
      };
      expect(await countFigures(t.db, scope)).toEqual(await countFigures(t.db, scope, 'rows'));
    }
    expect(
      (
        await countFigures(t.db, {
          congressId: t.world.province.id,
          cohort: cohorts[0]!,
          asOf: today,
          filters: { isKey: true },
        })
      ).counts.received,
    ).toBe(1);
  });
});
