// Test helpers other packages' tests use too.
export { evalFile } from './eval-dir';
export { shopSite, startTestSite, type SitePage, type TestSite } from './test-site';
export { buildPdf } from '../pdf/fixtures';
export { buildDocx } from './docx';
