// Every write to conversations, messages and tickets goes through this module: the widget's
// turns, agents' replies and notes, status changes, escalations and tickets.
export {
  answerMessage,
  answerVisitorTurn,
  isMetered,
  keepMessageForAgent,
  openVisitorTurn,
  type AnswerOptions,
  type OpenedTurn,
  type VisitorConversation,
} from './visitor-turn';
export {
  appendVisitorMessage,
  loadTurnContext,
  startConversation,
  storeAssistantMessage,
} from './conversation-store';
export { visitorTokensToday } from './visitor-usage';
export {
  createConversation,
  ensureConversation,
  findResumableConversation,
  replaceVisitorContext,
  type ConversationDraft,
  type ConversationOwner,
} from './visitor-conversation';
export {
  customerSource,
  getConversationState,
  listMessages,
  type ConversationMessage,
  type ConversationState,
} from './read-conversation';
export { rateConversation, setMessageFeedback } from './customer-feedback';
export { escalateConversation, type EscalationRequest } from './escalate-conversation';
export { handBackToBot, postAgentMessage, takeOverConversation } from './agent-reply';
export { insertTicket, type TicketDraft } from './open-ticket';
export { addInternalNote, setConversationStatus } from './conversation-actions';
export { createTicket, ZCreateTicket, type TCreateTicket } from './create-ticket';
export { updateTicket, ZUpdateTicket, type TUpdateTicket } from './update-ticket';
export { replyToTicket, type TicketReplyDeps } from './reply-to-ticket';
export { assignConversation, ZAssignConversation, type TAssignConversation } from './assign-conversation';
