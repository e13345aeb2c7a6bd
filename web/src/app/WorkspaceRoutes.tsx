import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { HomeRedirect, RequireArea } from '../features/auth/RequireArea';
import { Lazy } from '../shared/ui/Lazy';
import { NotFound } from '../shared/ui/NotFound';
import { AntdFrame } from './AntdFrame';

// Each role's workspace is its own chunk: a deputy's phone loads neither the office console
// nor the unit workspace.
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const DeputyArea = lazy(() => import('../features/deputy/DeputyArea'));
const OfficeArea = lazy(() => import('../features/office/OfficeArea'));
const UnitArea = lazy(() => import('../features/unit/UnitArea'));
const SupervisionArea = lazy(() => import('../features/supervision/SupervisionArea'));
const AdminArea = lazy(() => import('../features/admin/AdminArea'));
const ChangePasswordPage = lazy(() => import('../features/auth/ChangePasswordPage'));

/** Everything behind the login, in Ant Design. */
export default function WorkspaceRoutes() {
  return (
    <AntdFrame>
      <Routes>
        <Route
          path="/login"
          element={
            <Lazy>
              <LoginPage />
            </Lazy>
          }
        />
        <Route path="/app" element={<HomeRedirect />} />
        <Route
          path="/password"
          element={
            <Lazy>
              <ChangePasswordPage />
            </Lazy>
          }
        />
        <Route
          path="/admin/*"
          element={
            <Lazy>
              <AdminArea />
            </Lazy>
          }
        />
        <Route
          path="/deputy/*"
          element={
            <RequireArea area="deputy">
              <DeputyArea />
            </RequireArea>
          }
        />
        <Route
          path="/office/*"
          element={
            <RequireArea area="office">
              <OfficeArea />
            </RequireArea>
          }
        />
        <Route
          path="/unit/*"
          element={
            <RequireArea area="unit">
              <UnitArea />
            </RequireArea>
          }
        />
        <Route
          path="/supervision/*"
          element={
            <RequireArea area="supervision">
              <SupervisionArea />
            </RequireArea>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </AntdFrame>
  );
}
