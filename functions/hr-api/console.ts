/** HR console routes (shared/application/console): a stage's progress per unit with who it waits on, and HR's reminders. */
import { requireHrRole } from '../../shared/application/authz';
import { remindFromConsole, stageProgress } from '../../shared/application/console/console';
import { CyclePath } from '../../shared/http/contract/common';
import { ProgressQuery, ReminderBody } from '../../shared/http/contract/console';
import type { HttpRoute } from '../../shared/http/router';

export const consoleRoutes = {
  'GET /v1/cycles/{cycleId}/progress': async (req) => {
    requireHrRole(req.caller); // authorization before any other check
    const { cycleId } = CyclePath.parse(req.params);
    return { body: await stageProgress(req.caller, cycleId, ProgressQuery.parse(req.query)) };
  },
  'POST /v1/cycles/{cycleId}/reminders': async (req) => {
    requireHrRole(req.caller);
    const { cycleId } = CyclePath.parse(req.params);
    return { body: await remindFromConsole(req.caller, cycleId, req.body(ReminderBody)) };
  },
} satisfies Record<string, HttpRoute>;
