import { ratingLabels } from '../../shared/labels/suggestion';
import type { PublicRating } from './portal.api';

/** 办理态度：满意 · 办理结果：不满意 — the lead deputy's rating, as the public may see it. */
export function RatingTags({ rating }: { rating: PublicRating | null }) {
  if (!rating) return null;
  const tone = (level: string) => (level === 'unsatisfied' ? 'pt-tag pt-tag-bad' : 'pt-tag pt-tag-good');
  return (
    <>
      <span className={tone(rating.attitude)}>办理态度：{ratingLabels[rating.attitude]}</span>
      <span className={tone(rating.result)}>办理结果：{ratingLabels[rating.result]}</span>
    </>
  );
}
