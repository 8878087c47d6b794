import { Select } from 'antd';
import { currentCampaign, useCampaigns } from '../cases/case-shared.tsx';
import type { CampaignSummary } from '../cases/cases-api.ts';
import { useI18n } from '../i18n.tsx';
import { useRouter } from '../router.tsx';

// The campaign an organizer's page works on. One running campaign needs no choice; with more (one
// collecting, one in review) the choice is in the address (?campaign=…, so a link opens the same
// campaign) and remembered for the tab, so the next page of the menu stays on it.

const REMEMBERED = 'zhengji.campaign';

function remembered(): string | null {
  try {
    return window.sessionStorage.getItem(REMEMBERED);
  } catch {
    return null;
  }
}

export interface ChosenCampaign {
  /** Undefined until the campaigns are read, or when there is none. */
  slug: string | undefined;
  campaigns: readonly CampaignSummary[];
  choose: (slug: string) => void;
}

export function useChosenCampaign(): ChosenCampaign {
  const campaigns = useCampaigns().data ?? [];
  const { path, search, navigate } = useRouter();
  const asked = search.get('campaign') ?? remembered();
  const slug = campaigns.find((c) => c.slug === asked)?.slug ?? currentCampaign(campaigns)?.slug;
  const choose = (next: string) => {
    try {
      window.sessionStorage.setItem(REMEMBERED, next);
    } catch {
      // Storage refused (private mode): the address still carries the choice.
    }
    const params = new URLSearchParams(search);
    params.set('campaign', next);
    navigate(`${path}?${params.toString()}`, { replace: true });
  };
  return { slug, campaigns, choose };
}

/** A labelled choice of campaign, drawn only when there is more than one. */
export function CampaignPicker({ chosen, onChange }: { chosen: ChosenCampaign; onChange?: () => void }) {
  const { t, locale } = useI18n();
  if (chosen.campaigns.length < 2) return null;
  return (
    <label className="wb-campaign-picker">
      <span>{t('wb.cases.campaign')}</span>
      <Select
        className="wb-full" value={chosen.slug} aria-label={t('wb.cases.campaign')} classNames={{ popup: { root: 'wb-campaign-popup' } }}
        onChange={(next: string) => { chosen.choose(next); onChange?.(); }}
        options={chosen.campaigns.map((c) => ({ value: c.slug, label: c.title[locale] }))}
      />
    </label>
  );
}
