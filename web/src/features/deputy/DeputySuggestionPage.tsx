import { SuggestionPage } from '../suggestion/SuggestionPage';
import { DeputyActions } from './DeputyActions';

export default function DeputySuggestionPage() {
  return (
    <SuggestionPage
      narrow
      compact
      back={{ to: '/deputy', label: '我的建议' }}
      actions={(s) => <DeputyActions s={s} />}
    />
  );
}
