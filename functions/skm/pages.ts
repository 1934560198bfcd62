/**
 * The citizens' HTML pages of the survey (no account, no script): the form per service unit and its
 * POST (form-urlencoded → 303 to the thank-you page), the printable poster with the survey's QR code,
 * and the public IKM page. Every failure ends on a page in the reader's language, never problem+json;
 * the JSON routes beside them (handler.ts) are unchanged.
 */
import { randomUUID } from 'node:crypto';
import { logger } from '../../shared/adapters/powertools';
import { PAGE_HEADERS } from '../../shared/adapters/render/pages/layout';
import {
  ANSWER_FIELDS,
  inLocale,
  parseSurveyForm,
  qrSvg,
  renderIkmPage,
  renderPosterPage,
  renderSurveyMessagePage,
  renderSurveyPage,
  renderThanksPage,
  type SurveyLocale,
  w,
} from '../../shared/adapters/render/survey';
import { ForbiddenError, NotFoundError, RuleError, SubmissionLimitError } from '../../shared/application/errors';
import { publicIkm, publicUnit } from '../../shared/application/skm/public-pages';
import { type SubmitInput, submitSurvey } from '../../shared/application/skm/use-cases';
import { deps } from '../../shared/composition';
import { config } from '../../shared/config';
import { DomainValidationError } from '../../shared/domain/errors';
import { periodOf, previousPeriod } from '../../shared/domain/skm/calendar';
import { IdempotencyKeySchema, IkmQuerySchema, MAX_SUBMISSION_BYTES, SubmissionSchema, UnitIdSchema } from '../../shared/http/contract/skm';
import { HttpProblem } from '../../shared/http/problem';
import type { HttpRequest, HttpResult, HttpRoute } from '../../shared/http/router';

const agencyId = () => config().AGENCY_ID;

/** ?lang=en, else an English Accept-Language, else Indonesian. */
export function pageLocale(req: Pick<HttpRequest, 'query' | 'headers'>): SurveyLocale {
  if (req.query.lang === 'en' || req.query.lang === 'id') return req.query.lang;
  return /^en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'id';
}

/** A kiosk token as it may appear in a URL or a hidden field (the integrity helper's kiosk mode checks it). */
const kioskOf = (value: string | undefined) => (value && /^[A-Za-z0-9._~-]{8,256}$/.test(value) ? value : undefined);

const page = (status: number, body: string, headers: Record<string, string> = {}): HttpResult => ({
  status,
  raw: body,
  headers: { ...PAGE_HEADERS, ...headers },
});
const PUBLIC_CACHE = { 'cache-control': 'public, max-age=300' };

/** Wraps a page route: unknown unit → 404 page, daily limit → 429 page, anything else → 500 page. */
function pageRoute(run: (req: HttpRequest, locale: SurveyLocale) => Promise<HttpResult>): HttpRoute {
  return async (req) => {
    let locale = pageLocale(req);
    try {
      return await run(req, locale);
    } catch (err) {
      if (err instanceof LocaleError) locale = err.locale;
      const cause = err instanceof LocaleError ? err.cause : err;
      if (cause instanceof NotFoundError || (cause instanceof Error && cause.name === 'ZodError')) {
        return page(404, renderSurveyMessagePage({ locale, title: w(locale, 'unknownUnitTitle'), body: w(locale, 'unknownUnitBody') }));
      }
      if (cause instanceof SubmissionLimitError) {
        return page(429, renderSurveyMessagePage({ locale, title: w(locale, 'limitTitle'), body: w(locale, 'limitBody', { max: cause.limit }) }), {
          'retry-after': String(cause.retryAfterSeconds),
        });
      }
      if (cause instanceof HttpProblem && cause.status < 500) {
        // The router's own refusals (a body over the survey's size limit): a page, not problem+json.
        return page(cause.status, renderSurveyMessagePage({ locale, title: w(locale, 'errorTitle'), body: w(locale, 'errorBody') }));
      }
      if (cause instanceof ForbiddenError) {
        // A kiosk token that is unknown, revoked or of another unit (the submit use case's kiosk mode).
        return page(403, renderSurveyMessagePage({ locale, title: w(locale, 'forbiddenTitle'), body: locale === 'en' ? cause.message : cause.messageId }));
      }
      logger.error('Survey page failed', cause as Error);
      return page(500, renderSurveyMessagePage({ locale, title: w(locale, 'errorTitle'), body: w(locale, 'errorBody') }));
    }
  };
}

/** An error raised after the form told us the reader's language. */
class LocaleError extends Error {
  constructor(
    readonly locale: SurveyLocale,
    override readonly cause: unknown,
  ) {
    super('page error');
  }
}

const surveyPath = (unitId: string) => `/v1/public/units/${encodeURIComponent(unitId)}/survey`;

function baseUrl(req: HttpRequest): string {
  const configured = config().PUBLIC_BASE_URL;
  if (configured) return configured.replace(/\/+$/, '');
  const host = req.headers['x-forwarded-host'] ?? req.headers.host ?? 'localhost';
  const proto = req.headers['x-forwarded-proto'] ?? (/^(localhost|127\.|\[::1\])/.test(host) ? 'http' : 'https');
  return `${proto}://${host}`;
}

export const surveyPageRoutes = {
  'GET /v1/public/units/{unitId}/survey': pageRoute(async (req, locale) => {
    const unit = await publicUnit(agencyId(), UnitIdSchema.parse(req.params.unitId));
    const kiosk = kioskOf(req.query.kiosk);
    return page(200, renderSurveyPage({ locale, unit, idem: randomUUID(), ...(kiosk ? { kiosk } : {}) }));
  }),

  'POST /v1/public/units/{unitId}/survey': pageRoute(async (req) => {
    const form = parseSurveyForm(req.text(MAX_SUBMISSION_BYTES));
    const locale = form.locale;
    try {
      const unitId = UnitIdSchema.parse(req.params.unitId);
      const unit = await publicUnit(agencyId(), unitId);
      const kiosk = kioskOf(form.kiosk);
      const again = (status: number, errors: Record<string, string>) =>
        page(status, renderSurveyPage({ locale, unit, idem: form.idem ?? randomUUID(), ...(kiosk ? { kiosk } : {}), values: form.values, errors }));

      const errors: Record<string, string> = {};
      for (const f of form.invalid) errors[f] = w(locale, 'answerInvalid');
      if (!form.invalid.length && form.answers.every((a) => a === null)) errors.form = w(locale, 'noAnswers');
      if (Object.keys(errors).length) return again(400, errors);

      const comment = form.comment.trim();
      const parsed = SubmissionSchema.safeParse({ answers: form.answers, ...(comment ? { comment: form.comment } : {}) });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const [field, index] = issue.path;
          // A skipped element: allowed once the domain counts partial answers (PermenPAN-RB 14/2017);
          // until then the schema asks for a number and the reader is told to choose one.
          if (field === 'answers' && typeof index === 'number') errors[ANSWER_FIELDS[index]!] ??= w(locale, 'answerRequired');
          else if (field === 'comment') errors.comment ??= inLocale(issue.message, locale);
          else errors.form ??= inLocale(issue.message, locale);
        }
        return again(400, errors);
      }
      const idem = IdempotencyKeySchema.safeParse(form.idem);
      // The kiosk token goes to the submit use case as `kioskToken` (its kiosk mode, branch h-integrity);
      // a use case without kiosk mode ignores it.
      const input: SubmitInput & { kioskToken?: string } = {
        agencyId: agencyId(),
        unitId,
        submission: parsed.data,
        sourceIp: req.sourceIp,
        userAgent: req.userAgent,
        ...(idem.success ? { idempotencyKey: idem.data } : {}),
        ...(kiosk ? { kioskToken: kiosk } : {}),
      };
      try {
        await submitSurvey(input);
      } catch (err) {
        if (err instanceof DomainValidationError) {
          for (const e of err.errors) {
            const m = /^answers\.(\d+)/.exec(e.field ?? '');
            const message = locale === 'en' ? e.messageEn : e.messageId;
            if (m) errors[ANSWER_FIELDS[Number(m[1])]!] ??= message;
            else errors.form ??= message;
          }
          return again(422, errors);
        }
        if (err instanceof RuleError) return again(422, { [err.field === 'comment' ? 'comment' : 'form']: locale === 'en' ? err.message : err.messageId });
        throw err;
      }
      const thanks = new URLSearchParams({ lang: locale, ...(kiosk ? { kiosk } : {}), ...(parsed.data.comment ? { c: '1' } : {}) });
      return { status: 303, raw: '', headers: { ...PAGE_HEADERS, location: `${surveyPath(unitId)}/thanks?${thanks}` } };
    } catch (err) {
      throw new LocaleError(locale, err);
    }
  }),

  'GET /v1/public/units/{unitId}/survey/thanks': pageRoute(async (req, locale) => {
    const unit = await publicUnit(agencyId(), UnitIdSchema.parse(req.params.unitId));
    const kiosk = kioskOf(req.query.kiosk);
    return page(200, renderThanksPage({ locale, unit, ...(kiosk ? { kiosk } : {}), withComment: req.query.c === '1' }));
  }),

  'GET /v1/public/units/{unitId}/poster': pageRoute(async (req, locale) => {
    const unit = await publicUnit(agencyId(), UnitIdSchema.parse(req.params.unitId));
    const surveyUrl = `${baseUrl(req)}${surveyPath(unit.unitId)}`;
    return page(200, renderPosterPage({ locale, unit, surveyUrl, qrSvg: qrSvg(surveyUrl) }), PUBLIC_CACHE);
  }),

  'GET /v1/public/units/{unitId}/ikm.html': pageRoute(async (req, locale) => {
    const unitId = UnitIdSchema.parse(req.params.unitId);
    const current = periodOf(deps.clock.now());
    const q = IkmQuerySchema.safeParse(req.query);
    const period = q.success && q.data.period && q.data.period <= current ? q.data.period : current;
    const view = await publicIkm(agencyId(), unitId, period);
    const next = nextPeriod(period);
    const ikm = view.ikm;
    return page(
      200,
      renderIkmPage({
        locale,
        unit: view.unit,
        period,
        previousPeriod: previousPeriod(period),
        ...(next <= current ? { nextPeriod: next } : {}),
        ...(ikm
          ? { ikm: { ikm: ikm.ikm, mutu: ikm.mutu, kinerjaUnit: { id: ikm.kinerjaUnit, en: ikm.kinerjaUnitEn }, respondents: ikm.respondents, nrr: ikm.nrr } }
          : {}),
        comments: view.comments,
      }),
      PUBLIC_CACHE,
    );
  }),
} satisfies Record<string, HttpRoute>;

function nextPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
