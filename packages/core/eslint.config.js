export { default } from '@replyline/eslint-config';
