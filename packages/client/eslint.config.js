import { layer } from '@replyline/eslint-config';

export default layer('package');
