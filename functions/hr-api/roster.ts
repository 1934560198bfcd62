/** HR console (roster): the roster read routes and the import's preview (shared/application/roster). */
import { requireHrRole } from '../../shared/application/authz';
import { previewRoster } from '../../shared/application/roster/roster-preview';
import { rosterPeople, rosterUnits } from '../../shared/application/roster/roster-read';
import { RosterListQuery } from '../../shared/http/contract/roster';
import type { HttpRoute } from '../../shared/http/router';

export const rosterRoutes = {
  'GET /v1/roster/employees': async (req) => {
    requireHrRole(req.caller); // authorization before any other check
    return { body: await rosterPeople(req.caller, RosterListQuery.parse(req.query)) };
  },
  'GET /v1/roster/units': async (req) => ({ body: await rosterUnits(req.caller) }),
  'POST /v1/roster/import/preview': async (req) => {
    requireHrRole(req.caller);
    // The import's own checks, per row, and what importing would change; nothing is written.
    return { body: await previewRoster(req.caller, req.text()) };
  },
} satisfies Record<string, HttpRoute>;
