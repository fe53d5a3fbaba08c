/**
 * Hosting instances from a file, for operators: `npm run instances -- import instances.csv` (or `.json`).
 * Rows are registered or updated by `instanceId`, each on its own, through the same code as the
 * admins' `importServerInstances` mutation; refused rows are printed with their violations and the
 * exit code is 1 when any row was refused. Every written row is audited (source `cli`).
 *
 * CSV: a header row with the `ServerInstanceInput` field names (instanceId, ownerEmail, kind, region,
 * mainland, billing, ipAddresses, purchasedAt, expiresAt, prepaidMonths, serviceCodeQuota);
 * several IP addresses separated by spaces or `;`. JSON: an array of `ServerInstanceInput` objects.
 * `npm run instances -- retire <instanceId>` retires one instance.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/index.js';
import { retireInstance, upsertInstances, type InstanceInput } from '../src/hosting/instances.js';

const [command, arg] = process.argv.slice(2);

function usage(): never {
  console.error('usage: npm run instances -- import <file.csv|file.json>\n       npm run instances -- retire <instanceId>');
  process.exit(2);
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const date = (v: unknown) => (blank(v) ? null : new Date(String(v)));
const int = (v: unknown) => (blank(v) ? null : Number(v));

/** One row of a file as the import expects it (strings from CSV become dates, numbers and lists). */
function toInput(row: Record<string, unknown>): InstanceInput {
  const ips = row.ipAddresses;
  return {
    instanceId: String(row.instanceId ?? '').trim(),
    ownerEmail: String(row.ownerEmail ?? '').trim(),
    kind: blank(row.kind) ? null : String(row.kind).trim(),
    region: String(row.region ?? '').trim(),
    mainland: blank(row.mainland) ? null : row.mainland === true || /^(true|1|yes)$/i.test(String(row.mainland)),
    billing: String(row.billing ?? '').trim().toUpperCase() as InstanceInput['billing'],
    ipAddresses: Array.isArray(ips) ? ips.map(String) : blank(ips) ? [] : String(ips).split(/[\s;]+/).filter(Boolean),
    purchasedAt: date(row.purchasedAt),
    expiresAt: date(row.expiresAt),
    prepaidMonths: int(row.prepaidMonths),
    serviceCodeQuota: int(row.serviceCodeQuota),
  };
}

function readRows(file: string): InstanceInput[] {
  const text = readFileSync(file, 'utf8');
  if (file.toLowerCase().endsWith('.json')) {
    const parsed = JSON.parse(text) as unknown;
    if (!Array.isArray(parsed)) throw new Error(`${file}: expected a JSON array of instances`);
    return parsed.map((r) => toInput(r as Record<string, unknown>));
  }
  return (parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, unknown>[]).map(toInput);
}

if (!arg || (command !== 'import' && command !== 'retire')) usage();
const config = loadConfig();
const db = await openDatabase(config.database);
let code = 0;
try {
  if (command === 'import') {
    const rows = readRows(arg);
    const outcome = await upsertInstances({ prisma: db.prisma, config }, rows, { source: 'cli' }, 'rows');
    console.log(`${arg}: ${rows.length} rows, ${outcome.created} registered, ${outcome.updated} updated, ${outcome.rejected.length} refused.`);
    for (const r of outcome.rejected) {
      // Rows count from 1 after the header, as a spreadsheet shows them.
      for (const v of r.violations) console.log(`  row ${r.row + 1} (${r.instanceId || 'no id'}): ${v.field.replace(/^rows\[\d+\]\./, '')}: ${v.messageEn} [${v.rule}]`);
    }
    if (outcome.rejected.length) code = 1;
  } else {
    await retireInstance({ prisma: db.prisma, now: new Date() }, arg, { source: 'cli' });
    console.log(`Retired ${arg}.`);
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  code = 1;
} finally {
  await db.close();
}
process.exit(code);
