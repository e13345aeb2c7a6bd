import { Route, Routes } from 'react-router';
import { NotFound } from '../../shared/ui/NotFound';
import { SuggestionPage } from '../suggestion/SuggestionPage';
import { CosignPage } from './CosignPage';
import { DeputyActions } from './DeputyActions';
import { EditSuggestionPage, NewSuggestionPage } from './SuggestionFormPages';
import { MySuggestionsPage } from './MySuggestionsPage';

/** The deputy's workspace, made for a phone first (375 px) and fine on a laptop. */
export default function DeputyArea() {
  return (
    <Routes>
      <Route index element={<MySuggestionsPage />} />
      <Route path="new" element={<NewSuggestionPage />} />
      <Route path="cosign" element={<CosignPage />} />
      <Route path="suggestions/:id/edit" element={<EditSuggestionPage />} />
      <Route
        path="suggestions/:id"
        element={<SuggestionPage narrow compact back={{ to: '/deputy', label: '我的建议' }} actions={(s) => <DeputyActions s={s} />} />}
      />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
