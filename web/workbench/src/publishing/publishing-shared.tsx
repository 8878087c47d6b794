import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Tag } from 'antd';
import type { CopyState } from '../../../../core/publishing/publication-queue.ts';
import type { Translator } from '../../../../core/i18n/messages.ts';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { publishingApi, publishingKeys, type Publication, type Refusal } from './publishing-api.ts';

// What the queue and the editor share: how a copy's state reads, why a case may not be shown,
// and publishing and taking down, each confirmed first since each changes what the public sees.

const REFUSALS = {
  not_submitted: 'error.publication_case_not_submitted',
  not_passed: 'error.publication_case_not_passed',
  display_off: 'error.publication_display_off',
  not_chosen: 'error.publication_not_chosen',
} as const;

/** Why the case may not be shown now, in the reader's words (the server's own messages). */
export const refusalMessage = (t: Translator, refusal: Refusal): string => t(REFUSALS[refusal]);

const STATE_COLORS: Record<CopyState, string> = { none: 'default', draft: 'blue', published: 'green', taken_down: 'orange' };
const TIER_COLORS = { best: 'red', excellent: 'gold' } as const;

/** The copy's state, its tier once final, and whether the unit submitted again since it was made. */
export function StateTags({ item }: { item: { state: CopyState; tier: 'best' | 'excellent' | null; copy: { stale: boolean } | null } }) {
  const { t } = useI18n();
  return (
    <>
      {item.tier && <Tag color={TIER_COLORS[item.tier]}>{t(`selection.tier.${item.tier}`)}</Tag>}
      <Tag color={STATE_COLORS[item.state]} className="pp-state">{t(`wb.publishing.state.${item.state}`)}</Tag>
      {item.copy?.stale && <Tag color="gold" className="pp-stale">{t('wb.publishing.state.stale')}</Tag>}
    </>
  );
}

interface Target { caseId: string; title: string; version: number }

/**
 * Publishing and taking down, each after a confirmation that says what the public will see; the
 * answer replaces the copy read and the queue is read again. A version read before someone else's
 * change is refused by the server (409), and the copy is read again so the page shows the latest.
 */
export function useCopyActions(onDone?: (publication: Publication) => void) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const client = useQueryClient();
  const settle = (done: 'wb.publishing.published' | 'wb.publishing.unpublished') => ({
    onSuccess: (publication: Publication) => {
      client.setQueryData(publishingKeys.copy(publication.caseId), publication);
      void client.invalidateQueries({ queryKey: publishingKeys.all });
      void message.success(t(done));
      onDone?.(publication);
    },
    onError: (error: Error) => {
      if (error instanceof ApiError && error.status === 409) void client.invalidateQueries({ queryKey: publishingKeys.all });
    },
  });
  const publish = useMutation({ mutationFn: (x: Target) => publishingApi.publish(x.caseId, x.version), ...settle('wb.publishing.published') });
  const unpublish = useMutation({ mutationFn: (x: Target) => publishingApi.unpublish(x.caseId, x.version), ...settle('wb.publishing.unpublished') });

  return {
    error: publish.error ?? unpublish.error,
    pending: publish.isPending || unpublish.isPending,
    reset: () => { publish.reset(); unpublish.reset(); },
    /** `flags`: the personal-data flags of the copy to publish; read from the server when not given. */
    publish: async (caseId: string, title: string, version: number, flags?: number) => {
      unpublish.reset();
      const count = flags ?? await publishingApi.read(caseId).then((p) => p.copy?.personalData.length ?? 0, () => 0);
      modal.confirm({
        title: t('wb.publishing.publishTitle', { case: title }),
        content: (
          <>
            <p>{t('wb.publishing.publishText')}</p>
            {count > 0 && <p className="pp-confirm-flags">{t('wb.publishing.publishFlags', { count })}</p>}
          </>
        ),
        okText: t('wb.publishing.confirmPublish'), cancelText: t('wb.publishing.cancel'),
        onOk: () => publish.mutateAsync({ caseId, title, version }).catch(() => undefined),
      });
    },
    unpublish: (caseId: string, title: string, version: number) => {
      publish.reset();
      modal.confirm({
        title: t('wb.publishing.unpublishTitle', { case: title }),
        content: t('wb.publishing.unpublishText'),
        okText: t('wb.publishing.confirmUnpublish'), cancelText: t('wb.publishing.cancel'), okButtonProps: { danger: true },
        onOk: () => unpublish.mutateAsync({ caseId, title, version }).catch(() => undefined),
      });
    },
  };
}
