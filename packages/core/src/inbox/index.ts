// The inbox's reads; its writes (notes, status) live in the conversations module.
export { addInternalNote, setConversationStatus } from '../conversations';
export { listConversationChanges } from './conversation-changes';
export { ZExportConversations, exportConversations } from './export-conversations';
export { getTranscript } from './get-transcript';
export { ZListConversations, listConversations } from './list-conversations';
export { exportConversationsAs } from './export-conversation-lines';
