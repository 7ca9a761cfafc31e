export {
  startResendStub,
  type ResendStub,
  type StubFailure,
  type StubRequest,
} from './resend-stub';
