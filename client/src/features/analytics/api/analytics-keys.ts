/** Query keys of the analytics feature; live updates invalidate `all` when any order changes. */
export const analyticsKeys = {
  all: ['analytics'] as const,
  summary: (request: { from: string; to: string; timeZone: string }) => [...analyticsKeys.all, 'summary', request] as const,
};
