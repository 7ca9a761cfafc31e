import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SidebarMenu } from './sidebar-menu';

describe('the phone menu as the server sends it', () => {
  it('opens with plain links until the script runs, so it works without one', () => {
    const html = renderToString(
      <SidebarMenu workspaceName="Moonlight Books">
        <a href="/inbox">Inbox</a>
      </SidebarMenu>,
    );
    // The CSS shows the menu while it is the address's target, and only in this state.
    expect(html).toContain('data-menu="links"');
    expect(html).toMatch(/<a href="#sidebar-menu"[^>]*>.*Menu<\/a>/);
    expect(html).toMatch(/<a href="#"[^>]*>.*Close<\/a>/);
    expect(html).toContain('id="sidebar-menu"');
    expect(html).toContain('<a href="/inbox">Inbox</a>');
    // The disclosure button arrives with the script; before it, it would do nothing.
    expect(html).not.toContain('<button');
  });
});
