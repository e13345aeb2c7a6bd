import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Lazy } from '../../shared/ui/Lazy';
import { NotFound } from '../../shared/ui/NotFound';
import { MySuggestionsPage } from './MySuggestionsPage';

// The list is the deputy's first page and loads with the area; the form and the detail
// (with their heavier components) load when opened, to keep a phone's first load small.
const NewSuggestionPage = lazy(() => import('./SuggestionFormPages').then((m) => ({ default: m.NewSuggestionPage })));
const EditSuggestionPage = lazy(() => import('./SuggestionFormPages').then((m) => ({ default: m.EditSuggestionPage })));
const CosignPage = lazy(() => import('./CosignPage').then((m) => ({ default: m.CosignPage })));
const DeputySuggestionPage = lazy(() => import('./DeputySuggestionPage'));
const LedgerPage = lazy(() => import('../ledger/LedgerPage').then((m) => ({ default: m.LedgerPage })));

/** The deputy's workspace, made for a phone first (375 px) and fine on a laptop. */
export default function DeputyArea() {
  return (
    <Routes>
      <Route index element={<MySuggestionsPage />} />
      <Route
        path="new"
        element={
          <Lazy>
            <NewSuggestionPage />
          </Lazy>
        }
      />
      <Route
        path="cosign"
        element={
          <Lazy>
            <CosignPage />
          </Lazy>
        }
      />
      <Route
        path="ledger"
        element={
          <Lazy>
            <LedgerPage mode="deputy" suggestionPath={(id) => `/deputy/suggestions/${id}`} />
          </Lazy>
        }
      />
      <Route
        path="suggestions/:id/edit"
        element={
          <Lazy>
            <EditSuggestionPage />
          </Lazy>
        }
      />
      <Route
        path="suggestions/:id"
        element={
          <Lazy>
            <DeputySuggestionPage />
          </Lazy>
        }
      />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
