/** The SKM survey's request schemas: the domain owns them (shared/domain/skm); the contract names them here. */

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
