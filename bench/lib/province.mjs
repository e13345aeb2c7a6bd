// Ten years of a province, for the benchmarks that need history (figures, and later text):
// one congress with a session a year, 800 deputies in 10 delegations, 100 handling units in
// 3 systems, and per year `perYear` registered suggestions (nine in ten in session) with
// their units' parts (one in five lead and co-handled), replies, the lead deputies'
// ratings (one in twenty 不满意, then re-handled and replied again), and their events in
// the audit log. Every row goes in through SQL in a few statements per year, stamped in the
// past (nothing after now): the current year is part-way through its handling.
//
// The base (congress, accounts, units) is the session-peak population
// (server/src/db/seeds/bench.ts); `dist` holds the built server's modules.

const topics = [
  '城乡公交线路',
  '农村饮水安全',
  '中小学课后服务',
  '社区养老服务',
  '老旧小区改造',
  '基层医疗卫生',
  '农田水利设施',
  '职业技能培训',
  '河道生态治理',
  '乡村道路养护',
  '义务教育均衡发展',
  '县域医共体建设',
  '农产品冷链物流',
  '城市停车设施',
  '生活垃圾分类',
  '高标准农田建设',
];
const reasons = [
  '群众反映强烈，问题长期得不到解决',
  '现有政策落实不到位，基层执行存在偏差',
  '资金投入不足，建设标准偏低',
  '部门之间职责不清，协调机制不健全',
  '监管力量薄弱，日常管护缺位',
];
const asks = [
  '建议省政府统筹安排专项资金，加大投入力度',
  '建议相关部门尽快出台实施细则，明确责任分工',
  '建议建立长效管护机制，纳入年度绩效考核',
  '建议加强调查研究，分类推进，逐步解决',
  '建议完善考核办法，强化督促检查',
];

const classCodes = ['A1', 'A1', 'A1', 'A2', 'A2', 'A3', 'B1', 'B1', 'B2', 'C1', 'C2', 'C3'];

/** A value of 0..m-1 drawn from id and salt, the same on every run. */
const draw = (id, salt, m) => `mod(abs(hashint8((${id})::bigint * 7919 + ${salt})), ${m})`;

function sqlArray(values) {
  return `array[${values.map((v) => `'${v}'`).join(',')}]`;
}

/**
 * Fills a migrated, empty database through `db`, which must hold one connection: its rows
 * are written as a replica (no foreign-key checks, no unit-list stamps: the generator writes
 * consistent rows into a database nobody reads yet); the figures' stale marks still fire.
 * Answers the congress, its sessions (oldest first) and the
 * seconds each step took.
 */
export async function generateProvince(dist, db, { years = 10, perYear = 100_000, log = () => {} } = {}) {
  const q = (text) => dist.kysely.sql.raw(text).execute(db);
  const timings = {};
  const timed = async (name, fn) => {
    const t0 = performance.now();
    const out = await fn();
    timings[name] = (timings[name] ?? 0) + (performance.now() - t0) / 1000;
    return out;
  };

  const accounts = await timed('base', () =>
    dist.seed.seedBench(db, { deputies: 800, units: 100, assignedSuggestions: 0, prefix: 'prov' }),
  );
  const congressId = accounts.congressId;
  await q(`set session_replication_role = replica`);
  const thisYear = new Date().getUTCFullYear();
  const firstYear = thisYear - years + 1;

  // One session a year, opening on 15 January; the seeded one becomes this year's.
  await q(`update congress_session set opens_on = '${thisYear}-01-15', closes_on = '${thisYear}-01-20',
    submission_closes_at = '${thisYear}-01-19T10:00:00+08:00' where id = ${accounts.sessionId}`);
  const sessions = [];
  for (let year = firstYear; year < thisYear; year++) {
    const term = (
      await q(
        `insert into term (congress_id, ordinal, starts_on) values (${congressId}, ${100 + year - firstYear}, '${year}-01-15') returning id`,
      )
    ).rows[0].id;
    const s =
      await q(`insert into congress_session (congress_id, term_id, ordinal, opens_on, closes_on, submission_closes_at, is_current)
      values (${congressId}, ${term}, 1, '${year}-01-15', '${year}-01-20', '${year}-01-19T10:00:00+08:00', false) returning id`);
    sessions.push({ id: s.rows[0].id, year });
  }
  sessions.push({ id: accounts.sessionId, year: thisYear });
  await q(`update deputy set delegation_id = d.id from (
      select id, row_number() over (order by id) - 1 as k, count(*) over () as n from delegation where congress_id = ${congressId}
    ) d where deputy.congress_id = ${congressId} and mod(deputy.id, d.n) = d.k`);

  const inSession = Math.round(perYear * 0.9);
  for (const { id: sessionId, year } of sessions) {
    log(`  ${year}: ${perYear.toLocaleString('en')} suggestions with their parts, replies, ratings and events`);
    const opens = `'${year}-01-15T09:00:00+08:00'::timestamptz`;
    await timed('suggestions', () =>
      q(`
      insert into suggestion (congress_id, session_id, period, number, title, body, category_code, lead_deputy_id,
        delegation_id, may_disclose, disclosure, status, mode, is_key, submitted_at, registered_at, assigned_on,
        version, created_at, updated_at)
      select ${congressId}, ${sessionId}, x.period, x.number,
        '关于' || (${sqlArray(topics)})[1 + ${draw('n', 1, topics.length)}] || '的建议（' || n || '）',
        '当前' || (${sqlArray(topics)})[1 + ${draw('n', 1, topics.length)}] || '工作' ||
          (${sqlArray(reasons)})[1 + ${draw('n', 2, reasons.length)}] || '。' ||
          (${sqlArray(asks)})[1 + ${draw('n', 3, asks.length)}] || '；' ||
          (${sqlArray(asks)})[1 + ${draw('n', 4, asks.length)}] || '。',
        (array['econ','city','edu','health','agri','env'])[1 + ${draw('n', 5, 6)}],
        d.ids[1 + ${draw('n', 10, 800)}], d.delegations[1 + ${draw('n', 10, 800)}], true, case when ${draw('n', 6, 10)} < 7 then 'published' else 'undecided' end,
        'assigned', case when ${draw('n', 7, 5)} = 0 then 'lead_co' else 'sole' end, ${draw('n', 8, 100)} = 0,
        x.registered - interval '1 day', x.registered, (x.registered at time zone 'Asia/Shanghai')::date + 10,
        4, x.registered - interval '1 day', x.registered
      from generate_series(1, ${perYear}) n
      cross join lateral (select
        case when n <= ${inSession} then 'in_session' else 'between_sessions' end as period,
        case when n <= ${inSession} then n else n - ${inSession} end as number,
        least(now() - interval '20 days', case when n <= ${inSession}
          then ${opens} + make_interval(hours => ${draw('n', 9, 120)})
          else ${opens} + make_interval(days => 30 + ${draw('n', 9, 300)}) end) as registered) x
      cross join (select array_agg(id order by id) as ids, array_agg(delegation_id order by id) as delegations
        from deputy where congress_id = ${congressId}) d`),
    );
    // Each suggestion's plan: its units and the days of its replies and ratings.
    await timed('plan', async () => {
      await q(`drop table if exists province_plan`);
      await q(`
        create unlogged table province_plan as
        select s.id, s.assigned_on, s.mode, u.ids[1 + ${draw('s.id', 11, 100)}] as lead_unit,
          u.ids[1 + mod(${draw('s.id', 11, 100)} + 1 + ${draw('s.id', 12, 99)}, 100)] as co_unit,
          (s.assigned_on + 30 + ${draw('s.id', 13, 75)})::timestamp at time zone 'Asia/Shanghai' + interval '10 hours' as sent1,
          ${draw('s.id', 14, 100)} as fate,
          (${sqlArray(classCodes)})[1 + ${draw('s.id', 15, classCodes.length)}] as class1,
          ${draw('s.id', 16, 3)} as attitude_draw, ${draw('s.id', 17, 3)} as result_draw
        from suggestion s cross join (select array_agg(id order by id) as ids from handling_unit where congress_id = ${congressId}) u
        where s.session_id = ${sessionId}`);
      await q(
        `alter table province_plan add column rated1 timestamptz, add column sent2 timestamptz, add column rated2 timestamptz`,
      );
      await q(`update province_plan set rated1 = sent1 + make_interval(days => 5 + mod(id, 25)),
        sent2 = sent1 + make_interval(days => 50 + mod(id, 30)), rated2 = sent1 + make_interval(days => 70 + mod(id, 30))`);
    });
    await timed('parts', () =>
      q(`
      insert into assignment (congress_id, suggestion_id, unit_id, role, state, assigned_on, reply_due, reply_due_latest,
        reply_due_rule, opinion_due, reassignment_window_until, reassignment_window_own, acknowledged_at, opinion_sent_at,
        opinion_on_time, replied_at, replied_on_time, version)
      select ${congressId}, p.id, r.unit_id, r.role,
        case when r.role = 'co' then case when p.sent1 < now() then 'opinion_sent' else 'handling' end
          when p.sent1 < now() then 'replied' else 'handling' end,
        p.assigned_on, p.assigned_on + 91, p.assigned_on + 91, 'three_months',
        case when r.role = 'co' then p.assigned_on + 30 end, p.assigned_on + 10, p.assigned_on + 10,
        p.assigned_on::timestamp at time zone 'Asia/Shanghai' + interval '1 day',
        case when r.role = 'co' and p.sent1 < now() then p.sent1 - interval '20 days' end,
        case when r.role = 'co' and p.sent1 < now() then true end,
        case when r.role <> 'co' and p.sent1 < now() then p.sent1 end,
        case when r.role <> 'co' and p.sent1 < now() then p.fate < 95 end, 3
      from province_plan p
      cross join lateral (values (p.lead_unit, case when p.mode = 'lead_co' then 'lead' else 'sole' end),
        (case when p.mode = 'lead_co' then p.co_unit end, 'co')) r(unit_id, role)
      where r.unit_id is not null`),
    );
    const replies = (round, sentColumn, classColumn, extra) => `
      insert into reply (congress_id, suggestion_id, assignment_id, unit_id, round, state, class_code, doc_number, body,
        handler_name, handler_phone, signed_at, sent_at, on_time, drafted_by, feedback_due, class_table_version)
      select ${congressId}, p.id, a.id, a.unit_id, ${round}, 'sent', ${classColumn},
        '测交建议复〔${year}〕' || a.id || '号', '关于第' || s.number || '号建议的答复：经研究，现答复如下。',
        '经办人', '0731-8888' || lpad(mod(a.id, 10000)::text, 4, '0'), p.${sentColumn}, p.${sentColumn},
        ${round === 0 ? 'p.fate < 95' : 'true'}, h.user_id,
        (p.${sentColumn} at time zone 'Asia/Shanghai')::date + 30, 'v1'
      from province_plan p
      join suggestion s on s.id = p.id
      join assignment a on a.suggestion_id = p.id and a.role <> 'co'
      join lateral (select user_id from role_grant g where g.unit_id = a.unit_id and g.role = 'unit_handler' limit 1) h on true
      where p.${sentColumn} < now() ${extra}`;
    await timed('replies', async () => {
      await q(replies(0, 'sent1', 'p.class1', ''));
      await q(replies(1, 'sent2', "'A1'", 'and p.fate >= 95 and p.rated1 < now()'));
    });
    const ratings = (round, ratedColumn, unsatisfied) => `
      insert into rating (congress_id, suggestion_id, reply_id, deputy_id, is_lead_deputy, attitude, result, rated_at)
      select ${congressId}, p.id, r.id, s.lead_deputy_id, true,
        ${unsatisfied ? "'unsatisfied'" : "(array['very_satisfied','satisfied','basically_satisfied'])[1 + p.attitude_draw]"},
        ${unsatisfied ? "'basically_satisfied'" : "(array['very_satisfied','satisfied','basically_satisfied'])[1 + p.result_draw]"},
        p.${ratedColumn}
      from province_plan p
      join suggestion s on s.id = p.id
      join reply r on r.suggestion_id = p.id and r.round = ${round}
      where p.${ratedColumn} < now() and ${round === 0 ? (unsatisfied ? 'p.fate >= 95' : 'p.fate < 90') : 'true'}`;
    await timed('ratings', async () => {
      await q(ratings(0, 'rated1', false));
      await q(ratings(0, 'rated1', true));
      await q(ratings(1, 'rated2', false));
    });
    await timed('states', async () => {
      await q(`update suggestion s set status = x.status, closed_at = x.closed_at, close_kind = x.close_kind,
          rehandling_round = x.round
        from (select p.id,
          case when p.rated2 < now() and p.fate >= 95 then 'closed'
            when p.fate >= 95 and p.rated1 < now() then case when p.sent2 < now() then 'replied' else 'rehandling' end
            when p.rated1 < now() and p.fate < 90 then 'closed'
            when p.sent1 < now() then 'replied' else 'assigned' end as status,
          case when p.rated2 < now() and p.fate >= 95 then p.rated2 when p.rated1 < now() and p.fate < 90 then p.rated1 end as closed_at,
          case when (p.rated2 < now() and p.fate >= 95) or (p.rated1 < now() and p.fate < 90) then 'rated' end as close_kind,
          case when p.fate >= 95 and p.rated1 < now() then 1 else 0 end as round
          from province_plan p) x
        where s.id = x.id`);
    });
    await timed('events', () =>
      q(`
      insert into audit_event (congress_id, actor_user_id, actor_role, at, action, entity_type, entity_id, suggestion_id, after_state)
      select ${congressId}, null, null, e.at, e.action, 'suggestion', p.id, p.id, '{}'::jsonb
      from province_plan p join suggestion s on s.id = p.id
      cross join lateral (values (s.submitted_at, 'suggestion.submitted'), (s.registered_at, 'suggestion.registered'),
        (s.assigned_on::timestamp at time zone 'Asia/Shanghai', 'suggestion.assigned'), (p.sent1, 'reply.sent'),
        (p.rated1, 'rating.given')) e(at, action)
      where e.at < now()`),
    );
  }
  await q(`drop table if exists province_plan`);
  await q(`set session_replication_role = default`);
  return { congressId, sessions, timings, accounts };
}
