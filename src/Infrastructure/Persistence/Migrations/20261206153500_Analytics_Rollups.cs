using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderTracking.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The analytics roll-ups (docs/decisions/0028): their tables, the triggers that record every change of an order's
    /// figures and of its failed delivery attempts in the same transaction as the change, and the roll-ups of the
    /// orders that exist already. The tables are not part of the EF Core model: only SQL reads and writes them.
    /// </summary>
    public partial class Analytics_Rollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                -- What the triggers below record in the transaction of each change: an order's figures before it (sign -1) and
                -- after it (+1), and failed delivery attempts (+1 or -1). AnalyticsRollups folds them into the roll-ups and deletes them.
                CREATE TABLE analytics_order_changes (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    sign smallint NOT NULL,
                    created_at timestamp with time zone NOT NULL,
                    merchant_id uuid NOT NULL,
                    assigned_partner_id uuid,
                    status character varying(32) NOT NULL,
                    delivered_at timestamp with time zone,
                    estimated_delivery_at timestamp with time zone,
                    seconds_in_pending double precision,
                    seconds_in_confirmed double precision,
                    seconds_in_preparing double precision,
                    seconds_in_ready_for_pickup double precision,
                    seconds_in_picked_up double precision,
                    seconds_in_in_transit double precision,
                    seconds_in_delivery_failed double precision
                );

                CREATE TABLE analytics_failure_changes (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    sign smallint NOT NULL,
                    created_at timestamp with time zone NOT NULL,
                    merchant_id uuid NOT NULL,
                    assigned_partner_id uuid,
                    reason character varying(500) NOT NULL
                );

                -- The roll-ups, per scope ('all' with the nil id, 'merchant' or 'partner' with its id) and, but for the hourly
                -- counts, per period of creation: a UTC day, or a UTC month (which a range's whole months read instead of its days).
                CREATE TABLE analytics_orders (
                    scope character varying(8) NOT NULL CHECK (scope IN ('all', 'merchant', 'partner')),
                    scope_id uuid NOT NULL,
                    period character varying(5) NOT NULL CHECK (period IN ('day', 'month')),
                    period_start timestamp with time zone NOT NULL,
                    status character varying(32) NOT NULL,
                    orders integer NOT NULL,
                    delivered integer NOT NULL,
                    delivery_seconds double precision NOT NULL,
                    delivered_with_estimate integer NOT NULL,
                    delivered_on_time integer NOT NULL,
                    left_pending integer NOT NULL,
                    seconds_in_pending double precision NOT NULL,
                    left_confirmed integer NOT NULL,
                    seconds_in_confirmed double precision NOT NULL,
                    left_preparing integer NOT NULL,
                    seconds_in_preparing double precision NOT NULL,
                    left_ready_for_pickup integer NOT NULL,
                    seconds_in_ready_for_pickup double precision NOT NULL,
                    left_picked_up integer NOT NULL,
                    seconds_in_picked_up double precision NOT NULL,
                    left_in_transit integer NOT NULL,
                    seconds_in_in_transit double precision NOT NULL,
                    left_delivery_failed integer NOT NULL,
                    seconds_in_delivery_failed double precision NOT NULL,
                    PRIMARY KEY (scope, scope_id, period, period_start, status)
                );

                CREATE INDEX ix_analytics_orders_merchants ON analytics_orders (period, period_start)
                    INCLUDE (scope_id, orders, delivered)
                    WHERE scope = 'merchant';

                -- The orders created in each UTC hour of a UTC day, a column per hour: a year is 365 short rows.
                CREATE TABLE analytics_orders_by_hour (
                    scope character varying(8) NOT NULL CHECK (scope IN ('all', 'merchant', 'partner')),
                    scope_id uuid NOT NULL,
                    day timestamp with time zone NOT NULL,
                    orders integer NOT NULL,
                    hour_00 integer NOT NULL,
                    hour_01 integer NOT NULL,
                    hour_02 integer NOT NULL,
                    hour_03 integer NOT NULL,
                    hour_04 integer NOT NULL,
                    hour_05 integer NOT NULL,
                    hour_06 integer NOT NULL,
                    hour_07 integer NOT NULL,
                    hour_08 integer NOT NULL,
                    hour_09 integer NOT NULL,
                    hour_10 integer NOT NULL,
                    hour_11 integer NOT NULL,
                    hour_12 integer NOT NULL,
                    hour_13 integer NOT NULL,
                    hour_14 integer NOT NULL,
                    hour_15 integer NOT NULL,
                    hour_16 integer NOT NULL,
                    hour_17 integer NOT NULL,
                    hour_18 integer NOT NULL,
                    hour_19 integer NOT NULL,
                    hour_20 integer NOT NULL,
                    hour_21 integer NOT NULL,
                    hour_22 integer NOT NULL,
                    hour_23 integer NOT NULL,
                    PRIMARY KEY (scope, scope_id, day)
                );

                CREATE TABLE analytics_delivery_hours (
                    scope character varying(8) NOT NULL CHECK (scope IN ('all', 'merchant', 'partner')),
                    scope_id uuid NOT NULL,
                    period character varying(5) NOT NULL CHECK (period IN ('day', 'month')),
                    period_start timestamp with time zone NOT NULL,
                    hour integer NOT NULL,
                    orders integer NOT NULL,
                    PRIMARY KEY (scope, scope_id, period, period_start, hour) INCLUDE (orders)
                );

                CREATE TABLE analytics_delivery_minutes (
                    scope character varying(8) NOT NULL CHECK (scope IN ('all', 'merchant', 'partner')),
                    scope_id uuid NOT NULL,
                    period character varying(5) NOT NULL CHECK (period IN ('day', 'month')),
                    period_start timestamp with time zone NOT NULL,
                    minute integer NOT NULL,
                    orders integer NOT NULL,
                    PRIMARY KEY (scope, scope_id, period, period_start, minute) INCLUDE (orders)
                );

                CREATE TABLE analytics_failures (
                    scope character varying(8) NOT NULL CHECK (scope IN ('all', 'merchant', 'partner')),
                    scope_id uuid NOT NULL,
                    period character varying(5) NOT NULL CHECK (period IN ('day', 'month')),
                    period_start timestamp with time zone NOT NULL,
                    reason character varying(500) NOT NULL,
                    attempts integer NOT NULL,
                    PRIMARY KEY (scope, scope_id, period, period_start, reason)
                );

                -- An order's figures as a signed row: the order before a change is taken away (-1), after it added (+1).
                CREATE FUNCTION analytics_record_order_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO analytics_order_changes (sign, created_at, merchant_id, assigned_partner_id, status, delivered_at, estimated_delivery_at,
                                                             seconds_in_pending, seconds_in_confirmed, seconds_in_preparing, seconds_in_ready_for_pickup,
                                                             seconds_in_picked_up, seconds_in_in_transit, seconds_in_delivery_failed)
                        VALUES (1, NEW.created_at, NEW.merchant_id, NEW.assigned_partner_id, NEW.status, NEW.delivered_at, NEW.estimated_delivery_at,
                                NEW.seconds_in_pending, NEW.seconds_in_confirmed, NEW.seconds_in_preparing, NEW.seconds_in_ready_for_pickup,
                                NEW.seconds_in_picked_up, NEW.seconds_in_in_transit, NEW.seconds_in_delivery_failed);
                        RETURN NULL;
                    END IF;

                    IF TG_OP = 'UPDATE' THEN
                        INSERT INTO analytics_order_changes (sign, created_at, merchant_id, assigned_partner_id, status, delivered_at, estimated_delivery_at,
                                                             seconds_in_pending, seconds_in_confirmed, seconds_in_preparing, seconds_in_ready_for_pickup,
                                                             seconds_in_picked_up, seconds_in_in_transit, seconds_in_delivery_failed)
                        VALUES (-1, OLD.created_at, OLD.merchant_id, OLD.assigned_partner_id, OLD.status, OLD.delivered_at, OLD.estimated_delivery_at,
                                OLD.seconds_in_pending, OLD.seconds_in_confirmed, OLD.seconds_in_preparing, OLD.seconds_in_ready_for_pickup,
                                OLD.seconds_in_picked_up, OLD.seconds_in_in_transit, OLD.seconds_in_delivery_failed),
                               (1, NEW.created_at, NEW.merchant_id, NEW.assigned_partner_id, NEW.status, NEW.delivered_at, NEW.estimated_delivery_at,
                                NEW.seconds_in_pending, NEW.seconds_in_confirmed, NEW.seconds_in_preparing, NEW.seconds_in_ready_for_pickup,
                                NEW.seconds_in_picked_up, NEW.seconds_in_in_transit, NEW.seconds_in_delivery_failed);

                        -- A failed attempt counts where its order counts, so it moves with the order.
                        IF (OLD.created_at, OLD.merchant_id, OLD.assigned_partner_id) IS DISTINCT FROM (NEW.created_at, NEW.merchant_id, NEW.assigned_partner_id) THEN
                            INSERT INTO analytics_failure_changes (sign, created_at, merchant_id, assigned_partner_id, reason)
                            SELECT s.sign, s.created_at, s.merchant_id, s.assigned_partner_id, coalesce(h.reason, '')
                            FROM order_history AS h
                            CROSS JOIN (VALUES (-1, OLD.created_at, OLD.merchant_id, OLD.assigned_partner_id),
                                               (1, NEW.created_at, NEW.merchant_id, NEW.assigned_partner_id)) AS s (sign, created_at, merchant_id, assigned_partner_id)
                            WHERE h.order_id = NEW.id AND h."to" = 'DeliveryFailed';
                        END IF;

                        RETURN NULL;
                    END IF;

                    -- Deleted: the order leaves, and its failed attempts with it (read before its history is deleted with it).
                    INSERT INTO analytics_order_changes (sign, created_at, merchant_id, assigned_partner_id, status, delivered_at, estimated_delivery_at,
                                                         seconds_in_pending, seconds_in_confirmed, seconds_in_preparing, seconds_in_ready_for_pickup,
                                                         seconds_in_picked_up, seconds_in_in_transit, seconds_in_delivery_failed)
                    VALUES (-1, OLD.created_at, OLD.merchant_id, OLD.assigned_partner_id, OLD.status, OLD.delivered_at, OLD.estimated_delivery_at,
                            OLD.seconds_in_pending, OLD.seconds_in_confirmed, OLD.seconds_in_preparing, OLD.seconds_in_ready_for_pickup,
                            OLD.seconds_in_picked_up, OLD.seconds_in_in_transit, OLD.seconds_in_delivery_failed);

                    INSERT INTO analytics_failure_changes (sign, created_at, merchant_id, assigned_partner_id, reason)
                    SELECT -1, OLD.created_at, OLD.merchant_id, OLD.assigned_partner_id, coalesce(h.reason, '')
                    FROM order_history AS h
                    WHERE h.order_id = OLD.id AND h."to" = 'DeliveryFailed';
                    RETURN OLD;
                END
                $$;

                CREATE TRIGGER analytics_order_inserted AFTER INSERT ON orders
                    FOR EACH ROW EXECUTE FUNCTION analytics_record_order_change();

                CREATE TRIGGER analytics_order_updated AFTER UPDATE ON orders
                    FOR EACH ROW
                    WHEN ((OLD.status, OLD.created_at, OLD.merchant_id, OLD.assigned_partner_id, OLD.delivered_at, OLD.estimated_delivery_at,
                           OLD.seconds_in_pending, OLD.seconds_in_confirmed, OLD.seconds_in_preparing, OLD.seconds_in_ready_for_pickup,
                           OLD.seconds_in_picked_up, OLD.seconds_in_in_transit, OLD.seconds_in_delivery_failed)
                          IS DISTINCT FROM
                          (NEW.status, NEW.created_at, NEW.merchant_id, NEW.assigned_partner_id, NEW.delivered_at, NEW.estimated_delivery_at,
                           NEW.seconds_in_pending, NEW.seconds_in_confirmed, NEW.seconds_in_preparing, NEW.seconds_in_ready_for_pickup,
                           NEW.seconds_in_picked_up, NEW.seconds_in_in_transit, NEW.seconds_in_delivery_failed))
                    EXECUTE FUNCTION analytics_record_order_change();

                -- Before, not after: the history the order's failed attempts are read from is deleted with it.
                CREATE TRIGGER analytics_order_deleted BEFORE DELETE ON orders
                    FOR EACH ROW EXECUTE FUNCTION analytics_record_order_change();

                -- A failed delivery attempt of an order (a history entry into DeliveryFailed), counted where its order counts.
                CREATE FUNCTION analytics_record_failure_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' AND OLD."to" = 'DeliveryFailed' THEN
                        -- When the order itself is being deleted it is gone already, and its own trigger took its attempts away.
                        INSERT INTO analytics_failure_changes (sign, created_at, merchant_id, assigned_partner_id, reason)
                        SELECT -1, o.created_at, o.merchant_id, o.assigned_partner_id, coalesce(OLD.reason, '')
                        FROM orders AS o
                        WHERE o.id = OLD.order_id;
                    END IF;

                    IF TG_OP <> 'DELETE' AND NEW."to" = 'DeliveryFailed' THEN
                        INSERT INTO analytics_failure_changes (sign, created_at, merchant_id, assigned_partner_id, reason)
                        SELECT 1, o.created_at, o.merchant_id, o.assigned_partner_id, coalesce(NEW.reason, '')
                        FROM orders AS o
                        WHERE o.id = NEW.order_id;
                    END IF;

                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER analytics_failure_recorded AFTER INSERT ON order_history
                    FOR EACH ROW WHEN (NEW."to" = 'DeliveryFailed') EXECUTE FUNCTION analytics_record_failure_change();

                CREATE TRIGGER analytics_failure_changed AFTER UPDATE ON order_history
                    FOR EACH ROW
                    WHEN ((OLD.order_id, OLD."to", OLD.reason) IS DISTINCT FROM (NEW.order_id, NEW."to", NEW.reason)
                          AND 'DeliveryFailed' IN (OLD."to", NEW."to"))
                    EXECUTE FUNCTION analytics_record_failure_change();

                CREATE TRIGGER analytics_failure_deleted AFTER DELETE ON order_history
                    FOR EACH ROW WHEN (OLD."to" = 'DeliveryFailed') EXECUTE FUNCTION analytics_record_failure_change();
                """);

            // The roll-ups of the orders that exist already, as the rebuild-analytics operations verb makes them
            // (AnalyticsRollups.RebuildAsync at the time of this migration).
            migrationBuilder.Sql("""
                MERGE INTO analytics_orders AS t
                USING (
                    SELECT s.scope, s.scope_id, p.period, p.period_start, c.status,
                           sum(sign)::int AS orders,
                           coalesce(sum(sign) FILTER (WHERE delivered_at IS NOT NULL), 0)::int AS delivered,
                           coalesce(sum(sign * date_part('epoch', delivered_at - created_at)), 0) AS delivery_seconds,
                           coalesce(sum(sign) FILTER (WHERE delivered_at IS NOT NULL AND estimated_delivery_at IS NOT NULL), 0)::int AS delivered_with_estimate,
                           coalesce(sum(sign) FILTER (WHERE delivered_at <= estimated_delivery_at), 0)::int AS delivered_on_time,
                           coalesce(sum(sign) FILTER (WHERE seconds_in_pending IS NOT NULL), 0)::int AS left_pending,
                           coalesce(sum(sign * seconds_in_pending), 0) AS seconds_in_pending,
                           coalesce(sum(sign) FILTER (WHERE seconds_in_confirmed IS NOT NULL), 0)::int AS left_confirmed,
                           coalesce(sum(sign * seconds_in_confirmed), 0) AS seconds_in_confirmed,
                           coalesce(sum(sign) FILTER (WHERE seconds_in_preparing IS NOT NULL), 0)::int AS left_preparing,
                           coalesce(sum(sign * seconds_in_preparing), 0) AS seconds_in_preparing,
                           coalesce(sum(sign) FILTER (WHERE seconds_in_ready_for_pickup IS NOT NULL), 0)::int AS left_ready_for_pickup,
                           coalesce(sum(sign * seconds_in_ready_for_pickup), 0) AS seconds_in_ready_for_pickup,
                           coalesce(sum(sign) FILTER (WHERE seconds_in_picked_up IS NOT NULL), 0)::int AS left_picked_up,
                           coalesce(sum(sign * seconds_in_picked_up), 0) AS seconds_in_picked_up,
                           coalesce(sum(sign) FILTER (WHERE seconds_in_in_transit IS NOT NULL), 0)::int AS left_in_transit,
                           coalesce(sum(sign * seconds_in_in_transit), 0) AS seconds_in_in_transit,
                           coalesce(sum(sign) FILTER (WHERE seconds_in_delivery_failed IS NOT NULL), 0)::int AS left_delivery_failed,
                           coalesce(sum(sign * seconds_in_delivery_failed), 0) AS seconds_in_delivery_failed
                    FROM (SELECT 1 AS sign, created_at, merchant_id, assigned_partner_id, status, delivered_at, estimated_delivery_at, seconds_in_pending, seconds_in_confirmed, seconds_in_preparing, seconds_in_ready_for_pickup, seconds_in_picked_up, seconds_in_in_transit, seconds_in_delivery_failed FROM orders) AS c
                CROSS JOIN LATERAL (VALUES ('all', '00000000-0000-0000-0000-000000000000'::uuid), ('merchant', c.merchant_id), ('partner', c.assigned_partner_id)) AS s (scope, scope_id)
                CROSS JOIN LATERAL (VALUES ('day', date_bin('1 day', c.created_at, TIMESTAMPTZ '2000-01-01 00:00:00+00')), ('month', date_trunc('month', c.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')) AS p (period, period_start)
                WHERE s.scope_id IS NOT NULL
                    GROUP BY s.scope, s.scope_id, p.period, p.period_start, c.status
                ) AS d
                ON t.scope = d.scope AND t.scope_id = d.scope_id AND t.period = d.period AND t.period_start = d.period_start AND t.status = d.status
                WHEN MATCHED AND t.orders + d.orders = 0 THEN DELETE
                WHEN MATCHED THEN UPDATE SET orders = t.orders + d.orders,
                    delivered = t.delivered + d.delivered,
                    delivery_seconds = t.delivery_seconds + d.delivery_seconds,
                    delivered_with_estimate = t.delivered_with_estimate + d.delivered_with_estimate,
                    delivered_on_time = t.delivered_on_time + d.delivered_on_time,
                    left_pending = t.left_pending + d.left_pending,
                    seconds_in_pending = t.seconds_in_pending + d.seconds_in_pending,
                    left_confirmed = t.left_confirmed + d.left_confirmed,
                    seconds_in_confirmed = t.seconds_in_confirmed + d.seconds_in_confirmed,
                    left_preparing = t.left_preparing + d.left_preparing,
                    seconds_in_preparing = t.seconds_in_preparing + d.seconds_in_preparing,
                    left_ready_for_pickup = t.left_ready_for_pickup + d.left_ready_for_pickup,
                    seconds_in_ready_for_pickup = t.seconds_in_ready_for_pickup + d.seconds_in_ready_for_pickup,
                    left_picked_up = t.left_picked_up + d.left_picked_up,
                    seconds_in_picked_up = t.seconds_in_picked_up + d.seconds_in_picked_up,
                    left_in_transit = t.left_in_transit + d.left_in_transit,
                    seconds_in_in_transit = t.seconds_in_in_transit + d.seconds_in_in_transit,
                    left_delivery_failed = t.left_delivery_failed + d.left_delivery_failed,
                    seconds_in_delivery_failed = t.seconds_in_delivery_failed + d.seconds_in_delivery_failed
                WHEN NOT MATCHED AND d.orders <> 0 THEN INSERT (scope, scope_id, period, period_start, status, orders, delivered, delivery_seconds, delivered_with_estimate, delivered_on_time, left_pending, seconds_in_pending, left_confirmed, seconds_in_confirmed, left_preparing, seconds_in_preparing, left_ready_for_pickup, seconds_in_ready_for_pickup, left_picked_up, seconds_in_picked_up, left_in_transit, seconds_in_in_transit, left_delivery_failed, seconds_in_delivery_failed)
                    VALUES (d.scope, d.scope_id, d.period, d.period_start, d.status, d.orders, d.delivered, d.delivery_seconds, d.delivered_with_estimate, d.delivered_on_time, d.left_pending, d.seconds_in_pending, d.left_confirmed, d.seconds_in_confirmed, d.left_preparing, d.seconds_in_preparing, d.left_ready_for_pickup, d.seconds_in_ready_for_pickup, d.left_picked_up, d.seconds_in_picked_up, d.left_in_transit, d.seconds_in_in_transit, d.left_delivery_failed, d.seconds_in_delivery_failed);

                MERGE INTO analytics_orders_by_hour AS t
                USING (
                    SELECT scope, scope_id, date_bin('1 day', hour, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS day, sum(orders)::int AS orders,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 0), 0)::int AS hour_00,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 1), 0)::int AS hour_01,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 2), 0)::int AS hour_02,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 3), 0)::int AS hour_03,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 4), 0)::int AS hour_04,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 5), 0)::int AS hour_05,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 6), 0)::int AS hour_06,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 7), 0)::int AS hour_07,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 8), 0)::int AS hour_08,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 9), 0)::int AS hour_09,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 10), 0)::int AS hour_10,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 11), 0)::int AS hour_11,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 12), 0)::int AS hour_12,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 13), 0)::int AS hour_13,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 14), 0)::int AS hour_14,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 15), 0)::int AS hour_15,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 16), 0)::int AS hour_16,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 17), 0)::int AS hour_17,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 18), 0)::int AS hour_18,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 19), 0)::int AS hour_19,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 20), 0)::int AS hour_20,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 21), 0)::int AS hour_21,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 22), 0)::int AS hour_22,
                           coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = 23), 0)::int AS hour_23
                    FROM (
                        SELECT s.scope, s.scope_id, date_bin('1 hour', c.created_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS hour, sum(c.sign) AS orders
                        FROM (SELECT 1 AS sign, created_at, merchant_id, assigned_partner_id FROM orders) AS c
                        CROSS JOIN LATERAL (VALUES ('all', '00000000-0000-0000-0000-000000000000'::uuid), ('merchant', c.merchant_id), ('partner', c.assigned_partner_id)) AS s (scope, scope_id)
                        WHERE s.scope_id IS NOT NULL
                        GROUP BY 1, 2, 3
                        HAVING sum(c.sign) <> 0
                    ) AS h
                    GROUP BY 1, 2, 3
                ) AS d
                ON t.scope = d.scope AND t.scope_id = d.scope_id AND t.day = d.day
                WHEN MATCHED AND t.orders + d.orders = 0 THEN DELETE
                WHEN MATCHED THEN UPDATE SET orders = t.orders + d.orders,
                    hour_00 = t.hour_00 + d.hour_00,
                    hour_01 = t.hour_01 + d.hour_01,
                    hour_02 = t.hour_02 + d.hour_02,
                    hour_03 = t.hour_03 + d.hour_03,
                    hour_04 = t.hour_04 + d.hour_04,
                    hour_05 = t.hour_05 + d.hour_05,
                    hour_06 = t.hour_06 + d.hour_06,
                    hour_07 = t.hour_07 + d.hour_07,
                    hour_08 = t.hour_08 + d.hour_08,
                    hour_09 = t.hour_09 + d.hour_09,
                    hour_10 = t.hour_10 + d.hour_10,
                    hour_11 = t.hour_11 + d.hour_11,
                    hour_12 = t.hour_12 + d.hour_12,
                    hour_13 = t.hour_13 + d.hour_13,
                    hour_14 = t.hour_14 + d.hour_14,
                    hour_15 = t.hour_15 + d.hour_15,
                    hour_16 = t.hour_16 + d.hour_16,
                    hour_17 = t.hour_17 + d.hour_17,
                    hour_18 = t.hour_18 + d.hour_18,
                    hour_19 = t.hour_19 + d.hour_19,
                    hour_20 = t.hour_20 + d.hour_20,
                    hour_21 = t.hour_21 + d.hour_21,
                    hour_22 = t.hour_22 + d.hour_22,
                    hour_23 = t.hour_23 + d.hour_23
                WHEN NOT MATCHED AND d.orders <> 0 THEN INSERT (scope, scope_id, day, orders, hour_00, hour_01, hour_02, hour_03, hour_04, hour_05, hour_06, hour_07, hour_08, hour_09, hour_10, hour_11, hour_12, hour_13, hour_14, hour_15, hour_16, hour_17, hour_18, hour_19, hour_20, hour_21, hour_22, hour_23)
                    VALUES (d.scope, d.scope_id, d.day, d.orders, d.hour_00, d.hour_01, d.hour_02, d.hour_03, d.hour_04, d.hour_05, d.hour_06, d.hour_07, d.hour_08, d.hour_09, d.hour_10, d.hour_11, d.hour_12, d.hour_13, d.hour_14, d.hour_15, d.hour_16, d.hour_17, d.hour_18, d.hour_19, d.hour_20, d.hour_21, d.hour_22, d.hour_23);

                MERGE INTO analytics_delivery_hours AS t
                USING (
                    SELECT s.scope,
                        s.scope_id,
                        p.period,
                        p.period_start,
                        floor(extract(epoch FROM delivered_at - created_at) / 3600)::int,
                        sum(c.sign)::int
                    FROM (SELECT 1 AS sign, created_at, merchant_id, assigned_partner_id, status, delivered_at, estimated_delivery_at, seconds_in_pending, seconds_in_confirmed, seconds_in_preparing, seconds_in_ready_for_pickup, seconds_in_picked_up, seconds_in_in_transit, seconds_in_delivery_failed FROM orders) AS c
                CROSS JOIN LATERAL (VALUES ('all', '00000000-0000-0000-0000-000000000000'::uuid), ('merchant', c.merchant_id), ('partner', c.assigned_partner_id)) AS s (scope, scope_id)
                CROSS JOIN LATERAL (VALUES ('day', date_bin('1 day', c.created_at, TIMESTAMPTZ '2000-01-01 00:00:00+00')), ('month', date_trunc('month', c.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')) AS p (period, period_start)
                WHERE s.scope_id IS NOT NULL AND c.delivered_at IS NOT NULL
                    GROUP BY 1, 2, 3, 4, 5
                    HAVING sum(c.sign) <> 0
                ) AS d (scope, scope_id, period, period_start, hour, orders)
                ON t.scope = d.scope AND t.scope_id = d.scope_id AND t.period = d.period AND t.period_start = d.period_start AND t.hour = d.hour
                WHEN MATCHED AND t.orders + d.orders = 0 THEN DELETE
                WHEN MATCHED THEN UPDATE SET orders = t.orders + d.orders
                WHEN NOT MATCHED THEN INSERT (scope, scope_id, period, period_start, hour, orders) VALUES (d.scope, d.scope_id, d.period, d.period_start, d.hour, d.orders);

                MERGE INTO analytics_delivery_minutes AS t
                USING (
                    SELECT s.scope,
                        s.scope_id,
                        p.period,
                        p.period_start,
                        floor(extract(epoch FROM delivered_at - created_at) / 60)::int,
                        sum(c.sign)::int
                    FROM (SELECT 1 AS sign, created_at, merchant_id, assigned_partner_id, status, delivered_at, estimated_delivery_at, seconds_in_pending, seconds_in_confirmed, seconds_in_preparing, seconds_in_ready_for_pickup, seconds_in_picked_up, seconds_in_in_transit, seconds_in_delivery_failed FROM orders) AS c
                CROSS JOIN LATERAL (VALUES ('all', '00000000-0000-0000-0000-000000000000'::uuid), ('merchant', c.merchant_id), ('partner', c.assigned_partner_id)) AS s (scope, scope_id)
                CROSS JOIN LATERAL (VALUES ('day', date_bin('1 day', c.created_at, TIMESTAMPTZ '2000-01-01 00:00:00+00')), ('month', date_trunc('month', c.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')) AS p (period, period_start)
                WHERE s.scope_id IS NOT NULL AND c.delivered_at IS NOT NULL
                    GROUP BY 1, 2, 3, 4, 5
                    HAVING sum(c.sign) <> 0
                ) AS d (scope, scope_id, period, period_start, minute, orders)
                ON t.scope = d.scope AND t.scope_id = d.scope_id AND t.period = d.period AND t.period_start = d.period_start AND t.minute = d.minute
                WHEN MATCHED AND t.orders + d.orders = 0 THEN DELETE
                WHEN MATCHED THEN UPDATE SET orders = t.orders + d.orders
                WHEN NOT MATCHED THEN INSERT (scope, scope_id, period, period_start, minute, orders) VALUES (d.scope, d.scope_id, d.period, d.period_start, d.minute, d.orders);

                MERGE INTO analytics_failures AS t
                USING (
                    SELECT s.scope, s.scope_id, p.period, p.period_start, c.reason, sum(c.sign)::int
                    FROM (SELECT 1 AS sign, o.created_at, o.merchant_id, o.assigned_partner_id, coalesce(h.reason, '') AS reason
                FROM order_history AS h
                JOIN orders AS o ON o.id = h.order_id
                WHERE h."to" = 'DeliveryFailed') AS c
                CROSS JOIN LATERAL (VALUES ('all', '00000000-0000-0000-0000-000000000000'::uuid), ('merchant', c.merchant_id), ('partner', c.assigned_partner_id)) AS s (scope, scope_id)
                CROSS JOIN LATERAL (VALUES ('day', date_bin('1 day', c.created_at, TIMESTAMPTZ '2000-01-01 00:00:00+00')), ('month', date_trunc('month', c.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')) AS p (period, period_start)
                WHERE s.scope_id IS NOT NULL
                    GROUP BY 1, 2, 3, 4, 5
                    HAVING sum(c.sign) <> 0
                ) AS d (scope, scope_id, period, period_start, reason, attempts)
                ON t.scope = d.scope AND t.scope_id = d.scope_id AND t.period = d.period AND t.period_start = d.period_start AND t.reason = d.reason
                WHEN MATCHED AND t.attempts + d.attempts = 0 THEN DELETE
                WHEN MATCHED THEN UPDATE SET attempts = t.attempts + d.attempts
                WHEN NOT MATCHED THEN INSERT (scope, scope_id, period, period_start, reason, attempts) VALUES (d.scope, d.scope_id, d.period, d.period_start, d.reason, d.attempts);

                """);

            // Outside the migration's transaction (VACUUM cannot run in one): statistics for the planner, and the
            // visibility map the summary's index-only scans need, from the first request on.
            migrationBuilder.Sql(
                "VACUUM (ANALYZE) analytics_orders, analytics_orders_by_hour, analytics_delivery_hours, analytics_delivery_minutes, analytics_failures",
                suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER analytics_failure_deleted ON order_history;
                DROP TRIGGER analytics_failure_changed ON order_history;
                DROP TRIGGER analytics_failure_recorded ON order_history;
                DROP FUNCTION analytics_record_failure_change();
                DROP TRIGGER analytics_order_deleted ON orders;
                DROP TRIGGER analytics_order_updated ON orders;
                DROP TRIGGER analytics_order_inserted ON orders;
                DROP FUNCTION analytics_record_order_change();
                DROP TABLE analytics_failures;
                DROP TABLE analytics_delivery_minutes;
                DROP TABLE analytics_delivery_hours;
                DROP TABLE analytics_orders_by_hour;
                DROP TABLE analytics_orders;
                DROP TABLE analytics_failure_changes;
                DROP TABLE analytics_order_changes;
                """);
        }
    }
}
