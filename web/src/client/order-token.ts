"use client";

const key = (orderId: string) => `orderly.order.${orderId}`;

/** The customer token for an order, kept on this device so the status page survives a reload. */
export function rememberOrderToken(orderId: string, token: string): void {
  localStorage.setItem(key(orderId), token);
}

/** From the link's #token=… (shared to another device) or from this device. */
export function recallOrderToken(orderId: string): string | null {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get("token");
  if (fromLink) {
    rememberOrderToken(orderId, fromLink);
    history.replaceState(null, "", location.pathname);
    return fromLink;
  }
  return localStorage.getItem(key(orderId));
}
