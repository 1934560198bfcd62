/**
 * The Cognito user pool and the app's client (used when the agency does not bring its own OIDC provider).
 *
 * Claims the API authorizes with (custom:agencyId, custom:nip) are set once by HR when the account is
 * created and never writable afterwards: immutable in the pool, and outside the client's write attributes,
 * so no token can carry an agency or NIP its holder chose. Groups (the roles claim) are changed by admins only.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface SignInUrls {
  /** Where Cognito may return the browser after sign-in (the app's origin; from deployment context). */
  callbackUrls: string[];
  logoutUrls: string[];
}

/** The custom attributes the API reads as claims: immutable once the account exists. */
export const AUTHORIZATION_ATTRIBUTES = ['nip', 'agencyId'] as const;

/** What a signed-in user may change about themselves: their name and language, nothing the API trusts. */
export const USER_WRITABLE_ATTRIBUTES: cognito.StandardAttributesMask = { fullname: true, givenName: true, familyName: true, locale: true };

export class UserDirectory extends Construct {
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: { signIn: SignInUrls }) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true, username: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      customAttributes: {
        nip: new cognito.StringAttribute({ minLen: 18, maxLen: 18, mutable: false }),
        agencyId: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: false }),
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const group of ['hr', 'employee']) {
      new cognito.CfnUserPoolGroup(this, `Group-${group}`, { userPoolId: this.userPool.userPoolId, groupName: group });
    }
    // A browser app is a public client: no secret (it could not keep one), the authorization code grant
    // with PKCE only (no implicit grant: tokens never travel in a URL), and no admin scope
    // (aws.cognito.signin.user.admin would let the token call the user-attribute APIs).
    this.userPoolClient = this.userPool.addClient('ApiClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: props.signIn.callbackUrls,
        logoutUrls: props.signIn.logoutUrls,
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes(USER_WRITABLE_ATTRIBUTES),
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
    });
  }
}
