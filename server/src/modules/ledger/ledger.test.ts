import { describe, expect, it } from 'vitest';
import { createSession } from '../../db/seeds/fixtures.js';
import { acknowledgement, assigned, replyThroughChain } from '../../test/flows.js';
import { login, useTestApp, type TestContext } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';
import {
  fulfilmentGround,
  mayFirePromise,
  promiseAbilities,
  promiseGuards,
  type PromiseFacts,
  promiseStatuses,
  promiseTransitions,
  type PromiseAction,
  type PromiseActor,
} from './ledger.workflow.js';

const b1 = {
  classCode: 'B1',
  body: '您提出的建议收悉。经研究，现答复如下：已列入三年计划。',
  handlerName: '周敏',
  handlerPhone: '0731-8888',
  promise: { doneText: '已完成规划', plannedText: '2028年底前建成', notDoneReason: '' },
};

/** A B1 reply sent by the education department: its promise on the ledger. */
async function promiseOnLedger(t: TestContext, title: string) {
  const office = await login(t.app, 'office');
  const zhang = await login(t.app, 'zhang');
  const handler = await login(t.app, 'education_handler');
  const id = await assigned(zhang, office, [{ unitId: t.world.units.education.unit.id, role: 'sole' }], 'sole', title);
  expect((await handler.post(`/api/suggestions/${id}/acknowledge`, acknowledgement)).status).toBe(200);
  await replyThroughChain(handler, [await login(t.app, 'education_signer')], id, b1);
  const promise = (await office.get('/api/promises?pageSize=200')).body.items.find(
    (p: { suggestionId: number }) => p.suggestionId === id,
  );
  return { id, promiseId: promise.id as number, office, zhang, handler };
}

describe('the ledger workflow table', () => {
  const actors: PromiseActor[] = ['own_unit_handler', 'lead_deputy', 'deputy', 'liaison_office'];
  const expected: Record<PromiseAction, PromiseActor[]> = {
    reportProgress: ['own_unit_handler'],
    assessProgress: ['lead_deputy', 'deputy'],
    requestFulfilment: ['own_unit_handler'],
    answerFulfilment: ['lead_deputy'],
    fulfil: ['liaison_office'],
    focus: ['liaison_office'],
  };
  for (const action of Object.keys(promiseTransitions) as PromiseAction[]) {
    it(`${action}: only on an open promise, only for ${expected[action].join('/')}`, () => {
      for (const status of promiseStatuses) {
        for (const actor of actors) {
          expect(mayFirePromise(action, status, [actor]), `${action} ${status} ${actor}`).toBe(
            status === 'open' && expected[action].includes(actor),
          );
        }
      }
    });
  }

  it.each([
    [{ deputyVerdict: 'accepted', verdictDue: '2026-05-01' }, '2026-04-01', 'deputy_accepted'],
    [{ deputyVerdict: 'disputed', verdictDue: '2026-05-01' }, '2026-04-01', 'office_ruling'],
    [{ deputyVerdict: null, verdictDue: '2026-05-01' }, '2026-05-01', null],
    [{ deputyVerdict: null, verdictDue: '2026-05-01' }, '2026-05-02', 'office_ruling'],
    [{ deputyVerdict: null, verdictDue: null }, '2030-01-01', null],
  ] as const)('销号 on %j on %s: %s', (promise, today, ground) => {
    expect(fulfilmentGround(promise, today)).toBe(ground);
  });
});

describe('the ledger guards: what each action needs of the promise itself', () => {
  const open: PromiseFacts = {
    status: 'open',
    fulfilmentRequestedAt: null,
    deputyVerdict: null,
    verdictDue: null,
    focused: false,
  };
  const asked = { ...open, fulfilmentRequestedAt: new Date('2026-04-01T02:00:00Z'), verdictDue: '2026-05-01' };
  const today = '2026-04-10';
  it.each([
    ['not asked yet', open, { requestFulfilment: true, answerFulfilment: false, fulfil: false }],
    ['asked, the deputy not answered', asked, { requestFulfilment: false, answerFulfilment: true, fulfil: false }],
    [
      'asked, the deputy accepted',
      { ...asked, deputyVerdict: 'accepted' as const },
      { requestFulfilment: false, answerFulfilment: false, fulfil: true },
    ],
    [
      'asked, the deputy disagreed',
      { ...asked, deputyVerdict: 'disputed' as const },
      { requestFulfilment: true, answerFulfilment: false, fulfil: true },
    ],
  ])('%s', (_, facts, expected) => {
    expect(promiseGuards.requestFulfilment(facts, today)).toBe(expected.requestFulfilment);
    expect(promiseGuards.answerFulfilment(facts, today)).toBe(expected.answerFulfilment);
    expect(promiseGuards.fulfil(facts, today)).toBe(expected.fulfil);
  });

  it('offers a co-signing deputy no answer to 销号, and the lead deputy one only once asked', () => {
    expect(promiseAbilities(asked, ['deputy'], today).answerFulfilment).toBe(false);
    expect(promiseAbilities(asked, ['lead_deputy', 'deputy'], today).answerFulfilment).toBe(true);
    expect(promiseAbilities(open, ['lead_deputy', 'deputy'], today).answerFulfilment).toBe(false);
    expect(promiseAbilities({ ...open, focused: true }, ['liaison_office'], today).focus).toBe(false);
    expect(promiseAbilities({ ...asked, status: 'fulfilled' }, ['liaison_office'], today).fulfil).toBe(null);
  });
});

describe.each(backends)('the promise ledger through HTTP (%s)', (backend) => {
  const t = useTestApp(backend);

  it('refuses the deputy an answer to 销号 the unit has not asked for, and the unit a second request while one waits', async () => {
    const { promiseId, zhang, handler } = await promiseOnLedger(t, '关于改善县域学前教育条件的建议');
    const early = await zhang.post(`/api/promises/${promiseId}/fulfilment-answer`, { accept: true, comment: '' });
    expect(early.status).toBe(409);
    expect(early.body.message).toBe('承办单位尚未申请销号，暂无需确认');
    const before = (await zhang.get('/api/promises')).body.items.find((p: { id: number }) => p.id === promiseId);
    expect(before.abilities).toMatchObject({ answerFulfilment: false, assessProgress: true, requestFulfilment: false });
    expect((await handler.post(`/api/promises/${promiseId}/fulfilment-request`, { note: '已建成' })).status).toBe(200);
    const again = await handler.post(`/api/promises/${promiseId}/fulfilment-request`, { note: '再次申请' });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('已申请销号，请等待代表确认');
    const asked = (await zhang.get('/api/promises')).body.items.find((p: { id: number }) => p.id === promiseId);
    expect(asked.abilities.answerFulfilment).toBe(true);
    expect(
      (await zhang.post(`/api/promises/${promiseId}/fulfilment-answer`, { accept: true, comment: '' })).status,
    ).toBe(200);
    const twice = await zhang.post(`/api/promises/${promiseId}/fulfilment-answer`, {
      accept: false,
      comment: '改主意',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('已就本次销号申请表态');
  });

  it('lets the deputy assess each report, and the office rule with a reason only after a dispute', async () => {
    const { promiseId, office, zhang, handler } = await promiseOnLedger(t, '关于建设县域职业教育中心的建议');
    const progress = await handler.post(`/api/promises/${promiseId}/progress`, { progress: '已完成选址' });
    expect(progress.status).toBe(201);
    const mine = (await zhang.get('/api/promises')).body.items.find((p: { id: number }) => p.id === promiseId);
    expect(mine.progress).toEqual([expect.objectContaining({ progress: '已完成选址', deputySatisfied: null })]);
    expect(
      (await zhang.post(`/api/promises/${promiseId}/progress/${mine.progress[0].id}/assessment`, { satisfied: false }))
        .status,
    ).toBe(400);
    expect(
      (
        await zhang.post(`/api/promises/${promiseId}/progress/${mine.progress[0].id}/assessment`, {
          satisfied: false,
          comment: '进度偏慢',
        })
      ).status,
    ).toBe(200);
    expect(
      (await handler.post(`/api/promises/${promiseId}/progress/${mine.progress[0].id}/assessment`, { satisfied: true }))
        .status,
    ).toBe(403);

    expect((await handler.post(`/api/promises/${promiseId}/fulfilment-request`, { note: '已建成' })).status).toBe(200);
    expect((await zhang.post(`/api/promises/${promiseId}/fulfilment-answer`, { accept: false })).status).toBe(400);
    expect(
      (await zhang.post(`/api/promises/${promiseId}/fulfilment-answer`, { accept: false, comment: '尚未招生' })).status,
    ).toBe(200);
    const noReason = await office.post(`/api/promises/${promiseId}/fulfil`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('须说明理由');
    expect((await office.post(`/api/promises/${promiseId}/fulfil`, { note: '经实地核查已建成投用' })).status).toBe(200);
    const done = (await zhang.get('/api/promises?status=fulfilled')).body.items.find(
      (p: { id: number }) => p.id === promiseId,
    );
    expect(done).toMatchObject({
      fulfilledHow: 'office_ruling',
      deputyVerdict: 'disputed',
      fulfilNote: '经实地核查已建成投用',
    });
    expect((await handler.post(`/api/promises/${promiseId}/progress`, { progress: '又有进展' })).status).toBe(409);
  });

  it('lets the office rule once the deputy let the feedback window pass', async () => {
    const { promiseId, office, handler } = await promiseOnLedger(t, '关于改善县城学校大班额问题的建议');
    expect((await handler.post(`/api/promises/${promiseId}/fulfilment-request`, { note: '已完成' })).status).toBe(200);
    const waiting = await office.post(`/api/promises/${promiseId}/fulfil`, { note: '予以销号' });
    expect(waiting.status).toBe(409);
    expect(waiting.body.message).toMatch(/^代表可在\d{4}年\d{1,2}月\d{1,2}日前确认是否同意销号/);
    t.clock.advanceDays(40);
    expect(
      (await office.post(`/api/promises/${promiseId}/fulfil`, { note: '代表逾期未确认，经核查予以销号' })).status,
    ).toBe(200);
  });

  it('回头看: lists past sessions’ open promises, picks one for focused supervision, and re-assigns it with the new session', async () => {
    const { id, promiseId, office, zhang } = await promiseOnLedger(t, '关于加强乡村幼儿园建设的建议');
    const oldSession = t.world.session.id;
    const before = (await office.get(`/api/figures/overview?sessionId=${oldSession}`)).body;
    const next = await createSession(t.db, {
      congressId: t.world.province.id,
      termOrdinal: 13,
      sessionOrdinal: 4,
      opensOn: '2027-01-10',
      closesOn: '2027-01-20',
      submissionClosesAt: new Date('2027-01-18T10:00:00Z'),
    });
    const past = (await office.get(`/api/promises?beforeSessionId=${next.id}&status=open&pageSize=200`)).body.items.map(
      (p: { id: number }) => p.id,
    );
    expect(past).toContain(promiseId);
    expect((await office.get(`/api/promises?sessionId=${next.id}`)).body.total).toBe(0);
    expect((await office.post(`/api/promises/${promiseId}/focus`, { note: '列入2027年回头看重点督办' })).status).toBe(
      200,
    );
    expect((await office.get('/api/promises?focused=true')).body.items.map((p: { id: number }) => p.id)).toEqual([
      promiseId,
    ]);
    expect((await zhang.post(`/api/promises/${promiseId}/focus`, { note: 'x' })).status).toBe(403);

    const continued = await office.post(`/api/suggestions/${id}/continuation`, { sessionId: next.id });
    expect(continued.status, JSON.stringify(continued.body)).toBe(201);
    expect(continued.body).toMatchObject({
      status: 'registered',
      sessionId: next.id,
      numberLabel: '第1号',
      continuesSuggestionId: id,
    });
    expect((await office.post(`/api/suggestions/${id}/continuation`, { sessionId: next.id })).status).toBe(409);
    expect((await office.post(`/api/suggestions/${id}/continuation`, { sessionId: oldSession })).status).toBe(400);
    // The re-assigned one is handled like a new one, and the deputy sees it.
    const assign = await office.post('/api/suggestions/assign', {
      items: [
        {
          suggestionId: continued.body.id,
          mode: 'sole',
          units: [{ unitId: t.world.units.education.unit.id, role: 'sole' }],
        },
      ],
    });
    expect(assign.status).toBe(200);
    expect((await zhang.get(`/api/suggestions/${continued.body.id}`)).body).toMatchObject({
      status: 'assigned',
      continuesSuggestionId: id,
    });
    // It counts in the new session as re-assigned; last year's figures keep it as it was.
    expect((await office.get(`/api/figures/overview?sessionId=${next.id}`)).body.received).toMatchObject({
      inSession: 0,
      registered: 1,
      continuedFromEarlier: 1,
    });
    // The promise goes on with the new suggestion: the old one leaves the ledger.
    expect((await office.get('/api/promises?status=superseded')).body.items.map((p: { id: number }) => p.id)).toContain(
      promiseId,
    );
    expect((await office.get(`/api/figures/overview?sessionId=${oldSession}`)).body.received).toEqual(before.received);
  });
});
