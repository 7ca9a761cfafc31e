import { describe, expect, it } from 'vitest';
import {
  assignableRoles,
  canHandleInvitation,
  managesTeam,
  memberControls,
} from './team-permissions';

const owner = { userId: 'o', role: 'owner' as const };
const admin = { userId: 'a', role: 'admin' as const };
const agent = { userId: 'g', role: 'agent' as const };
const none = { canChangeRole: false, canRemove: false, roles: [] };

describe('team controls', () => {
  it('lets agents only look', () => {
    expect(managesTeam('agent')).toBe(false);
    expect(memberControls(agent, { userId: 'x', role: 'agent' })).toEqual(none);
    expect(assignableRoles('agent')).toEqual([]);
  });

  it('lets admins manage admins and agents, but not owners, and not make owners', () => {
    expect(memberControls(admin, { userId: 'x', role: 'agent' })).toEqual({
      canChangeRole: true,
      canRemove: true,
      roles: ['agent', 'admin'],
    });
    expect(memberControls(admin, owner)).toEqual(none);
    expect(canHandleInvitation('admin', { role: 'owner' })).toBe(false);
    expect(canHandleInvitation('admin', { role: 'agent' })).toBe(true);
  });

  it('lets owners do everything, owners included', () => {
    expect(memberControls(owner, { userId: 'x', role: 'owner' })).toEqual({
      canChangeRole: true,
      canRemove: true,
      roles: ['agent', 'admin', 'owner'],
    });
    expect(canHandleInvitation('owner', { role: 'owner' })).toBe(true);
  });

  it('never offers to change or remove yourself', () => {
    expect(memberControls(owner, owner)).toEqual(none);
    expect(memberControls(admin, admin)).toEqual(none);
  });
});
