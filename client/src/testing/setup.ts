import '@testing-library/jest-dom/vitest';
// The courier's app keeps its cache and outbox in IndexedDB, which jsdom lacks.
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// CI shares two cores with PostgreSQL, .NET builds and browsers: a re-render can take seconds there. A bound of
// five seconds still fails a test whose awaited state never comes, without failing one that is merely slow.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});
