import { useMutation } from '@tanstack/react-query';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';
import type { OrderFilters } from '../hooks/use-order-filters';
import { toListArguments } from './to-list-arguments';

function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads the CSV of the current filters (the generated client returns it as a FileResponse blob). */
export function useExportOrders() {
  const api = useApi();
  return useMutation({
    mutationFn: async (filters: OrderFilters) => {
      const file = await apiCall(api.orders.export(...toListArguments(filters)));
      saveBlob(file.data, file.fileName ?? 'orders.csv');
      return file;
    },
  });
}
