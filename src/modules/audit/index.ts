import { AuditEntry } from "./audit-entry.entity";
import { ClientHistoryResolver } from "./client-history.resolver";

export { AuditEntry, FieldChange } from "./audit-entry.entity";
export { diffFields, writeAudit } from "./audit.service";
export type { AuditRecord, AuditOrigin } from "./audit.service";

export const auditEntities = [AuditEntry];
export const auditResolvers = [ClientHistoryResolver] as const;
