/** Bukti dukung use cases (shared/application/evidence) against in-memory ports: uploads, links, list, delete. */
import { beforeEach, describe, expect, it } from 'vitest';
import { usePorts } from '../../../shared/application/context';
import { ForbiddenError, RuleError, StateError } from '../../../shared/application/errors';
import { addEvidenceLink, confirmEvidenceUpload, deleteEvidence, listEvidence, requestEvidenceUpload } from '../../../shared/application/evidence/evidence';
import { MAX_EVIDENCE_BYTES } from '../../../shared/domain/evidence';
import { callers, type FakeWorld, fakePorts, OFFICE, seedOffice } from '../../support/fakes';

let world: FakeWorld;
beforeEach(() => {
  world = fakePorts();
  usePorts(world.ports);
});
const { cycle: C, self: SELF } = OFFICE;
const PDF = { rhkId: 'rhk-1', indicatorId: 'iki-1', fileName: 'C:\\Users\\bayu\\Laporan Juni.PDF', contentType: 'application/pdf' as const, size: 9 };
const PDF_BYTES = '%PDF-1.4\n';

async function uploaded() {
  const req = await requestEvidenceUpload(C, SELF, PDF, callers.self);
  const item = world.evidence.values().next().value!;
  await world.ports.files.put(item.objectKey!, PDF_BYTES, { contentType: 'application/pdf' });
  return { req, item };
}

describe('requestEvidenceUpload', () => {
  it('the employee gets a PUT URL for one server-chosen key; a PENDING record with a TTL', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    const out = await requestEvidenceUpload(C, SELF, PDF, callers.self);
    const item = world.evidence.values().next().value!;
    expect(item).toMatchObject({
      status: 'PENDING',
      period: 'MIDYEAR',
      objectKey: `evidence/${OFFICE.agency}/${C}/${SELF}/${out.evidenceId}`,
      fileName: 'Laporan Juni.pdf',
      uploadedBy: SELF,
    });
    expect(item.expiresAt).toBe(Math.floor(Date.parse('2026-07-10T03:00:00.000Z') / 1000) + 24 * 3600);
    expect(out.upload).toMatchObject({ method: 'PUT', headers: { 'content-type': 'application/pdf' } });
    expect(out.upload.url).toContain(`${item.objectKey}?put&type=application%2Fpdf&size=9&ttl=900`);
  });
  it('someone else (the rater, HR) may not → Forbidden, nothing written', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    await expect(requestEvidenceUpload(C, SELF, PDF, callers.rater)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(requestEvidenceUpload(C, SELF, PDF, callers.hr)).rejects.toBeInstanceOf(ForbiddenError);
    expect(world.evidence.size).toBe(0);
  });
  it('outside an evidence period, an unknown RHK or indicator, or a file too large → refused', async () => {
    await seedOffice(world, 'PLANNING', 'SKP_APPROVED');
    await expect(requestEvidenceUpload(C, SELF, PDF, callers.self)).rejects.toBeInstanceOf(StateError);
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    await expect(requestEvidenceUpload(C, SELF, { ...PDF, rhkId: 'rhk-x' }, callers.self)).rejects.toMatchObject({ field: 'rhkId' });
    await expect(requestEvidenceUpload(C, SELF, { ...PDF, indicatorId: 'iki-x' }, callers.self)).rejects.toMatchObject({ field: 'indicatorId' });
    await expect(requestEvidenceUpload(C, SELF, { ...PDF, size: MAX_EVIDENCE_BYTES + 1 }, callers.self)).rejects.toBeInstanceOf(RuleError);
    await expect(requestEvidenceUpload(C, SELF, { ...PDF, period: 'FINAL_SCORING' }, callers.self)).rejects.toBeInstanceOf(StateError);
    expect(world.evidence.size).toBe(0);
  });
});

describe('confirmEvidenceUpload', () => {
  it('records the checked file once; a repeat answers the same', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    const { req } = await uploaded();
    const first = await confirmEvidenceUpload(C, SELF, req.evidenceId, callers.self);
    expect(first.outcome).toBe('applied');
    expect(first.evidence).toMatchObject({ kind: 'file', size: 9, fileName: 'Laporan Juni.pdf' });
    expect(first.evidence).not.toHaveProperty('objectKey');
    expect(world.evidence.get(`${C}#${SELF}#${req.evidenceId}`)).toMatchObject({ status: 'STORED' });
    expect(world.evidence.get(`${C}#${SELF}#${req.evidenceId}`)).not.toHaveProperty('expiresAt');
    expect((await confirmEvidenceUpload(C, SELF, req.evidenceId, callers.self)).outcome).toBe('replayed');
  });
  it('nothing uploaded yet → 409; a file other than announced → deleted, record removed, 422', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    const req = await requestEvidenceUpload(C, SELF, PDF, callers.self);
    await expect(confirmEvidenceUpload(C, SELF, req.evidenceId, callers.self)).rejects.toBeInstanceOf(StateError);
    const item = world.evidence.values().next().value!;
    await world.ports.files.put(item.objectKey!, '<html>not a pdf</html>', { contentType: 'text/html' });
    await expect(confirmEvidenceUpload(C, SELF, req.evidenceId, callers.self)).rejects.toBeInstanceOf(RuleError);
    expect(world.objects.size).toBe(0);
    expect(world.evidence.size).toBe(0);
  });
});

describe('addEvidenceLink, listEvidence, deleteEvidence', () => {
  it('a link and a file are listed for the employee, the rater, the approver and HR; files with a download URL', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    const { req } = await uploaded();
    await confirmEvidenceUpload(C, SELF, req.evidenceId, callers.self);
    await addEvidenceLink(C, SELF, { rhkId: 'rhk-1', title: 'Berita', url: 'https://asemrowo.example.go.id/berita' }, callers.self);
    for (const who of [callers.self, callers.rater, callers.head, callers.hr]) {
      const list = await listEvidence(C, SELF, who);
      expect(list.items.map((i) => i.kind)).toEqual(['file', 'link']);
      expect((list.items[0] as { downloadUrl?: string }).downloadUrl).toContain('get&ttl=600&name=Laporan%20Juni.pdf');
      expect(list.canEdit).toBe(who === callers.self);
    }
  });
  it('a colleague or an outsider may not list → Forbidden; a pending upload is not listed', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    await requestEvidenceUpload(C, SELF, PDF, callers.self);
    expect((await listEvidence(C, SELF, callers.self)).items).toEqual([]);
    await expect(listEvidence(C, SELF, callers.peer)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listEvidence(C, SELF, callers.outsider)).rejects.toBeInstanceOf(ForbiddenError);
  });
  it('the employee deletes their own evidence while the period is open: record and object go', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    const { req } = await uploaded();
    await confirmEvidenceUpload(C, SELF, req.evidenceId, callers.self);
    await expect(deleteEvidence(C, SELF, req.evidenceId, callers.rater)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await deleteEvidence(C, SELF, req.evidenceId, callers.self)).toEqual({ evidenceId: req.evidenceId, deleted: true });
    expect(world.evidence.size).toBe(0);
    expect(world.objects.size).toBe(0);
  });
  it('after the period closed (reviewed → final scoring), MIDYEAR evidence stays: delete → 409', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    const link = await addEvidenceLink(C, SELF, { rhkId: 'rhk-1', title: 'Berita', url: 'https://asemrowo.example.go.id/b' }, callers.self);
    world.cycles.set(C, { ...world.cycles.get(C)!, stage: 'FINAL_SCORING' });
    world.evaluations.set(`${C}#${SELF}`, { ...world.evaluation(C, SELF)!, status: 'AWAITING_RATING' });
    await expect(deleteEvidence(C, SELF, link.evidence.evidenceId, callers.self)).rejects.toBeInstanceOf(StateError);
    expect(world.evidence.size).toBe(1);
  });
});
