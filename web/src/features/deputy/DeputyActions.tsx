import { Button, Popconfirm, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { can } from '../suggestion/abilities';
import { RatingForms } from '../suggestion/actions/RatingForm';
import { ReassignmentRequestButton } from '../suggestion/actions/ReassignmentRequestButton';
import { AttachmentUpload } from './AttachmentUpload';
import { useSuggestionMutation } from '../suggestion/suggestion.api';
import type { SuggestionDetail } from '../suggestion/suggestion.detail.types';

/** What a deputy may do on this suggestion — only what the server's abilities allow. */
export function DeputyActions({ s }: { s: SuggestionDetail }) {
  const act = useSuggestionMutation();
  const a = s.abilities;
  const pendingCosigners = s.cosigners.filter((c) => c.status === 'invited').length;
  const buttons = [
    can(a, 'editDraft') ? (
      <Link key="edit" to={`/deputy/suggestions/${s.id}/edit`}>
        <Button>修改</Button>
      </Link>
    ) : null,
    can(a, 'editDraft') ? <AttachmentUpload key="attach" suggestionId={s.id} /> : null,
    can(a, 'submit') ? (
      <Popconfirm
        key="submit"
        title="提交建议"
        description={
          pendingCosigners
            ? `还有${pendingCosigners}位联名代表未确认，确认后才能提交`
            : '提交后由联工委审核，不能再修改。'
        }
        okText="提交"
        onConfirm={() =>
          act.mutate({
            path: `/suggestions/${s.id}/submit`,
            body: { version: s.version },
            done: '建议已提交，等待联工委审核',
          })
        }
      >
        <Button type="primary" loading={act.isPending}>
          提交
        </Button>
      </Popconfirm>
    ) : null,
    can(a, 'respondToCosign') ? (
      <Space key="cosign">
        <Button
          type="primary"
          loading={act.isPending}
          onClick={() =>
            act.mutate({ path: `/suggestions/${s.id}/cosign`, body: { accept: true }, done: '已确认联名' })
          }
        >
          确认联名
        </Button>
        <Button
          danger
          loading={act.isPending}
          onClick={() =>
            act.mutate({ path: `/suggestions/${s.id}/cosign`, body: { accept: false }, done: '已谢绝联名' })
          }
        >
          谢绝联名
        </Button>
      </Space>
    ) : null,
    can(a, 'requestReassignment') ? <ReassignmentRequestButton key="reassign" s={s} /> : null,
  ].filter(Boolean);

  if (buttons.length === 0 && !can(a, 'rate')) {
    return <Typography.Text type="secondary">当前无需您操作，办理进展见下方记录。</Typography.Text>;
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {buttons.length ? <Space wrap>{buttons}</Space> : null}
      {can(a, 'rate') ? <RatingForms s={s} /> : null}
    </Space>
  );
}
