import { Alert, Empty, List, Typography } from 'antd';
import { QueryState } from '../../shared/ui/QueryState';
import { useSuggestionList } from '../suggestion/suggestion.api';
import { SuggestionCard } from './SuggestionCard';

/** 联名确认: drafts other deputies invited me to co-sign (the server says how I relate to each). */
export function CosignPage() {
  const list = useSuggestionList({ status: 'draft', pageSize: 100, sort: '-updated' });
  const invitations = (list.data?.items ?? []).filter((s) => s.myRelation !== null && s.myRelation !== 'lead');
  return (
    <div className="lx-page-narrow">
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        联名确认
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        message="打开建议后可确认或谢绝联名；领衔代表须待全部联名代表确认后才能提交。"
        style={{ marginBottom: 12 }}
      />
      <QueryState isLoading={list.isLoading} error={list.error}>
        <List
          dataSource={invitations}
          split={false}
          locale={{ emptyText: <Empty description="没有待确认的联名邀请" /> }}
          renderItem={(s) => (
            <List.Item style={{ padding: '4px 0' }}>
              <SuggestionCard s={s} to={`/deputy/suggestions/${s.id}`} />
            </List.Item>
          )}
        />
      </QueryState>
    </div>
  );
}
