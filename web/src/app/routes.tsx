import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';

// The entry holds only React, the router and the query cache. The public portal (plain
// HTML and CSS) and the workspaces (Ant Design) are separate chunks, so a member of the
// public never downloads antd.
const PortalArea = lazy(() => import('../features/portal/PortalArea'));
const WorkspaceRoutes = lazy(() => import('./WorkspaceRoutes'));

function Loading() {
  return (
    <div className="lx-loading" role="status">
      正在加载…
    </div>
  );
}

export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/" element={<Navigate to="/portal" replace />} />
        <Route path="/portal/*" element={<PortalArea />} />
        <Route path="*" element={<WorkspaceRoutes />} />
      </Routes>
    </Suspense>
  );
}
