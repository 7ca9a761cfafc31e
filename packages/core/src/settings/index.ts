export { ZCustomer } from './customer-scope';
export { eraseCustomerData } from './erase-customer-data';
export { exportCustomerData } from './export-customer-data';
export { ZListAuditLog, listAuditLog } from './list-audit-log';
export { ZRetentionDays, getRetentionDays, setRetentionDays } from './retention-setting';
