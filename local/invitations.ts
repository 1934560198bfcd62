/**
 * Whom a simulated rater invites for 360° feedback on an employee: among the colleagues the sample
 * has giving feedback, those in the employee's own unit and the employee's own subordinates. That is
 * the office custom the sample follows (and the set the domain engine counts in the integration
 * tests' expected results); the API itself lets a rater invite anyone evaluated in the cycle.
 */
export interface Placement {
  unitId: string;
  raterNip?: string;
}

export function colleaguesToInvite(nip: string, authors: Iterable<string>, placementOf: (nip: string) => Placement | undefined): string[] {
  const me = placementOf(nip);
  if (!me) return [];
  return [...new Set(authors)].filter((author) => {
    if (author === nip || author === me.raterNip) return false;
    const p = placementOf(author);
    return p !== undefined && (p.raterNip === nip || p.unitId === me.unitId);
  });
}
