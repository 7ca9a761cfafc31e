import { asUserId, type Database, type TenantId } from '@replyline/db';
import { createContextInner } from '../context';
import { createCaller } from '../root';

export { newMember, newWorkspace } from '@replyline/core/testing';

/** The dashboard API as this user sees it with this workspace selected. */
export function callerFor(db: Database, userId: string | null, selectedTenantId: TenantId | null) {
  return createCaller(
    createContextInner({ db, userId: userId ? asUserId(userId) : null, selectedTenantId }),
  );
}
