import Link from 'next/link';
import type { ReactNode } from 'react';
import { InstallAppButton } from '~/components/pwa/install-app-button';
import { SignOutButton } from '~/components/pwa/sign-out-button';
import { SessionKeepAlive } from '~/components/session-keep-alive';
import { SidebarMenu } from '~/components/sidebar-menu';
import { SidebarNav } from '~/components/sidebar-nav';
import { WorkspaceSwitcher } from '~/components/workspace-switcher';
import { requireWorkspace } from '~/server/workspace';
import { TRPCReactProvider } from '~/trpc/react';

/** The signed-in dashboard: sidebar (workspace, sections, the person) and the page. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const { user, workspaces, current } = await requireWorkspace();
  // Cache, tRPC client and forms belong to this workspace; a switch mounts them afresh.
  return (
    <TRPCReactProvider workspaceId={current.id}>
      <div className="shell">
        <SidebarMenu workspaceName={current.name}>
          <WorkspaceSwitcher workspaces={workspaces} currentId={current.id} />
          <SidebarNav />
          <div className="sidebar__user">
            <span className="sidebar__email" title={user.email}>
              {user.name ?? user.email}
            </span>
            <Link className="sidebar__device-link" href="/settings/notifications">
              Notifications
            </Link>
            <InstallAppButton />
            <SignOutButton />
          </div>
        </SidebarMenu>
        {/* Focusable from script: a link followed in the phone menu moves focus here. */}
        <main className="shell__main" tabIndex={-1}>
          {children}
        </main>
        <SessionKeepAlive />
      </div>
    </TRPCReactProvider>
  );
}
