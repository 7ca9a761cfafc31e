// Test helpers other packages' tests use too.
export { evalFile } from './eval-dir';
