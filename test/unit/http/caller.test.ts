/** Who is calling, from the JWT authorizer's claims: Cognito's claim names, or the agency's OIDC provider's. */
import { afterEach, describe, expect, it } from 'vitest';
import { callerFrom } from '../../../shared/http/api';

const event = (claims: Record<string, unknown>) => ({ requestContext: { authorizer: { jwt: { claims, scopes: [] } } } }) as never;
const NIP = '199001012015031001';

afterEach(() => {
  delete process.env.JWT_CLAIM_NIP;
  delete process.env.JWT_CLAIM_AGENCY;
  delete process.env.JWT_CLAIM_ROLES;
});

describe('callerFrom', () => {
  it('reads Cognito’s claims by default (groups rendered by API Gateway as "[a b]")', () => {
    expect(callerFrom(event({ 'custom:nip': NIP, 'custom:agencyId': 'kec-asemrowo', 'cognito:groups': '[hr employee]' }))).toEqual({
      nip: NIP,
      roles: ['hr', 'employee'],
      agencyId: 'kec-asemrowo',
      name: undefined,
    });
  });
  it('reads the claims the deployment names for the agency’s own OIDC provider', () => {
    Object.assign(process.env, { JWT_CLAIM_NIP: 'nip', JWT_CLAIM_AGENCY: 'instansi', JWT_CLAIM_ROLES: 'roles' });
    expect(callerFrom(event({ nip: NIP, instansi: 'kec-asemrowo', roles: '[employee]', 'custom:nip': '000000000000000000' }))).toMatchObject({
      nip: NIP,
      roles: ['employee'],
      agencyId: 'kec-asemrowo',
    });
  });
  it('refuses a token without an 18-digit NIP in the configured claim (401)', () => {
    Object.assign(process.env, { JWT_CLAIM_NIP: 'nip' });
    expect(() => callerFrom(event({ 'custom:nip': NIP }))).toThrow();
  });
});
