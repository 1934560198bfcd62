/**
 * Email decision links. GET and HEAD only show a confirmation page (mail scanners fetch every link);
 * only a POST from that page decides. Every other case — second click, expired or tampered link,
 * escalated item — ends on a clear page and changes nothing.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { isLinkForRecipient, linkFormFields, verifyDecisionLinkWithProvider, type VerifiedDecisionLink } from '../../shared/auth';
import { decide } from '../../shared/cycle/actions';
import { activeDelegateOf } from '../../shared/cycle/delegation';
import { deps } from '../../shared/cycle/deps';
import { ForbiddenError, RuleError } from '../../shared/cycle/errors';
import { evaluationDetails, skpDetails } from '../../shared/cycle/summaries';
import {
  htmlResponse, linkProblemStatus, parseDecisionForm, renderAlreadyDecidedPage, renderConfirmPage, renderDecisionDonePage,
  renderErrorPage, renderLinkProblemPage,
} from '../../shared/http/pages';
import { logger } from '../../shared/powertools';
import { getCycle, getDecision, getEmployee, getEvaluation, listUnits, type DecisionRecord } from '../../shared/store/repository';
import { NotFoundError } from '../../shared/store/errors';

type Locale = 'id' | 'en';
const localeOf = (event: APIGatewayProxyEventV2): Locale =>
  event.queryStringParameters?.lang === 'en' || /^en\b/i.test(event.headers?.['accept-language'] ?? '') ? 'en' : 'id';

/** Whom the link was issued to: the approver, the superior it was escalated to, or the acting official (Plt/Plh). */
async function whoIsLink(link: VerifiedDecisionLink, decision: DecisionRecord, keys: Parameters<typeof isLinkForRecipient>[2]): Promise<string | undefined> {
  const cycle = await getCycle(decision.cycleId);
  const acting = cycle ? await activeDelegateOf(cycle.agencyId, decision.recipientNip) : undefined;
  return [decision.recipientNip, ...(decision.escalatedTo ?? []), ...(acting ? [acting] : [])].find((nip) => isLinkForRecipient(link, nip, keys));
}

async function alreadyDecidedPage(decision: DecisionRecord, locale: Locale) {
  const cycle = await getCycle(decision.cycleId);
  const by = decision.decidedBy?.nip && cycle ? await getEmployee(cycle.agencyId, decision.decidedBy.nip) : undefined;
  const principal = decision.decidedBy?.onBehalfOf && cycle ? await getEmployee(cycle.agencyId, decision.decidedBy.onBehalfOf) : undefined;
  const subject = await getEvaluation(decision.cycleId, decision.subjectNip);
  return htmlResponse(200, renderAlreadyDecidedPage({
    locale,
    decidedBy: by?.name ?? decision.decidedBy?.nip ?? '—',
    ...(principal ? { onBehalfOf: principal.name } : {}),
    decidedAt: new Date(decision.decidedAt ?? Date.now()),
    decision: decision.outcome === 'return' ? 'return' : 'approve',
    items: subject ? [{ name: subject.name, nip: subject.nip }] : [],
  }));
}

async function itemDetails(decision: DecisionRecord, locale: Locale) {
  const e = await getEvaluation(decision.cycleId, decision.subjectNip);
  const cycle = await getCycle(decision.cycleId);
  if (!e || !cycle) throw new NotFoundError('evaluation', 'Penilaian tidak ditemukan');
  const units = new Map((await listUnits(cycle.agencyId)).map((u) => [u.unitId, u.name]));
  return decision.kind === 'SKP_APPROVAL' ? skpDetails(e, decision.decisionId, units) : evaluationDetails(e, decision.decisionId, units, locale);
}

async function handle(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const locale = localeOf(event);
  const method = event.requestContext.http.method;
  const decisionId = event.pathParameters?.decisionId;
  const isPost = method === 'POST';
  const form = isPost ? parseDecisionForm(event.body, { isBase64Encoded: event.isBase64Encoded }) : undefined;
  const query = isPost ? form!.fields : ((event.queryStringParameters ?? {}) as Record<string, string>);
  const { verification, keys } = await verifyDecisionLinkWithProvider(query, decisionId, deps.linkKeys(), deps.clock.now());
  if (!verification.ok) return htmlResponse(linkProblemStatus(verification.reason), renderLinkProblemPage({ locale, reason: verification.reason }));
  const link = verification.link;
  const decision = await getDecision(link.d);
  if (!decision) return htmlResponse(404, renderErrorPage({ locale, kind: 'notFound' }));
  const actorNip = await whoIsLink(link, decision, keys);
  if (!actorNip) return htmlResponse(403, renderLinkProblemPage({ locale, reason: 'tampered' }));
  if (decision.status !== 'PENDING') return alreadyDecidedPage(decision, locale);

  const confirm = async (extra: Partial<Parameters<typeof renderConfirmPage>[0]> = {}, status = 200) =>
    htmlResponse(status, renderConfirmPage({
      // A language chosen in the link (?lang=en) must survive the POST, or the result page falls back to Indonesian.
      locale, summary: await itemDetails(decision, locale), action: link.a,
      formAction: event.queryStringParameters?.lang === 'en' ? `${event.rawPath}?lang=en` : event.rawPath,
      hidden: linkFormFields(link), requireReason: true, ...extra,
    }));

  if (!isPost) {
    const page = await confirm();
    return method === 'HEAD' ? { ...page, body: '' } : page;
  }
  if (!form!.ok) return confirm({ error: form!.error, previous: { decision: form!.decision, comment: form!.comment } }, 422);
  try {
    const result = await decide(decision.decisionId, form!.decision, form!.comment, actorNip);
    if (result.kind === 'already') return alreadyDecidedPage(result.decision, locale);
    const subject = await getEvaluation(decision.cycleId, decision.subjectNip);
    return htmlResponse(200, renderDecisionDonePage({
      locale, decision: form!.decision, decidedAt: new Date(result.decision.decidedAt ?? Date.now()),
      items: subject ? [{ name: subject.name, nip: subject.nip }] : [], comment: form!.comment || undefined,
    }));
  } catch (err) {
    if (err instanceof RuleError) return confirm({ error: 'reasonRequired', previous: { decision: form!.decision, comment: form!.comment } }, 422);
    if (err instanceof ForbiddenError) return htmlResponse(403, renderLinkProblemPage({ locale, reason: 'tampered' }));
    throw err;
  }
}

export const handler = middy(async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
  try {
    return await handle(event);
  } catch (err) {
    logger.error('Decision link failed', err as Error);
    return htmlResponse(500, renderErrorPage({ locale: localeOf(event), kind: 'server', reference: event.requestContext?.requestId }));
  }
}).use(injectLambdaContext(logger, { resetKeys: true }));
