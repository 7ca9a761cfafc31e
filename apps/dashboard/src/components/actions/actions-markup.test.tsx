import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ActionFields } from './action-fields';
import {
  actionInputOf,
  FormFieldProblem,
  type ActionKind,
  type ActionSummary,
} from './action-input';
import { ActionRow } from './action-row';
import { ResultCard } from './result-card';

const kinds: ActionKind[] = [
  {
    kind: 'http',
    description: 'Calls your endpoint.',
    requiresIdentity: false,
    sideEffects: false,
    secretSettings: [],
  },
  {
    kind: 'woocommerce.order_status',
    description: 'Order status from WooCommerce.',
    requiresIdentity: true,
    sideEffects: false,
    secretSettings: ['consumerKey', 'consumerSecret'],
  },
];

const action: ActionSummary = {
  id: 'a1',
  name: 'order_status',
  description: 'Looks up an order.',
  kind: 'http',
  parameters: {
    type: 'object',
    properties: { orderId: { type: 'string' } },
    required: ['orderId'],
  },
  http: {
    method: 'GET',
    urlTemplate: 'https://shop.example/api/orders/{orderId}',
    timeoutMs: 4000,
    responseFields: [{ path: 'order.status', label: 'Status' }],
    headerNames: ['Authorization'],
  },
  settings: {},
  requiresIdentity: true,
  sideEffects: false,
  enabled: true,
};

/** The markup without React's separators between adjacent text parts. */
const plain = (html: string) => html.replaceAll('<!-- -->', '');

const fields = (props: Partial<Parameters<typeof ActionFields>[0]> = {}) =>
  plain(
    renderToString(
      <ActionFields
        kinds={kinds}
        kind="http"
        onKindChange={() => undefined}
        errors={{}}
        {...props}
      />,
    ),
  );

function formOf(values: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.set(name, value);
  return form;
}

describe('the action form', () => {
  it('names saved headers on an edit but never shows a value, and offers to remove them', () => {
    const html = fields({ action });
    expect(html).toContain('Saved: Authorization (values hidden)');
    expect(html).toContain('Remove the saved headers');
    expect(html).toContain('order.status = Status');
    expect(html).toContain('https://shop.example/api/orders/{orderId}');
  });

  it('asks a built-in for its settings, saying which are secret', () => {
    const html = fields({ kind: 'woocommerce.order_status' });
    expect(html).toContain('consumerKey, consumerSecret are stored encrypted');
    expect(html).not.toContain('URL template');
    expect(html).toContain('always requires a signed-in visitor');
  });

  it('shows a field’s error under it', () => {
    expect(fields({ errors: { 'http.urlTemplate': 'Enter a full address' } })).toContain(
      'Enter a full address',
    );
  });

  it('reads headers, response fields and parameters; leaves headers out when empty on an edit', () => {
    const base = {
      name: 'order_status',
      description: 'Looks up an order.',
      method: 'POST',
      urlTemplate: ' https://shop.example/{orderId} ',
      timeoutMs: '3000',
      responseFields: 'order.status = Status\ntracking = Track = here',
      parameters:
        '{"type":"object","properties":{"orderId":{"type":"string"}},"required":["orderId"]}',
      requiresIdentity: 'on',
    };
    const input = actionInputOf(formOf({ ...base, headers: 'Authorization: Bearer a:b' }), 'http');
    expect(input.http).toEqual({
      method: 'POST',
      urlTemplate: 'https://shop.example/{orderId}',
      timeoutMs: 3000,
      responseFields: [
        { path: 'order.status', label: 'Status' },
        { path: 'tracking', label: 'Track = here' },
      ],
      headers: { Authorization: 'Bearer a:b' },
    });
    expect(input).toMatchObject({ requiresIdentity: true, sideEffects: false, enabled: false });
    expect(actionInputOf(formOf(base), 'http').http).not.toHaveProperty('headers');
    expect(actionInputOf(formOf({ ...base, clearHeaders: 'on' }), 'http').http?.headers).toEqual(
      {},
    );
  });

  it('names the field it cannot read', () => {
    const bad = (values: Record<string, string>) => {
      try {
        actionInputOf(formOf({ name: 'x', description: 'y', ...values }), 'http');
      } catch (problem) {
        return problem instanceof FormFieldProblem ? problem.path : 'other';
      }
      return 'none';
    };
    expect(bad({ parameters: '{ nope' })).toBe('parameters');
    expect(bad({ headers: 'no colon here' })).toBe('http.headers');
    expect(bad({ responseFields: 'status' })).toBe('http.responseFields');
  });
});

describe('the action list and "try it"', () => {
  it('shows an action with its switch, where it runs and its buttons', () => {
    const html = renderToString(
      <ul>
        <ActionRow
          action={action}
          busy={false}
          error={null}
          onToggle={() => undefined}
          onEdit={() => undefined}
          onTry={() => undefined}
          onDelete={() => undefined}
        />
      </ul>,
    );
    expect(html).toContain('role="switch"');
    expect(html).toContain('checked=""');
    expect(html).toContain('GET shop.example');
    expect(html).toContain('headers: Authorization');
    for (const label of ['Try it', 'Edit', 'Delete']) expect(html).toContain(`${label}</button>`);
  });

  it('shows the card the visitor would get', () => {
    const order = plain(
      renderToString(
        <ResultCard
          ok
          card={{
            type: 'order',
            orderId: '1001',
            status: 'Shipped',
            items: [{ name: 'Tent', quantity: 1 }],
            trackingUrl: 'https://track.example/1',
          }}
        />,
      ),
    );
    expect(order).toContain('Order 1001');
    expect(order).toContain('1 × Tent');
    expect(order).toContain('https://track.example/1');
    const refused = renderToString(
      <ResultCard ok={false} card={{ type: 'error', message: 'The endpoint took too long.' }} />,
    );
    expect(refused).toContain('data-ok="false"');
    expect(refused).toContain('The endpoint took too long.');
  });
});
