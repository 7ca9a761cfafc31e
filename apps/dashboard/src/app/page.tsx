import { redirect } from 'next/navigation';

// No sessions yet: everyone starts at sign-in. Later this will send signed-in users to their inbox.
export default function DashboardHome(): never {
  redirect('/sign-in');
}
