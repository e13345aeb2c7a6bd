import { Tooltip } from 'antd';
import { describeDue, dueTone, formatDate } from '../format/date';

interface Props {
  due: string | null | undefined;
  /** The step is done: show the date without urgency. */
  done?: boolean;
  nearDays?: number;
  /** How the date was computed (the server stores it), shown on hover. */
  rule?: string | null;
}

/** A due date coloured by urgency: red when overdue, orange when near. */
export function DueDate({ due, done = false, nearDays = 15, rule }: Props) {
  if (!due) return <span>—</span>;
  const tone = dueTone(due, nearDays, done);
  const className = tone === 'overdue' ? 'lx-due-overdue' : tone === 'near' ? 'lx-due-near' : undefined;
  const text = (
    <span className={className}>
      {formatDate(due)}
      {done ? '' : `（${describeDue(due)}）`}
    </span>
  );
  return rule ? <Tooltip title={rule}>{text}</Tooltip> : text;
}
