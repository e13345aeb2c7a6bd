import { Alert, Button, Form, Input, Select, Space, Switch } from 'antd';
import { errorText } from '../../shared/api/client';
import { useCategories } from '../suggestion/directory.api';
import { titleProblem } from '../suggestion/title-check';
import { CosignerSelect } from './CosignerSelect';

export interface SuggestionFormValues {
  title: string;
  categoryCode: string;
  body: string;
  cosignerDeputyIds: number[];
  mayDisclose: boolean;
}

interface Props {
  initial?: Partial<SuggestionFormValues>;
  knownCosigners?: { id: number; name: string }[];
  pending: boolean;
  error: unknown;
  /** submit: save and then send it to the office. */
  onSave: (values: SuggestionFormValues, submit: boolean) => void;
}

/** 写建议: title in the 《关于……的建议》 style, category, text, co-signers, disclosure. */
export function SuggestionForm({ initial, knownCosigners, pending, error, onSave }: Props) {
  const [form] = Form.useForm<SuggestionFormValues>();
  const categories = useCategories();

  const save = (submit: boolean) =>
    void form
      .validateFields()
      .then((v) =>
        onSave(
          { ...v, title: v.title.trim(), body: v.body.trim(), cosignerDeputyIds: v.cosignerDeputyIds ?? [] },
          submit,
        ),
      );

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ mayDisclose: true, cosignerDeputyIds: [], ...initial }}
      requiredMark="optional"
    >
      {error ? <Alert type="error" showIcon message={errorText(error)} style={{ marginBottom: 12 }} /> : null}
      <Form.Item
        name="title"
        label="标题"
        extra="写作「关于……的建议」"
        rules={[
          { required: true, whitespace: true, message: '请填写标题' },
          { max: 100, message: '标题不能超过100字' },
          {
            validator: (_, v: string | undefined) => {
              const p = v ? titleProblem(v) : null;
              return p ? Promise.reject(new Error(p)) : Promise.resolve();
            },
          },
        ]}
      >
        <Input placeholder="关于……的建议" maxLength={100} />
      </Form.Item>
      <Form.Item name="categoryCode" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
        <Select
          placeholder="请选择"
          loading={categories.isLoading}
          options={(categories.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
          showSearch
          optionFilterProp="label"
        />
      </Form.Item>
      <Form.Item
        name="body"
        label="正文"
        extra="写明问题、原因和具体建议"
        rules={[
          { required: true, whitespace: true, message: '请填写正文' },
          { min: 20, message: '正文过短，请写明问题和建议' },
          { max: 20000, message: '正文不能超过20000字' },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 8, maxRows: 24 }} showCount maxLength={20000} />
      </Form.Item>
      <Form.Item name="cosignerDeputyIds" label="联名代表" extra="被邀请的代表确认后，联名方可生效">
        <CosignerSelect known={knownCosigners} />
      </Form.Item>
      <Form.Item name="mayDisclose" label="同意公开" valuePropName="checked">
        <Switch checkedChildren="同意" unCheckedChildren="不同意" />
      </Form.Item>
      <Space wrap>
        <Button onClick={() => save(false)} loading={pending}>
          保存草稿
        </Button>
        <Button type="primary" onClick={() => save(true)} loading={pending}>
          保存并提交
        </Button>
      </Space>
    </Form>
  );
}
