// The worker thread's entry (plain JS): registers tsx's loader in this thread, then runs lambda-worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./lambda-worker.ts');
