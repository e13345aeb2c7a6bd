export type RoleName =
  | 'deputy'
  | 'liaison_office'
  | 'government_office'
  | 'unit_handler'
  | 'unit_reviewer'
  | 'unit_signer'
  | 'committee'
  | 'leader';

export const roleLabels: Record<RoleName, string> = {
  deputy: '人大代表',
  liaison_office: '联工委',
  government_office: '政府办公厅',
  unit_handler: '承办单位经办人',
  unit_reviewer: '承办单位审核人',
  unit_signer: '承办单位签发人',
  committee: '专门委员会',
  leader: '常委会领导',
};

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
};

export const areaHome: Record<RoleArea, string> = {
  deputy: '/deputy',
  office: '/office',
  unit: '/unit',
  supervision: '/supervision',
};

export const isUnitRole = (role: RoleName): boolean => areaOfRole[role] === 'unit';
