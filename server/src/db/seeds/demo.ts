import { sql } from 'kysely';
import { buildWorkCalendar, defaultCalendarEntries } from '../../modules/deadline/work-calendar.js';
import { defaultHandlingRules } from '../../modules/handling-rules/handling-rules.workflow.js';
import type { Clock } from '../../platform/clock.js';
import type { Db, Tx } from '../../platform/db.js';
import type { PlanContext } from './demo/context.js';
import { chinaToday, Timeline } from './demo/dates.js';
import { seedCongress } from './demo/directory.js';
import { localCongresses } from './demo/local.js';
import { NameGenerator } from './demo/names.js';
import { demoNotices } from './demo/notices.js';
import { planSuggestions } from './demo/plan-suggestions.js';
import { addProvinceAccounts, provinceCounts, provinceSpec } from './demo/province.js';
import { Rng } from './demo/random.js';
import { stageLedger } from './demo/ledger-states.js';
import { provincePins } from './demo/showcase.js';
import type { CongressDirectory, SuggestionPlan } from './demo/types.js';
import { writePlans } from './demo/write.js';
import { insertRows } from './demo/bulk.js';
import { cachedHash } from './fixtures.js';

// The demonstration province loaded into an empty database at start-up: a Hunan-like
// province with its cities, counties and townships, ~300 deputies, ~40 units and ~1,500
// suggestions of the current session in every state, dated relative to today.

export const DEMO_PASSWORD = 'Lianxin2026';

export const demoAccounts: { username: string; role: string; description: string }[] = [
  {
    username: 'office',
    role: 'liaison_office',
    description: '省人大常委会联工委议案建议处（陈立新）：审核立案、交办、调整、督办、统计',
  },
  { username: 'gov', role: 'government_office', description: '省政府办公厅（王海涛）：交办和督促政府系统承办单位' },
  {
    username: 'deputy',
    role: 'deputy',
    description: '省人大代表刘建华（长沙代表团）：各种状态的建议都有，含待测评、退回修改和草稿',
  },
  {
    username: 'deputy2',
    role: 'deputy',
    description: '省人大代表谭秀英（株洲代表团）：联名了刘建华代表的建议，有一件待确认的联名邀请',
  },
  {
    username: 'handler',
    role: 'unit_handler',
    description: '省交通运输厅经办人周敏：签收、沟通、起草答复、会办意见、申请延期和调整',
  },
  { username: 'reviewer', role: 'unit_reviewer', description: '省交通运输厅处长李志强：审核本厅的答复' },
  { username: 'signer', role: 'unit_signer', description: '省交通运输厅厅领导彭国栋：签发本厅的答复' },
  {
    username: 'committee',
    role: 'committee',
    description: '省人大教育科学文化卫生委员会（曾晓红）：对口督办教育、卫生、科技、文化旅游类建议',
  },
  { username: 'leader', role: 'leader', description: '省人大常委会副主任易德明：查看全省建议办理情况和重点建议' },
  {
    username: 'multi',
    role: 'liaison_office',
    description: '黄丽：长沙市人大常委会联工委工作人员，同时是省人大代表，可切换角色',
  },
  { username: 'cs_office', role: 'liaison_office', description: '长沙市人大常委会联工委（罗文）：本市代表建议' },
  { username: 'zz_office', role: 'liaison_office', description: '株洲市人大常委会联工委（肖永红）：本市代表建议' },
  {
    username: 'ly_office',
    role: 'liaison_office',
    description: '浏阳市人大常委会联工委（汤志刚）：本市（县级）代表建议',
  },
  {
    username: 'll_office',
    role: 'liaison_office',
    description: '醴陵市人大常委会联工委（邓春燕）：本市（县级）代表建议',
  },
  {
    username: 'dy_office',
    role: 'liaison_office',
    description: '浏阳市大瑶镇人大主席团（钟德华）：乡镇人大，只有代表和会议，用于演示多级结构',
  },
  {
    username: 'btt_office',
    role: 'liaison_office',
    description: '醴陵市白兔潭镇人大主席团（易小燕）：乡镇人大，只有代表和会议，用于演示多级结构',
  },
];

/** The installation's administrator of the demo (no congress, no suggestion): the congress tree and office accounts. */
export const demoSystemAdmin = { username: 'admin', displayName: '系统管理员（演示）' };

const SEED = 20_260_301;

/** Loads the demonstration data when the database has no congress yet; otherwise does nothing. */
export async function loadDemoDataIfEmpty(db: Db, clock: Clock): Promise<void> {
  const any = await db.selectFrom('congress').select('id').limit(1).executeTakeFirst();
  if (any) return;
  const hash = await cachedHash(DEMO_PASSWORD);
  await db.transaction().execute(async (tx) => {
    // Another process may have started at the same moment (PostgreSQL): one loads, the other waits and skips.
    await sql`lock table congress in exclusive mode`.execute(tx);
    if (await tx.selectFrom('congress').select('id').limit(1).executeTakeFirst()) return;
    await loadDemo(tx, clock, hash);
  });
}

async function loadDemo(tx: Tx, clock: Clock, hash: string): Promise<void> {
  const today = chinaToday(clock.now());
  const rng = new Rng(SEED);
  // The same defaults createCongress stores for every congress of the demo.
  const calendar = buildWorkCalendar(defaultCalendarEntries(2019, 2026));
  const ctx: PlanContext = {
    rng,
    t: new Timeline(rng, calendar, today),
    deadlines: { rules: defaultHandlingRules, calendar },
  };
  const names = new NameGenerator(rng);
  // The demo accounts' people are not generated a second time.
  for (const n of [
    '陈立新',
    '王海涛',
    '刘建华',
    '谭秀英',
    '周敏',
    '李志强',
    '彭国栋',
    '曾晓红',
    '易德明',
    '黄丽',
    '罗文',
    '肖永红',
    '汤志刚',
    '邓春燕',
    '钟德华',
    '易小燕',
  ]) {
    names.reserve(n);
  }

  const province = await seedCongress(tx, rng, names, hash, provinceSpec(today));
  await addProvinceAccounts(tx, province, hash);
  await tx
    .insertInto('app_user')
    .values({
      username: demoSystemAdmin.username,
      display_name: demoSystemAdmin.displayName,
      password_hash: hash,
      is_system_admin: true,
    })
    // An administrator made with npm run admin before the first start keeps its name.
    .onConflict((oc) => oc.column('username').doNothing())
    .execute();
  const directories = new Map<string, CongressDirectory>([['province', province]]);
  for (const local of localCongresses) {
    const parent = directories.get(local.parentKey)!;
    directories.set(local.key, await seedCongress(tx, rng, names, hash, local.spec(today, parent.congressId)));
  }
  // 黄丽: a deputy of the province who also works in Changsha's office.
  const multi = province.users.get('multi')!;
  await tx
    .insertInto('role_grant')
    .values({ user_id: multi.id, congress_id: directories.get('cs')!.congressId, role: 'liaison_office' })
    .execute();

  const plans: SuggestionPlan[] = planSuggestions(ctx, province, provinceCounts, provincePins(ctx, province));
  for (const local of localCongresses) {
    if (local.counts) plans.push(...planSuggestions(ctx, directories.get(local.key)!, local.counts, []));
  }
  await writePlans(tx, plans);
  await stageLedger(tx, today, province.users.get('deputy')!.id, province.users.get('office')!.id);
  const recipients = new Set(
    ['office', 'deputy', 'deputy2', 'handler', 'reviewer', 'signer', 'multi']
      .map((u) => province.users.get(u)?.id)
      .filter((id): id is number => id !== undefined),
  );
  for (const key of ['cs', 'zz', 'ly', 'll']) {
    const dir = directories.get(key)!;
    recipients.add(dir.office.id);
  }
  await insertRows(tx, 'outbox', demoNotices(plans, recipients));
}
