/** Powertools metrics (CloudWatch EMF), made once; imported only by the functions that emit metrics. */
import { Metrics } from '@aws-lambda-powertools/metrics';

export const metrics = new Metrics({ namespace: 'AsnKinerja', serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'asn-kinerja' });
