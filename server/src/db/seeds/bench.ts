import type { AssignmentState } from '../../modules/suggestion/suggestion.workflow.js';
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db.js';
import { addCalendarDays, chinaToday } from '../../modules/deadline/deadline.workflow.js';
import { loadDeadlineContext } from '../../modules/handling-rules/handling-rules.repository.js';
import { assignmentDeadlines } from '../../modules/suggestion/assignment.deadlines.js';
import { cachedHash, createCategory, createCongress, createSession } from './fixtures.js';

// The population of the session-peak benchmark (bench/session-peak.mjs) and of the crash
// test: one congress in session, many deputy accounts, handling units with their staff and
// suggestions already assigned to them, so that unit lists read real rows. Bulk inserts
// with one password hash: a thousand accounts take a second, not a thousand hashes.

export interface BenchSeedOptions {
  /** Deputy accounts, each with a login. */
  deputies?: number;
  /** Handling units, each with a handler, a reviewer and a signer account. */
  units?: number;
  /** Suggestions registered and assigned to units (one in five lead + co). */
  assignedSuggestions?: number;
  /** The one password of every account. */
  password?: string;
  /** Prefix of every username, so two seeds never collide. */
  prefix?: string;
}

export interface BenchAccounts {
  congressId: number;
  sessionId: number;
  password: string;
  categoryCodes: string[];
  office: { username: string };
  deputies: { username: string; deputyId: number }[];
  unitStaff: { username: string; unitId: number; role: 'unit_handler' | 'unit_reviewer' | 'unit_signer' }[];
  /** Ids of the seeded assigned suggestions with the units that hold them. */
  assigned: { suggestionId: number; unitIds: number[] }[];
}

const CHUNK = 500;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

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
];
const categories: [string, string][] = [
  ['econ', '经济发展'],
  ['city', '城乡建设'],
  ['edu', '教育科技'],
  ['health', '医疗卫生'],
  ['agri', '农业农村'],
  ['env', '生态环境'],
];

export async function seedBench(db: Db, options: BenchSeedOptions = {}): Promise<BenchAccounts> {
  const deputyCount = options.deputies ?? 1000;
  const unitCount = options.units ?? 40;
  const suggestionCount = unitCount > 0 ? (options.assignedSuggestions ?? 4000) : 0;
  const password = options.password ?? 'Bench2026pass';
  const prefix = options.prefix ?? 'bench';
  const passwordHash = await cachedHash(password);
  return db
    .transaction()
    .execute((tx) => seed(tx, { deputyCount, unitCount, suggestionCount, password, prefix, passwordHash }));
}

async function seed(
  tx: Tx,
  o: {
    deputyCount: number;
    unitCount: number;
    suggestionCount: number;
    password: string;
    prefix: string;
    passwordHash: string;
  },
): Promise<BenchAccounts> {
  const now = new Date();
  const today = chinaToday(now);
  const congress = await createCongress(tx, {
    name: `压力测试市人民代表大会（${o.prefix}）`,
    shortName: '测试市',
    level: 'city',
    docPrefix: '测',
  });
  const session = await createSession(tx, {
    congressId: congress.id,
    termOrdinal: 1,
    sessionOrdinal: 1,
    opensOn: addCalendarDays(today, -3),
    closesOn: addCalendarDays(today, 30),
    submissionClosesAt: new Date(now.getTime() + 365 * 86_400_000),
  });
  for (const [code, name] of categories) await createCategory(tx, congress.id, code, name);

  const delegations = await tx
    .insertInto('delegation')
    .values(Array.from({ length: 10 }, (_, i) => ({ congress_id: congress.id, name: `第${i + 1}代表团` })))
    .returning('id')
    .execute();

  // Accounts: one office, the deputies, three staff per unit.
  const office = { username: `${o.prefix}_office` };
  const deputyNames = Array.from({ length: o.deputyCount }, (_, i) => `${o.prefix}_d${pad(i + 1, 4)}`);
  const staffRoles = ['unit_handler', 'unit_reviewer', 'unit_signer'] as const;
  const staffNames: { username: string; unitIndex: number; role: (typeof staffRoles)[number] }[] = [];
  for (let u = 0; u < o.unitCount; u++) {
    for (const role of staffRoles)
      staffNames.push({ username: `${o.prefix}_u${pad(u + 1, 2)}_${role.replace('unit_', '')}`, unitIndex: u, role });
  }
  const userIds = new Map<string, number>();
  const allUsernames = [office.username, ...deputyNames, ...staffNames.map((s) => s.username)];
  await insertChunked(allUsernames, async (chunk) => {
    const rows = await tx
      .insertInto('app_user')
      .values(chunk.map((username) => ({ username, display_name: username, password_hash: o.passwordHash })))
      .returning(['id', 'username'])
      .execute();
    for (const r of rows) userIds.set(r.username, r.id);
  });
  const userId = (username: string) => userIds.get(username)!;

  await tx
    .insertInto('role_grant')
    .values({ user_id: userId(office.username), congress_id: congress.id, role: 'liaison_office' })
    .execute();

  const deputies: BenchAccounts['deputies'] = [];
  await insertChunked(deputyNames, async (chunk) => {
    const rows = await tx
      .insertInto('deputy')
      .values(
        chunk.map((username, i) => ({
          congress_id: congress.id,
          term_id: session.term_id,
          user_id: userId(username),
          name: `代表${username.slice(-4)}`,
          name_pinyin: username,
          delegation_id: delegations[i % delegations.length]!.id,
          deputy_group_id: null,
        })),
      )
      .returning(['id', 'user_id'])
      .execute();
    await tx
      .insertInto('role_grant')
      .values(
        rows.map((d) => ({ user_id: d.user_id!, congress_id: congress.id, role: 'deputy' as const, deputy_id: d.id })),
      )
      .execute();
    rows.forEach((d, i) => deputies.push({ username: chunk[i]!, deputyId: d.id }));
  });

  let unitIds: number[] = [];
  if (o.unitCount > 0) {
    const systems = await tx
      .insertInto('unit_system')
      .values(
        ['政府部门', '法院检察院', '人民团体'].map((name, i) => ({
          congress_id: congress.id,
          name,
          is_government: i === 0,
        })),
      )
      .returning('id')
      .execute();
    const units = await tx
      .insertInto('handling_unit')
      .values(
        Array.from({ length: o.unitCount }, (_, i) => ({
          congress_id: congress.id,
          unit_system_id: systems[i % 5 === 4 ? 1 + (i % 2) : 0]!.id,
          name: `测试市第${i + 1}承办单位`,
          short_name: `单位${i + 1}`,
          doc_prefix: `测${i + 1}`,
          review_chain: ['unit_reviewer', 'unit_signer'],
        })),
      )
      .returning('id')
      .execute();
    unitIds = units.map((u) => u.id);
  }
  const unitStaff: BenchAccounts['unitStaff'] = staffNames.map((s) => ({
    username: s.username,
    unitId: unitIds[s.unitIndex]!,
    role: s.role,
  }));
  await insertChunked(unitStaff, async (chunk) => {
    await tx
      .insertInto('role_grant')
      .values(
        chunk.map((s) => ({ user_id: userId(s.username), congress_id: congress.id, role: s.role, unit_id: s.unitId })),
      )
      .execute();
  });

  // Suggestions already registered and assigned: unit lists page through real rows.
  const assigned: BenchAccounts['assigned'] = [];
  if (o.suggestionCount > 0 && deputies.length > 0) {
    const deadlines = await loadDeadlineContext(tx, congress.id);
    const assignedOn = addCalendarDays(today, -2);
    const soleDue = assignmentDeadlines('sole', assignedOn, null, deadlines);
    const coDue = assignmentDeadlines('co', assignedOn, null, deadlines);
    const specs = Array.from({ length: o.suggestionCount }, (_, i) => {
      const lead = i % o.unitCount;
      const withCo = i % 5 === 0 && o.unitCount > 1;
      const topic = topics[i % topics.length]!;
      return {
        number: i + 1,
        deputy: deputies[(i * 7) % deputies.length]!,
        title: `关于加强${topic}工作的建议（${i + 1}）`,
        body: `${topic}关系群众切身利益。建议有关部门加大投入，完善制度，明确责任，定期向代表通报进展。`,
        category: categories[i % categories.length]![0],
        units: withCo
          ? [
              { unitId: unitIds[lead]!, role: 'lead' as const },
              { unitId: unitIds[(lead + 1) % o.unitCount]!, role: 'co' as const },
            ]
          : [{ unitId: unitIds[lead]!, role: 'sole' as const }],
        state: (i % 3 === 0 ? 'pending_ack' : 'handling') as AssignmentState,
      };
    });
    await insertChunked(specs, async (chunk) => {
      const rows = await tx
        .insertInto('suggestion')
        .values(
          chunk.map((s) => ({
            congress_id: congress.id,
            session_id: session.id,
            period: 'in_session' as const,
            number: s.number,
            title: s.title,
            body: s.body,
            category_code: s.category,
            lead_deputy_id: s.deputy.deputyId,
            delegation_id: null,
            deputy_group_id: null,
            status: 'assigned',
            mode: s.units.length > 1 ? ('lead_co' as const) : ('sole' as const),
            submitted_at: new Date(now.getTime() - 4 * 86_400_000),
            registered_at: new Date(now.getTime() - 3 * 86_400_000),
            assigned_on: assignedOn,
            search_tokens: sql<string>`to_tsvector('simple', ${s.title})`,
            version: 4,
          })),
        )
        .returning('id')
        .execute();
      const parts = chunk.flatMap((s, i) =>
        s.units.map((u) => ({
          congress_id: congress.id,
          suggestion_id: rows[i]!.id,
          unit_id: u.unitId,
          role: u.role,
          state: u.role === 'co' ? 'handling' : s.state,
          assigned_on: assignedOn,
          ...(u.role === 'co' ? coDue : soleDue),
        })),
      );
      await tx.insertInto('assignment').values(parts).execute();
      chunk.forEach((s, i) => assigned.push({ suggestionId: rows[i]!.id, unitIds: s.units.map((u) => u.unitId) }));
    });
    // The history a real suggestion carries into its timeline.
    await sql`
      insert into audit_event (congress_id, actor_user_id, actor_role, action, entity_type, entity_id, suggestion_id, after_state)
      select s.congress_id, d.user_id, 'deputy', a.action, 'suggestion', s.id, s.id, '{}'::jsonb
      from suggestion s
      join deputy d on d.id = s.lead_deputy_id
      cross join (values ('suggestion.created'), ('suggestion.submitted'), ('suggestion.registered'), ('suggestion.assigned')) as a(action)
      where s.congress_id = ${congress.id}
      order by s.id`.execute(tx);
  }

  return {
    congressId: congress.id,
    sessionId: session.id,
    password: o.password,
    categoryCodes: categories.map(([code]) => code),
    office,
    deputies,
    unitStaff,
    assigned,
  };
}
