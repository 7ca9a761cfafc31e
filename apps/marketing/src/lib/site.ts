import { env } from '~/env';

export const site = {
  name: 'Replyline',
  tagline: 'Answers your customers can trust',
  description:
    'Replyline is an AI support assistant that answers from your own help content, cites its sources and hands off to your team when it should.',
  signInUrl: `${env.dashboardUrl}/sign-in`,
  supportEmail: 'hello@replyline.example',
} as const;
