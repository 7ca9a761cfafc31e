// Actions: typed operations the assistant runs for a visitor (a built-in integration or the
// business's own endpoint), managed by the workspace's admins.
export { actionKinds, builtInOf, HTTP_KIND } from './action-kinds';
export { answerWithActions, visitorOf, type ActionTurnDeps } from './answer-with-actions';
export { textOfCard } from './card-text';
export { actionsMayReachLocal } from './env';
export {
  answerVisitorActionRequest,
  ZVisitorActionRequest,
  type TVisitorActionRequest,
} from './visitor-action-request';
export { ZActionInput, ZUpdateAction, type TActionInput, type TUpdateAction } from './action-input';
export { parseActionParams, toolSchemaOf, type ActionParams } from './action-parameters';
export type { ConfirmCard, ConversationCard, FormCard, IdentifyCard } from './cards';
export {
  createAction,
  deleteAction,
  getAction,
  listActions,
  setActionEnabled,
  updateAction,
} from './manage-actions';
export {
  confirmProposal,
  loadActionById,
  loadActionByName,
  loadEnabledActions,
  runActionForVisitor,
  tryAction,
  type ActionDeps,
  type ActionOutcome,
  type LoadedAction,
} from './run-action';
