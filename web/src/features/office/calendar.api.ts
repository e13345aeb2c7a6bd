import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CalendarEntryBody,
  CalendarYear,
} from '../../../../server/src/modules/handling-rules/handling-rules.schemas';
import { api } from '../../shared/api/client';

/** One day that differs from the ordinary week: a public holiday, or a weekend day worked in lieu (调休). */
export type CalendarEntry = CalendarEntryBody;
export type { CalendarYear };

const key = (year: number) => ['calendar', year] as const;

export const useCalendarYear = (year: number) =>
  useQuery({ queryKey: key(year), queryFn: () => api.get<CalendarYear>(`/calendar/${year}`) });

export function useSaveCalendarYear(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (entries: CalendarEntry[]) => api.put<CalendarYear>(`/calendar/${year}`, { entries }),
    meta: { success: `${year}年节假日安排已保存，此后计算工作日期限按新安排` },
    onSuccess: (data) => qc.setQueryData(key(year), data),
  });
}
