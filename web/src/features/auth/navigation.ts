import type { RoleArea, RoleName } from '../../shared/labels/roles';

export interface NavItem {
  path: string;
  label: string;
}

/** The menu of each workspace; some entries only for some roles. */
export function navFor(area: RoleArea, role: RoleName): NavItem[] {
  switch (area) {
    case 'deputy':
      return [
        { path: '/deputy', label: '我的建议' },
        { path: '/deputy/new', label: '写建议' },
        { path: '/deputy/cosign', label: '联名确认' },
        { path: '/deputy/ledger', label: '承诺事项' },
      ];
    case 'office':
      return [
        { path: '/office', label: '工作台' },
        { path: '/office/review', label: '审核立案' },
        { path: '/office/assign', label: '交办' },
        { path: '/office/requests', label: '调整与延期' },
        { path: '/office/suggestions', label: '建议总表' },
        { path: '/office/deadlines', label: '超期预警' },
        { path: '/office/ledger', label: '承诺台账' },
        { path: '/office/rules', label: '办理规则' },
        { path: '/office/admin', label: '本级管理' },
        { path: '/office/letterhead', label: '信笺模板' },
        { path: '/office/audit', label: '审计日志' },
        { path: '/office/import', label: '导入导出' },
      ];
    case 'unit':
      return [
        { path: '/unit', label: '待签收' },
        { path: '/unit/handling', label: '本单位建议' },
        ...(role === 'unit_handler'
          ? []
          : [{ path: '/unit/review', label: role === 'unit_signer' ? '待签发' : '待审核' }]),
        { path: '/unit/ledger', label: '承诺台账' },
        { path: '/unit/letterhead', label: '信笺模板' },
      ];
    case 'supervision':
      return [
        { path: '/supervision', label: '督办总览' },
        { path: '/supervision/suggestions', label: '建议列表' },
        { path: '/supervision/ledger', label: '承诺台账' },
        ...(role === 'government_office' ? [{ path: '/supervision/units', label: '本系统承办单位' }] : []),
      ];
  }
}
