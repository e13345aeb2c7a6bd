import { describe, expect, it } from 'vitest';
import { roleNames } from '../../platform/auth/role-table.js';
import { adminActions, adminRules, decideAdministration, rolesAdministering } from './administration.policy.js';

// Every cell of the table: each action for each role, and for a government office under each
// combination of the office's permission and the unit's system.

const unitActions = ['unit.create', 'unit.update', 'unit.staff'];

describe('who administers what', () => {
  it('names exactly the unit particulars and staff as what a government office may do', () => {
    expect(adminActions.filter((a) => adminRules[a] === 'own_system').sort()).toEqual([...unitActions].sort());
  });

  for (const action of adminActions) {
    describe(action, () => {
      it('the liaison office may, whatever the facts', () => {
        for (const governmentOfficeAllowed of [true, false])
          for (const inOwnSystem of [true, false])
            expect(decideAdministration(action, 'liaison_office', { governmentOfficeAllowed, inOwnSystem })).toEqual({
              allowed: true,
            });
      });

      const ownSystem = unitActions.includes(action);
      it(`a government office ${ownSystem ? 'may for its own system when allowed' : 'may not'}`, () => {
        const cell = (governmentOfficeAllowed: boolean, inOwnSystem: boolean) =>
          decideAdministration(action, 'government_office', { governmentOfficeAllowed, inOwnSystem });
        expect(cell(true, true).allowed).toBe(ownSystem);
        expect(cell(true, false)).toEqual({
          allowed: false,
          message: ownSystem ? '政府办公厅只能管理本系统的承办单位' : '只有联工委可以管理本级人大的基础信息',
        });
        expect(cell(false, true)).toEqual({
          allowed: false,
          message: ownSystem ? '联工委未授权政府办公厅管理承办单位' : '只有联工委可以管理本级人大的基础信息',
        });
        expect(cell(false, false).allowed).toBe(false);
      });

      it('no other role may', () => {
        for (const role of roleNames.filter((r) => r !== 'liaison_office' && r !== 'government_office'))
          expect(decideAdministration(action, role, { governmentOfficeAllowed: true, inOwnSystem: true })).toEqual({
            allowed: false,
            message: '只有联工委可以管理本级人大的基础信息',
          });
      });

      it('gates its route with the roles the table names', () => {
        expect(rolesAdministering(action)).toEqual(
          ownSystem ? ['liaison_office', 'government_office'] : ['liaison_office'],
        );
      });
    });
  }
});
