/** In-memory document and coaching ports, beside the shared fakes (fakes.ts): the same semantics as the DynamoDB adapter. */
import { createHash } from 'node:crypto';
import { usePorts } from '../../shared/application/context';
import type { CoachingRepository, DocumentJob, DocumentPorts, DocumentRecord, Ports } from '../../shared/application/ports';
import type { CoachingPlan } from '../../shared/domain/coaching';
import type { AuditEvent } from '../../shared/domain/records';
import type { FakeWorld } from './fakes';

export function fakeDocumentPorts(world: FakeWorld) {
  const docs = new Map<string, DocumentRecord>();
  const current = new Map<string, string>();
  const plans = new Map<string, CoachingPlan>();
  const jobs: DocumentJob[] = [];
  const rendered: { code: string; title: string; draft: boolean }[] = [];
  const planAudit: AuditEvent[] = [];
  const pointer = (c: string, s: string, k: string, v: string) => `${c}#${s}#${k}#${v}`;
  const documents: DocumentPorts = {
    renderer: {
      async render(content, stamp) {
        rendered.push({ code: stamp.code, title: content.title, draft: content.draft });
        return new TextEncoder().encode(`%PDF-fake ${stamp.code} ${stamp.hash} ${JSON.stringify(content.data)}`);
      },
    },
    signer: { note: 'Tidak ditandatangani secara elektronik', sign: async (pdf) => ({ pdf, signed: false }) },
    place: 'Surabaya',
    sha256: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
    // The fake world keeps one audit list for everyone: enough for the approvals the documents show.
    auditOf: async () => world.audit,
    registry: {
      get: async (code) => docs.get(code),
      current: async (c, s, k, v) => {
        const code = current.get(pointer(c, s, k, v));
        return code ? docs.get(code) : undefined;
      },
      currentOf: async (c, s) => [...current.entries()].filter(([k]) => k.startsWith(`${c}#${s}#`)).map(([, code]) => docs.get(code)!),
      async record(doc, previous) {
        const key = pointer(doc.cycleId, doc.subject, doc.kind, doc.variant);
        if (docs.has(doc.code) || current.get(key) !== previous?.code) return 'conflict';
        docs.set(doc.code, doc);
        current.set(key, doc.code);
        if (previous) docs.set(previous.code, { ...docs.get(previous.code)!, status: 'SUPERSEDED', supersededAt: doc.generatedAt, supersededBy: doc.code });
        return 'applied';
      },
    },
  };
  const coaching: CoachingRepository = {
    get: async (c, n) => plans.get(`${c}#${n}`),
    create: async (plan) => {
      if (plans.has(`${plan.cycleId}#${plan.nip}`)) return false;
      plans.set(`${plan.cycleId}#${plan.nip}`, plan);
      return true;
    },
    update: async (plan, expected, audit) => {
      if (plans.get(`${plan.cycleId}#${plan.nip}`)?.version !== expected) return 'conflict';
      plans.set(`${plan.cycleId}#${plan.nip}`, plan);
      planAudit.push(audit);
      return 'applied';
    },
    openPage: async (agencyId, o) => ({
      items: [...plans.values()]
        .filter((p) => p.agencyId === agencyId && p.status === 'OPEN' && (!o.dueBefore || p.nextSessionDue! < o.dueBefore))
        .sort((a, b) => a.nextSessionDue!.localeCompare(b.nextSessionDue!)),
    }),
  };
  const ports: Ports = { ...world.ports, documents, coaching, documentRequests: { request: async (job) => void jobs.push(job) } } as Ports;
  usePorts(ports);
  return { docs, current, plans, jobs, rendered, planAudit, ports };
}
