import { connection } from 'next/server';
import { SignInForm } from '@/components/auth/sign-in-form';

export const metadata = { title: 'Sign in · VLM Console' };

export default async function SignInPage() {
  // Rendered per request so that Next puts this request's CSP nonce on its scripts.
  await connection();
  return (
    <main className="flex min-h-dvh items-center justify-center p-4">
      <SignInForm />
    </main>
  );
}
