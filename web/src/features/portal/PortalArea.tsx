import { Route, Routes } from 'react-router';
import { NotFound } from '../../shared/ui/NotFound';
import { PortalLayout } from './PortalLayout';
import { PortalList } from './PortalList';
import { PortalDetail } from './PortalDetail';

/** The public's window (阳光公开): no login, only what the office has published. */
export default function PortalArea() {
  return (
    <PortalLayout>
      <Routes>
        <Route index element={<PortalList />} />
        <Route path="suggestions/:id" element={<PortalDetail />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </PortalLayout>
  );
}
