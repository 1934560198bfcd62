import { syntheticEmployees } from './scoring';
import { EmployeeEvaluationInputSchema, evaluateEmployee, getPolicy, DEFAULT_POLICY_ID } from '../shared/domain';
const p = getPolicy(DEFAULT_POLICY_ID);
let parse = 0, ev = 0;
for (let f = 0; f < 50000; f += 1000) {
  const c = syntheticEmployees(f, 1000);
  let t = performance.now();
  for (const e of c) EmployeeEvaluationInputSchema.safeParse(e.input);
  parse += performance.now() - t;
  t = performance.now();
  for (const e of c) evaluateEmployee(e.input, p);
  ev += performance.now() - t;
}
console.log({ parse, ev });
