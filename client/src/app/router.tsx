import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RequireRole, RootRedirect } from './guards';
import { LoadingState } from '@/components/ui/loading-state';
import { RouteErrorPage } from './routes/route-error';

/** Each screen is its own chunk: the sign-in and tracking pages load none of the signed-in screens' code. */
function page(load: () => Promise<{ default: ComponentType }>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: (await load()).default }) };
}

export const routes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    // Shown while the first screen's chunk loads; without it the router warns on every first load.
    hydrateFallbackElement: <LoadingState label="Loading…" />,
    children: [
      { index: true, element: <RootRedirect /> },
      { path: 'sign-in', ...page(() => import('./routes/sign-in')) },
      { path: 'track/:trackingCode?', ...page(() => import('./routes/track')) },
      { path: 'unsubscribe', ...page(() => import('./routes/unsubscribe')) },
      {
        ...page(() => import('./routes/app-shell')),
        children: [
          {
            element: <RequireRole roles={['Merchant', 'Admin']} />,
            children: [
              { path: 'orders', ...page(() => import('./routes/orders/list')) },
              { path: 'orders/new', ...page(() => import('./routes/orders/new')) },
              { path: 'dashboard', ...page(() => import('./routes/dashboard')) },
            ],
          },
          {
            element: <RequireRole roles={['Merchant']} />,
            children: [
              { path: 'settings', ...page(() => import('./routes/settings')) },
              { path: 'settings/notifications', ...page(() => import('./routes/notifications')) },
            ],
          },
          { path: 'orders/:orderId', ...page(() => import('./routes/orders/detail')) },
          {
            element: <RequireRole roles={['Merchant']} />,
            children: [{ path: 'business', ...page(() => import('./routes/merchants/profile')) }],
          },
          {
            path: 'courier',
            element: <RequireRole roles={['Delivery']} />,
            children: [
              {
                ...page(() => import('./routes/courier/layout')),
                children: [
                  { index: true, ...page(() => import('./routes/courier/deliveries')) },
                  { path: 'available', ...page(() => import('./routes/courier/available')) },
                  { path: 'orders/:orderId', ...page(() => import('./routes/courier/order')) },
                ],
              },
            ],
          },
          {
            path: 'admin',
            element: <RequireRole roles={['Admin']} />,
            children: [
              { index: true, element: <Navigate to="/admin/users" replace /> },
              { path: 'users', ...page(() => import('./routes/admin/users')) },
              { path: 'partners', ...page(() => import('./routes/admin/partners')) },
              { path: 'partners/:partnerId', ...page(() => import('./routes/admin/partner')) },
              { path: 'merchants/:merchantId', ...page(() => import('./routes/merchants/profile')) },
              { path: 'merchants/:merchantId/notifications', ...page(() => import('./routes/notifications')) },
              { path: 'orders', element: <Navigate to="/orders" replace /> },
              { path: '*', ...page(() => import('./routes/not-found')) },
            ],
          },
        ],
      },
      { path: '*', ...page(() => import('./routes/not-found')) },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
