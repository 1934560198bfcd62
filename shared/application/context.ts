/**
 * The one place use cases get their ports from. shared/composition.ts installs the real adapters
 * when it is loaded; a test installs fakes (test/support/fakes.ts). Use cases call `ports()` at the
 * moment they run, never at import, so whichever set is installed then is the one used.
 */
import type { Ports } from './ports';

let installed: Ports | undefined;

export function usePorts(p: Ports): void {
  installed = p;
}

export function ports(): Ports {
  if (!installed) throw new Error('No ports installed: import shared/composition (or install fakes with usePorts) before calling a use case');
  return installed;
}
