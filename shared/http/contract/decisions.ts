/** The signed decision links (shared/adapters/links/links.ts) and the confirmation page's form. */
import * as z from 'zod';
import { DECISION_ID_PATTERN, DECISIONS, LINK_ACTIONS } from '../../adapters/links/links';
import { LangQuery } from './common';

export const DecisionIdParam = z.string().regex(DECISION_ID_PATTERN);
/** The signed fields of a decision link, plus the page language. */
export const DecisionLinkQuery = z.object({
  a: z.enum(LINK_ACTIONS),
  r: z.string().regex(/^[A-Za-z0-9_-]{16}$/),
  e: z.string().regex(/^[1-9][0-9]{0,11}$/),
  k: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  s: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  lang: LangQuery,
});
/** The confirmation page's form (shared/adapters/render/pages/form.ts): the link's fields, the decision, a reason. */
export const DecisionForm = DecisionLinkQuery.omit({ lang: true }).extend({
  decision: z.enum(DECISIONS),
  comment: z.string().max(2000).optional(),
});
