import { LogoMark } from '@replyline/ui/logo';
import type { ReactNode } from 'react';
import { InstallAppButton } from '~/components/pwa/install-app-button';
import { SignOutButton } from '~/components/pwa/sign-out-button';
import { SessionKeepAlive } from '~/components/session-keep-alive';
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
        <aside className="sidebar">
          <div className="brand">
            <LogoMark />
            <span>Replyline</span>
          </div>
          <WorkspaceSwitcher workspaces={workspaces} currentId={current.id} />
          <SidebarNav />
          <div className="sidebar__user">
            <span className="sidebar__email" title={user.email}>
              {user.name ?? user.email}
            </span>
            <a className="sidebar__device-link" href="/settings/notifications">
              Notifications
            </a>
            <InstallAppButton />
            <SignOutButton />
          </div>
        </aside>
        <main className="shell__main">{children}</main>
        <SessionKeepAlive />
      </div>
    </TRPCReactProvider>
  );
}
