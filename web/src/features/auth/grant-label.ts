import { roleLabels } from '../../shared/labels/roles';
import type { Grant } from './auth.api';

/** 湖南省人大常委会 · 承办单位经办人（省交通运输厅） */
export function grantLabel(g: Grant): string {
  return `${g.congressName} · ${roleLabels[g.role]}${g.scopeName ? `（${g.scopeName}）` : ''}`;
}
