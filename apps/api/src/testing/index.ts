export { parseSse, readEvents, type SseEvent } from './sse';
export { shopTenant, startTestApi, SHOP_ORIGIN, type TestApi } from './test-api';
