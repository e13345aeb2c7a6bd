import { Alert, Button, Card, Form, Input, Radio, Tag, Typography } from 'antd';
import { formatDate } from '../../../shared/format/date';
import { ratingLabels, ratingLevels, type RatingLevel } from '../../../shared/labels/suggestion';
import { useSuggestionMutation } from '../suggestion.api';
import type { Reply, SuggestionDetail } from '../suggestion.detail.types';

interface Values {
  attitude: RatingLevel;
  result: RatingLevel;
  comment?: string;
}

const options = ratingLevels.map((r) => ({ value: r, label: ratingLabels[r] }));

/** 测评: attitude and result, each 很满意…不满意; 不满意 needs a reason and opens re-handling. */
function RateOne({ s, reply }: { s: SuggestionDetail; reply: Reply }) {
  const [form] = Form.useForm<Values>();
  const rate = useSuggestionMutation();
  const attitude = Form.useWatch('attitude', form);
  const result = Form.useWatch('result', form);
  const unsatisfied = attitude === 'unsatisfied' || result === 'unsatisfied';

  const submit = (v: Values) =>
    rate.mutate({
      path: `/suggestions/${s.id}/ratings`,
      body: { replyId: reply.id, attitude: v.attitude, result: v.result, comment: (v.comment ?? '').trim() },
      done: unsatisfied ? '测评已提交：不满意，承办单位将重新办理' : '测评已提交，感谢您的反馈',
    });

  return (
    <Card
      size="small"
      title={`对${reply.unitName}答复的测评`}
      extra={reply.round > 0 ? <Tag color="magenta">重新办理后的答复</Tag> : null}
      style={{ marginBottom: 12 }}
    >
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {reply.docNumber ? `${reply.docNumber}　` : ''}
        {reply.feedbackDue ? `请于${formatDate(reply.feedbackDue)}前测评。` : null}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        测评结果直接报送人大常委会，承办单位只看到结果，不知道是谁评的。
      </Typography.Paragraph>
      {/* A form name of its own: with several replies to rate, each field keeps a distinct id. */}
      <Form form={form} name={`rate-${reply.id}`} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="attitude" label="办理态度" rules={[{ required: true, message: '请选择对办理态度的评价' }]}>
          <Radio.Group options={options} optionType="button" buttonStyle="solid" />
        </Form.Item>
        <Form.Item name="result" label="办理结果" rules={[{ required: true, message: '请选择对办理结果的评价' }]}>
          <Radio.Group options={options} optionType="button" buttonStyle="solid" />
        </Form.Item>
        {unsatisfied ? (
          <Alert
            type="warning"
            showIcon
            message="选择「不满意」后，建议将交承办单位重新办理，请写明理由"
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <Form.Item
          name="comment"
          label={unsatisfied ? '不满意的理由' : '意见（可不填）'}
          rules={[
            { required: unsatisfied, whitespace: true, message: '选择「不满意」时须说明理由' },
            { max: 2000, message: '不能超过2000字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={rate.isPending}>
          提交测评
        </Button>
      </Form>
    </Card>
  );
}

/**
 * One form per reply the server lets this deputy rate: under separate handling (分别办理) each
 * unit's letter is rated on its own as soon as it arrives, while other units may still handle.
 */
export function RatingForms({ s }: { s: SuggestionDetail }) {
  const replies = s.replies.filter((r) => s.abilities.ratableReplyIds.includes(r.id));
  const stillHandling = s.assignments.filter(
    (a) => a.role !== 'co' && (a.state === 'pending_ack' || a.state === 'handling' || a.state === 'rehandling'),
  );
  return (
    <>
      {s.mode === 'separate' && replies.length > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="本件建议由各承办单位分别办理、分别答复，请对每个单位的答复分别测评。"
          description={
            stillHandling.length
              ? `${stillHandling.map((a) => a.unitName).join('、')}尚在办理，答复后再行测评。`
              : undefined
          }
        />
      ) : null}
      {replies.map((r) => (
        <RateOne key={r.id} s={s} reply={r} />
      ))}
    </>
  );
}
