-- Reports: a restaurant's orders by creation time, and each order's events of one type
-- (status changes, item bumps) without reading the rest of its history.
CREATE INDEX "Order_restaurantId_createdAt_idx" ON "Order"("restaurantId", "createdAt");
CREATE INDEX "OrderEvent_orderId_type_idx" ON "OrderEvent"("orderId", "type");
