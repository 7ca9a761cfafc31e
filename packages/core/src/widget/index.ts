export { customerGreeting, customerTypeOf, type CustomerType } from './customer-greeting';
export { getWidgetSettings } from './get-widget-settings';
export { rotateIdentitySecret } from './rotate-identity-secret';
export { updateWidgetSettings } from './update-widget-settings';
export {
  ZAllowedOrigins,
  ZBranding,
  ZCustomerGreetings,
  ZIdentityRequired,
  ZLanguage,
  ZPersona,
} from './widget-settings-schema';
export {
  getWidgetSightings,
  MAX_SIGHTINGS_PER_WORKSPACE,
  recordWidgetSighting,
} from './widget-sightings';
