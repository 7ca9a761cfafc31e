export { ONBOARDING_STEPS, getOnboarding, markOnboardingStep } from './onboarding-progress';
