// Saved snippets agents insert into replies with "/" (managed in settings).
export {
  createCannedReply,
  deleteCannedReply,
  listCannedReplies,
  updateCannedReply,
  ZCannedReply,
  ZUpdateCannedReply,
  type TCannedReply,
  type TUpdateCannedReply,
} from './manage-canned-replies';
