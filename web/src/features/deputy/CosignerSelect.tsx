import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useDeputySearch } from '../suggestion/directory.api';

interface Props {
  value?: number[];
  onChange?: (ids: number[]) => void;
  /** Names already known (editing a draft). */
  known?: { id: number; name: string }[];
  id?: string;
}

/** Picks co-signing deputies by name or pinyin, searching the server as one types. */
export function CosignerSelect({ value, onChange, known = [], id }: Props) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(t);
  }, [typed]);
  const search = useDeputySearch(q);
  const [names, setNames] = useState<Map<number, string>>(() => new Map(known.map((k) => [k.id, k.name])));

  // Names of every deputy found so far, so that picked ones keep their label when the search
  // moves on: updated while rendering when a new result arrives (no effect, no extra render).
  const [namedFrom, setNamedFrom] = useState(search.data);
  if (search.data !== namedFrom) {
    setNamedFrom(search.data);
    const found = search.data;
    if (found) {
      setNames((prev) => {
        const next = new Map(prev);
        found.forEach((d) => next.set(d.id, d.delegationName ? `${d.name}（${d.delegationName}）` : d.name));
        return next;
      });
    }
  }

  const options = useMemo(() => {
    const ids = new Set([...(value ?? []), ...(search.data ?? []).map((d) => d.id)]);
    return [...ids].map((i) => ({ value: i, label: names.get(i) ?? `代表${i}` }));
  }, [value, search.data, names]);

  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      showSearch
      filterOption={false}
      onSearch={setTyped}
      loading={search.isFetching}
      options={options}
      placeholder="输入姓名或拼音查找代表"
      notFoundContent={search.isFetching ? '查找中…' : '没有找到'}
      style={{ width: '100%' }}
    />
  );
}
