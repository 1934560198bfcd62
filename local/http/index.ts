// Public surface of the local HTTP API adapter (decision 4 of the architecture notes).
export {
  startLocalHttpApi,
  resolveLocalHttpPort,
  LocalHttpPortInUseError,
  DEFAULT_LOCAL_HTTP_PORT,
  DEFAULT_LOCAL_HTTP_HOST,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_INTEGRATION_TIMEOUT_MS,
  LOCAL_API_ID,
  LOCAL_ACCOUNT_ID,
  type LocalHttpApi,
  type LocalHttpApiOptions,
  type LocalHttpApiEvent,
  type LocalRoute,
  type JwtAuthorizerConfig,
} from './server';
export {
  loadOrCreateLocalJwtKeys,
  mintLocalToken,
  localJwtAuthorizerConfig,
  parseTimeSpan,
  LOCAL_JWT_ISSUER,
  LOCAL_JWT_AUDIENCE,
  LOCAL_JWT_ALG,
  LOCAL_ROLES,
  DEFAULT_LOCAL_KEYS_DIR,
  type LocalJwtKeys,
  type LocalRole,
  type MintLocalTokenOptions,
} from './keys';
export { renderClaimsLikeApiGateway, parseApiGatewayListClaim, type ApiGatewayClaims } from './claims';
export { RouteConfigError } from './routes';
