/**
 * Sign-in for the web app with Cognito (the default deployment): the app's own client of the stateful
 * stack's user pool — public (no secret), authorization code with PKCE only, callback and sign-out URLs
 * from deployment context plus the CloudFront URL — and Cognito's managed login on a domain of the pool.
 * It lives here, beside the distribution whose URL it names (the pool's first client, in the stateful
 * stack, keeps the context URLs only). The agency-OIDC option creates none of this.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { USER_WRITABLE_ATTRIBUTES } from './user-directory';

export interface WebSignInProps {
  userPool: cognito.IUserPool;
  /** From deployment context (asn-kinerja:callbackUrls / logoutUrls). */
  callbackUrls: string[];
  logoutUrls: string[];
  /** The app's CloudFront URL (`https://…cloudfront.net`), registered at `/` and `/auth/callback`. */
  appUrl: string;
  domainPrefix: string;
}

/** The paths of the app Cognito may return to (the app uses one of them as redirect_uri). */
export const APP_CALLBACK_PATHS = ['/', '/auth/callback'] as const;

export class WebSignIn extends Construct {
  readonly client: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;
  /** `https://<prefix>.auth.<region>.amazoncognito.com` */
  readonly domainUrl: string;

  constructor(scope: Construct, id: string, props: WebSignInProps) {
    super(scope, id);
    const appUrls = APP_CALLBACK_PATHS.map((p) => `${props.appUrl}${p}`);
    this.client = new cognito.UserPoolClient(this, 'WebClient', {
      userPool: props.userPool,
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [...props.callbackUrls, ...appUrls],
        logoutUrls: [...props.logoutUrls, `${props.appUrl}/`],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes(USER_WRITABLE_ATTRIBUTES),
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
    });
    this.domain = new cognito.UserPoolDomain(this, 'Domain', {
      userPool: props.userPool,
      cognitoDomain: { domainPrefix: props.domainPrefix },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    // Managed login (version 2) needs a branding per client; Cognito's default look.
    new cognito.CfnManagedLoginBranding(this, 'Branding', {
      userPoolId: props.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    }).node.addDependency(this.domain);
    this.domainUrl = `https://${props.domainPrefix}.auth.${Stack.of(this).region}.amazoncognito.com`;
  }
}
