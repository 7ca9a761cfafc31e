import { schema, withTenant, type Database, type TenantId } from '@replyline/db';
import type { Resolve } from '@replyline/net';
import { and, eq, gt } from 'drizzle-orm';
import { ZodError } from 'zod';
import { DomainError, type DomainErrorCode } from '../domain-error';
import type { ActionCard, ActionVisitor, IntegrationServices } from '../integrations/index';
import { contactFormFor } from './action-form';
import { builtInOf, HTTP_KIND } from './action-kinds';
import { parseActionParams, type ActionParams } from './action-parameters';
import { clip, errorCard, type ConfirmCard, type ConversationCard } from './cards';
import { callEndpoint, EndpointError } from './call-endpoint';
import { decryptJson } from './manage-actions';
import { readEnabledActions, type LoadedAction } from './enabled-actions';
import { resultCard } from './response-fields';
import { templatePlaceholders } from './url-template';

const { actions, actionProposals } = schema;

/** How long a visitor has to confirm a proposed call. */
const PROPOSAL_TTL_MS = 15 * 60_000;

export interface ActionDeps {
  db: Database;
  /** Endpoints on loopback allowed (development, tests): from validated env only. */
  allowLocal: boolean;
  resolve?: Resolve;
  retryDelayMs?: number;
  now?: () => Date;
  /** The database and job queue for built-ins whose effects outlive the call (booking). */
  services?: IntegrationServices;
}

/** An action as it runs: with its secrets, read in the tenant's scope only. */
export type { LoadedAction };

/**
 * What running an action came to. `ok` false: it was refused or failed, and the card says why
 * in words for the visitor (the model gets the same words as the tool's result).
 */
export interface ActionOutcome {
  ok: boolean;
  card: ConversationCard;
}

export async function loadActionByName(db: Database, tenantId: TenantId, name: string) {
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx
      .select()
      .from(actions)
      .where(and(eq(actions.tenantId, tenantId), eq(actions.name, name))),
  );
  return row ?? null;
}

export async function loadActionById(db: Database, tenantId: TenantId, id: string) {
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx
      .select()
      .from(actions)
      .where(and(eq(actions.tenantId, tenantId), eq(actions.id, id))),
  );
  return row ?? null;
}

/** The workspace's enabled actions: the tools a model is offered and the intents checked. */
export async function loadEnabledActions(db: Database, tenantId: TenantId) {
  return withTenant(db, tenantId, (tx) => readEnabledActions(tx, tenantId));
}

/**
 * Runs an action for a visitor in a conversation, applying the rules in order: enabled;
 * parameters as declared (nothing extra); a signed identity for anything personal; a proposal
 * the visitor must confirm for anything with side effects. Never throws for a refusal: the
 * card says what happened.
 */
export async function runActionForVisitor(
  deps: ActionDeps,
  input: { tenantId: TenantId; action: LoadedAction; visitor: ActionVisitor; params: unknown },
): Promise<ActionOutcome> {
  const { action, visitor } = input;
  if (!action.enabled) return refused('This action is not available.');
  let params: ActionParams;
  try {
    params = parseActionParams(action.parameters, input.params);
  } catch (error) {
    return refused(`The details given do not fit: ${describeParamError(error)}`);
  }
  if (action.requiresIdentity && !visitor.identified)
    return {
      ok: false,
      card: {
        type: 'identify',
        message:
          'For your privacy I can only look this up when you are signed in on this site. Sign in and ask again, or ask to talk to a person.',
      },
    };
  const foreign = foreignOrderId(params, visitor);
  if (foreign) return refused(`Order ${foreign} is not one of the orders on your account.`);
  const contactForm = contactFormFor(action, visitor, params);
  if (contactForm) return { ok: true, card: contactForm };
  if (action.sideEffects) return propose(deps, input.tenantId, action, visitor, params);
  return execute(deps, input.tenantId, action, visitor, params);
}

/**
 * Runs a proposed call once its visitor confirms it: only a proposal of this conversation,
 * still waiting and not expired, and only once (the status moves before the call is made).
 */
export async function confirmProposal(
  deps: ActionDeps,
  input: { tenantId: TenantId; conversationId: string; proposalId: string; visitor: ActionVisitor },
): Promise<ActionOutcome> {
  const now = deps.now?.() ?? new Date();
  const claimed = await withTenant(deps.db, input.tenantId, async (tx) => {
    const [proposal] = await tx
      .update(actionProposals)
      .set({ status: 'confirmed' })
      .where(
        and(
          eq(actionProposals.tenantId, input.tenantId),
          eq(actionProposals.id, input.proposalId),
          eq(actionProposals.conversationId, input.conversationId),
          eq(actionProposals.status, 'proposed'),
          gt(actionProposals.expiresAt, now),
        ),
      )
      .returning();
    if (!proposal) return null;
    const [action] = await tx
      .select()
      .from(actions)
      .where(and(eq(actions.tenantId, input.tenantId), eq(actions.id, proposal.actionId)));
    return action ? { proposal, action } : null;
  });
  if (!claimed)
    throw new DomainError(
      'not_found',
      'There is nothing waiting for your confirmation (it may have expired).',
    );
  const { proposal, action } = claimed;
  // The rules are checked again: the action may have been turned off, or the identity may differ.
  const params = parseActionParams(action.parameters, proposal.params);
  const outcome = !action.enabled
    ? refused('This action is not available any more.')
    : action.requiresIdentity && !input.visitor.identified
      ? refused('Please sign in on this site to do this.')
      : await execute(deps, input.tenantId, action, input.visitor, params);
  await withTenant(deps.db, input.tenantId, (tx) =>
    tx
      .update(actionProposals)
      .set({ status: outcome.ok ? 'done' : 'failed' })
      .where(
        and(eq(actionProposals.tenantId, input.tenantId), eq(actionProposals.id, proposal.id)),
      ),
  );
  return outcome;
}

/** The owner's "try it": runs the action as a signed-in visitor would, side effects included. */
export async function tryAction(
  deps: ActionDeps,
  input: {
    tenantId: TenantId;
    actionId: string;
    params: unknown;
    visitor?: Partial<ActionVisitor>;
  },
): Promise<ActionOutcome> {
  const action = await loadActionById(deps.db, input.tenantId, input.actionId);
  if (!action) throw new DomainError('not_found', 'This action does not exist (any more).');
  let params: ActionParams;
  try {
    params = parseActionParams(action.parameters, input.params);
  } catch (error) {
    throw new DomainError('bad_input', `The parameters do not fit: ${describeParamError(error)}`);
  }
  const visitor: ActionVisitor = { conversationId: 'try-it', identified: true, ...input.visitor };
  return execute(deps, input.tenantId, action, visitor, params, { detailedErrors: true });
}

async function propose(
  deps: ActionDeps,
  tenantId: TenantId,
  action: LoadedAction,
  visitor: ActionVisitor,
  params: ActionParams,
): Promise<ActionOutcome> {
  const now = deps.now?.() ?? new Date();
  const [proposal] = await withTenant(deps.db, tenantId, (tx) =>
    tx
      .insert(actionProposals)
      .values({
        tenantId,
        conversationId: visitor.conversationId,
        actionId: action.id,
        params,
        expiresAt: new Date(now.getTime() + PROPOSAL_TTL_MS),
      })
      .returning({ id: actionProposals.id }),
  );
  const card: ConfirmCard = {
    type: 'confirm',
    proposalId: proposal!.id,
    actionName: action.name,
    summary: clip(action.description, 300),
    fields: Object.entries(params).map(([label, value]) => ({ label, value: clip(String(value)) })),
  };
  return { ok: true, card };
}

async function execute(
  deps: ActionDeps,
  tenantId: TenantId,
  action: LoadedAction,
  visitor: ActionVisitor,
  params: ActionParams,
  options: { detailedErrors?: boolean } = {},
): Promise<ActionOutcome> {
  try {
    if (action.kind === HTTP_KIND)
      return { ok: true, card: await executeHttp(deps, action, visitor, params) };
    const integration = builtInOf(action.kind);
    if (!integration) return refused('This action is not available.');
    const secrets = action.settingsEncrypted ? decryptJson(action.settingsEncrypted) : {};
    const card = await integration.run(
      {
        tenantId,
        visitor,
        settings: { ...action.settings, ...secrets },
        now: deps.now,
        services: deps.services,
      },
      integration.parameters.parse(params),
    );
    const shown = card.type === 'slots' ? await withBookingActionName(deps, tenantId, card) : card;
    return { ok: shown.type !== 'error', card: shown };
  } catch (error) {
    if (isVisitorRefusal(error)) return refused(error.message);
    const detail = error instanceof Error ? error.message : String(error);
    return refused(
      options.detailedErrors || error instanceof EndpointError
        ? `It did not work: ${detail}`
        : 'It did not work this time. Please try again later, or ask for a person.',
    );
  }
}

/** Refusals about the visitor's own request: their words are for the visitor as they are. */
const VISITOR_REFUSALS = new Set<DomainErrorCode>([
  'bad_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
]);

/**
 * An integration's refusal of this visitor's request ("That order is not on your account",
 * "That time is no longer free"). A vendor or set-up failure (`unavailable`,
 * `precondition_failed`) is the owner's to read, not the visitor's: it stays generic.
 */
function isVisitorRefusal(error: unknown): error is DomainError {
  return error instanceof DomainError && VISITOR_REFUSALS.has(error.code);
}

/**
 * A slot-finding built-in names the kind that books (`booking.book`); the widget's slot picker
 * sends the name of this workspace's enabled action of that kind.
 */
async function withBookingActionName(
  deps: ActionDeps,
  tenantId: TenantId,
  card: Extract<ActionCard, { type: 'slots' }>,
): Promise<ActionCard> {
  const booking = (await loadEnabledActions(deps.db, tenantId)).find(
    (action) => action.kind === card.actionName,
  );
  return booking ? { ...card, actionName: booking.name } : card;
}

async function executeHttp(
  deps: ActionDeps,
  action: LoadedAction,
  visitor: ActionVisitor,
  params: ActionParams,
) {
  if (!action.http) throw new EndpointError('The action has no endpoint configured.');
  const identity = identityParams(action.http.urlTemplate, visitor);
  const headers = action.headersEncrypted ? decryptJson(action.headersEncrypted) : {};
  const answer = await callEndpoint(action.http, headers, { ...params, ...identity }, deps);
  return resultCard(action.description, action.http, answer);
}

/** `{visitor.email}` / `{visitor.id}` from the signed identity; absent: the call is not made. */
function identityParams(template: string, visitor: ActionVisitor): ActionParams {
  const values: ActionParams = {};
  for (const name of templatePlaceholders(template)) {
    if (!name.startsWith('visitor.')) continue;
    const value = name === 'visitor.email' ? visitor.email : visitor.externalId;
    if (!visitor.identified || !value)
      throw new EndpointError('This needs a signed-in visitor, and none is signed in.');
    values[name] = value;
  }
  return values;
}

/**
 * An order number that is not among the signed context's orders, when the site sent that list:
 * the model (or a prompt injection) cannot ask for someone else's order by number.
 */
function foreignOrderId(params: ActionParams, visitor: ActionVisitor): string | null {
  const signed = visitor.context?.orderIds;
  if (!Array.isArray(signed)) return null;
  const own = new Set(signed.map(String));
  for (const [name, value] of Object.entries(params))
    if (/^order_?(id|number|no)$/i.test(name) && !own.has(String(value))) return String(value);
  return null;
}

function refused(message: string): ActionOutcome {
  return { ok: false, card: errorCard(message) };
}

function describeParamError(error: unknown): string {
  if (error instanceof ZodError)
    return error.issues
      .map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`)
      .join('; ');
  return error instanceof Error ? error.message : String(error);
}
