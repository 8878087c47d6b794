import type { Locale } from '../../core/i18n/locale.ts';
import { translator } from '../../core/i18n/messages.ts';
import { formatBytes } from '../../core/text/format-bytes.ts';
import { matchHash, typedSha256, VERIFY_PATH, type ReceiptCheck } from '../modules/receipts/receipt-check.service.ts';
import { Hash } from './hash-text.tsx';
import { Layout, type PageHead } from './layout.tsx';

export interface VerifyQuery {
  number: string;
  sha256: string;
}

/** The verification page: the form, and what the receipt asked about confirms (or that it was not found). */
export function VerifyPage(props: { locale: Locale; head: PageHead; query: VerifyQuery; check: ReceiptCheck | undefined; unsupportedLanguage?: string | undefined }) {
  const { locale, query, check } = props;
  const t = translator(locale);
  const asked = query.number !== '';
  const typed = typedSha256(query.sha256);
  const wellFormed = typed !== null;
  const match = check && typed !== null ? matchHash(check, typed) : undefined;
  return (
    <Layout locale={locale} head={props.head} unsupportedLanguage={props.unsupportedLanguage}>
      <main id="main" className="inner">
        <section className="first">
          <h1>{t('documents.verify.title')}</h1>
          <p className="hint">{t('documents.verify.shown')}</p>
          <form method="get" action={VERIFY_PATH} className="verify-form">
            <input type="hidden" name="lang" value={locale} />
            <p>
              <label htmlFor="number">{t('documents.verify.number')}</label><br />
              <input id="number" name="number" defaultValue={query.number} required maxLength={64} autoComplete="off" spellCheck={false} />
            </p>
            <p>
              <label htmlFor="sha256">{t('documents.verify.sha256')}</label><br />
              <input id="sha256" name="sha256" defaultValue={query.sha256} maxLength={128} autoComplete="off" spellCheck={false} size={32} /><br />
              <small className="hint">{t('documents.verify.sha256Hint')}</small>
            </p>
            <p className="verify-file" hidden>
              <label htmlFor="hash-file">{t('documents.verify.file')}</label><br />
              <input type="file" id="hash-file" data-hash-into="sha256" /><br />
              <small className="hint">{t('documents.verify.fileHint')}</small>
            </p>
            <button type="submit" className="button">{t('documents.verify.submit')}</button>
          </form>
        </section>
        {asked && !check && (
          <section role="status" data-result="not-found">
            <p>{t('documents.verify.notFound', { number: query.number })}</p>
          </section>
        )}
        {check && (
          <section role="status" data-result="found">
            <h2>{t('documents.verify.found', { number: check.number })}</h2>
            <p data-state={check.state}>{t(`documents.verify.state.${check.state}`)}</p>
            {query.sha256 !== '' && (
              <p data-match={match ? match.what : wellFormed ? 'none' : 'invalid'}>
                {match
                  ? t(`documents.verify.match.${match.what}`, { index: 'index' in match ? match.index : 0 })
                  : t(wellFormed ? 'documents.verify.match.none' : 'documents.verify.match.invalid', { sha256: typed ?? query.sha256 })}
              </p>
            )}
            <dl>
              <dt>{t('documents.receipt.campaign')}</dt>
              <dd>{check.campaignTitle}</dd>
              <dt>{t('documents.receipt.submittedAt')}</dt>
              <dd>{t('documents.receipt.time', { time: check.submittedAt, zone: check.zone })}</dd>
              <dt>{t('documents.receipt.seq')}</dt>
              <dd>{t('documents.receipt.seqValue', { seq: check.seq })}</dd>
              <dt>{t('documents.receipt.contentHash')}</dt>
              <dd><Hash value={check.contentSha256} /></dd>
            </dl>
            <h3>{t('documents.receipt.attachments', { count: check.attachments.length })}</h3>
            {check.attachments.length === 0 ? <p>{t('documents.receipt.noAttachments')}</p> : (
              <ol>
                {check.attachments.map((a, i) => (
                  <li key={i}>
                    {t('documents.verify.attachmentHash', { kind: a.kindName, size: formatBytes(a.size) })}
                    {a.receivedSha256 && <div>{a.storedSha256 && `${t('documents.verify.received')}: `}<Hash value={a.receivedSha256} /></div>}
                    {a.storedSha256 && <div>{t('documents.verify.stored')}: <Hash value={a.storedSha256} /></div>}
                    {!a.receivedSha256 && <div className="hint">{t('documents.verify.notKept')}</div>}
                  </li>
                ))}
              </ol>
            )}
          </section>
        )}
      </main>
    </Layout>
  );
}
