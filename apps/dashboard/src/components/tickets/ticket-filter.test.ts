import { describe, expect, it } from 'vitest';
import { newTicketInput } from './new-ticket-form';
import { describeEvent } from './ticket-detail';
import { EMPTY_TICKET_FILTER, ticketChange, toTicketFilter } from './ticket-filter';

describe('ticket filter controls → list input', () => {
  it('sends nothing for empty or blank controls', () => {
    expect(toTicketFilter(EMPTY_TICKET_FILTER)).toEqual({});
    expect(toTicketFilter({ ...EMPTY_TICKET_FILTER, search: '   ', category: ' ' })).toEqual({});
  });

  it('maps every control, trimming text', () => {
    expect(
      toTicketFilter({
        status: 'pending',
        priority: 'urgent',
        category: ' billing ',
        assignee: 'me',
        search: ' ana@example.com ',
      }),
    ).toEqual({
      status: 'pending',
      priority: 'urgent',
      category: 'billing',
      assignee: 'me',
      search: 'ana@example.com',
    });
  });
});

describe('ticket detail changes → update input', () => {
  it('clears category and assignee with null, sets the rest as chosen', () => {
    expect(ticketChange('assigneeUserId', '')).toEqual({ assigneeUserId: null });
    expect(ticketChange('category', '  ')).toEqual({ category: null });
    expect(ticketChange('category', 'refunds')).toEqual({ category: 'refunds' });
    expect(ticketChange('status', 'solved')).toEqual({ status: 'solved' });
  });
});

describe('new ticket form → create input', () => {
  it('leaves blank optional fields out and defaults the priority', () => {
    const data = new FormData();
    data.set('subject', ' Broken sofa ');
    data.set('customerEmail', 'ana@example.com');
    data.set('customerName', '  ');
    data.set('category', 'damage');
    data.set('assigneeUserId', '');
    expect(newTicketInput(data)).toEqual({
      subject: 'Broken sofa',
      customerEmail: 'ana@example.com',
      customerName: undefined,
      message: undefined,
      priority: 'normal',
      category: 'damage',
      assigneeUserId: undefined,
    });
  });
});

describe('ticket history', () => {
  it('says in words what happened', () => {
    expect(describeEvent('ticket_created', { source: 'manual' })).toBe('Created by hand.');
    expect(describeEvent('ticket_created', { source: 'escalation' })).toBe(
      'Created from an escalated chat.',
    );
    expect(
      describeEvent('ticket_updated', { changes: { status: 'solved', assigneeUserId: null } }),
    ).toBe('Changed status → solved, assignee → nobody.');
  });

  it('names people, never their ids', () => {
    const sam = '11111111-1111-4111-8111-111111111111';
    const kim = '22222222-2222-4222-8222-222222222222';
    const names = { [sam]: 'Sam', [kim]: 'Kim' };
    expect(
      describeEvent('ticket_updated', { changes: { assigneeUserId: kim }, byUserId: sam }, names),
    ).toBe('Changed assignee → Kim by Sam.');
    expect(describeEvent('ticket_replied', { byUserId: kim }, names)).toBe(
      'Kim replied to the customer by email.',
    );
    expect(describeEvent('ticket_replied', { byUserId: 'gone' }, names)).toBe(
      'A former member replied to the customer by email.',
    );
  });
});
