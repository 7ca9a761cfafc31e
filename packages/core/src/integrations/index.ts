import type { BuiltInIntegration } from './contract';

export type {
  ActionCard,
  ActionRunContext,
  ActionVisitor,
  BuiltInIntegration,
  IntegrationServices,
} from './contract';

/** Every built-in integration, registered by the actions framework as an action kind. */
export const builtInIntegrations: BuiltInIntegration[] = [];
