/**
 * Email decision links. GET and HEAD only show a confirmation page (mail scanners fetch every link);
 * only a POST from that page decides (./pages.ts). Any failure ends on an error page, not problem+json.
 */
import '../../shared/composition';
import { logger } from '../../shared/adapters/powertools';
import { htmlResponse, renderErrorPage } from '../../shared/adapters/render/pages';
import { type HttpRoute, httpApi } from '../../shared/http/router';
import { decisionLinkPage, localeOf } from './pages';

const page: HttpRoute = async (req) => {
  const res = await decisionLinkPage(req.event);
  return { status: res.statusCode, raw: res.body ?? '', headers: res.headers as Record<string, string> };
};

export const handler = httpApi(
  { 'GET /v1/decisions/{decisionId}': page, 'HEAD /v1/decisions/{decisionId}': page, 'POST /v1/decisions/{decisionId}': page },
  {
    renderError: (err, event) => {
      logger.error('Decision link failed', err as Error);
      return htmlResponse(500, renderErrorPage({ locale: localeOf(event), kind: 'server', reference: event.requestContext?.requestId }));
    },
  },
);
