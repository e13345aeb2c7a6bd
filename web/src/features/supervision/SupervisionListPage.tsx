import { ExportButton } from '../../shared/ui/ExportButton';
import { Typography } from 'antd';
import { QueryState } from '../../shared/ui/QueryState';
import { SuggestionFilters } from '../suggestion/SuggestionFilters';
import { SuggestionTable } from '../suggestion/SuggestionTable';
import { useSuggestionTable } from '../suggestion/useSuggestionTable';

/** The suggestions this supervisor may see (the server applies the scope), with all filters. */
export function SupervisionListPage() {
  const t = useSuggestionTable();
  return (
    <div className="lx-page">
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        建议列表
      </Typography.Title>
      <ExportButton path="/suggestions/export" query={t.query} />
      <SuggestionFilters
        filters={t.filters}
        setFilters={t.setFilters}
        show={['q', 'sessionId', 'status', 'unitId', 'categoryCode', 'overdue', 'isKey', 'rating']}
      />
      <QueryState isLoading={t.list.isLoading} error={t.list.error} onRetry={() => void t.list.refetch()}>
        <SuggestionTable {...t.tableProps} linkTo={(s) => `/supervision/suggestions/${s.id}`} />
      </QueryState>
    </div>
  );
}
