import { useState, type FormEvent } from 'react';
import { ratingLabels, ratingLevels } from '../../shared/labels/suggestion';
import { usePublicOptions } from './portal.api';

interface Props {
  filters: Record<string, string>;
  setFilters: (patch: Record<string, string | undefined>) => void;
  /** The 不满意 list has no rating filter. */
  showRating: boolean;
}

/** Search words and the four filters of the public list; every one goes to the server. */
export function PortalFilters({ filters, setFilters, showRating }: Props) {
  const options = usePublicOptions();
  const [q, setQ] = useState(filters.q ?? '');
  const search = (e: FormEvent) => {
    e.preventDefault();
    setFilters({ q: q.trim() || undefined });
  };
  const select = (name: string) => ({
    value: filters[name] ?? '',
    onChange: (e: { target: { value: string } }) => setFilters({ [name]: e.target.value || undefined }),
  });
  return (
    <form className="pt-filters" role="search" onSubmit={search}>
      <label className="pt-search">
        搜索
        <span className="pt-search-row">
          <input
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="标题、正文中的词语"
            maxLength={100}
          />
          <button type="submit">搜索</button>
        </span>
      </label>
      <label>
        会议
        <select {...select('sessionId')}>
          <option value="">全部会议</option>
          {(options.data?.sessions ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        类别
        <select {...select('categoryCode')}>
          <option value="">全部类别</option>
          {(options.data?.categories ?? []).map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        承办单位
        <select {...select('unitId')}>
          <option value="">全部承办单位</option>
          {(options.data?.units ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      {showRating ? (
        <label>
          代表测评
          <select {...select('rating')}>
            <option value="">全部测评结果</option>
            {ratingLevels.map((r) => (
              <option key={r} value={r}>
                办理结果{ratingLabels[r]}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </form>
  );
}
