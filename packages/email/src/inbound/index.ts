export {
  readReceivedEmail,
  type ReceivedAttachment,
  type ReceivedEmail,
} from './read-received-email';
