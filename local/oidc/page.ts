/**
 * The local sign-in page (Bahasa Indonesia): the roster's people grouped by unit, a search box that
 * works without JavaScript (a GET form), and one button per person that signs in as them. Phone-first,
 * keyboard-usable, no script and no inline style (its CSP allows neither).
 */
import type { LocalPerson } from './types';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const hidden = (params: Record<string, string>) =>
  Object.entries(params)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');

const norm = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function matches(p: LocalPerson, query: string): boolean {
  if (!query) return true;
  const hay = norm([p.name, p.nip, p.jabatan, p.unitName, ...p.labels].join(' '));
  return norm(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

export interface SignInPageInput {
  people: LocalPerson[];
  params: Record<string, string>;
  query: string;
  prefix: string;
  error?: string;
  signedOut?: boolean;
}

export function signInPage(input: SignInPageInput): string {
  const { params, query, prefix } = input;
  const shown = input.people.filter((p) => matches(p, query));
  const units = new Map<string, { name: string; people: LocalPerson[] }>();
  for (const p of shown) {
    const u = units.get(p.unitId) ?? { name: p.unitName, people: [] };
    u.people.push(p);
    units.set(p.unitId, u);
  }
  const groups = [...units.entries()]
    .map(
      ([unitId, u]) => `
    <section aria-labelledby="unit-${esc(unitId)}">
      <h2 id="unit-${esc(unitId)}">${esc(u.name)} <span class="count">(${u.people.length})</span></h2>
      <ul>${u.people
        .map(
          (p) => `
        <li><form method="post" action="${esc(prefix)}/authorize">${hidden(params)}<input type="hidden" name="nip" value="${esc(p.nip)}">
          <button type="submit" class="person">
            <span class="name">${esc(p.name)}</span>
            <span class="jabatan">${esc(p.jabatan)}</span>
            <span class="meta">NIP ${esc(p.nip)}</span>
            <span class="roles">${p.labels.map((l) => `<span class="role">${esc(l)}</span>`).join(' ')}</span>
          </button>
        </form></li>`,
        )
        .join('')}
      </ul>
    </section>`,
    )
    .join('');

  const body = input.signedOut
    ? `<h1>Anda telah keluar</h1><p>Sesi Anda di aplikasi Kinerja ASN (tumpukan lokal) telah diakhiri. Tutup tab ini atau buka aplikasi lagi untuk masuk.</p>`
    : input.error
      ? `<h1>Permintaan masuk tidak valid</h1><p class="error" role="alert">${esc(input.error)}</p><p>Buka aplikasi lagi untuk memulai ulang proses masuk.</p>`
      : `<h1>Masuk ke Kinerja ASN</h1>
    <p class="note">Tumpukan lokal untuk mencoba dan menguji: pilih pegawai untuk masuk sebagai dirinya, tanpa kata sandi. Token yang diterbitkan sama dengan token uji (kunci lokal).</p>
    <form method="get" action="${esc(prefix)}/authorize" role="search" class="search">${hidden(params)}
      <label for="q">Cari nama, NIP, jabatan, unit, atau peran</label>
      <div class="row"><input id="q" name="q" type="search" value="${esc(query)}" autocomplete="off"><button type="submit">Cari</button></div>
    </form>
    <p class="summary" role="status">${shown.length} dari ${input.people.length} pegawai${query ? ` untuk “${esc(query)}”` : ''}</p>
    ${shown.length ? groups : '<p>Tidak ada pegawai yang cocok.</p>'}`;

  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Masuk — Kinerja ASN (lokal)</title>
<link rel="stylesheet" href="${esc(prefix)}/signin.css">
</head>
<body>
<main>${body}
</main>
</body>
</html>
`;
}

export const SIGNIN_CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1rem;line-height:1.45;color:#1a1a1a;background:#f4f6f8}
main{max-width:52rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem;color:#0b3d6e}
.count{font-weight:normal;color:#4a4a4a}
.note{background:#fff8e1;border-left:4px solid #a86b00;padding:.5rem .75rem}
.error{background:#fdecea;border-left:4px solid #b3261e;padding:.5rem .75rem}
.search label{display:block;font-weight:600;margin-bottom:.25rem}
.search .row{display:flex;gap:.5rem}
.search input{flex:1;min-width:0;font-size:1rem;padding:.6rem;border:1px solid #5f6b7a;border-radius:.375rem}
button{font:inherit;cursor:pointer}
.search button{padding:.6rem 1rem;border:0;border-radius:.375rem;background:#0b3d6e;color:#fff}
ul{list-style:none;margin:0;padding:0;display:grid;gap:.5rem}
form{margin:0}
.person{display:grid;width:100%;text-align:left;gap:.1rem;padding:.75rem;border:1px solid #c3cad3;border-radius:.5rem;background:#fff;color:inherit}
.person:hover{border-color:#0b3d6e}
button:focus-visible,input:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}
.name{font-weight:700}
.jabatan{color:#333}
.meta{color:#4a4a4a;font-size:.875rem}
.roles{display:flex;flex-wrap:wrap;gap:.25rem;margin-top:.25rem}
.role{font-size:.8rem;padding:.1rem .45rem;border-radius:1rem;background:#e3ecf6;color:#0b3d6e}
.summary{color:#4a4a4a}
@media (min-width:48rem){ul{grid-template-columns:1fr 1fr}}
`;
