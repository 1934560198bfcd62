/** Request schemas of the web app's own routes (functions/me-api): who am I, Beranda, decisions in the session. */
import * as z from 'zod';
import { DECISION_ID_PATTERN } from '../../adapters/links/links';
import { CycleIdParam, LangQuery } from './common';

export const MeQuery = z.object({ lang: LangQuery });
export const TasksQuery = z.object({ cycleId: CycleIdParam.optional(), lang: LangQuery });
export const MyDecisionsQuery = z.object({ cycleId: CycleIdParam.optional(), lang: LangQuery });
export const MyDecisionPath = z.object({ decisionId: z.string().regex(DECISION_ID_PATTERN) });
/** A reason is required to return (the use case says so beside the field `comment`). */
export const MyDecisionBody = z.object({ decision: z.enum(['approve', 'return']), comment: z.string().max(2000).optional() });
/** The decisions the approver saw on the page: only those are approved, never one that arrived since. */
export const ApproveAllBody = z.object({
  decisionIds: z.array(z.string().regex(DECISION_ID_PATTERN)).min(1).max(200),
  comment: z.string().max(2000).optional(),
});
