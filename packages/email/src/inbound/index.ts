export { readReceivedEmail, type ReceivedEmail } from './read-received-email';
