import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api.ts';

/** The workbench's one query cache: the pages read from it, and boot-data.ts fills it early. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused or missing record will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
