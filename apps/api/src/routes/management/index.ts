// The management API (/v1/manage/…): a workspace's own systems call it with a secret key.
import type { Route } from '../../router';
import {
  createActionRoute,
  deleteActionRoute,
  getActionRoute,
  listActionsRoute,
  setActionEnabledRoute,
  updateActionRoute,
} from './actions';
import {
  exportConversationsRoute,
  getConversationRoute,
  listConversationsRoute,
} from './conversations';
import {
  addTextDocumentRoute,
  deleteDocumentRoute,
  getDocumentRoute,
  listDocumentsRoute,
  uploadDocumentRoute,
} from './documents';
import { deleteFaqRoute, upsertFaqRoute } from './faq';
import { exportTicketsRoute, getTicketRoute, listTicketsRoute } from './tickets';
import {
  addWebsiteRoute,
  deleteWebsiteRoute,
  getWebsiteRoute,
  listWebsitesRoute,
  recrawlWebsiteRoute,
} from './websites';

export { createManagementApi, type ManagementApi } from './management-api';

export const managementRoutes: Route[] = [
  listDocumentsRoute,
  uploadDocumentRoute,
  addTextDocumentRoute,
  getDocumentRoute,
  deleteDocumentRoute,
  listWebsitesRoute,
  addWebsiteRoute,
  getWebsiteRoute,
  recrawlWebsiteRoute,
  deleteWebsiteRoute,
  upsertFaqRoute,
  deleteFaqRoute,
  listConversationsRoute,
  getConversationRoute,
  exportConversationsRoute,
  listTicketsRoute,
  getTicketRoute,
  exportTicketsRoute,
  listActionsRoute,
  createActionRoute,
  getActionRoute,
  updateActionRoute,
  setActionEnabledRoute,
  deleteActionRoute,
];
