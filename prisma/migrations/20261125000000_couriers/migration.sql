-- Delivery a customer can trust: couriers with their own accounts and phones, coordinates for the
-- map, a handover PIN with limited attempts, failed deliveries, the courier's last position, and
-- how an order is paid.

ALTER TYPE "OrderStatus" ADD VALUE 'DELIVERY_FAILED' AFTER 'DELIVERED';
ALTER TYPE "CloseReason" ADD VALUE 'CUSTOMER_UNREACHABLE' BEFORE 'OTHER';
ALTER TYPE "CloseReason" ADD VALUE 'ADDRESS_NOT_FOUND' BEFORE 'OTHER';
ALTER TYPE "CloseReason" ADD VALUE 'CUSTOMER_REFUSED' BEFORE 'OTHER';
ALTER TYPE "OrderEventType" ADD VALUE 'PAYMENT_RECEIVED';
CREATE TYPE "PaymentMethod" AS ENUM ('CASH', 'ONLINE');

ALTER TABLE "Restaurant" ADD COLUMN "latitude" DOUBLE PRECISION;
ALTER TABLE "Restaurant" ADD COLUMN "longitude" DOUBLE PRECISION;

ALTER TABLE "Staff" ADD COLUMN "phone" TEXT;

ALTER TABLE "Order" ADD COLUMN "deliveryLatitude" DOUBLE PRECISION;
ALTER TABLE "Order" ADD COLUMN "deliveryLongitude" DOUBLE PRECISION;
ALTER TABLE "Order" ADD COLUMN "deliveryPin" TEXT;
ALTER TABLE "Order" ADD COLUMN "pinAttempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Order" ADD COLUMN "courierLatitude" DOUBLE PRECISION;
ALTER TABLE "Order" ADD COLUMN "courierLongitude" DOUBLE PRECISION;
ALTER TABLE "Order" ADD COLUMN "courierAccuracyM" DOUBLE PRECISION;
ALTER TABLE "Order" ADD COLUMN "courierSpeedMps" DOUBLE PRECISION;
ALTER TABLE "Order" ADD COLUMN "courierPositionAt" TIMESTAMP(3);
ALTER TABLE "Order" ADD COLUMN "paymentMethod" "PaymentMethod" NOT NULL DEFAULT 'CASH';
ALTER TABLE "Order" ADD COLUMN "paidAt" TIMESTAMP(3);

-- Existing deliveries get a PIN their customers can read; orders already handed over were paid then.
UPDATE "Order" SET "deliveryPin" = lpad(floor(random() * 10000)::int::text, 4, '0') WHERE "fulfilment" = 'DELIVERY';
UPDATE "Order" SET "paidAt" = "statusChangedAt" WHERE "status" IN ('DELIVERED', 'COLLECTED');
