/**
 * The Powertools logger, made once and imported by every handler. Metrics live in ./metrics.ts, so the
 * functions that emit none (all but stage-failed) neither bundle nor construct them.
 */
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'asn-kinerja' });
