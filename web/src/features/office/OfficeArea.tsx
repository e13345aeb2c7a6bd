import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Lazy } from '../../shared/ui/Lazy';
import { NotFound } from '../../shared/ui/NotFound';
import { FigureListPage } from '../figures/FigureListPage';
import { ImportPage } from '../import/ImportPage';
import { LedgerPage } from '../ledger/LedgerPage';
import LetterheadPage from '../documents/LetterheadPage';
import { UrgingNotices } from '../documents/UrgingNotices';
import { SuggestionPage } from '../suggestion/SuggestionPage';
import { AssignPage } from './AssignPage';
import { AuditPage } from './AuditPage';
import { DeadlineBoardPage } from './DeadlineBoardPage';
import { OfficeActions } from './OfficeActions';
import { OfficeHomePage } from './OfficeHomePage';
import { RequestsPage } from './RequestsPage';
import { ReviewQueuePage } from './ReviewQueuePage';
import { RulesPage } from './RulesPage';
import { SuggestionsPage } from './SuggestionsPage';

// 本级管理 is opened now and then: its own chunk.
const AdminArea = lazy(() => import('../admin-office/AdminArea'));

/** 联工委 console. */
export default function OfficeArea() {
  return (
    <Routes>
      <Route index element={<OfficeHomePage />} />
      <Route path="review" element={<ReviewQueuePage />} />
      <Route path="assign" element={<AssignPage />} />
      <Route path="requests" element={<RequestsPage />} />
      <Route path="suggestions" element={<SuggestionsPage />} />
      <Route
        path="suggestions/:id"
        element={
          <SuggestionPage
            back={{ to: '/office/suggestions', label: '建议总表' }}
            actions={(s) => <OfficeActions s={s} />}
            extra={(s) => <UrgingNotices s={s} mayIssue />}
          />
        }
      />
      <Route path="deadlines" element={<DeadlineBoardPage />} />
      <Route
        path="ledger"
        element={<LedgerPage mode="office" suggestionPath={(id) => `/office/suggestions/${id}`} />}
      />
      <Route path="rules" element={<RulesPage />} />
      <Route
        path="admin/*"
        element={
          <Lazy>
            <AdminArea />
          </Lazy>
        }
      />
      <Route path="letterhead" element={<LetterheadPage />} />
      <Route path="audit" element={<AuditPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path="figures/list" element={<FigureListPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
