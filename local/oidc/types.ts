/** What the local pages (sign-in, web app) share with the local HTTP server. */
import type { LocalRole } from '../http/keys';

export interface LocalPerson {
  nip: string;
  name: string;
  jabatan: string;
  unitId: string;
  unitName: string;
  email?: string;
  roles: LocalRole[];
  /** Shown beside the name: Pejabat Penilai, Atasan, HR … */
  labels: string[];
}

export interface PageRequest {
  method: string;
  rawPath: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}
export interface PageAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}
