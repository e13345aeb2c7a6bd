import { Link, Route, Routes } from 'react-router';
import { PortalLayout, PortalMessage } from './PortalLayout';
import { PortalList } from './PortalList';
import { PortalDetail } from './PortalDetail';
import { PortalFigures } from './PortalFigures';

/** The public's window (阳光公开): no login, only what the office has published. */
export default function PortalArea() {
  return (
    <PortalLayout>
      <Routes>
        <Route index element={<PortalList view="all" />} />
        <Route path="unsatisfied" element={<PortalList view="unsatisfied" />} />
        <Route path="figures" element={<PortalFigures />} />
        <Route path="suggestions/:id" element={<PortalDetail />} />
        <Route
          path="*"
          element={
            <PortalMessage>
              页面不存在。<Link to="/portal">返回公开建议</Link>
            </PortalMessage>
          }
        />
      </Routes>
    </PortalLayout>
  );
}
