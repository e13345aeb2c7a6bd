import { Form, Radio, Select } from 'antd';
import { handlingModeLabels, type HandlingMode } from '../../shared/labels/suggestion';
import type { UnitPick } from '../../../../server/src/modules/suggestion/suggestion.schemas';
import { unitOptions, useUnits } from './directory.api';

export interface UnitPickValues {
  mode: HandlingMode;
  soleUnitId?: number;
  leadUnitId?: number;
  coUnitIds?: number[];
  separateUnitIds?: number[];
}

/** One unit and its part, as the assignment requests take it (server: suggestion.schemas.ts). */
export type { UnitPick };

/** The form's fields → the API's {mode, units}. */
export function picksOf(v: UnitPickValues): { mode: HandlingMode; units: UnitPick[] } {
  switch (v.mode) {
    case 'sole':
      return { mode: 'sole', units: v.soleUnitId ? [{ unitId: v.soleUnitId, role: 'sole' }] : [] };
    case 'lead_co':
      return {
        mode: 'lead_co',
        units: [
          ...(v.leadUnitId ? [{ unitId: v.leadUnitId, role: 'lead' as const }] : []),
          ...(v.coUnitIds ?? []).map((unitId) => ({ unitId, role: 'co' as const })),
        ],
      };
    case 'separate':
      return {
        mode: 'separate',
        units: (v.separateUnitIds ?? []).map((unitId) => ({ unitId, role: 'separate' as const })),
      };
  }
}

/** The API's units → the form's fields (to start from a pre-assignment). */
export function valuesOf(units: UnitPick[]): UnitPickValues {
  const lead = units.find((u) => u.role === 'lead');
  if (lead)
    return {
      mode: 'lead_co',
      leadUnitId: lead.unitId,
      coUnitIds: units.filter((u) => u.role === 'co').map((u) => u.unitId),
    };
  const separate = units.filter((u) => u.role === 'separate');
  if (separate.length) return { mode: 'separate', separateUnitIds: separate.map((u) => u.unitId) };
  return { mode: 'sole', soleUnitId: units[0]?.unitId };
}

/**
 * 交办方式 and units, inside an antd Form: 单独办理 (one unit), 主办会办 (exactly one lead
 * and at least one co-unit), 分别办理 (two or more). The rules match the server's.
 */
export function UnitPickerFields() {
  const units = useUnits();
  const form = Form.useFormInstance<UnitPickValues>();
  const mode = Form.useWatch('mode', form) ?? 'sole';
  const lead = Form.useWatch('leadUnitId', form);
  const select = { showSearch: true, optionFilterProp: 'label', loading: units.isLoading, placeholder: '选择承办单位' };
  return (
    <>
      <Form.Item name="mode" label="办理方式" initialValue="sole" rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={(Object.keys(handlingModeLabels) as HandlingMode[]).map((m) => ({
            value: m,
            label: handlingModeLabels[m],
          }))}
        />
      </Form.Item>
      {mode === 'sole' ? (
        <Form.Item
          name="soleUnitId"
          label="承办单位"
          rules={[{ required: true, message: '单独办理须指定一个承办单位' }]}
        >
          <Select {...select} options={unitOptions(units.data)} />
        </Form.Item>
      ) : null}
      {mode === 'lead_co' ? (
        <>
          <Form.Item name="leadUnitId" label="主办单位" rules={[{ required: true, message: '须指定一个主办单位' }]}>
            <Select {...select} options={unitOptions(units.data)} />
          </Form.Item>
          <Form.Item
            name="coUnitIds"
            label="会办单位"
            rules={[{ required: true, type: 'array', min: 1, message: '须至少指定一个会办单位' }]}
          >
            <Select {...select} mode="multiple" options={unitOptions(units.data, lead ? [lead] : [])} />
          </Form.Item>
        </>
      ) : null}
      {mode === 'separate' ? (
        <Form.Item
          name="separateUnitIds"
          label="承办单位（各自答复）"
          rules={[{ required: true, type: 'array', min: 2, message: '分别办理须指定两个及以上承办单位' }]}
        >
          <Select {...select} mode="multiple" options={unitOptions(units.data)} />
        </Form.Item>
      ) : null}
    </>
  );
}
