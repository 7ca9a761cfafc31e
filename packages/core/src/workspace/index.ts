export { ZDeleteWorkspace, deleteWorkspace } from './delete-workspace';
