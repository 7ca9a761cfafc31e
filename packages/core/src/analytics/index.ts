export { getAnalyticsSummary } from './analytics-summary';
export { ZListPeriod, ZPeriod } from './period';
export { listTopQuestions, listUnansweredQuestions } from './question-reports';
export { turnIntoFaq } from './turn-into-faq';
