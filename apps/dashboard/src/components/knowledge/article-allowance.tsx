'use client';

import { planById, type PlanId } from '@replyline/billing/plans';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '~/trpc/react';

/**
 * How many help articles the plan includes and how many the workspace has (FAQ entries are
 * documents too, so `knowledge.list` counts both); nothing on plans without a limit.
 */
export function ArticleAllowance() {
  const trpc = useTRPC();
  const workspace = useQuery(trpc.workspace.current.queryOptions());
  const documents = useQuery(trpc.knowledge.list.queryOptions());
  if (!workspace.data || !documents.data) return null;
  const text = articleAllowance(workspace.data.plan, documents.data.length);
  if (!text) return null;
  return (
    <p className={text.full ? 'notice' : 'muted'} data-help-articles={documents.data.length}>
      {text.message}
      {text.full && (
        <>
          {' '}
          <Link href="/billing">Upgrade in Billing</Link>
        </>
      )}
    </p>
  );
}

/** The line for `count` articles on `plan`, and whether new ones are refused; null: no limit. */
export function articleAllowance(
  plan: PlanId,
  count: number,
): { message: string; full: boolean } | null {
  const { name, helpArticles: cap } = planById(plan);
  if (cap === 'unlimited') return null;
  if (count > cap)
    return {
      full: true,
      message: `This workspace has ${count} help articles, more than the ${cap} the ${name} plan includes. All of them stay and keep answering; new ones can be added once you are under ${cap}.`,
    };
  if (count === cap)
    return {
      full: true,
      message: `All ${cap} help articles of the ${name} plan are used (FAQ entries and documents together). Remove some to add new ones.`,
    };
  return {
    full: false,
    message: `${count} of ${cap} help articles on the ${name} plan (FAQ entries and documents together).`,
  };
}
