/**
 * Task tokens of `.waitForTaskToken` tasks: minted (AWS-like length, HMAC-checked so a forged or
 * truncated token gets InvalidToken), swapped into the payload for `$$.Task.Token`, kept open until
 * the task settles, with the heartbeat timer. One instance per engine.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { type LocalSfnEvent, SfnApiError, type TaskRun, type TaskTokenOutcome, TOKEN_BYTES, TOKEN_KEY } from './engine-types';
import { isRecord, requireString } from './engine-util';

export interface TaskTokenHost {
  addTimer(run: TaskRun, ms: number, fn: () => void): () => void;
  timeoutError(name: 'States.Timeout' | 'States.HeartbeatTimeout'): Error;
  emit(e: LocalSfnEvent): void;
}

export class TaskTokens {
  /** The library never sets $$.Task.Token: this placeholder goes in, and each callback task swaps in its own token. */
  readonly placeholder = `__LOCAL_SFN_TASK_TOKEN_${randomUUID()}__`;
  private readonly tokens = new Map<string, TaskRun | 'closed'>();
  private readonly heartbeatCancels = new WeakMap<TaskRun, () => void>();

  constructor(private readonly host: TaskTokenHost) {}

  issue(run: TaskRun, heartbeatMs: number | undefined): string {
    const token = mintToken();
    run.token = token;
    this.tokens.set(token, run);
    if (heartbeatMs !== undefined) {
      run.heartbeatMs = Math.max(1, heartbeatMs);
      this.armHeartbeat(run);
    }
    this.host.emit({
      type: 'TaskTokenIssued',
      executionArn: run.exec.arn,
      stateName: run.plan.stateName,
      resource: run.plan.resource,
      taskToken: token,
    });
    return token;
  }

  armHeartbeat(run: TaskRun): void {
    const prev = this.heartbeatCancels.get(run);
    if (prev) {
      prev();
      run.cancels.delete(prev);
    }
    const cancel = this.host.addTimer(run, run.heartbeatMs ?? 1, () => {
      this.close(run, 'heartbeat-timeout');
      run.reject(this.host.timeoutError('States.HeartbeatTimeout'));
    });
    this.heartbeatCancels.set(run, cancel);
  }

  /** The open task behind a token, or the API error AWS would return. */
  open(tokenValue: unknown): TaskRun {
    const token = requireString(tokenValue, 'taskToken');
    if (token.length > 2048) throw new SfnApiError('ValidationException', 'taskToken must be at most 2048 characters');
    if (!isWellFormedToken(token)) throw new SfnApiError('InvalidToken', `Invalid Token: 'Invalid token'`);
    const run = this.tokens.get(token);
    if (run === undefined || run === 'closed' || run.settled) {
      throw new SfnApiError('TaskTimedOut', `Task Timed Out: 'Provided task does not exist anymore'`);
    }
    return run;
  }

  close(run: TaskRun, outcome: TaskTokenOutcome): void {
    if (run.token === undefined || run.settled) return;
    if (this.tokens.get(run.token) === 'closed') return;
    this.tokens.set(run.token, 'closed');
    this.host.emit({
      type: 'TaskTokenClosed',
      executionArn: run.exec.arn,
      stateName: run.plan.stateName,
      taskToken: run.token,
      outcome,
    });
  }

  withToken(value: unknown, token: string): unknown {
    if (typeof value === 'string') return value.split(this.placeholder).join(token);
    if (Array.isArray(value)) return value.map((v) => this.withToken(v, token));
    if (isRecord(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.withToken(v, token);
      return out;
    }
    return value;
  }
}

export function mintToken(): string {
  const id = randomBytes(18);
  const mac = createHmac('sha256', TOKEN_KEY).update(id).digest().subarray(0, 18);
  // Pad to a realistic length (AWS task tokens are several hundred characters).
  const pad = Buffer.alloc(TOKEN_BYTES - 36);
  for (let i = 0, block = 0; i < pad.length; block++) {
    const chunk = createHmac('sha256', TOKEN_KEY).update(id).update(String(block)).digest();
    chunk.copy(pad, i);
    i += chunk.length;
  }
  return `AQ${Buffer.concat([id, mac, pad]).toString('base64url')}`;
}

export function isWellFormedToken(token: string): boolean {
  if (!token.startsWith('AQ') || !/^[A-Za-z0-9_-]+$/.test(token.slice(2))) return false;
  const raw = Buffer.from(token.slice(2), 'base64url');
  if (raw.length !== TOKEN_BYTES) return false;
  const id = raw.subarray(0, 18);
  const expected = createHmac('sha256', TOKEN_KEY).update(id).digest().subarray(0, 18);
  return timingSafeEqual(expected, raw.subarray(18, 36));
}
