import { Route, Routes } from 'react-router';
import { NotFound } from '../../shared/ui/NotFound';
import { UnitsAdminPage } from '../admin-office/UnitsAdminPage';
import { LedgerPage } from '../ledger/LedgerPage';
import { OfficeActions } from '../office/OfficeActions';
import { SuggestionPage } from '../suggestion/SuggestionPage';
import { SupervisionHomePage } from './SupervisionHomePage';
import { SupervisionListPage } from './SupervisionListPage';

/**
 * Government office (its system's units), special committees (their field) and leaders:
 * what they supervise. Read-only except what the server's abilities allow (the government
 * office assigns within its system, and keeps its system's units when the office allows).
 */
export default function SupervisionArea() {
  return (
    <Routes>
      <Route index element={<SupervisionHomePage />} />
      <Route path="suggestions" element={<SupervisionListPage />} />
      <Route
        path="ledger"
        element={<LedgerPage mode="read" suggestionPath={(id) => `/supervision/suggestions/${id}`} />}
      />
      <Route
        path="suggestions/:id"
        element={
          <SuggestionPage
            back={{ to: '/supervision/suggestions', label: '建议列表' }}
            actions={(s) => <OfficeActions s={s} />}
          />
        }
      />
      <Route path="units" element={<UnitsAdminPage ownSystem />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
