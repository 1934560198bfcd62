// Public surface of the local HTTP API adapter (decision 4 of the architecture notes).

export { type ApiGatewayClaims, parseApiGatewayListClaim, renderClaimsLikeApiGateway } from './claims';
export {
  DEFAULT_LOCAL_KEYS_DIR,
  LOCAL_JWT_ALG,
  LOCAL_JWT_AUDIENCE,
  LOCAL_JWT_ISSUER,
  LOCAL_ROLES,
  type LocalJwtKeys,
  type LocalRole,
  loadOrCreateLocalJwtKeys,
  localJwtAuthorizerConfig,
  type MintLocalTokenOptions,
  mintLocalToken,
  parseTimeSpan,
} from './keys';
export { RouteConfigError } from './routes';
export {
  DEFAULT_INTEGRATION_TIMEOUT_MS,
  DEFAULT_LOCAL_HTTP_HOST,
  DEFAULT_LOCAL_HTTP_PORT,
  DEFAULT_MAX_BODY_BYTES,
  type JwtAuthorizerConfig,
  LOCAL_ACCOUNT_ID,
  LOCAL_API_ID,
  type LocalHttpApi,
  type LocalHttpApiEvent,
  type LocalHttpApiOptions,
  LocalHttpPortInUseError,
  type LocalRoute,
  resolveLocalHttpPort,
  startLocalHttpApi,
} from './server';
