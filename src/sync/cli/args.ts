/**
 * The arguments of `npm run sync` (scripts/sync.ts), parsed without side effects:
 *   --company <tenant id> --source <id or name> [--full] | --help
 * Both `--name value` and `--name=value` are taken; anything else is a usage error.
 */

export type SourceRef = { by: "id"; id: string; text: string } | { by: "name"; name: string; text: string };

export type SyncArgs =
  | { kind: "help" }
  | { kind: "run"; company: string; source: SourceRef; full: boolean }
  | { kind: "usage-error"; message: string };

/** A tenant id is at most 64 characters (tenant_id varchar(64)). */
const MAX_COMPANY = 64;
/** A source's name is at most 255 characters (source_system.name). */
const MAX_SOURCE = 255;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** `--source 12` is the source with id 12 (or, when there is none, the one named "12"); anything else is a name. */
export function sourceRef(text: string): SourceRef {
  return /^\d{1,18}$/.test(text) ? { by: "id", id: String(BigInt(text)), text } : { by: "name", name: text, text };
}

export function parseSyncArgs(argv: readonly string[]): SyncArgs {
  const values: { company?: string; source?: string } = {};
  let full = false;
  const error = (message: string): SyncArgs => ({ kind: "usage-error", message });
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return { kind: "help" };
    if (arg === "--full") {
      full = true;
      continue;
    }
    if (arg.startsWith("--full=")) return error("--full takes no value");
    const match = /^--(company|source)(?:=(.*))?$/s.exec(arg);
    if (!match) return error(arg.startsWith("-") ? `Unknown option ${JSON.stringify(arg)}` : `Unexpected argument ${JSON.stringify(arg)}`);
    const name = match[1] as "company" | "source";
    let value = match[2];
    if (value === undefined) {
      value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) return error(`--${name} needs a value`);
      i++;
    }
    if (values[name] !== undefined) return error(`--${name} is given twice`);
    values[name] = value;
  }
  const company = values.company?.trim();
  const source = values.source?.trim();
  if (company === undefined || source === undefined) {
    const missing = [company === undefined && "--company", source === undefined && "--source"].filter(Boolean).join(" and ");
    return error(`${missing} ${missing.includes(" and ") ? "are" : "is"} required`);
  }
  if (company === "" || company.length > MAX_COMPANY || CONTROL.test(company)) return error(`--company must be a company id (1 to ${MAX_COMPANY} printable characters)`);
  if (source === "" || source.length > MAX_SOURCE || CONTROL.test(source)) return error(`--source must be a source's id or its name (1 to ${MAX_SOURCE} printable characters)`);
  return { kind: "run", company, source: sourceRef(source), full };
}
