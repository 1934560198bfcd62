/** Powertools objects, made once and imported by every handler. */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'asn-kinerja' });
export const metrics = new Metrics({ namespace: 'AsnKinerja', serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'asn-kinerja' });
