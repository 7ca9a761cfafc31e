import type { ActionParameters } from '@replyline/db/schema';
import { z } from 'zod';
import { builtInIntegrations, type BuiltInIntegration } from '../integrations/index';

/** The kind of an action that calls the business's own endpoint. */
export const HTTP_KIND = 'http';

/** A built-in integration by its id; undefined for 'http' or an unknown id. */
export function builtInOf(kind: string): BuiltInIntegration | undefined {
  return builtInIntegrations.find((integration) => integration.kind === kind);
}

/** Every kind an owner can pick, for the dashboard and the management API. */
export function actionKinds() {
  return [
    {
      kind: HTTP_KIND,
      description: "Calls your own HTTPS endpoint with the visitor's parameters.",
      parameters: null,
      requiresIdentity: false,
      sideEffects: false,
      secretSettings: [] as string[],
    },
    ...builtInIntegrations.map((integration) => ({
      kind: integration.kind,
      description: integration.description,
      parameters: parametersOfBuiltIn(integration),
      requiresIdentity: integration.requiresIdentity,
      sideEffects: integration.sideEffects,
      secretSettings: integration.secretSettings,
    })),
  ];
}

/** A built-in's zod parameters as the flat JSON schema actions declare. */
export function parametersOfBuiltIn(integration: BuiltInIntegration): ActionParameters {
  const schema = z.toJSONSchema(integration.parameters, {
    io: 'input',
    unrepresentable: 'any',
  }) as {
    properties?: Record<
      string,
      { type?: string | string[]; description?: string; enum?: unknown[] }
    >;
    required?: string[];
  };
  const properties: NonNullable<ActionParameters['properties']> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const type = Array.isArray(property.type) ? property.type[0] : property.type;
    properties[name] = {
      type: type === 'number' || type === 'integer' || type === 'boolean' ? type : 'string',
      ...(property.description ? { description: property.description } : {}),
      ...(property.enum ? { enum: property.enum.map(String) } : {}),
    };
  }
  return { type: 'object', properties, required: schema.required ?? [] };
}
