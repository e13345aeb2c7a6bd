import { BellOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, List, Space, Typography } from 'antd';
import { api, errorText } from '../../shared/api/client';
import { notifyError, notifySuccess } from '../../shared/api/notify';
import { formatDate } from '../../shared/format/date';
import type { SuggestionDetail } from '../suggestion/suggestion.detail.types';
import { docxUrl, pageUrl, urgingKey, useUrgingNotices, type UrgingNotice } from './documents.api';

type Assignment = SuggestionDetail['assignments'][number];

/** A part the unit still owes, past its due date as the server stood it (the server checks again). */
const urgeable = (a: Assignment) =>
  ['pending_ack', 'handling', 'rehandling'].includes(a.state) &&
  (a.standing === 'overdue' || a.standing === 'past_reply_due' || a.standing === 'past_latest_due');

function IssueButton({ s, a }: { s: SuggestionDetail; a: Assignment }) {
  const qc = useQueryClient();
  const issue = useMutation({
    mutationFn: () => api.post<UrgingNotice>(`/assignments/${a.id}/urging-notices`),
    onSuccess: async (n) => {
      notifySuccess(`已向${n.unitName}发出催办函（${n.docNumber}）`);
      await qc.invalidateQueries({ queryKey: urgingKey(s.id) });
    },
    onError: (error) => notifyError(errorText(error)),
  });
  return (
    <Button size="small" icon={<BellOutlined />} loading={issue.isPending} onClick={() => issue.mutate()}>
      向{a.unitName}发催办函（已逾期{a.daysLeft === null ? '' : `${-a.daysLeft}日`}）
    </Button>
  );
}

/**
 * 催办函 of one suggestion: each with its Word file and printable page; the office also gets a
 * button for every part that is overdue. Units see the notices sent to them only.
 */
export function UrgingNotices({ s, mayIssue = false }: { s: SuggestionDetail; mayIssue?: boolean }) {
  const notices = useUrgingNotices(s.id);
  const overdue = mayIssue ? s.assignments.filter(urgeable) : [];
  const items = notices.data?.items ?? [];
  if (items.length === 0 && overdue.length === 0) return null;
  return (
    <Card size="small" title="催办函" style={{ marginBottom: 12 }}>
      {overdue.length > 0 ? (
        <Space wrap style={{ marginBottom: 8 }}>
          {overdue.map((a) => (
            <IssueButton key={a.id} s={s} a={a} />
          ))}
        </Space>
      ) : null}
      {items.length > 0 ? (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              actions={[
                <Button
                  key="docx"
                  size="small"
                  icon={<FileWordOutlined />}
                  href={docxUrl('urging-notices', n.id)}
                  download
                  aria-label={`下载（${n.docNumber}，Word）`}
                >
                  下载
                </Button>,
                <Button
                  key="page"
                  size="small"
                  icon={<PrinterOutlined />}
                  href={pageUrl('urging-notices', n.id)}
                  target="_blank"
                  rel="noopener"
                  aria-label={`查看、打印（${n.docNumber}，新窗口）`}
                >
                  查看、打印
                </Button>,
              ]}
            >
              <Typography.Text>
                {n.docNumber}　致{n.unitName}　{formatDate(n.issuedAt)}（逾期{n.overdueDays}日）
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
