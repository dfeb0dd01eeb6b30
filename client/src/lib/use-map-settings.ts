import { useQuery } from '@tanstack/react-query';
import { useApi } from './api-context';
import { apiCall } from './errors';

/** Where maps take their tiles from and the attribution they show (the server's Map settings); read once a session. */
export function useMapSettings() {
  const api = useApi();
  return useQuery({
    queryKey: ['map-settings'],
    queryFn: ({ signal }) => apiCall(api.mapSettings.get(signal)),
    staleTime: Infinity,
  });
}
