import { Navigate, Route, Routes } from 'react-router';
import { NotFound } from '../../shared/ui/NotFound';
import { AccountsAdminPage } from './AccountsAdminPage';
import { CataloguePage } from './CataloguePage';
import { DeputiesAdminPage } from './DeputiesAdminPage';
import { DictionaryPage } from './DictionaryPage';
import { RosterAdminPage } from './RosterAdminPage';
import { SessionsAdminPage } from './SessionsAdminPage';
import { UnitsAdminPage } from './UnitsAdminPage';

/** 本级管理: the office administers its own congress (/office/admin/...). */
export default function AdminArea() {
  return (
    <Routes>
      <Route index element={<Navigate to="sessions" replace />} />
      <Route path="sessions" element={<SessionsAdminPage />} />
      <Route path="delegations" element={<RosterAdminPage />} />
      <Route path="deputies" element={<DeputiesAdminPage />} />
      <Route path="units" element={<UnitsAdminPage />} />
      <Route path="committees" element={<CataloguePage />} />
      <Route path="accounts" element={<AccountsAdminPage />} />
      <Route path="dictionary" element={<DictionaryPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
