import { Form, Input, Select } from 'antd';
import { FormModalButton } from '../../shared/ui/FormModalButton';
import { useCreateCongress, type CongressNode } from './admin.api';
import { congressLevelLabels, levelsUnder, type CongressLevel } from './levels';

interface Values {
  level: CongressLevel;
  name: string;
  shortName: string;
  adminCode: string;
  docPrefix?: string;
}

/** 新建人大机构: at the root, or under one congress of the tree. */
export function CreateCongressButton({ parent }: { parent: CongressNode | null }) {
  const create = useCreateCongress();
  const levels = levelsUnder(parent?.level ?? null);
  if (levels.length === 0) return null;
  return (
    <FormModalButton<Values>
      label={parent ? '新建下级' : '新建人大机构'}
      title={parent ? `在「${parent.name}」下新建人大机构` : '新建人大机构'}
      okText="新建"
      buttonProps={parent ? { size: 'small', 'aria-label': `在${parent.name}下新建人大机构` } : { type: 'primary' }}
      initialValues={{ level: levels[0] }}
      onSubmit={(v) => create.mutateAsync({ ...v, docPrefix: v.docPrefix ?? '', parentId: parent?.id ?? null })}
    >
      <Form.Item name="level" label="层级" rules={[{ required: true, message: '请选择层级' }]}>
        <Select options={levels.map((l) => ({ value: l, label: congressLevelLabels[l] }))} />
      </Form.Item>
      <Form.Item
        name="name"
        label="名称"
        extra="如「长沙县人民代表大会」"
        rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
      >
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item
        name="shortName"
        label="简称"
        extra="如「长沙县」"
        rules={[{ required: true, whitespace: true, message: '请填写简称' }]}
      >
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item
        name="adminCode"
        label="行政区划代码"
        extra="县级及以上6位数字，乡镇9位或12位"
        rules={[
          { required: true, message: '请填写行政区划代码' },
          { pattern: /^(\d{6}|\d{9}|\d{12})$/, message: '行政区划代码应为6位、9位或12位数字' },
        ]}
      >
        <Input inputMode="numeric" maxLength={12} />
      </Form.Item>
      <Form.Item name="docPrefix" label="文号前缀" extra="如「长县人」，可留空">
        <Input maxLength={10} />
      </Form.Item>
    </FormModalButton>
  );
}
