/**
 * The pages of an email decision link: verify the signed link, find whom it was issued to, show the
 * confirmation page (GET, HEAD) or decide (POST from that page). Every other case — second click,
 * expired or tampered link, escalated item — ends on a clear page and changes nothing.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { type CycleRecord, type DecisionRecord, getCycle, getDecision, getEmployee, getEvaluation, unitNames } from '../../shared/adapters/dynamodb/repository';
import { isLinkForRecipient, linkFormFields, type VerifiedDecisionLink, verifyDecisionLinkWithProvider } from '../../shared/adapters/links';
import type { Locale } from '../../shared/adapters/render/i18n';
import {
  htmlResponse,
  linkProblemStatus,
  parseDecisionForm,
  renderAlreadyDecidedPage,
  renderConfirmPage,
  renderDecisionDonePage,
  renderErrorPage,
  renderLinkProblemPage,
} from '../../shared/adapters/render/pages';
import { activeDelegateOf } from '../../shared/application/delegation/delegation';
import { ForbiddenError, NotFoundError, RuleError } from '../../shared/application/errors';
import { decide } from '../../shared/application/evaluation/actions';
import { evaluationDetails, skpDetails } from '../../shared/application/queries/summaries';
import { deps } from '../../shared/composition';

/** The page language: ?lang=en, else an English Accept-Language, else Indonesian. */
export const localeOf = (event: APIGatewayProxyEventV2): Locale =>
  event.queryStringParameters?.lang === 'en' || /^en\b/i.test(event.headers?.['accept-language'] ?? '') ? 'en' : 'id';

/**
 * What a link request reads once and passes on: the cycle (for its agency; eventually consistent, as
 * nothing read from it changes during a cycle) and, only when the link is not the recipient's or an
 * escalation target's, the recipient's acting official (Plt/Plh).
 */
interface LinkContext {
  cycle: CycleRecord | undefined;
  acting?: string | null;
}

/** Whom the link was issued to: the approver, the superior it was escalated to, or the acting official (Plt/Plh). */
async function whoIsLink(
  link: VerifiedDecisionLink,
  decision: DecisionRecord,
  ctx: LinkContext,
  keys: Parameters<typeof isLinkForRecipient>[2],
): Promise<string | undefined> {
  const direct = [decision.recipientNip, ...(decision.escalatedTo ?? [])].find((nip) => isLinkForRecipient(link, nip, keys));
  if (direct) return direct;
  ctx.acting = ctx.cycle ? ((await activeDelegateOf(ctx.cycle.agencyId, decision.recipientNip)) ?? null) : null;
  return ctx.acting && isLinkForRecipient(link, ctx.acting, keys) ? ctx.acting : undefined;
}

async function alreadyDecidedPage(decision: DecisionRecord, locale: Locale, cycle: CycleRecord | undefined) {
  const [by, principal, subject] = await Promise.all([
    decision.decidedBy?.nip && cycle ? getEmployee(cycle.agencyId, decision.decidedBy.nip) : undefined,
    decision.decidedBy?.onBehalfOf && cycle ? getEmployee(cycle.agencyId, decision.decidedBy.onBehalfOf) : undefined,
    getEvaluation(decision.cycleId, decision.subjectNip, { consistent: false }),
  ]);
  return htmlResponse(
    200,
    renderAlreadyDecidedPage({
      locale,
      decidedBy: by?.name ?? decision.decidedBy?.nip ?? '—',
      ...(principal ? { onBehalfOf: principal.name } : {}),
      decidedAt: new Date(decision.decidedAt ?? Date.now()),
      decision: decision.outcome === 'return' ? 'return' : 'approve',
      items: subject ? [{ name: subject.name, nip: subject.nip }] : [],
    }),
  );
}

/** The item shown on the confirmation page: its evaluation and its unit's name (one item, not the unit list). */
async function itemDetails(decision: DecisionRecord, locale: Locale, cycle: CycleRecord | undefined) {
  // Consistent: the approver decides on what this page shows (a re-rating may be seconds old).
  const e = await getEvaluation(decision.cycleId, decision.subjectNip);
  if (!e || !cycle) throw new NotFoundError('evaluation', 'Penilaian tidak ditemukan');
  const units = await unitNames(cycle.agencyId, [e.unitId]);
  return decision.kind === 'SKP_APPROVAL' ? skpDetails(e, decision.decisionId, units) : evaluationDetails(e, decision.decisionId, units, locale);
}

/** GET, HEAD and POST of a link: the page to answer with. */
export async function decisionLinkPage(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
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
  const ctx: LinkContext = { cycle: await getCycle(decision.cycleId, { consistent: false }) };
  const actorNip = await whoIsLink(link, decision, ctx, keys);
  if (!actorNip) return htmlResponse(403, renderLinkProblemPage({ locale, reason: 'tampered' }));
  if (decision.status !== 'PENDING') return alreadyDecidedPage(decision, locale, ctx.cycle);

  const confirm = async (extra: Partial<Parameters<typeof renderConfirmPage>[0]> = {}, status = 200) =>
    htmlResponse(
      status,
      renderConfirmPage({
        // A language chosen in the link (?lang=en) must survive the POST, or the result page falls back to Indonesian.
        locale,
        summary: await itemDetails(decision, locale, ctx.cycle),
        action: link.a,
        formAction: event.queryStringParameters?.lang === 'en' ? `${event.rawPath}?lang=en` : event.rawPath,
        hidden: linkFormFields(link),
        requireReason: true,
        ...extra,
      }),
    );

  if (!isPost) {
    const page = await confirm();
    return method === 'HEAD' ? { ...page, body: '' } : page;
  }
  if (!form!.ok) return confirm({ error: form!.error, previous: { decision: form!.decision, comment: form!.comment } }, 422);
  try {
    // What this request has read is passed on: decide() reads only the evaluation (and the stage record).
    const known = { decision, cycle: ctx.cycle, ...(ctx.acting !== undefined ? { acting: ctx.acting } : {}) };
    const result = await decide(decision.decisionId, form!.decision, form!.comment, actorNip, known);
    if (result.kind === 'already') return alreadyDecidedPage(result.decision, locale, ctx.cycle);
    const subject = result.subject;
    return htmlResponse(
      200,
      renderDecisionDonePage({
        locale,
        decision: form!.decision,
        decidedAt: new Date(result.decision.decidedAt ?? Date.now()),
        items: [{ name: subject.name, nip: subject.nip }],
        comment: form!.comment || undefined,
      }),
    );
  } catch (err) {
    if (err instanceof RuleError) return confirm({ error: 'reasonRequired', previous: { decision: form!.decision, comment: form!.comment } }, 422);
    if (err instanceof ForbiddenError) return htmlResponse(403, renderLinkProblemPage({ locale, reason: 'tampered' }));
    throw err;
  }
}
