/** The SKM survey's request schemas: the domain owns them (shared/domain/skm); the contract names them here. */
import * as z from 'zod';
import { UnitIdSchema as Unit } from '../../domain/skm/submission';

export { MAX_SUBMISSION_BYTES } from '../../domain/skm/limits';
export {
  CommentIdSchema,
  CommentListQuerySchema,
  IdempotencyKeySchema,
  IkmQuerySchema,
  ModerationSchema,
  SubmissionSchema,
  UnitIdSchema,
} from '../../domain/skm/submission';

// --- integrity (issue #12): survey kiosks ---

/** POST /v1/skm/kiosks: the unit whose service counter the kiosk serves, and a label HR recognises it by. */
export const KioskBody = z.object({ unitId: Unit, label: z.string().trim().min(1).max(100).optional() });
export const KioskIdParam = z.string().regex(/^[a-z0-9]{8,40}$/, 'ID kios tidak valid / invalid kiosk id');
/** The header a kiosk sends its token in (a server-rendered form passes it as the field `kiosk`). */
export const KIOSK_TOKEN_HEADER = 'x-kiosk-token';
export const KioskTokenSchema = z.string().min(1).max(200);
