import { Steps } from 'antd';
import type { SuggestionDetail } from './suggestion.detail.types';

const stages = ['提交', '立案', '交办', '答复', '测评', '办结'] as const;

/** Where the suggestion stands in its life, at a glance (进度随时可查). */
function currentStage(s: SuggestionDetail): { index: number; status: 'process' | 'finish' | 'error' | 'wait' } {
  switch (s.status) {
    case 'draft':
      return { index: 0, status: 'wait' };
    case 'returned':
      return { index: 1, status: 'error' };
    case 'declined':
      return { index: 1, status: 'error' };
    case 'submitted':
      return { index: 1, status: 'process' };
    case 'registered':
      return { index: 2, status: 'process' };
    case 'assigned':
      return { index: 3, status: 'process' };
    case 'replied':
      return { index: 4, status: 'process' };
    case 'rehandling':
      return { index: 3, status: 'error' };
    case 'closed':
      return { index: 5, status: 'finish' };
  }
}

export function ProgressSteps({ s, compact = false }: { s: SuggestionDetail; compact?: boolean }) {
  const { index, status } = currentStage(s);
  const descriptions: Record<number, string | undefined> = {
    1:
      s.status === 'returned'
        ? '退回修改'
        : s.status === 'declined'
          ? '不予立案'
          : s.number
            ? s.numberLabel
            : undefined,
    3: s.status === 'rehandling' ? `重新办理（第${s.rehandlingRound}轮）` : undefined,
  };
  return (
    <Steps
      size="small"
      labelPlacement={compact ? 'vertical' : 'horizontal'}
      current={index}
      status={status}
      responsive={false}
      items={stages.map((title, i) => ({ title, description: descriptions[i] }))}
    />
  );
}
