import { roleLabels as serverRoleLabels } from '../../../../server/src/shared/labels';

export type RoleName = keyof typeof serverRoleLabels;

// One place for both sides: server/src/shared/labels.ts.
export const roleLabels: Record<RoleName, string> = serverRoleLabels;

/** The workspace (URL area, code chunk) each role works in. */
export type RoleArea = 'deputy' | 'office' | 'unit' | 'supervision';

export const areaOfRole: Record<RoleName, RoleArea> = {
  deputy: 'deputy',
  liaison_office: 'office',
  government_office: 'supervision',
  unit_handler: 'unit',
  unit_reviewer: 'unit',
  unit_signer: 'unit',
  committee: 'supervision',
  leader: 'supervision',
  // The later modules' roles read what supervision reads until their own areas exist.
  standing_member: 'supervision',
  group_leader: 'supervision',
  evaluator: 'supervision',
  township_presidium: 'supervision',
  party_reviewer: 'supervision',
  township_government: 'supervision',
  station_staff: 'supervision',
};

export const areaHome: Record<RoleArea, string> = {
  deputy: '/deputy',
  office: '/office',
  unit: '/unit',
  supervision: '/supervision',
};

export const isUnitRole = (role: RoleName): boolean => areaOfRole[role] === 'unit';
