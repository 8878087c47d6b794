import type { FastifyRequest } from 'fastify';
import type { AppError } from '../errors.ts';
import { translator } from '../../core/i18n/messages.ts';
import { Layout, renderDocument } from './layout.tsx';
import { alternatesOf } from './page-urls.ts';

/** A page in the visitor's language for any error: what happened and the way back. */
export function renderErrorPage(request: FastifyRequest, error: AppError): string {
  const locale = request.locale;
  const t = translator(locale);
  const path = (request.url.split('?')[0] ?? '/').slice(0, 300);
  const baseUrl = request.server.baseUrl;
  const title = error.status === 404 && error.code === 'not_found' ? t('notFound.title') : error.messageIn(locale);
  const alternates = alternatesOf(baseUrl, path);
  return renderDocument(
    <Layout locale={locale} head={{ title: `${title} · ${t('site.name')}`, description: title, url: alternates[locale], alternates, stylesheet: request.server.assets.site.url }}>
      <main id="main" className="inner">
        <section className="first">
          <h1>{title}</h1>
          <p>{error.code === 'not_found' ? t('notFound.body') : error.messageIn(locale)}</p>
          <a className="button" href={`/?lang=${locale}`}>{t('notFound.back')}</a>
        </section>
      </main>
    </Layout>,
  );
}
