import { layer } from './base.js';

export default layer('package');
