import { Alert, Button } from 'antd';
import { useI18n } from '../i18n.tsx';
import { useRouter } from '../router.tsx';
import type { CampaignDetail, Problem } from './cases-api.ts';
import { problemMessage } from './case-shared.tsx';

const FOCUSABLE = 'input:not([type=hidden]), textarea, select, [contenteditable=true], button, a[href], [tabindex]:not([tabindex="-1"])';

/**
 * Brings the place where a problem is fixed into view and puts the cursor there: the element
 * with id `target-<target>` in the editor, or its first field when it is a wrapper.
 */
export function goToTarget(target: string): boolean {
  const element = document.getElementById(`target-${target}`);
  if (!element) return false;
  element.scrollIntoView({ behavior: 'smooth', block: 'center' });
  // A section's text box, not the toolbar before it: the problem is in the text.
  const field = element.matches(FOCUSABLE) ? element : element.querySelector<HTMLElement>('[contenteditable=true]') ?? element.querySelector<HTMLElement>(FOCUSABLE);
  if (field) field.focus({ preventScroll: true });
  else {
    if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
    element.focus({ preventScroll: true });
  }
  return true;
}

/** What stands between the draft and a submission, each item a link to where it is fixed. */
export function PreflightChecklist({ problems, campaign }: { problems: readonly Problem[]; campaign: CampaignDetail | undefined }) {
  const { t, locale } = useI18n();
  const { navigate } = useRouter();
  if (problems.length === 0) {
    return <Alert className="wb-alert" type="success" showIcon title={t('wb.cases.preflightOk')} />;
  }
  const open = (target: string) => {
    // The unit profile lives on its own page; everything else is in the editor above.
    if (!goToTarget(target) && target === 'unit') navigate('/app/unit');
  };
  return (
    <div className="wb-preflight" role="region" aria-label={t('wb.cases.preflightTitle')}>
      <div className="wb-preflight-title">{t('wb.cases.preflightProblems', { count: problems.length })}</div>
      <ol className="wb-preflight-list">
        {problems.map((p, i) => (
          <li key={`${p.code}-${p.target}-${i}`}>
            <Button type="link" className="wb-preflight-item" onClick={() => open(p.target)}>
              {problemMessage(p, campaign, t, locale)}
            </Button>
          </li>
        ))}
      </ol>
    </div>
  );
}
