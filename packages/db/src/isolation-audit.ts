import { APP_ROLE } from './scope';

/** Runs one SQL statement and returns its rows (owner or app connection, raw). */
export type RawQuery = (sqlText: string) => Promise<Record<string, unknown>[]>;

const TENANT_TABLES_SQL = `
  select c.relname as table_name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
    coalesce((select json_agg(json_build_object('name', p.polname, 'cmd', p.polcmd,
        'using', pg_get_expr(p.polqual, p.polrelid), 'check', pg_get_expr(p.polwithcheck, p.polrelid)))
      from pg_policy p where p.polrelid = c.oid), '[]') as policies
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
  where n.nspname = 'public' and c.relkind in ('r', 'p')
  order by 1`;

interface PolicyRow {
  name: string;
  cmd: string;
  using: string | null;
  check: string | null;
}

/**
 * Lists every way the database falls short of tenant isolation: a tenant table without RLS,
 * without FORCE, or without an all-commands policy that checks the tenant setting both when
 * reading (USING) and when writing (WITH CHECK); and an app role that could bypass it all.
 * An empty list means isolated.
 */
export async function findIsolationGaps(query: RawQuery): Promise<string[]> {
  const gaps: string[] = [];
  const tables = await query(TENANT_TABLES_SQL);
  if (tables.length === 0) gaps.push('no tables with a tenant_id column were found');
  for (const t of tables) {
    const name = String(t.table_name);
    if (!t.rls) gaps.push(`${name}: row-level security is not enabled`);
    if (!t.forced) gaps.push(`${name}: row-level security is not FORCEd`);
    const policies = (
      typeof t.policies === 'string' ? JSON.parse(t.policies) : t.policies
    ) as PolicyRow[];
    if (!policies.some(isTenantPolicy)) {
      gaps.push(`${name}: no policy for all commands with USING and WITH CHECK on app.tenant_id`);
    }
  }
  gaps.push(...(await findAppRoleGaps(query)));
  return gaps;
}

function isTenantPolicy(p: PolicyRow) {
  const onTenant = (expr: string | null) =>
    Boolean(expr?.includes("current_setting('app.tenant_id'")) && Boolean(expr?.includes('NULLIF'));
  return p.cmd === '*' && onTenant(p.using) && onTenant(p.check);
}

async function findAppRoleGaps(query: RawQuery): Promise<string[]> {
  const [role] = await query(
    `select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb,
       (select count(*) from pg_class where relowner = r.oid)::int as owned,
       (select count(*) from pg_proc where proowner = r.oid or (prosecdef and has_function_privilege(r.oid, oid, 'execute')
          and pronamespace = 'public'::regnamespace))::int as risky_functions,
       has_table_privilege(r.oid, 'audit_log', 'UPDATE') as audit_update,
       has_table_privilege(r.oid, 'audit_log', 'DELETE') as audit_delete
     from pg_roles r where rolname = '${APP_ROLE}'`,
  );
  if (!role) return [`role ${APP_ROLE} does not exist`];
  const gaps: string[] = [];
  if (role.rolsuper) gaps.push(`${APP_ROLE} is a superuser`);
  if (role.rolbypassrls) gaps.push(`${APP_ROLE} has BYPASSRLS`);
  if (role.rolcreaterole || role.rolcreatedb)
    gaps.push(`${APP_ROLE} may create roles or databases`);
  if (Number(role.owned) > 0) gaps.push(`${APP_ROLE} owns ${role.owned} relations`);
  if (Number(role.risky_functions) > 0)
    gaps.push(`${APP_ROLE} owns or may run SECURITY DEFINER functions in public`);
  if (role.audit_update || role.audit_delete)
    gaps.push(`${APP_ROLE} may update or delete the audit log`);
  const views = await query(
    `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'v'
       and not coalesce('security_invoker=true' = any(c.reloptions) or 'security_invoker=on' = any(c.reloptions), false)
       -- An extension's own views (Citus puts its catalogue views in public) read no tenant table.
       and not exists (select 1 from pg_depend d
                       where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')`,
  );
  for (const v of views) gaps.push(`view ${String(v.relname)} is not security_invoker`);
  return gaps;
}
