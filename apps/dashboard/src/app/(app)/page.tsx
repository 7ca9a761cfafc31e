import { redirect } from 'next/navigation';

// The dashboard opens on the inbox: where the work is.
export default function DashboardHome(): never {
  redirect('/inbox');
}
