import { Breadcrumb } from 'antd';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../shared/ui/QueryState';
import { useSuggestion } from './suggestion.api';
import type { SuggestionDetail } from './suggestion.detail.types';
import { SuggestionDetailView } from './SuggestionDetailView';

interface Props {
  back: { to: string; label: string };
  actions?: (s: SuggestionDetail) => ReactNode;
  extra?: (s: SuggestionDetail) => ReactNode;
  compact?: boolean;
  narrow?: boolean;
}

/** /…/suggestions/:id in any workspace: loads the detail and lets the role add its actions. */
export function SuggestionPage({ back, actions, extra, compact, narrow }: Props) {
  const id = Number(useParams().id);
  const q = useSuggestion(id);
  return (
    <div className={narrow ? 'lx-page-narrow' : 'lx-page'}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to={back.to}>{back.label}</Link> }, { title: q.data?.numberLabel ?? '建议详情' }]}
      />
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {q.data ? (
          <SuggestionDetailView s={q.data} actions={actions?.(q.data)} extra={extra?.(q.data)} compact={compact} />
        ) : null}
      </QueryState>
    </div>
  );
}
