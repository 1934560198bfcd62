/** The documents' and coaching plans' ports, from the installed set (shared/application/context.ts). */
import { ports } from '../context';
import type { CoachingRepository, DocumentPorts, DocumentRequests } from '../ports';

export function documentPorts(): DocumentPorts {
  const d = ports().documents;
  if (!d) throw new Error('No document ports installed (shared/composition.ts installs them)');
  return d;
}
export function coachingPlans(): CoachingRepository {
  const c = ports().coaching;
  if (!c) throw new Error('No coaching repository installed (shared/composition.ts installs it)');
  return c;
}
/** Asks for documents to be made in the background; a set of ports without it makes none. */
export async function requestDocuments(job: Parameters<DocumentRequests['request']>[0]): Promise<void> {
  const requests = ports().documentRequests;
  if (!requests) return;
  try {
    await requests.request(job);
  } catch (err) {
    // Documents are made again on the next change or on demand: a failed request never fails the step that asked.
    ports().log.info('document request failed', { job, error: String(err) });
  }
}
