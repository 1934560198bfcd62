import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asemrowoSample, generateAgency, serialiseSample } from '../../../local/sample/generate';
import {
  checkSampleAgency,
  DEFAULT_SAMPLE_FILE,
  loadSampleAgency,
  type SampleAgency,
  SampleAgencySchema,
  type SampleEmployee,
  SampleFileError,
} from '../../../local/sample/schema';
import { type BehaviourFeedback, computeIkm, DEFAULT_POLICY_ID, evaluateEmployee, getPolicy, type Predikat, validateSkp } from '../../../shared/domain';

const CYCLE_2026 = { start: '2026-01-01', end: '2026-12-31' };
const FIX = 'git checkout local/sample/asemrowo.json';
const REGENERATE = 'npx tsx local/sample/generate.ts';

/** The structural rules every sample must keep, checked independently of checkSampleAgency. */
function expectWellFormed(sample: SampleAgency): void {
  const employees = new Map(sample.employees.map((e) => [e.nip, e]));
  const units = new Map(sample.units.map((u) => [u.unitId, u]));
  expect(employees.size, 'NIPs are unique').toBe(sample.employees.length);
  expect(units.size, 'unit ids are unique').toBe(sample.units.length);

  // Every rater exists; the rater chain and the unit tree have no cycles.
  for (const e of sample.employees) {
    if (e.raterNip !== undefined) expect(employees.has(e.raterNip), `rater of ${e.nip}`).toBe(true);
    else expect(e.external, `${e.nip} without a rater must be external`).toBe(true);
    expect(units.has(e.unitId), `unit of ${e.nip}`).toBe(true);
    const seen = new Set<string>();
    for (let at: SampleEmployee | undefined = e; at; at = at.raterNip ? employees.get(at.raterNip) : undefined) {
      expect(seen.has(at.nip), `rater cycle through ${at.nip}`).toBe(false);
      seen.add(at.nip);
    }
  }
  for (const u of sample.units) {
    const seen = new Set<string>();
    for (let at = units.get(u.unitId); at; at = at.parentUnitId ? units.get(at.parentUnitId) : undefined) {
      expect(seen.has(at.unitId), `unit cycle through ${at.unitId}`).toBe(false);
      seen.add(at.unitId);
    }
    if (u.headNip) {
      expect(employees.get(u.headNip)?.unitId, `head of ${u.unitId}`).toBe(u.unitId);
      expect(employees.get(u.headNip)?.isUnitHead).toBe(true);
    }
  }

  // Every employee but the externals has exactly one plan; the SKP is theirs and valid for 2026.
  const plans = new Map(sample.plans.map((p) => [p.nip, p]));
  expect(plans.size).toBe(sample.plans.length);
  for (const e of sample.employees) expect(plans.has(e.nip), `plan of ${e.nip}`).toBe(!e.external);
  for (const p of sample.plans) {
    const e = employees.get(p.nip)!;
    expect(p.skp.nip).toBe(p.nip);
    const raterPlan = e.raterNip ? plans.get(e.raterNip) : undefined;
    const superiorRhkIds = raterPlan?.skp.rhk.map((r) => r.id);
    const v = validateSkp(p.skp, { isUnitHead: e.isUnitHead, cycle: CYCLE_2026, ...(superiorRhkIds ? { superiorRhkIds } : {}) });
    expect(v.errors, `SKP of ${p.nip}`).toEqual([]);
    // Intervensi: every RHK supports an RHK of the rater's SKP, unless the rater is outside the agency.
    for (const r of p.skp.rhk) {
      if (raterPlan) expect(superiorRhkIds, `${p.nip} ${r.id} → ${r.parentRhkId}`).toContain(r.parentRhkId);
      else expect(r.parentRhkId).toBeUndefined();
    }
    expect(p.skp.rhk.length).toBeGreaterThanOrEqual(2);
    expect(p.skp.rhk.length).toBeLessThanOrEqual(4);
    p.skp.rhk.forEach((r, i) => {
      expect(r.id).toBe(`rhk-${i + 1}`);
      expect(r.indicators.length).toBeGreaterThanOrEqual(1);
      expect(r.indicators.length).toBeLessThanOrEqual(2);
      r.indicators.forEach((ind, j) => expect(ind.id).toBe(`rhk-${i + 1}-iki-${j + 1}`));
    });
  }
}

/** Scores a plan with the domain engine, as the cycle will (heads take the organisation's result). */
function score(sample: SampleAgency, nip: string, organisationResult: 'BAIK' = 'BAIK') {
  const employees = new Map(sample.employees.map((e) => [e.nip, e]));
  const e = employees.get(nip)!;
  const p = sample.plans.find((x) => x.nip === nip)!;
  const behaviourFeedback: BehaviourFeedback[] = p.feedback.map((f) => ({
    source: f.fromNip === e.raterNip ? 'rater' : employees.get(f.fromNip)?.raterNip === nip ? 'subordinate' : 'peer',
    value: f.value,
    rating: f.rating,
    fromNip: f.fromNip,
    ...(f.comment ? { comment: f.comment } : {}),
  }));
  return evaluateEmployee(
    {
      nip,
      isUnitHead: e.isUnitHead,
      skp: p.skp,
      realisations: p.final,
      behaviourFeedback,
      raterRhkRatings: p.raterOverride?.rhkRatings,
      raterBehaviourRating: p.raterOverride?.behaviourRating,
      organisationResult: e.isUnitHead ? organisationResult : undefined,
    },
    getPolicy(DEFAULT_POLICY_ID),
  );
}

describe('the Asemrowo sample (local/sample/asemrowo.json)', () => {
  const sample = loadSampleAgency(DEFAULT_SAMPLE_FILE);
  const byNip = new Map(sample.employees.map((e) => [e.nip, e]));
  const inUnit = (unitId: string) => sample.employees.filter((e) => e.unitId === unitId);
  const head = (unitId: string) => byNip.get(sample.units.find((u) => u.unitId === unitId)!.headNip!)!;

  it('parses, passes the reference checks, and is for the 2026 cycle', () => {
    expect(checkSampleAgency(sample)).toEqual([]);
    expect(sample).toMatchObject({ agencyId: 'kec-asemrowo', year: 2026 });
  });

  it('is byte for byte what the generator writes, every time (deterministic)', () => {
    const committed = readFileSync(DEFAULT_SAMPLE_FILE, 'utf8');
    expect(serialiseSample(asemrowoSample())).toBe(committed);
    expect(serialiseSample(asemrowoSample())).toBe(committed);
  });

  it('is well formed: raters exist, no cycles, a valid plan for everyone but the externals', () => {
    expectWellFormed(sample);
  });

  it('has the units of a Surabaya kecamatan, with a head each', () => {
    expect(sample.units.map((u) => u.unitId).sort()).toEqual(
      [
        'kec-asemrowo',
        'sekretariat',
        'subbag-umum',
        'subbag-keuangan',
        'seksi-pemerintahan',
        'seksi-trantib',
        'seksi-kesra',
        'seksi-ekbang',
        'kel-asemrowo',
        'kel-genting-kalianak',
        'kel-tambak-sarioso',
        'pemkot-surabaya',
      ].sort(),
    );
    for (const u of sample.units) expect(u.headNip, u.unitId).toBeDefined();
    const internal = sample.employees.filter((e) => !e.external);
    expect(internal.length).toBeGreaterThanOrEqual(55);
    expect(internal.length).toBeLessThanOrEqual(62);
  });

  it('puts the Camat under two external officials: the Sekda rates him, the Wali Kota approves', () => {
    const camat = head('kec-asemrowo');
    expect(camat.jabatan).toBe('Camat Asemrowo');
    const sekda = byNip.get(camat.raterNip!)!;
    expect(sekda).toMatchObject({ jabatan: 'Sekretaris Daerah Kota Surabaya', unitId: 'pemkot-surabaya', external: true });
    const walikota = byNip.get(sekda.raterNip!)!;
    expect(walikota).toMatchObject({ jabatan: 'Wali Kota Surabaya', unitId: 'pemkot-surabaya', external: true });
    expect(inUnit('pemkot-surabaya').every((e) => e.external && e.email.endsWith('@surabaya.go.id'))).toBe(true);
    expect(sample.employees.filter((e) => e.external)).toHaveLength(2);
  });

  it('has the raters the regulation implies for each level', () => {
    const camat = head('kec-asemrowo');
    const sekcam = head('sekretariat');
    expect(sekcam).toMatchObject({ jabatan: 'Sekretaris Kecamatan', raterNip: camat.nip, isUnitHead: true });
    for (const unitId of ['subbag-umum', 'subbag-keuangan']) {
      const kasubbag = head(unitId);
      expect(kasubbag.jabatan).toMatch(/^Kepala Subbagian/);
      expect(kasubbag.raterNip).toBe(sekcam.nip);
      const staff = inUnit(unitId).filter((e) => e !== kasubbag);
      expect(staff.length).toBeGreaterThanOrEqual(4);
      expect(staff.length).toBeLessThanOrEqual(5);
      for (const s of staff) expect(s.raterNip).toBe(kasubbag.nip);
    }
    for (const unitId of ['seksi-pemerintahan', 'seksi-trantib', 'seksi-kesra', 'seksi-ekbang']) {
      const kasi = head(unitId);
      expect(kasi.jabatan).toMatch(/^Kepala Seksi/);
      expect(kasi.raterNip).toBe(camat.nip);
      const staff = inUnit(unitId).filter((e) => e !== kasi);
      expect(staff.length).toBeGreaterThanOrEqual(4);
      expect(staff.length).toBeLessThanOrEqual(5);
      for (const s of staff) expect(s.raterNip).toBe(kasi.nip);
    }
    for (const unitId of ['kel-asemrowo', 'kel-genting-kalianak', 'kel-tambak-sarioso']) {
      const lurah = head(unitId);
      expect(lurah.jabatan).toMatch(/^Lurah /);
      expect(lurah.raterNip).toBe(camat.nip);
      const seklur = inUnit(unitId).find((e) => e.jabatan.startsWith('Sekretaris Kelurahan'))!;
      expect(seklur).toMatchObject({ raterNip: lurah.nip, isUnitHead: false });
      const staff = inUnit(unitId).filter((e) => e !== lurah && e !== seklur);
      expect(staff.length).toBeGreaterThanOrEqual(4);
      expect(staff.length).toBeLessThanOrEqual(6);
      for (const s of staff) expect(s.raterNip).toBe(seklur.nip);
    }
  });

  it('includes an IT officer and a health-programme officer with matching competencies and RHK', () => {
    const it = sample.employees.find((e) => e.jabatan.startsWith('Pranata Komputer'))!;
    expect(it.unitId).toBe('subbag-umum');
    expect(it.competencies).toContain('layanan-digital');
    const itPlan = sample.plans.find((p) => p.nip === it.nip)!;
    expect(itPlan.skp.rhk.map((r) => r.description)).toContain('Terkelolanya layanan aplikasi e-Kelurahan');

    const health = sample.employees.find((e) => e.jabatan === 'Pengelola Program Kesehatan Masyarakat')!;
    expect(health.unitId).toBe('seksi-kesra');
    expect(health.competencies).toContain('kesehatan-masyarakat');
    const healthPlan = sample.plans.find((p) => p.nip === health.nip)!;
    expect(healthPlan.skp.rhk.map((r) => r.description)).toContain('Meningkatnya cakupan posyandu aktif');
  });

  it('has realistic people: NIP birth date and appointment, e-mail, PNS and PPPK, some English speakers', () => {
    for (const e of sample.employees) {
      const m = /^(\d{4})(\d{2})(\d{2})(\d{4})(\d{2})([12])(\d{3})$/.exec(e.nip)!;
      expect(m, e.nip).not.toBeNull();
      const [, by, bm, bd, ay, am] = m.map(Number) as [number, number, number, number, number, number];
      expect(new Date(Date.UTC(by, bm - 1, bd)).getUTCDate()).toBe(bd); // a real date
      expect(ay - by).toBeGreaterThanOrEqual(18);
      expect(am).toBeGreaterThanOrEqual(1);
      expect(am).toBeLessThanOrEqual(12);
      if (!e.external) expect(e.email).toMatch(/^[a-z]+(\.[a-z]+)?\d*@asemrowo\.surabaya\.go\.id$/);
    }
    expect(new Set(sample.employees.map((e) => e.email)).size).toBe(sample.employees.length);
    const pppk = sample.employees.filter((e) => e.jenis === 'PPPK');
    expect(pppk.length).toBeGreaterThanOrEqual(5);
    expect(pppk.every((e) => !e.isUnitHead)).toBe(true);
    expect(sample.employees.filter((e) => e.locale === 'en').length).toBeGreaterThanOrEqual(2);
  });

  it('has quantitative targets in both directions, qualitative ones, and main and additional RHK', () => {
    const indicators = sample.plans.flatMap((p) => p.skp.rhk.flatMap((r) => r.indicators));
    expect(indicators.some((i) => i.target.kind === 'quantitative' && i.target.direction === 'lowerIsBetter')).toBe(true);
    expect(indicators.filter((i) => i.target.kind === 'qualitative').length).toBeGreaterThanOrEqual(10);
    for (const p of sample.plans) expect(p.skp.rhk.some((r) => r.jenis === 'utama')).toBe(true);
    expect(sample.plans.some((p) => p.skp.rhk.some((r) => r.jenis === 'tambahan'))).toBe(true);
    // Qualitative indicators are judged by the rater, at mid-year and at the end.
    for (const p of sample.plans) {
      const qualitative = new Set(p.skp.rhk.flatMap((r) => r.indicators.filter((i) => i.target.kind === 'qualitative').map((i) => i.id)));
      for (const real of [...p.midyear, ...p.final]) expect(real.judgement !== undefined).toBe(qualitative.has(real.indicatorId));
    }
  });

  it('records mid-year progress at about half the yearly count', () => {
    const ratios: number[] = [];
    for (const p of sample.plans) {
      for (const r of p.skp.rhk) {
        for (const ind of r.indicators) {
          if (ind.target.kind !== 'quantitative' || ['%', 'indeks', 'hari', 'jam'].includes(ind.target.unit)) continue;
          ratios.push(p.midyear.find((m) => m.indicatorId === ind.id)!.value! / ind.target.value);
        }
      }
    }
    expect(ratios.length).toBeGreaterThan(50);
    for (const x of ratios) {
      expect(x).toBeGreaterThanOrEqual(0.3);
      expect(x).toBeLessThanOrEqual(0.7);
    }
  });

  it('scores to a realistic spread: most Baik, some Sangat Baik, a few Butuh Perbaikan', () => {
    const count: Partial<Record<Predikat, number>> = {};
    let allAbove = 0;
    for (const p of sample.plans) {
      const ev = score(sample, p.nip);
      count[ev.predikat] = (count[ev.predikat] ?? 0) + 1;
      if (ev.rhk.every((r) => r.proposed === 'DI_ATAS')) allAbove++;
    }
    const n = sample.plans.length;
    expect(count.BAIK! / n).toBeGreaterThan(0.6);
    expect(count.SANGAT_BAIK! / n).toBeGreaterThanOrEqual(0.1);
    expect(count.BUTUH_PERBAIKAN! / n).toBeGreaterThanOrEqual(0.07);
    expect(count.BUTUH_PERBAIKAN! / n).toBeLessThanOrEqual(0.15);
    expect(allAbove / n).toBeGreaterThanOrEqual(0.12);
    expect(allAbove / n).toBeLessThanOrEqual(0.2);
  });

  it("has the rater's view on all seven values and two colleagues on three to seven", () => {
    for (const p of sample.plans) {
      const e = byNip.get(p.nip)!;
      const fromRater = p.feedback.filter((f) => f.fromNip === e.raterNip);
      expect(new Set(fromRater.map((f) => f.value)).size, p.nip).toBe(7);
      expect(fromRater).toHaveLength(7);
      const peers = new Map<string, number>();
      for (const f of p.feedback) if (f.fromNip !== e.raterNip) peers.set(f.fromNip, (peers.get(f.fromNip) ?? 0) + 1);
      expect(peers.size, p.nip).toBeLessThanOrEqual(2);
      for (const [peer, k] of peers) {
        expect(byNip.get(peer)?.external).toBeFalsy();
        expect(k).toBeGreaterThanOrEqual(3);
        expect(k).toBeLessThanOrEqual(7);
      }
      if (!e.isUnitHead) {
        expect(peers.size, p.nip).toBe(2);
        for (const peer of peers.keys()) expect(byNip.get(peer)!.unitId).toBe(e.unitId);
      }
    }
    const ratings = sample.plans.flatMap((p) => p.feedback.map((f) => f.rating));
    expect(ratings.filter((r) => r === 'SESUAI').length / ratings.length).toBeGreaterThan(0.6);
    expect(ratings).toContain('DI_ATAS');
    expect(ratings).toContain('DI_BAWAH');
    expect(sample.plans.flatMap((p) => p.feedback).filter((f) => f.comment).length).toBeGreaterThan(100);
  });

  /** The Kasi Kesra rates her whole team Di Atas (the lenient rater rater-bias analytics flags). */
  const lenientRater = byNip.get(
    sample.employees.find((e) => /Kasi Kesejahteraan|Kepala Seksi Kesejahteraan/i.test(e.jabatan) && e.isUnitHead)?.nip ?? '',
  )?.nip;
  const isLenient = (nip: string) => byNip.get(nip)?.raterNip === lenientRater;

  it('has one or two rater overrides, each with a reason the engine accepts (besides the lenient rater’s team)', () => {
    const overridden = sample.plans.filter((p) => p.raterOverride);
    expect(overridden.filter((p) => !isLenient(p.nip)).length).toBeGreaterThanOrEqual(1);
    expect(overridden.filter((p) => !isLenient(p.nip)).length).toBeLessThanOrEqual(2);
    for (const p of overridden) {
      const ev = score(sample, p.nip);
      for (const r of p.raterOverride!.rhkRatings ?? []) {
        const rhk = ev.rhk.find((x) => x.rhkId === r.rhkId)!;
        expect(rhk.proposed).not.toBe(r.rating);
        expect(rhk).toMatchObject({ final: r.rating, overrideReason: r.reason });
      }
      const b = p.raterOverride!.behaviourRating;
      if (b) expect(ev.behaviour.final).toBe(b.rating);
    }
  });

  it('has one lenient rater: a team of five, every one Sangat Baik by the rater’s overrides', () => {
    expect(lenientRater).toBeDefined();
    const team = sample.plans.filter((p) => isLenient(p.nip));
    expect(team).toHaveLength(5);
    for (const p of team) {
      expect(p.raterOverride?.behaviourRating?.rating).toBe('DI_ATAS');
      expect(score(sample, p.nip).predikat).toBe('SANGAT_BAIK');
    }
  });

  it('has citizen survey answers per kelurahan and the kecamatan counter: B to A, one kelurahan around C', () => {
    expect(sample.skm.map((s) => s.unitId).sort()).toEqual(['kec-asemrowo', 'kel-asemrowo', 'kel-genting-kalianak', 'kel-tambak-sarioso']);
    const mutu = new Map<string, string>();
    for (const s of sample.skm) {
      expect(s.responses.length).toBeGreaterThanOrEqual(30);
      expect(s.responses.length).toBeLessThanOrEqual(80);
      for (const r of s.responses) {
        expect(r).toHaveLength(9);
        for (const a of r) expect([1, 2, 3, 4]).toContain(a);
      }
      mutu.set(s.unitId, computeIkm(s.responses).mutu);
    }
    expect(['A', 'B']).toContain(mutu.get('kec-asemrowo'));
    expect([...mutu.values()].filter((m) => m === 'C')).toHaveLength(1);
    expect([...mutu.values()].filter((m) => m === 'A' || m === 'B')).toHaveLength(3);

    const comments = sample.skm.flatMap((s) => s.comments);
    const named = comments.filter((c) => c.employeeNip);
    expect(named.length).toBeGreaterThanOrEqual(2);
    for (const c of named) expect(byNip.has(c.employeeNip!)).toBe(true);
    expect(comments.some((c) => c.text.includes('<script>alert(1)</script>'))).toBe(true);
  });

  it('scripts the demo: a returned SKP, a returned evaluation, an objection by someone rated low, a late rater', () => {
    const { scenario } = sample;
    const staff = (nip: string) => {
      const e = byNip.get(nip)!;
      expect(e.isUnitHead || e.external === true).toBe(false);
      expect(sample.plans.some((p) => p.nip === nip)).toBe(true);
      return e;
    };
    staff(scenario.returnSkpOf);
    staff(scenario.returnEvaluationOf);
    expect(scenario.returnSkpOf).not.toBe(scenario.returnEvaluationOf);
    staff(scenario.objection.nip);
    expect(score(sample, scenario.objection.nip).predikat).toBe('BUTUH_PERBAIKAN');
    expect(scenario.objection).toMatchObject({ requestedPredikat: 'BAIK' });
    expect(scenario.objection.reason.length).toBeGreaterThan(40);
    expect(sample.employees.some((e) => e.raterNip === scenario.lateApproverNip)).toBe(true);
  });
});

describe('generateAgency(n, seed)', () => {
  it('builds 1000 employees in a realistic tree with valid plans, quickly', () => {
    const started = performance.now();
    const sample = generateAgency(1000);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(3000); // ~0.1 s on a laptop; generous for a loaded CI machine

    const parsed = SampleAgencySchema.parse(sample);
    expect(checkSampleAgency(parsed)).toEqual([]);
    expectWellFormed(parsed);
    const internal = sample.employees.filter((e) => !e.external);
    expect(internal).toHaveLength(1000);
    expect(sample.plans).toHaveLength(1000);

    // Units of 8–25 people with a head; at most three levels; raters are the unit head or, for a
    // head, the head of the parent unit.
    const units = new Map(sample.units.map((u) => [u.unitId, u]));
    const byNip = new Map(sample.employees.map((e) => [e.nip, e]));
    const depth = (unitId: string): number => {
      const parent = units.get(unitId)!.parentUnitId;
      return parent ? 1 + depth(parent) : 1;
    };
    for (const u of sample.units) {
      if (u.unitId === 'pemkot') continue;
      const size = internal.filter((e) => e.unitId === u.unitId).length;
      expect(size, u.unitId).toBeGreaterThanOrEqual(8);
      expect(size, u.unitId).toBeLessThanOrEqual(25);
      expect(depth(u.unitId)).toBeLessThanOrEqual(3);
    }
    expect(Math.max(...sample.units.map((u) => depth(u.unitId)))).toBe(3);
    for (const e of internal) {
      const unit = units.get(e.unitId)!;
      const expected = e.isUnitHead ? (unit.parentUnitId ? units.get(unit.parentUnitId)!.headNip : undefined) : unit.headNip;
      if (expected) expect(e.raterNip).toBe(expected);
      else expect(byNip.get(e.raterNip!)?.external).toBe(true);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(serialiseSample(generateAgency(200, 7))).toBe(serialiseSample(generateAgency(200, 7)));
    expect(serialiseSample(generateAgency(200, 7))).not.toBe(serialiseSample(generateAgency(200, 8)));
  });

  it('handles tiny agencies', () => {
    for (const n of [1, 2, 7, 8, 26, 40]) {
      const sample = generateAgency(n);
      expect(sample.employees.filter((e) => !e.external)).toHaveLength(n);
      expect(checkSampleAgency(SampleAgencySchema.parse(sample))).toEqual([]);
      expectWellFormed(sample);
    }
    expect(() => generateAgency(0)).toThrow(RangeError);
    expect(() => generateAgency(2.5)).toThrow(RangeError);
  });

  it('scales linearly', () => {
    generateAgency(2000); // warm up
    const time = (n: number) => {
      const t = performance.now();
      generateAgency(n);
      return performance.now() - t;
    };
    const small = Math.min(time(2000), time(2000));
    const large = Math.min(time(20000), time(20000));
    expect(large / small).toBeLessThan(25); // 10× the people; quadratic would be ~100×
  }, 60_000);
});

describe('loadSampleAgency on a corrupt file', () => {
  let dir: string;
  const good = () => JSON.parse(readFileSync(DEFAULT_SAMPLE_FILE, 'utf8')) as SampleAgency;
  const write = (name: string, content: string) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  };
  const failure = (file: string): SampleFileError => {
    try {
      loadSampleAgency(file);
    } catch (err) {
      expect(err).toBeInstanceOf(Error);
      expect(err).toBeInstanceOf(SampleFileError);
      return err as SampleFileError;
    }
    throw new Error(`expected ${file} to be rejected`);
  };
  const expectClear = (err: SampleFileError, file: string) => {
    expect(err.message).toContain(file);
    expect(err.message).toContain(FIX);
    expect(err.message).toContain(REGENERATE);
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'asn-sample-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the file, the JSON path of a dangling rater, and the fix', () => {
    const sample = good();
    sample.employees[5]!.raterNip = '199901012020011999';
    const file = write('dangling-rater.json', JSON.stringify(sample));
    const err = failure(file);
    expectClear(err, file);
    expect(err.message).toContain('employees[5].raterNip');
    expect(err.message).toContain('199901012020011999');
  });

  it('reports schema errors with their path', () => {
    const sample = good();
    sample.employees[3]!.nip = '12345';
    (sample.skm[0]!.responses[2] as number[]).push(4);
    const file = write('schema.json', JSON.stringify(sample));
    const err = failure(file);
    expectClear(err, file);
    expect(err.message).toContain('employees[3].nip: a NIP must be 18 digits');
    expect(err.message).toContain('skm[0].responses[2]');
  });

  it('reports bad JSON with its line', () => {
    const text = readFileSync(DEFAULT_SAMPLE_FILE, 'utf8');
    const file = write('truncated.json', text.slice(0, 5000));
    const err = failure(file);
    expectClear(err, file);
    expect(err.message).toMatch(/not valid JSON/);
  });

  it('reports duplicate NIPs, unknown units, heads, feedback authors and SKP NIP mismatches', () => {
    const sample = good();
    sample.employees[7]!.nip = sample.employees[6]!.nip;
    sample.employees[8]!.unitId = 'seksi-hilang';
    sample.units[2]!.headNip = '199901012020011998';
    sample.plans[1]!.feedback[0]!.fromNip = '199901012020011997';
    sample.plans[2]!.skp.nip = sample.plans[3]!.nip;
    sample.plans[4]!.nip = '199901012020011996';
    const file = write('references.json', JSON.stringify(sample));
    const err = failure(file);
    expectClear(err, file);
    const paths = err.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'employees[7].nip',
        'employees[8].unitId',
        'units[2].headNip',
        'plans[1].feedback[0].fromNip',
        'plans[2].skp.nip',
        'plans[4].nip',
      ]),
    );
    // Only the first few are spelt out in the message.
    expect(err.message).toMatch(/… and \d+ more/);
    expect(err.message.split('\n').filter((l) => l.startsWith('  - '))).toHaveLength(5);
  });

  it("reports a parentRhkId that is not in the rater's SKP", () => {
    const sample = good();
    const k = sample.plans.findIndex((p) => p.skp.rhk[0]?.parentRhkId);
    sample.plans[k]!.skp.rhk[0]!.parentRhkId = 'rhk-99';
    const file = write('intervensi.json', JSON.stringify(sample));
    const err = failure(file);
    expect(err.message).toContain(`plans[${k}].skp.rhk[0].parentRhkId`);
  });

  it('reports a rater cycle', () => {
    const sample = good();
    const camat = sample.employees[0]!;
    const sekcam = sample.employees[1]!;
    camat.raterNip = sekcam.nip; // the Sekcam is rated by the Camat
    const file = write('cycle.json', JSON.stringify(sample));
    expect(failure(file).message).toMatch(/rater chain has a cycle/);
  });

  it('reports a missing file with the same fix', () => {
    const file = join(dir, 'nope.json');
    const err = failure(file);
    expectClear(err, file);
    expect(err.message).toContain('does not exist');
  });
});
