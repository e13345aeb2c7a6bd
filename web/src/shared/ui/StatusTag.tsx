import { Tag } from 'antd';
import {
  assignmentStateLabels,
  labelOf,
  suggestionStatusColors,
  suggestionStatusLabels,
  type SuggestionStatus,
} from '../labels/suggestion';

export function StatusTag({ status }: { status: string }) {
  const color = (suggestionStatusColors as Record<string, string>)[status] ?? 'default';
  return <Tag color={color}>{labelOf(suggestionStatusLabels, status as SuggestionStatus)}</Tag>;
}

const assignmentColors: Record<string, string> = {
  pending_ack: 'orange',
  handling: 'blue',
  replied: 'purple',
  rehandling: 'magenta',
  opinion_sent: 'cyan',
  closed: 'green',
  ended: 'default',
};

export function AssignmentStateTag({ state }: { state: string }) {
  return <Tag color={assignmentColors[state] ?? 'default'}>{labelOf(assignmentStateLabels, state)}</Tag>;
}
