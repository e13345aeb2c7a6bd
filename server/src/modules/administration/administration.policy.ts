import type { RoleName } from '../../db/schema.js';

// Who administers what in a congress (issue 8). No I/O. The liaison office administers its
// whole congress; a government office may administer the handling units of its own system
// — their particulars, duties, review chain and staff — when the office has allowed it
// (administration_setting); no other role administers anything. Tenancy is not decided
// here: every command reads and writes only the viewer's congress, so another congress's
// objects are simply not found (404).

/** Every administrative action, each one command. */
export type AdminAction =
  | 'term.manage'
  | 'session.manage'
  | 'session.open'
  | 'delegation.manage'
  | 'deputy_group.manage'
  | 'deputy.manage'
  | 'deputy.read_private'
  | 'unit_system.manage'
  | 'unit.create'
  | 'unit.update'
  | 'unit.staff'
  | 'unit.retire'
  | 'unit.reform'
  | 'committee.manage'
  | 'category.manage'
  | 'dictionary.manage'
  | 'account.manage'
  | 'account.grant'
  | 'account.reset_password'
  | 'account.disable'
  | 'setting.update';

/**
 * 'office': the liaison office only. 'own_system': also a government office, for the units
 * of its own system, when the office allows it.
 */
type Who = 'office' | 'own_system';

export const adminRules: Record<AdminAction, Who> = {
  'term.manage': 'office',
  'session.manage': 'office',
  'session.open': 'office',
  'delegation.manage': 'office',
  'deputy_group.manage': 'office',
  'deputy.manage': 'office',
  'deputy.read_private': 'office',
  'unit_system.manage': 'office',
  'unit.create': 'own_system',
  'unit.update': 'own_system',
  'unit.staff': 'own_system',
  // Retiring a unit or passing its work on changes other units' and deputies' records.
  'unit.retire': 'office',
  'unit.reform': 'office',
  'committee.manage': 'office',
  'category.manage': 'office',
  'dictionary.manage': 'office',
  'account.manage': 'office',
  'account.grant': 'office',
  'account.reset_password': 'office',
  'account.disable': 'office',
  'setting.update': 'office',
};

export const adminActions = Object.keys(adminRules) as AdminAction[];

/** What the decision reads besides the viewer's role. */
export interface AdminFacts {
  /** The office lets government offices administer the units of their own system. */
  governmentOfficeAllowed: boolean;
  /** The unit (or the new unit's system) belongs to the viewer's own system. */
  inOwnSystem: boolean;
}

export type AdminDecision = { allowed: true } | { allowed: false; message: string };

const allowed: AdminDecision = { allowed: true };
const refuse = (message: string): AdminDecision => ({ allowed: false, message });

/** May this role do this action here? A refusal carries the Chinese reason (403). */
export function decideAdministration(action: AdminAction, role: RoleName, facts: AdminFacts): AdminDecision {
  if (role === 'liaison_office') return allowed;
  if (role === 'government_office' && adminRules[action] === 'own_system') {
    if (!facts.governmentOfficeAllowed) return refuse('联工委未授权政府办公厅管理承办单位');
    if (!facts.inOwnSystem) return refuse('政府办公厅只能管理本系统的承办单位');
    return allowed;
  }
  return refuse('只有联工委可以管理本级人大的基础信息');
}

/** The roles that may ever do an action: the coarse gate of its route. */
export function rolesAdministering(action: AdminAction): RoleName[] {
  return adminRules[action] === 'own_system' ? ['liaison_office', 'government_office'] : ['liaison_office'];
}

/** The roles a government office may grant: the staff of a unit of its own system. */
export const unitStaffRoles = ['unit_handler', 'unit_reviewer', 'unit_signer'] as const satisfies readonly RoleName[];
export type UnitStaffRole = (typeof unitStaffRoles)[number];
