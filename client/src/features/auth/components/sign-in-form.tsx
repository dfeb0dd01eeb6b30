import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { fieldMessages, toApiError } from '@/lib/errors';
import { useSignIn } from '../api/use-sign-in';

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const error = signIn.error ? toApiError(signIn.error) : undefined;
  const message =
    error?.kind === 'unauthenticated'
      ? 'The email or password is not right, or the account is deactivated.'
      : error?.kind === 'validation'
        ? undefined
        : error?.userMessage;

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: onSignedIn });
  }

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Sign in">
      {message && <Alert tone="danger">{message}</Alert>}
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        inputMode="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        errors={fieldMessages(error?.fieldErrors, 'email')}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        errors={fieldMessages(error?.fieldErrors, 'password')}
      />
      <Button type="submit" size="lg" block loading={signIn.isPending}>
        Sign in
      </Button>
    </form>
  );
}
