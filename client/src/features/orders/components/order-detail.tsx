import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageHeader } from '@/components/ui/page-header';
import { useToast } from '@/components/ui/toast/use-toast';
import { MapLink, PostalAddress } from '@/components/postal-address';
import { ProgressSteps } from '@/components/progress-steps';
import { StatusBadge } from '@/components/status-badge';
import { Badge } from '@/components/ui/badge';
import type { AssignOrderRequest, OrderDto, OrderStatus } from '@/lib/api/generated';
import { toApiError } from '@/lib/errors';
import { formatDateTime, shortId } from '@/lib/format';
import { changedSentences } from '@/lib/status-wording';
import { useCurrentUser } from '@/lib/use-session';
import { useOrder, useOrderHistory } from '../api/use-order';
import { useAssignOrder, useChangeOrderStatus, type ChangeStatusInput } from '../api/use-order-mutations';
import { useAssignees } from '../api/use-assignees';
import { useUsersOfRole } from '../api/use-people';
import { AssignOrderDialog } from './assign-order-dialog';
import { CancelOrderDialog } from './cancel-order-dialog';
import { DeliverOrderDialog } from './deliver-order-dialog';
import { FailedDeliveryDialog } from './failed-delivery-dialog';
import { OrderItemsTable } from './order-items-table';
import { OrderTimeline } from './order-timeline';
import { ProofOfDeliveryCard } from './proof-of-delivery-card';
import { ReturnOrderDialog } from '@/components/return-order-dialog';
import { CustomerRequest } from './customer-request';
import { OrderLiveMap } from './order-live-map';
import { TrackingLinkCard } from './tracking-link-card';
import { NextStep } from './next-step';
import { TransitionButtons } from './transition-buttons';
import styles from './order-detail.module.css';
import facts from '@/components/ui/facts.module.css';

type OpenDialog = 'Cancelled' | 'DeliveryFailed' | 'Delivered' | 'Returned' | 'assign' | null;
const statusesWithDialog = new Set<OrderStatus>(['Cancelled', 'DeliveryFailed', 'Delivered', 'Returned']);
const assignableStatuses = new Set<OrderStatus>(['Pending', 'Confirmed', 'Preparing', 'ReadyForPickup']);

export function OrderDetail({ orderId }: { orderId: string }) {
  const user = useCurrentUser();
  const order = useOrder(orderId);
  const history = useOrderHistory(orderId);
  const changeStatus = useChangeOrderStatus(orderId);
  const assign = useAssignOrder(orderId);
  const isAdmin = user.role === 'Admin';
  const canReadAssignees = isAdmin || user.role === 'Merchant';
  const assignees = useAssignees(canReadAssignees);
  const merchants = useUsersOfRole('Merchant', isAdmin);
  const toast = useToast();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  // After a change the clicked button is gone: keyboard and screen-reader users continue at the new actions.
  const actionsRef = useRef<HTMLDivElement>(null);
  const focusActionsOnNextVersion = useRef(false);
  const version = order.data?.version;
  useEffect(() => {
    if (!focusActionsOnNextVersion.current) return;
    focusActionsOnNextVersion.current = false;
    (actionsRef.current?.querySelector<HTMLElement>('button') ?? actionsRef.current)?.focus();
  }, [version]);
  // A new key per opening, so a dialog never shows what was typed the last time it was open.
  const [dialogKey, setDialogKey] = useState(0);
  const openDialog = (which: Exclude<OpenDialog, null>) => {
    setDialogKey((k) => k + 1);
    setDialog(which);
  };

  if (order.isPending) return <LoadingState label="Loading the order…" />;
  if (order.isError) {
    const error = toApiError(order.error);
    if (error.kind === 'not-found') {
      return <EmptyState title="Order not found" description="It does not exist, or it is not one you can see." />;
    }
    return <ErrorState error={error} title="Could not load the order" onRetry={() => order.refetch()} />;
  }

  const data: OrderDto = order.data;
  const statusError = changeStatus.error ? toApiError(changeStatus.error) : undefined;
  const assignError = assign.error ? toApiError(assign.error) : undefined;
  const reached = (history.data ?? []).map((entry) => entry.to).filter((s): s is OrderStatus => !!s);
  const canAssign = canReadAssignees && assignableStatuses.has(data.status);
  const courierName = (id: string) => assignees.data?.couriers?.find((c) => c.id === id)?.name;
  const partnerName = (id: string) => assignees.data?.partners?.find((p) => p.id === id)?.name;

  function move(input: Omit<ChangeStatusInput, 'version'>) {
    changeStatus.mutate(
      { ...input, version: data.version },
      {
        onSuccess: (updated) => {
          setDialog(null);
          focusActionsOnNextVersion.current = true;
          toast(changedSentences[updated.status]);
        },
      },
    );
  }

  function select(status: OrderStatus) {
    changeStatus.reset();
    if (statusesWithDialog.has(status)) openDialog(status as Exclude<OpenDialog, null>);
    else move({ status });
  }

  function assignTo(request: AssignOrderRequest) {
    assign.mutate(request, {
      onSuccess: () => {
        setDialog(null);
        toast('Delivery assigned.');
      },
    });
  }

  return (
    <div className="stack">
      <PageHeader
        title={
          <>
            Order <span className="mono">{data.trackingCode}</span>
          </>
        }
        description={`Created ${formatDateTime(data.createdAt)} · last change ${formatDateTime(data.updatedAt)}`}
        actions={
          <>
            <StatusBadge status={data.status} /> {data.isOverdue && <Badge tone="danger">Overdue</Badge>}
          </>
        }
      />

      <Card title="Status">
        <div className="stack">
          <NextStep
            waitingForCourier={canAssign && !data.assignedCourierId && !data.assignedPartnerId}
            onAssign={() => {
              assign.reset();
              openDialog('assign');
            }}
          />
          <ProgressSteps status={data.status} reached={reached} />
          <CustomerRequest request={data.deliveryRequest} />
          {!dialog && statusError && (
            <Alert tone="danger" title="The change was not made">
              {statusError.userMessage}
            </Alert>
          )}
          <div ref={actionsRef} tabIndex={-1}>
            {data.allowedTransitions.length > 0 ? (
              <TransitionButtons
                order={data}
                busyStatus={changeStatus.isPending ? changeStatus.variables?.status : undefined}
                onSelect={select}
              />
            ) : (
              <p className="muted">
                {data.status === 'Delivered' || data.status === 'Returned' || data.status === 'Cancelled'
                  ? 'This order is closed.'
                  : 'Nothing for you to do on this order right now.'}
              </p>
            )}
          </div>
        </div>
      </Card>

      {(user.role === 'Merchant' || isAdmin) && <OrderLiveMap order={data} />}
      {(user.role === 'Merchant' || isAdmin) && <TrackingLinkCard trackingCode={data.trackingCode} />}

      <div className={styles.columns}>
        <Card title="Customer">
          {data.customer ? (
            <dl className={facts.facts}>
              <dt>Name</dt>
              <dd>{data.customer.name}</dd>
              <dt>Phone</dt>
              <dd>{data.customer.phone ? <a href={`tel:${data.customer.phone}`}>{data.customer.phone}</a> : '—'}</dd>
              <dt>Email</dt>
              <dd>{data.customer.email ? <a href={`mailto:${data.customer.email}`}>{data.customer.email}</a> : '—'}</dd>
            </dl>
          ) : (
            <p className="muted">Shown once you claim this order.</p>
          )}
        </Card>
        {data.pickup?.address && (
          <Card title="Pickup">
            <p>
              <strong>{data.pickup.label}</strong>
            </p>
            <PostalAddress address={data.pickup.address} mapUrl={data.pickup.mapUrl} place="pickup address" />
            {data.pickup.instructions && <p className="small">{data.pickup.instructions}</p>}
          </Card>
        )}
        <Card title="Delivery address">
          <address style={{ fontStyle: 'normal' }}>
            {data.deliveryAddress && (
              <>
                {data.deliveryAddress.line1}
                <br />
                {data.deliveryAddress.line2 && (
                  <>
                    {data.deliveryAddress.line2}
                    <br />
                  </>
                )}
              </>
            )}
            {data.deliveryArea.postalCode} {data.deliveryArea.city}
            <br />
            {data.deliveryArea.country}
          </address>
          {data.deliveryMapUrl && <MapLink href={data.deliveryMapUrl} place="delivery address" />}
          {!data.deliveryAddress && <p className="muted small">The street is shown once you claim this order.</p>}
        </Card>
      </div>

      <Card
        title="Delivery"
        actions={
          // Unassigned, the next step at the top of the order offers Assign.
          canAssign &&
          (data.assignedCourierId || data.assignedPartnerId) && (
            <Button
              variant="secondary"
              onClick={() => {
                assign.reset();
                openDialog('assign');
              }}
            >
              Reassign
            </Button>
          )
        }
      >
        <dl className={facts.facts}>
          {isAdmin && (
            <>
              <dt>Merchant</dt>
              <dd>{merchants.data?.find((m) => m.id === data.merchantId)?.displayName ?? `…${shortId(data.merchantId)}`}</dd>
            </>
          )}
          <dt>Assigned to</dt>
          <dd>
            {data.assignedCourierId === user.id
              ? 'You'
              : data.assignedCourierId
                ? `Courier ${courierName(data.assignedCourierId) ?? `…${shortId(data.assignedCourierId)}`}`
                : data.assignedPartnerId
                  ? `Delivery partner ${partnerName(data.assignedPartnerId) ?? `…${shortId(data.assignedPartnerId)}`}`
                  : 'Nobody yet'}
          </dd>
          <dt>Estimated delivery</dt>
          <dd>{formatDateTime(data.estimatedDeliveryAt)}</dd>
          <dt>Notes</dt>
          <dd>{data.notes ?? '—'}</dd>
        </dl>
      </Card>

      {data.status === 'Delivered' && <ProofOfDeliveryCard orderId={data.id} />}

      <Card title="Items">
        <OrderItemsTable order={data} />
      </Card>

      <Card title="Timeline">
        {history.isPending ? (
          <LoadingState label="Loading the timeline…" />
        ) : history.isError ? (
          <ErrorState error={history.error} title="Could not load the timeline" onRetry={() => history.refetch()} />
        ) : history.data.length === 0 ? (
          <p className="muted">No changes yet.</p>
        ) : (
          <OrderTimeline entries={history.data} />
        )}
      </Card>

      <CancelOrderDialog
        key={`CancelOrderDialog-${dialogKey}`}
        open={dialog === 'Cancelled'}
        pending={changeStatus.isPending}
        error={statusError}
        onConfirm={(reason) => move({ status: 'Cancelled', reason })}
        onClose={() => setDialog(null)}
      />
      <FailedDeliveryDialog
        key={`FailedDeliveryDialog-${dialogKey}`}
        open={dialog === 'DeliveryFailed'}
        pending={changeStatus.isPending}
        error={statusError}
        onConfirm={(reason, note) => move({ status: 'DeliveryFailed', reason, note })}
        onClose={() => setDialog(null)}
      />
      <DeliverOrderDialog
        key={`DeliverOrderDialog-${dialogKey}`}
        open={dialog === 'Delivered'}
        pending={changeStatus.isPending}
        error={statusError}
        onConfirm={(recipientName, note) => move({ status: 'Delivered', recipientName, note })}
        onClose={() => setDialog(null)}
      />
      <ReturnOrderDialog
        key={`ReturnOrderDialog-${dialogKey}`}
        open={dialog === 'Returned'}
        pending={changeStatus.isPending}
        error={statusError}
        onConfirm={() => move({ status: 'Returned' })}
        onClose={() => setDialog(null)}
      />
      <AssignOrderDialog
        key={`AssignOrderDialog-${dialogKey}`}
        open={dialog === 'assign'}
        pending={assign.isPending}
        error={assignError}
        couriers={assignees.data?.couriers}
        partners={assignees.data?.partners}
        loading={assignees.isPending}
        loadError={assignees.error ?? undefined}
        onConfirm={assignTo}
        onClose={() => setDialog(null)}
      />
    </div>
  );
}
