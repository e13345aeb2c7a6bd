import { Route, Routes } from 'react-router';
import { NotFound } from '../../shared/ui/NotFound';
import { LedgerPage } from '../ledger/LedgerPage';
import LetterheadPage from '../documents/LetterheadPage';
import { UrgingNotices } from '../documents/UrgingNotices';
import { SuggestionPage } from '../suggestion/SuggestionPage';
import { UnitActions } from './UnitActions';
import { ReplyPanel } from './ReplyPanel';
import { UnitListPage } from './UnitListPage';

/** 承办单位 workspace: inbox, the handler's list, the reply chain, the promise ledger. */
export default function UnitArea() {
  return (
    <Routes>
      <Route index element={<UnitListPage view="inbox" />} />
      <Route path="handling" element={<UnitListPage view="handling" />} />
      <Route path="review" element={<UnitListPage view="review" />} />
      <Route path="ledger" element={<LedgerPage mode="unit" suggestionPath={(id) => `/unit/suggestions/${id}`} />} />
      <Route path="letterhead" element={<LetterheadPage />} />
      <Route
        path="suggestions/:id"
        element={
          <SuggestionPage
            back={{ to: '/unit/handling', label: '本单位建议' }}
            actions={(s) => <UnitActions s={s} />}
            extra={(s) => (
              <>
                <ReplyPanel s={s} />
                <UrgingNotices s={s} />
              </>
            )}
          />
        }
      />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
