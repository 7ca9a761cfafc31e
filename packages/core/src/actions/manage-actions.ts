import {
  decryptSecret,
  encryptSecret,
  pgErrorCode,
  schema,
  withTenant,
  type Database,
  type TenantId,
} from '@replyline/db';
import type { ActionHttpCall } from '@replyline/db/schema';
import { and, asc, eq } from 'drizzle-orm';
import { recordAudit, type AuditEntry } from '../audit';
import { DomainError } from '../domain-error';
import type { AuditActor } from '../request';
import { builtInOf, HTTP_KIND, parametersOfBuiltIn } from './action-kinds';
import { ZActionInput, ZUpdateAction, type TActionInput, type TUpdateAction } from './action-input';

const { actions } = schema;

/** What the dashboard and the management API see of an action: never a secret value. */
const columns = {
  id: actions.id,
  name: actions.name,
  description: actions.description,
  kind: actions.kind,
  parameters: actions.parameters,
  http: actions.http,
  settings: actions.settings,
  requiresIdentity: actions.requiresIdentity,
  sideEffects: actions.sideEffects,
  enabled: actions.enabled,
  updatedAt: actions.updatedAt,
};

export async function listActions(db: Database, tenantId: TenantId) {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select(columns)
      .from(actions)
      .where(eq(actions.tenantId, tenantId))
      .orderBy(asc(actions.name)),
  );
}

/** Null when the workspace has no such action (another workspace's id included). */
export async function getAction(db: Database, tenantId: TenantId, id: string) {
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx
      .select(columns)
      .from(actions)
      .where(and(eq(actions.tenantId, tenantId), eq(actions.id, id))),
  );
  return row ?? null;
}

export async function createAction(db: Database, actor: AuditActor, input: TActionInput) {
  const values = storedForm(ZActionInput.parse(input), null);
  return refuseTakenName(values.name, () =>
    withTenant(db, actor.tenantId, async (tx) => {
      const [row] = await tx
        .insert(actions)
        .values({ tenantId: actor.tenantId, ...values })
        .returning(columns);
      await recordAudit(tx, actor, auditOf('action.created', row!));
      return row!;
    }),
  );
}

/** Null when there is no such action. Header values and secret settings left out are kept. */
export async function updateAction(db: Database, actor: AuditActor, input: TUpdateAction) {
  const { id, ...action } = ZUpdateAction.parse(input);
  return refuseTakenName(action.name, () =>
    withTenant(db, actor.tenantId, async (tx) => {
      const [saved] = await tx
        .select({ headers: actions.headersEncrypted, secrets: actions.settingsEncrypted })
        .from(actions)
        .where(and(eq(actions.tenantId, actor.tenantId), eq(actions.id, id)))
        .for('update');
      if (!saved) return null;
      const [row] = await tx
        .update(actions)
        .set(storedForm(action, saved))
        .where(and(eq(actions.tenantId, actor.tenantId), eq(actions.id, id)))
        .returning(columns);
      await recordAudit(tx, actor, auditOf('action.updated', row!));
      return row!;
    }),
  );
}

/** Null when there is no such action. */
export async function setActionEnabled(
  db: Database,
  actor: AuditActor,
  input: { id: string; enabled: boolean },
) {
  return withTenant(db, actor.tenantId, async (tx) => {
    const [row] = await tx
      .update(actions)
      .set({ enabled: input.enabled })
      .where(and(eq(actions.tenantId, actor.tenantId), eq(actions.id, input.id)))
      .returning(columns);
    if (row)
      await recordAudit(
        tx,
        actor,
        auditOf(input.enabled ? 'action.enabled' : 'action.disabled', row),
      );
    return row ?? null;
  });
}

/** False when there was no such action. */
export async function deleteAction(db: Database, actor: AuditActor, id: string) {
  return withTenant(db, actor.tenantId, async (tx) => {
    const [row] = await tx
      .delete(actions)
      .where(and(eq(actions.tenantId, actor.tenantId), eq(actions.id, id)))
      .returning(columns);
    if (row) await recordAudit(tx, actor, auditOf('action.deleted', row));
    return Boolean(row);
  });
}

type ParsedAction = ReturnType<typeof ZActionInput.parse>;

/**
 * The row to write: a built-in's parameters, identity and side-effect flags come from the
 * integration (an owner may make an action stricter, never looser); secrets are encrypted.
 */
function storedForm(
  action: ParsedAction,
  saved: { headers: string | null; secrets: string | null } | null,
) {
  const base = {
    name: action.name,
    description: action.description,
    kind: action.kind,
    enabled: action.enabled,
  };
  if (action.kind === HTTP_KIND) {
    if (!action.http)
      throw new DomainError('bad_input', 'Describe the endpoint to call: method and address.');
    const { headers, ...call } = action.http;
    const headerValues = headers ?? (saved?.headers ? decryptJson(saved.headers) : {});
    const http: ActionHttpCall = { ...call, headerNames: Object.keys(headerValues) };
    return {
      ...base,
      parameters: action.parameters,
      http,
      headersEncrypted: Object.keys(headerValues).length
        ? encryptSecret(JSON.stringify(headerValues))
        : null,
      settings: {},
      settingsEncrypted: null,
      requiresIdentity: action.requiresIdentity ?? true,
      sideEffects: action.sideEffects,
    };
  }
  const integration = builtInOf(action.kind);
  if (!integration) throw new DomainError('bad_input', `There is no action kind "${action.kind}".`);
  const previous = saved?.secrets ? decryptJson(saved.secrets) : {};
  const given = { ...previous, ...(action.settings ?? {}) };
  const checked = integration.settings.safeParse(given);
  if (!checked.success)
    throw new DomainError(
      'bad_input',
      `The settings are not complete: ${checked.error.issues[0]?.message}`,
    );
  const settings = checked.data as Record<string, unknown>;
  const secret = new Set(integration.secretSettings);
  const plain = Object.fromEntries(Object.entries(settings).filter(([key]) => !secret.has(key)));
  const secrets = Object.fromEntries(Object.entries(settings).filter(([key]) => secret.has(key)));
  return {
    ...base,
    parameters: parametersOfBuiltIn(integration),
    http: null,
    headersEncrypted: null,
    settings: plain,
    settingsEncrypted: Object.keys(secrets).length ? encryptSecret(JSON.stringify(secrets)) : null,
    requiresIdentity: integration.requiresIdentity || (action.requiresIdentity ?? false),
    sideEffects: integration.sideEffects || action.sideEffects,
  };
}

export function decryptJson(stored: string): Record<string, string> {
  return JSON.parse(decryptSecret(stored)) as Record<string, string>;
}

function auditOf(
  action: string,
  row: { id: string; name: string; kind: string; enabled: boolean },
): AuditEntry {
  return {
    action,
    targetType: 'action',
    targetId: row.id,
    details: { name: row.name, kind: row.kind, enabled: row.enabled },
  };
}

async function refuseTakenName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (pgErrorCode(error) === '23505')
      throw new DomainError('conflict', `An action named ${name} exists; choose another name.`);
    throw error;
  }
}
