import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Breadcrumb, Card, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../shared/api/client';
import { notifyError, notifySuccess } from '../../shared/api/notify';
import { errorText } from '../../shared/api/client';
import { QueryState } from '../../shared/ui/QueryState';
import { suggestionKeys, useSuggestion } from '../suggestion/suggestion.api';
import type { SuggestionDetail } from '../suggestion/suggestion.detail.types';
import { SuggestionForm, type SuggestionFormValues } from './SuggestionForm';

/** Saves (creates or edits) the draft, then submits it when asked; says what happened. */
function useSaveSuggestion(existing?: SuggestionDetail) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    meta: { silent: true },
    mutationFn: async ({ values, submit }: { values: SuggestionFormValues; submit: boolean }) => {
      // A new suggestion without co-signers is written and submitted in one request.
      if (!existing && submit && values.cosignerDeputyIds.length === 0) {
        return {
          saved: await api.post<SuggestionDetail>('/suggestions', { ...values, submit: true }),
          submitted: true,
        };
      }
      const saved = existing
        ? await api.put<SuggestionDetail>(`/suggestions/${existing.id}`, { ...values, version: existing.version })
        : await api.post<SuggestionDetail>('/suggestions', values);
      if (!submit) return { saved, submitted: false };
      try {
        const after = await api.post<SuggestionDetail>(`/suggestions/${saved.id}/submit`, { version: saved.version });
        return { saved: after, submitted: true };
      } catch (error) {
        // The draft is kept; the reason it could not go (e.g. co-signers still to confirm) is shown.
        notifyError(`草稿已保存，但未能提交：${errorText(error)}`);
        return { saved, submitted: false };
      }
    },
    onSuccess: ({ saved, submitted }) => {
      qc.setQueryData(suggestionKeys.detail(saved.id), saved);
      void qc.invalidateQueries({ queryKey: suggestionKeys.all });
      if (submitted) notifySuccess('建议已提交，等待联工委审核');
      else notifySuccess('草稿已保存');
      navigate(`/deputy/suggestions/${saved.id}`);
    },
  });
}

export function NewSuggestionPage() {
  const save = useSaveSuggestion();
  return (
    <div className="lx-page-narrow">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/deputy">我的建议</Link> }, { title: '写建议' }]}
      />
      <Card>
        <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
          写建议
        </Typography.Title>
        <SuggestionForm
          pending={save.isPending}
          error={save.error}
          onSave={(values, submit) => save.mutate({ values, submit })}
        />
      </Card>
    </div>
  );
}

function EditForm({ s }: { s: SuggestionDetail }) {
  const save = useSaveSuggestion(s);
  if (!s.abilities.editDraft) return <Alert type="info" showIcon message="该建议已提交，不能再修改" />;
  return (
    <>
      {s.status === 'returned' && s.reviewComment ? (
        <Alert
          type="warning"
          showIcon
          message="联工委退回修改意见"
          description={s.reviewComment}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <SuggestionForm
        initial={{
          title: s.title,
          categoryCode: s.categoryCode,
          body: s.body,
          mayDisclose: s.mayDisclose,
          cosignerDeputyIds: s.cosigners.map((c) => c.deputyId),
        }}
        knownCosigners={s.cosigners.map((c) => ({ id: c.deputyId, name: c.name }))}
        pending={save.isPending}
        error={save.error}
        onSave={(values, submit) => save.mutate({ values, submit })}
      />
    </>
  );
}

export function EditSuggestionPage() {
  const id = Number(useParams().id);
  const q = useSuggestion(id);
  return (
    <div className="lx-page-narrow">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/deputy">我的建议</Link> },
          { title: <Link to={`/deputy/suggestions/${id}`}>建议详情</Link> },
          { title: '修改' },
        ]}
      />
      <Card>
        <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
          修改建议
        </Typography.Title>
        <QueryState isLoading={q.isLoading} error={q.error}>
          {q.data ? <EditForm s={q.data} /> : null}
        </QueryState>
      </Card>
    </div>
  );
}
