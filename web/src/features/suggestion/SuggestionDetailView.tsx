import { Card, Col, Row, Space } from 'antd';
import type { ReactNode } from 'react';
import { AssignmentList } from './AssignmentList';
import { ContactList, OpinionList, RatingList, RequestList } from './HandlingRecords';
import { ProgressSteps } from './ProgressSteps';
import { ReplyLetters } from './ReplyLetter';
import type { SuggestionDetail } from './suggestion.detail.types';
import { SuggestionOverview } from './SuggestionOverview';
import { SuggestionTimeline } from './SuggestionTimeline';

interface Props {
  s: SuggestionDetail;
  /** The buttons this role may press (from s.abilities), rendered by the role's workspace. */
  actions?: ReactNode;
  /** Extra role-specific panels, e.g. the unit's reply editor. */
  extra?: ReactNode;
  /** The narrow (deputy, phone-first) page: one column at every width. */
  compact?: boolean;
}

/** One suggestion, as every role reads it; the server already left out what this viewer may not see. */
export function SuggestionDetailView({ s, actions, extra, compact = false }: Props) {
  const hasHandling = s.assignments.length > 0 || s.preAssignments.length > 0;
  const hasRequests = s.reassignmentRequests.length > 0 || s.extensionRequests.length > 0;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card>
        <SuggestionOverview s={s} showBody={false} />
        <div style={{ marginTop: 16, overflowX: 'auto' }}>
          <ProgressSteps s={s} compact={compact} />
        </div>
      </Card>
      {actions ? (
        <Card size="small" title="可办理的操作">
          {actions}
        </Card>
      ) : null}
      {extra}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={compact ? 24 : 15}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            {s.replies.length ? (
              <Card title="答复" size="small">
                <ReplyLetters s={s} />
              </Card>
            ) : null}
            {s.ratings.length ? (
              <Card title="代表测评" size="small">
                <RatingList s={s} />
              </Card>
            ) : null}
            <Card title="建议正文" size="small">
              <div className="lx-body-text">{s.body}</div>
            </Card>
            {s.contacts.length ? (
              <Card title="沟通联系记录" size="small">
                <ContactList s={s} />
              </Card>
            ) : null}
            {s.opinions.length ? (
              <Card title="会办意见" size="small">
                <OpinionList s={s} />
              </Card>
            ) : null}
            {hasRequests ? (
              <Card title="调整与延期申请" size="small">
                <RequestList s={s} />
              </Card>
            ) : null}
          </Space>
        </Col>
        <Col xs={24} lg={compact ? 24 : 9}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            {hasHandling ? (
              <Card title="承办单位" size="small">
                <AssignmentList s={s} />
              </Card>
            ) : null}
            <Card title="办理记录" size="small">
              <SuggestionTimeline events={s.timeline} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
