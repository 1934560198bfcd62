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
  it('refuses a token without an agency claim, or with one that is not an agency id (401: no fallback agency)', () => {
    for (const agency of [undefined, '', ' ', 'kec asemrowo', 'KEC-ASEMROWO', '[kec-asemrowo]']) {
      const claims = { 'custom:nip': NIP, 'cognito:groups': '[hr employee]', ...(agency === undefined ? {} : { 'custom:agencyId': agency }) };
      expect(() => callerFrom(event(claims)), String(agency)).toThrow(/token/i);
    }
  });
  it.each([
    ['API Gateway’s rendering of an array', '[hr employee]', ['hr', 'employee']],
    ['a real array', ['employee', 'hr'], ['employee', 'hr']],
    ['one exact role name', 'hr', ['hr']],
    ['two names in one string, space-separated', 'employee hr', []],
    ['two names in one string, comma-separated', 'employee,hr', []],
    ['a JSON text', '["hr"]', []],
    ['a bracketed list with commas', '[employee,hr]', []],
    ['a role name with spaces around it', ' hr ', []],
    ['a number', 7, []],
  ])('roles claim as %s → %j', (_name, roles, expected) => {
    expect(callerFrom(event({ 'custom:nip': NIP, 'custom:agencyId': 'kec-asemrowo', 'cognito:groups': roles })).roles).toEqual(expected);
  });
});
