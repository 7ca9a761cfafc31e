'use client';

import { FEATURES, lowestPlanWith, planAllows, type PlanFeature } from '@replyline/billing/plans';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { useTRPC } from '~/trpc/react';

/**
 * Whether the workspace's plan has the feature, from the same plan config the server enforces;
 * null until the workspace is loaded (show the control: the server refuses in words anyway).
 */
export function usePlanAllows(feature: PlanFeature): boolean | null {
  const trpc = useTRPC();
  const current = useQuery(trpc.workspace.current.queryOptions());
  return current.data ? planAllows(current.data.plan, feature) : null;
}

/** In place of a locked control: which plan has it, and the way to Billing. */
export function UpgradeHint({ feature, children }: { feature: PlanFeature; children?: ReactNode }) {
  return (
    <p className="notice" data-locked-feature={feature}>
      {`${FEATURES[feature].name} is part of the ${lowestPlanWith(feature).name} plan.`}
      {children ? <> {children}</> : null} <Link href="/billing">Upgrade in Billing</Link>
    </p>
  );
}
