/**
 * AWS list prices for region ap-southeast-3 (Asia Pacific, Jakarta), in US$, one constant per figure.
 *
 * These were written offline (no internet here) from the best figures known to the author, valid as of
 * PRICES_AS_OF. VERIFY ON THE AWS PRICING PAGE BEFORE QUOTING: https://aws.amazon.com/pricing/ (per service,
 * region "Asia Pacific (Jakarta)"). Where the Jakarta figure was not known with confidence, the note says
 * so and the higher of the plausible figures is used, so the cost model errs high.
 * Free tiers are ignored except where a service's plan is defined by one (Cognito), and noted there.
 */

export const PRICES_AS_OF = '2025-06 (author’s knowledge; verify on the AWS pricing page before quoting)';
export const REGION = 'ap-southeast-3';

export interface Price {
  usd: number;
  per: string;
  note: string;
}

export const PRICES = {
  // Step Functions
  stepFunctionsStandardTransition: {
    usd: 0.0000275,
    per: 'state transition (Standard)',
    note: 'us-east-1 is $0.025 per 1,000; Jakarta assumed 10 % higher — uncertain',
  },

  // Lambda (arm64, as deployed: Architecture.ARM_64)
  lambdaArmGbSecond: { usd: 0.0000133334, per: 'GB-second (arm64, first 7.5 B GB-s/month)', note: 'same as us-east-1 as far as known' },
  lambdaRequest: { usd: 0.0000002, per: 'request', note: '$0.20 per million' },

  // DynamoDB on demand (after the November 2024 on-demand price reduction)
  dynamoWriteRequestUnit: {
    usd: 0.0000007125,
    per: 'write request unit (on demand)',
    note: '$0.7125 per million in Asia Pacific (Singapore/Jakarta); us-east-1 $0.625',
  },
  dynamoReadRequestUnit: {
    usd: 0.0000001425,
    per: 'read request unit (on demand)',
    note: '$0.1425 per million in Asia Pacific (Singapore/Jakarta); us-east-1 $0.125',
  },
  dynamoStorageGbMonth: { usd: 0.285, per: 'GB-month (Standard table class)', note: 'Asia Pacific figure; us-east-1 $0.25' },
  dynamoPitrGbMonth: { usd: 0.228, per: 'GB-month of continuous backup (PITR)', note: 'Asia Pacific figure; us-east-1 $0.20' },

  // SES
  sesEmail: { usd: 0.0001, per: 'outbound email', note: '$0.10 per 1,000 (all regions); no attachments are sent' },

  // API Gateway HTTP API
  apiGatewayHttpRequest: { usd: 0.0000012, per: 'HTTP API request (≤ 512 KB)', note: 'us-east-1 $1.00 per million; Jakarta assumed $1.20 — uncertain' },

  // Secrets Manager
  secretsManagerApiCall: { usd: 0.000005, per: 'API call', note: '$0.05 per 10,000' },
  secretsManagerSecretMonth: { usd: 0.4, per: 'secret-month', note: '' },

  // KMS
  kmsRequest: { usd: 0.000003, per: 'request', note: '$0.03 per 10,000 symmetric requests' },
  kmsKeyMonth: { usd: 1.0, per: 'customer managed key-month', note: '' },

  // CloudWatch
  cloudWatchLogsIngestGb: { usd: 0.7, per: 'GB ingested (standard class)', note: 'us-east-1 $0.50; Asia Pacific up to $0.70 — the higher is used' },
  cloudWatchLogsStorageGbMonth: { usd: 0.033, per: 'GB-month archived', note: 'Asia Pacific figure' },
  cloudWatchAlarmMonth: { usd: 0.1, per: 'standard alarm-month', note: '' },

  // X-Ray (Lambda and the state machine have active tracing)
  xrayTraceRecorded: { usd: 0.000005, per: 'trace recorded', note: '$5.00 per million; first 100,000/month free (ignored)' },

  // Cognito user pools (per monthly active user, MAU)
  cognitoPlusMau: { usd: 0.02, per: 'MAU, Plus plan (as configured: FeaturePlan.PLUS)', note: 'no free tier on Plus' },
  cognitoEssentialsMau: { usd: 0.015, per: 'MAU, Essentials plan', note: 'first 10,000 MAU/month free' },
  cognitoLiteMau: { usd: 0.0055, per: 'MAU, Lite plan (10,001–100,000)', note: 'first 10,000 MAU/month free' },
} as const satisfies Record<string, Price>;

export type PriceId = keyof typeof PRICES;
