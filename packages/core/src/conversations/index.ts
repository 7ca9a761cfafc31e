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
export {
  emailTranscript,
  maskEmail,
  TRANSCRIPTS_PER_CONVERSATION_HOUR,
  type TranscriptOutcome,
} from './email-transcript';
export {
  escalateConversation,
  type Escalation,
  type EscalationRequest,
} from './escalate-conversation';
export { handBackToBot, postAgentMessage, takeOverConversation } from './agent-reply';
export {
  answerLeftovers,
  leftoverQuestions,
  startLeftoverWorker,
  type LeftoverJob,
} from './answer-leftovers';
export {
  answerStoredMessage,
  findRetriedMessage,
  type RetriedMessage,
} from './answer-stored-message';
export {
  agentDisplayName,
  handoffLineOf,
  type Handoff,
  type HandoffLine,
  type HandoffState,
} from './handoff';
export { announceTyping, createTypingThrottle, TYPING_INTERVAL_MS } from './typing';
export { insertTicket, type TicketDraft } from './open-ticket';
export { addInternalNote, endConversation, setConversationStatus } from './conversation-actions';
export { createTicket, ZCreateTicket, type TCreateTicket } from './create-ticket';
export { updateTicket, ZUpdateTicket, type TUpdateTicket } from './update-ticket';
export { replyToTicket, type TicketReplyDeps } from './reply-to-ticket';
export {
  assignConversation,
  ZAssignConversation,
  type TAssignConversation,
} from './assign-conversation';
export {
  citedDocumentText,
  citedPdfBytes,
  CITED_PASSAGE_ID,
  findCitedPdf,
  findCitedSource,
  issueSourceLink,
  readSourceLink,
  SOURCE_LINK_LIFETIME_MS,
  sourceViewerUrl,
  type CitedDocument,
  type CitedPdf,
  type CitedSource,
  type SourceLinkClaims,
  type SourceOpening,
  type SourceScope,
} from './source-links';
