import { expect } from 'vitest';
import { createSession } from '../../db/seeds/fixtures.js';
import { acknowledgement, replyThroughChain } from '../../test/flows.js';
import { login, type Client, type TestContext } from '../../test/test-app.js';
import { addCalendarDays, chinaToday } from '../deadline/iso-date.js';

// A congress's year and the year before, built through the API with counts known by
// construction (figures tests and the report's test): sole, joint, separately handled,
// lead and co-handled suggestions, re-handling twice, one still re-handling, between sessions.

type Unit = 'transport' | 'development' | 'education' | 'federation';
const chains: Record<Unit, ('reviewer' | 'signer')[]> = {
  transport: ['reviewer', 'signer'],
  development: ['reviewer', 'signer'],
  education: ['signer'],
  federation: ['reviewer', 'signer'],
};

interface Staff {
  handler: Client;
  chain: Client[];
}

async function staffOf(t: TestContext, unit: Unit): Promise<Staff> {
  return {
    handler: await login(t.app, `${unit}_handler`),
    chain: await Promise.all(chains[unit].map((r) => login(t.app, `${unit}_${r}`))),
  };
}

const promiseFor = (classCode: string) =>
  classCode.startsWith('B') ? { promise: { doneText: '', plannedText: '三年内完成', notDoneReason: '' } } : {};

export class FiguresWorld {
  office!: Client;
  zhang!: Client;
  li!: Client;
  units = {} as Record<Unit, Staff>;

  private constructor(readonly t: TestContext) {}

  static async open(t: TestContext) {
    const w = new FiguresWorld(t);
    await w.logIn();
    return w;
  }

  /** Sessions lapse when the clock jumps weeks: everyone logs in again at the new time. */
  async at(instant: string) {
    this.t.clock.set(new Date(instant));
    await this.logIn();
  }

  private async logIn() {
    for (const u of Object.keys(chains) as Unit[]) this.units[u] = await staffOf(this.t, u);
    this.office = await login(this.t.app, 'office');
    this.zhang = await login(this.t.app, 'zhang');
    this.li = await login(this.t.app, 'li');
  }

  unitId(u: Unit) {
    return this.t.world.units[u].unit.id;
  }

  async suggestion(
    title: string,
    units: [Unit, string][],
    mode: string,
    opts: { categoryCode?: string; cosignWithLi?: boolean } = {},
  ) {
    const draft = await this.zhang.post('/api/suggestions', {
      title,
      body: '建议内容。',
      categoryCode: opts.categoryCode ?? 'transport',
      ...(opts.cosignWithLi ? { cosignerDeputyIds: [this.t.world.deputies.li.deputy.id] } : {}),
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    if (opts.cosignWithLi) {
      expect((await this.li.post(`/api/suggestions/${draft.body.id}/cosign`, { accept: true })).status).toBe(200);
    }
    const s = (await this.zhang.post(`/api/suggestions/${draft.body.id}/submit`, {})).body;
    const r = await this.office.post(`/api/suggestions/${s.id}/register`, { version: s.version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const a = await this.office.post('/api/suggestions/assign', {
      items: [
        {
          suggestionId: r.body.id,
          version: r.body.version,
          mode,
          units: units.map(([u, role]) => ({ unitId: this.unitId(u), role })),
        },
      ],
    });
    expect(a.body.assigned, JSON.stringify(a.body)).toBe(1);
    return r.body.id as number;
  }

  /** The unit's reply through its chain; the id of the sent letter. */
  async reply(id: number, unit: Unit, classCode: string, acknowledge = true): Promise<number> {
    const { handler, chain } = this.units[unit];
    if (acknowledge) await this.acknowledge(id, unit);
    const s = await replyThroughChain(handler, chain, id, {
      classCode,
      body: '您提出的建议收悉。经研究，现答复如下：……',
      handlerName: '刘洋',
      handlerPhone: '0731-88889999',
      ...promiseFor(classCode),
    });
    const unitId = this.unitId(unit);
    return s.replies.filter((r: { state: string; unitId: number }) => r.state === 'sent' && r.unitId === unitId).at(-1)
      .id;
  }

  async rate(deputy: Client, id: number, replyId: number, attitude: string, result: string) {
    const comment = attitude === 'unsatisfied' || result === 'unsatisfied' ? '问题没有解决' : '';
    const res = await deputy.post(`/api/suggestions/${id}/ratings`, { replyId, attitude, result, comment });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  /** 签收, planning the reply a month on (the plan must fall before the due date). */
  async acknowledge(id: number, unit: Unit) {
    const plannedReplyOn = addCalendarDays(chinaToday(this.t.clock.now()), 30);
    const res = await this.units[unit].handler.post(`/api/suggestions/${id}/acknowledge`, {
      ...acknowledgement,
      plannedReplyOn,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  async coOpinion(id: number, unit: Unit) {
    const { handler } = this.units[unit];
    await this.acknowledge(id, unit);
    const res = await handler.post(`/api/suggestions/${id}/opinions`, { body: '会办意见：同意主办单位意见。' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
}

/**
 * 2025 (省十三届人大二次会议, opened 10 January 2025): two suggestions, both replied within
 * the month (A1 rated 很满意/满意, B1 unrated). Then 2026's session is current again.
 */
export async function buildYearBefore(t: TestContext, w: FiguresWorld) {
  const current = t.world.session;
  const before = await createSession(t.db, {
    congressId: t.world.province.id,
    termOrdinal: 13,
    sessionOrdinal: 2,
    opensOn: '2025-01-10',
    closesOn: '2025-01-20',
    submissionClosesAt: new Date('2025-01-18T10:00:00Z'),
  });
  await w.at('2025-01-12T02:00:00Z');
  const p1 = await w.suggestion('关于改善农村客运条件的建议', [['transport', 'sole']], 'sole');
  const p2 = await w.suggestion('关于加强职业教育的建议', [['education', 'sole']], 'sole');
  await w.at('2025-01-20T02:00:00Z');
  await w.rate(w.zhang, p1, await w.reply(p1, 'transport', 'A1'), 'very_satisfied', 'satisfied');
  await w.reply(p2, 'education', 'B1');
  await t.db.updateTable('congress_session').set({ is_current: false }).where('id', '=', before.id).execute();
  await t.db.updateTable('congress_session').set({ is_current: true }).where('id', '=', current.id).execute();
  return before;
}

/** 2026 as the test's comments count it; the clock ends on 10 February 2026. */
export async function buildYear(t: TestContext, w: FiguresWorld) {
  await w.at('2026-01-12T02:00:00Z');
  const s = {
    sole: await w.suggestion('关于加快农村公路提质改造的建议', [['transport', 'sole']], 'sole'),
    joint: await w.suggestion('关于建设乡村学校食堂的建议', [['education', 'sole']], 'sole', {
      categoryCode: 'education',
      cosignWithLi: true,
    }),
    separate: await w.suggestion(
      '关于支持县域经济发展的建议',
      [
        ['development', 'separate'],
        ['federation', 'separate'],
      ],
      'separate',
    ),
    twice: await w.suggestion('关于整治货车超限超载的建议', [['transport', 'sole']], 'sole'),
    still: await w.suggestion('关于改善乡村学校宿舍的建议', [['education', 'sole']], 'sole', {
      categoryCode: 'education',
    }),
    leadCo: await w.suggestion(
      '关于建设综合交通枢纽的建议',
      [
        ['transport', 'lead'],
        ['development', 'co'],
      ],
      'lead_co',
    ),
    open: await w.suggestion('关于保障职工权益的建议', [['federation', 'sole']], 'sole'),
  };
  await w.at('2026-01-20T02:00:00Z');
  await w.rate(w.zhang, s.sole, await w.reply(s.sole, 'transport', 'A1'), 'very_satisfied', 'very_satisfied');
  const joint = await w.reply(s.joint, 'education', 'A3');
  await w.rate(w.li, s.joint, joint, 'satisfied', 'satisfied');
  await w.rate(w.zhang, s.joint, joint, 'satisfied', 'basically_satisfied');
  await w.rate(w.zhang, s.separate, await w.reply(s.separate, 'development', 'A1'), 'very_satisfied', 'satisfied');
  await w.rate(w.zhang, s.separate, await w.reply(s.separate, 'federation', 'C1'), 'satisfied', 'basically_satisfied');
  await w.rate(w.zhang, s.twice, await w.reply(s.twice, 'transport', 'C2'), 'unsatisfied', 'unsatisfied');
  await w.rate(w.zhang, s.still, await w.reply(s.still, 'education', 'C2'), 'basically_satisfied', 'unsatisfied');
  await w.coOpinion(s.leadCo, 'development');
  await w.reply(s.leadCo, 'transport', 'B1');

  await w.at('2026-02-01T02:00:00Z');
  const between = {
    replied: await w.suggestion('关于闭会期间加强路政执法的建议', [['transport', 'sole']], 'sole'),
    open: await w.suggestion('关于闭会期间完善公交线路的建议', [['transport', 'sole']], 'sole'),
  };
  await w.reply(between.replied, 'transport', 'A1');
  await w.rate(w.zhang, s.twice, await w.reply(s.twice, 'transport', 'C1', false), 'satisfied', 'unsatisfied');

  await w.at('2026-02-10T02:00:00Z');
  await w.rate(w.zhang, s.twice, await w.reply(s.twice, 'transport', 'A1', false), 'basically_satisfied', 'satisfied');
  return { ...s, between };
}

// The dataset of figures.dataset.ts, counted by hand in the comments there and here.
