export {
  nextStepWords,
  registrationWords,
  registrationBasis,
  type RegistrationWords,
  type Words,
} from './applicantWords';
export { Notifier } from './notifier';
export { readPreferences, writePreferences, type NotificationPreferences } from './preferences';
export {
  alsoLogged,
  LogSender,
  maskAddress,
  type Channel,
  type NotificationSender,
  type OutgoingMessage,
} from './sender';
export { STATUS_WORDS, statusMessage } from './texts';
