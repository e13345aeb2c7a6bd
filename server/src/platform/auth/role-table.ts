// Every role a congress grants, in one table: its Chinese label and the one scope column of
// role_grant it needs (null: the whole congress). The migration's CHECKs, the grant forms and
// the session's labels read it; nothing else lists roles. No I/O: the web app imports it too.

/** The role_grant column that narrows a role to one deputy, unit, system, committee or group. */
export type ScopeColumn = 'deputy_id' | 'unit_id' | 'unit_system_id' | 'committee_id' | 'deputy_group_id';

export const roleTable = {
  deputy: { label: '人大代表', scope: 'deputy_id' },
  liaison_office: { label: '联工委', scope: null },
  government_office: { label: '政府办公厅', scope: 'unit_system_id' },
  unit_handler: { label: '承办单位经办人', scope: 'unit_id' },
  unit_reviewer: { label: '承办单位审核人', scope: 'unit_id' },
  unit_signer: { label: '承办单位签发人', scope: 'unit_id' },
  committee: { label: '专门委员会', scope: 'committee_id' },
  leader: { label: '常委会领导', scope: null },
  standing_member: { label: '常委会组成人员', scope: null },
  group_leader: { label: '代表小组组长', scope: 'deputy_group_id' },
  evaluator: { label: '评估人员', scope: null },
  township_presidium: { label: '乡镇人大主席团', scope: null },
  party_reviewer: { label: '党委审核人', scope: null },
  township_government: { label: '乡镇人民政府', scope: null },
  station_staff: { label: '代表联络站工作人员', scope: null },
} as const satisfies Record<string, { label: string; scope: ScopeColumn | null }>;

/** A role held in one congress (role_grant.role). */
export type RoleName = keyof typeof roleTable;

export const roleNames = Object.keys(roleTable) as RoleName[];

export const roleLabels = Object.fromEntries(roleNames.map((r) => [r, roleTable[r].label])) as {
  [R in RoleName]: (typeof roleTable)[R]['label'];
};

export const scopeColumns: readonly ScopeColumn[] = [
  'deputy_id',
  'unit_id',
  'unit_system_id',
  'committee_id',
  'deputy_group_id',
];

export const scopeLabels: Record<ScopeColumn, string> = {
  deputy_id: '代表',
  unit_id: '承办单位',
  unit_system_id: '系统',
  committee_id: '专门委员会',
  deputy_group_id: '代表小组',
};

/**
 * The installation's own administrator is no role of a congress: a flag on app_user
 * (is_system_admin), never a role_grant. It creates congresses and their first office
 * accounts and reads no suggestion.
 */
export const systemAdminLabel = '系统管理员';

/**
 * Why a grant's scope does not fit its role, in Chinese; null when it fits: the one column
 * the role needs is set and every other scope column is empty.
 */
export function grantScopeProblem(role: RoleName, scope: Partial<Record<ScopeColumn, number | null>>): string | null {
  const needed = roleTable[role].scope;
  if (needed && scope[needed] == null) return `${roleTable[role].label}须指定${scopeLabels[needed]}`;
  const extra = scopeColumns.find((c) => c !== needed && scope[c] != null);
  if (extra) return `${roleTable[role].label}不应指定${scopeLabels[extra]}`;
  return null;
}
