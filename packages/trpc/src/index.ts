export { appRouter, createCaller, type AppRouter } from './root';
export { createContextInner, type Context, type ContextServices } from './context';
export { refuseOtherWorkspace } from './workspace-guard';
export { TRPC_CODE_OF, toTRPCError } from './error-codes';
export type { MemberRole, ProcedureMeta } from './trpc';
