import { AdminFrame } from './AdminFrame';
import { RosterSection } from './RosterSection';

/** 代表团与代表小组. */
export function RosterAdminPage() {
  return (
    <AdminFrame title="代表团与代表小组">
      <RosterSection path="delegations" label="代表团" />
      <RosterSection path="deputy-groups" label="代表小组" />
    </AdminFrame>
  );
}
