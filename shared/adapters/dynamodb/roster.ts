/** The roster: employees and units of an agency (access patterns #1–3). */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { EmployeeRecord, UnitRecord } from '../../domain/records';
import { ddb } from '../aws-clients';
import { keys, prefixes } from './keys';
import { batchGet, queryAll, queryPage, strip, table } from './table';

export async function putEmployee(agencyId: string, e: EmployeeRecord): Promise<void> {
  await ddb.send(
    new PutCommand({
      TableName: table(),
      Item: {
        ...keys.employee(agencyId, e.nip),
        ...(e.raterNip ? keys.employeeByRater(agencyId, e.raterNip, e.nip) : {}),
        type: 'EMPLOYEE',
        agencyId,
        ...e,
      },
    }),
  );
}

export async function putUnit(agencyId: string, u: UnitRecord): Promise<void> {
  await ddb.send(new PutCommand({ TableName: table(), Item: { ...keys.unit(agencyId, u.unitId), type: 'UNIT', agencyId, ...u } }));
}

export async function getEmployee(agencyId: string, nip: string): Promise<EmployeeRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.employee(agencyId, nip) }));
  return strip(out.Item) as EmployeeRecord | undefined;
}

/** Several employees of an agency at once (BatchGetItem), by NIP. */
export async function getEmployees(agencyId: string, nips: Iterable<string>): Promise<Map<string, EmployeeRecord>> {
  const items = await batchGet([...new Set(nips)].map((nip) => keys.employee(agencyId, nip)));
  return new Map(items.map((i) => strip(i) as unknown as EmployeeRecord).map((e) => [e.nip, e]));
}

export function rosterPage(agencyId: string, cursor?: Record<string, unknown>, limit = 100) {
  return queryPage<EmployeeRecord>(
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': `AGENCY#${agencyId}`, ':sk': prefixes.employee },
    },
    cursor,
    limit,
  );
}

export async function getUnit(agencyId: string, unitId: string): Promise<UnitRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.unit(agencyId, unitId) }));
  return strip(out.Item) as UnitRecord | undefined;
}

/** Names of the given units (one GetItem each, not the agency's whole unit list). */
export async function unitNames(agencyId: string, unitIds: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(unitIds)];
  const found = new Map((await batchGet(ids.map((id) => keys.unit(agencyId, id)))).map((i) => [i.unitId as string, i.name as string]));
  return new Map(ids.map((id) => [id, found.get(id) ?? id]));
}

/** Units of an agency in id order, starting after `afterUnitId` (a page of the cycle walk). */
export async function unitsAfter(agencyId: string, afterUnitId: string | undefined, limit: number): Promise<UnitRecord[]> {
  const start = afterUnitId === undefined ? undefined : keys.unit(agencyId, afterUnitId);
  return (
    await queryPage<UnitRecord>(
      {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': `AGENCY#${agencyId}`, ':sk': prefixes.unit },
      },
      start,
      limit,
    )
  ).items;
}

export function listUnits(agencyId: string) {
  return queryAll<UnitRecord>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': `AGENCY#${agencyId}`, ':sk': prefixes.unit },
  });
}
