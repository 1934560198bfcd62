/**
 * The pages of an email decision link: verify the signed link, find whom it was issued to, show the
 * confirmation page (GET, HEAD) or decide (POST from that page). Every other case — second click,
 * expired or tampered link, escalated item — ends on a clear page and changes nothing.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  type CycleRecord,
  type DecisionRecord,
  getCycle,
  getDecision,
  getEmployee,
  getEvaluation,
  getEvaluations,
  pendingDecisionsOf,
  unitNames,
} from '../../shared/adapters/dynamodb/repository';
import { isLinkForRecipient, linkFormFields, type VerifiedDecisionLink, verifyDecisionLinkWithProvider } from '../../shared/adapters/links';
import type { Locale } from '../../shared/adapters/render/i18n';
import {
  type DecisionFormError,
  htmlResponse,
  linkProblemStatus,
  parseDecisionForm,
  renderAlreadyDecidedPage,
  renderConfirmPage,
  renderDecisionDonePage,
  renderErrorPage,
  renderLinkProblemPage,
  renderObjectionPage,
  renderObjectionPreviewPage,
} from '../../shared/adapters/render/pages';
import { rerateResult, suggestRerate } from '../../shared/application/decisions/decide';
import { activeDelegateOf } from '../../shared/application/delegation/delegation';
import { ForbiddenError, NotFoundError, RuleError } from '../../shared/application/errors';
import { decide } from '../../shared/application/evaluation/actions';
import { evaluationDetails, skpDetails } from '../../shared/application/queries/summaries';
import { objectionDetails } from '../../shared/application/stages/notifications';
import { deps } from '../../shared/composition';
import { type Predikat, predikatLabel, type Rating, RatingSchema, ratingLabel } from '../../shared/domain/ratings';

/** The language a link asked for (`?lang=en|id`), if any. */
const langParam = (event: APIGatewayProxyEventV2): Locale | undefined => {
  const lang = event.queryStringParameters?.lang;
  return lang === 'en' || lang === 'id' ? lang : undefined;
};

/**
 * The page language before the recipient is known (a bad link): the link's `?lang`, else Indonesian.
 * Once the recipient is known, their stored preference decides when the link says nothing
 * (`recipientLocale`); the browser's language never overrides the recipient's.
 */
export const localeOf = (event: APIGatewayProxyEventV2): Locale => langParam(event) ?? 'id';

async function recipientLocale(event: APIGatewayProxyEventV2, cycle: CycleRecord | undefined, nip: string): Promise<Locale> {
  const asked = langParam(event);
  if (asked) return asked;
  const person = cycle ? await getEmployee(cycle.agencyId, nip) : undefined;
  return person?.locale === 'en' ? 'en' : 'id';
}

/** The same link in the other language: a GET of the signed link (shows, never decides). */
function switchUrlOf(event: APIGatewayProxyEventV2, link: VerifiedDecisionLink, locale: Locale): string {
  return `${event.rawPath}?${new URLSearchParams({ ...linkFormFields(link), lang: locale === 'id' ? 'en' : 'id' })}`;
}

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

/** "Sudah diputuskan oleh … pada …: disetujui" — always the stored outcome. */
async function alreadyDecidedPage(decision: DecisionRecord, locale: Locale, cycle: CycleRecord | undefined, switchUrl: string) {
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
      kind: decision.kind,
      items: subject ? [{ name: subject.name, nip: subject.nip }] : [],
      switchUrl,
    }),
  );
}

/** The evaluation the page shows and its unit's name (one item, not the unit list). */
async function loadSubject(decision: DecisionRecord, cycle: CycleRecord | undefined) {
  // Consistent: the approver decides on what this page shows (a re-rating may be seconds old).
  const e = await getEvaluation(decision.cycleId, decision.subjectNip);
  if (!e || !cycle) throw new NotFoundError('evaluation', 'Penilaian tidak ditemukan');
  const units = await unitNames(cycle.agencyId, [e.unitId]);
  return { e, units };
}

async function itemDetails(decision: DecisionRecord, locale: Locale, cycle: CycleRecord | undefined) {
  const { e, units } = await loadSubject(decision, cycle);
  return decision.kind === 'SKP_APPROVAL' ? skpDetails(e, decision.decisionId, units) : evaluationDetails(e, decision.decisionId, units, locale);
}

const ratingOf = (value: string | undefined): Rating | undefined => {
  const parsed = RatingSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

/** GET, HEAD and POST of a link: the page to answer with. */
export async function decisionLinkPage(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  let locale = localeOf(event);
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
  // The recipient's language: the link's, else their stored preference.
  locale = await recipientLocale(event, ctx.cycle, actorNip);
  const switchUrl = switchUrlOf(event, link, locale);
  if (link.a === 'all') return approveAllPage(event, { link, decision, ctx, actorNip, locale, switchUrl, form });
  if (decision.status !== 'PENDING') return alreadyDecidedPage(decision, locale, ctx.cycle, switchUrl);
  // A language chosen in the link (?lang=…) must survive the POST, or the result page falls back.
  const formAction = langParam(event) ? `${event.rawPath}?lang=${locale}` : event.rawPath;
  const objection = decision.kind === 'OBJECTION';
  const ratings = RatingSchema.options.map((value) => ({ value, label: ratingLabel[value][locale] }));

  const confirm = async (error?: DecisionFormError, status = 200) => {
    if (objection) {
      const { e, units } = await loadSubject(decision, ctx.cycle);
      const suggested = suggestRerate(e, e.objection?.requestedPredikat as Predikat | undefined);
      return htmlResponse(
        status,
        renderObjectionPage({
          locale,
          item: objectionDetails(e, decision.decisionId, units, locale),
          action: link.a,
          formAction,
          hidden: linkFormFields(link),
          ratings,
          ...(suggested ? { suggested } : {}),
          ...(error ? { error } : {}),
          ...(form
            ? {
                previous: {
                  decision: form.decision,
                  comment: form.comment,
                  resultsRating: form.fields.resultsRating,
                  behaviourRating: form.fields.behaviourRating,
                },
              }
            : {}),
          switchUrl,
        }),
      );
    }
    return htmlResponse(
      status,
      renderConfirmPage({
        locale,
        summary: await itemDetails(decision, locale, ctx.cycle),
        action: link.a,
        formAction,
        hidden: linkFormFields(link),
        requireReason: true,
        ...(error ? { error, previous: { decision: form?.decision, comment: form?.comment } } : {}),
        switchUrl,
      }),
    );
  };

  if (!isPost) {
    const page = await confirm();
    return method === 'HEAD' ? { ...page, body: '' } : page;
  }
  // Authorization before any other check: nobody decides on their own record, whatever the form says.
  if (actorNip === decision.subjectNip) return htmlResponse(403, renderLinkProblemPage({ locale, reason: 'tampered' }));
  if (!form!.ok) return confirm(form!.error, 422);
  // An objection needs a reason either way.
  if (objection && !form!.comment) return confirm('reasonRequired', 422);
  const rerate =
    objection && form!.decision === 'approve'
      ? { resultsRating: ratingOf(form!.fields.resultsRating), behaviourRating: ratingOf(form!.fields.behaviourRating) }
      : undefined;
  try {
    if (rerate && form!.fields.confirm !== '1') {
      // Granting: show the predikat the new ratings give (the matrix) before anything is recorded.
      const { e } = await loadSubject(decision, ctx.cycle);
      const result = rerateResult(e, rerate);
      const before = (e.predikat ?? undefined) as Predikat | undefined;
      return htmlResponse(
        200,
        renderObjectionPreviewPage({
          locale,
          name: e.name,
          before: before ? predikatLabel[before][locale] : '—',
          predikat: predikatLabel[result.predikat][locale],
          resultsRating: ratingLabel[result.resultsRating][locale],
          behaviourRating: ratingLabel[result.behaviourRating][locale],
          comment: form!.comment,
          formAction,
          hidden: {
            ...linkFormFields(link),
            decision: 'approve',
            comment: form!.comment,
            resultsRating: result.resultsRating,
            behaviourRating: result.behaviourRating,
            confirm: '1',
          },
          backUrl: `${event.rawPath}?${new URLSearchParams({ ...linkFormFields(link), ...(langParam(event) ? { lang: locale } : {}) })}`,
          switchUrl,
        }),
      );
    }
    // What this request has read is passed on: decide() reads only the evaluation (and the stage record).
    const known = { decision, cycle: ctx.cycle, ...(ctx.acting !== undefined ? { acting: ctx.acting } : {}) };
    const result = await decide(decision.decisionId, form!.decision, form!.comment, actorNip, known, rerate ? { rerate } : {});
    // Lost a race: the stored outcome, never this request's own choice.
    if (result.kind === 'already') return alreadyDecidedPage(result.decision, locale, ctx.cycle, switchUrl);
    const subject = result.subject;
    return htmlResponse(
      200,
      renderDecisionDonePage({
        locale,
        decision: result.decision.outcome === 'return' ? 'return' : 'approve',
        kind: decision.kind,
        decidedAt: new Date(result.decision.decidedAt ?? Date.now()),
        items: [{ name: subject.name, nip: subject.nip }],
        comment: result.decision.comment || undefined,
        ...(result.predikat ? { predikat: predikatLabel[result.predikat][locale] } : {}),
        switchUrl,
      }),
    );
  } catch (err) {
    if (err instanceof RuleError) return confirm((err as { field?: string }).field === 'rerate' ? 'rerate' : 'reasonRequired', 422);
    if (err instanceof ForbiddenError) return htmlResponse(403, renderLinkProblemPage({ locale, reason: 'tampered' }));
    throw err;
  }
}

/** At most this many items on one "Setujui semua" page (a digest lists a recipient's items of one stage). */
const MAX_BATCH = 200;

/**
 * A digest's "Setujui semua": GET lists every decision of the anchor's kind and stage still pending for
 * its recipient (what will be approved); only a POST of that page approves, and exactly the ids it listed.
 * Items decided meanwhile by someone else are reported, not decided again. Returning stays item by item.
 */
async function approveAllPage(
  event: APIGatewayProxyEventV2,
  o: {
    link: VerifiedDecisionLink;
    decision: DecisionRecord;
    ctx: LinkContext;
    actorNip: string;
    locale: Locale;
    switchUrl: string;
    form: ReturnType<typeof parseDecisionForm> | undefined;
  },
): Promise<APIGatewayProxyStructuredResultV2> {
  const { link, decision, ctx, actorNip, locale, switchUrl, form } = o;
  const sameGroup = (d: DecisionRecord) => d.kind === decision.kind && d.stage === decision.stage && d.cycleId === decision.cycleId && d.kind !== 'OBJECTION';
  const formAction = langParam(event) ? `${event.rawPath}?lang=${locale}` : event.rawPath;
  if (!form) {
    const pending = (await pendingDecisionsOf(decision.cycleId, decision.recipientNip))
      .filter(sameGroup)
      .sort((a, b) => a.subjectNip.localeCompare(b.subjectNip))
      .slice(0, MAX_BATCH);
    if (pending.length === 0) return alreadyDecidedPage(decision, locale, ctx.cycle, switchUrl);
    const evaluations = await getEvaluations(
      decision.cycleId,
      pending.map((d) => d.subjectNip),
    );
    const units = ctx.cycle
      ? await unitNames(
          ctx.cycle.agencyId,
          [...evaluations.values()].map((e) => e.unitId),
        )
      : new Map<string, string>();
    const listed = pending.flatMap((d) => {
      const e = evaluations.get(d.subjectNip);
      return e ? [{ d, e }] : [];
    });
    const page = htmlResponse(
      200,
      renderConfirmPage({
        locale,
        summary: listed.map(({ d, e }) => (d.kind === 'SKP_APPROVAL' ? skpDetails(e, d.decisionId, units) : evaluationDetails(e, d.decisionId, units, locale))),
        action: 'approve',
        formAction,
        hidden: { ...linkFormFields(link), ids: listed.map(({ d }) => d.decisionId).join(',') },
        requireReason: true,
        switchUrl,
      }),
    );
    return event.requestContext.http.method === 'HEAD' ? { ...page, body: '' } : page;
  }
  if (!form.ok || form.decision !== 'approve') return htmlResponse(400, renderErrorPage({ locale, kind: 'badRequest' }));
  const ids = [...new Set((form.fields.ids ?? '').split(',').filter(Boolean))].slice(0, MAX_BATCH);
  const known = { cycle: ctx.cycle, ...(ctx.acting !== undefined ? { acting: ctx.acting } : {}) };
  const approved: { name: string; nip: string }[] = [];
  let decidedAt = new Date();
  for (const id of ids) {
    const d = await getDecision(id);
    // Only what the page listed and this link covers: the same recipient, kind and stage.
    if (!d || !sameGroup(d) || d.recipientNip !== decision.recipientNip) continue;
    try {
      const result = await decide(id, 'approve', form.comment, actorNip, { ...known, decision: d });
      if (result.kind === 'decided') {
        approved.push({ name: result.subject.name, nip: result.subject.nip });
        decidedAt = new Date(result.decision.decidedAt ?? Date.now());
      }
    } catch (err) {
      if (!(err instanceof ForbiddenError || err instanceof RuleError || err instanceof NotFoundError)) throw err;
    }
  }
  if (approved.length === 0) return alreadyDecidedPage(decision, locale, ctx.cycle, switchUrl);
  return htmlResponse(
    200,
    renderDecisionDonePage({
      locale,
      decision: 'approve',
      kind: decision.kind,
      decidedAt,
      items: approved,
      comment: form.comment || undefined,
      switchUrl,
    }),
  );
}
