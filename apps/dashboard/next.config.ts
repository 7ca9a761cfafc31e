import { baseNextConfig } from '@replyline/ui/next-config';

export default baseNextConfig();
