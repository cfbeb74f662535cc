"use client";
import { NEARBY_METRES, type OrderStatus, type Ticket } from "@orderly/shared";
import { useCallback, useEffect, useRef, useState } from "react";

/** unsupported: no Notification API; blocked: the browser refuses (settings); off/on: the customer's choice for this order. */
export type NotifyState = "unsupported" | "blocked" | "off" | "on";

const TITLE_PREFIX = "🔔 ";
const optInKey = (orderId: string) => `orderly.notify.${orderId}`;

function initialState(orderId: string): NotifyState {
  if (typeof Notification === "undefined") return "unsupported";
  if (Notification.permission === "denied") return "blocked";
  return Notification.permission === "granted" && localStorage.getItem(optInKey(orderId)) ? "on" : "off";
}

/** The moment worth telling a customer who is not looking at the page. */
function momentOf(ticket: Ticket, from: OrderStatus): { title: string; body: string; tag: string } | null {
  if (from === ticket.status) return null;
  if (ticket.status === "READY" && ticket.fulfilment === "PICKUP") {
    return { title: "Your order is ready", body: `Collect ${ticket.code} at the counter.`, tag: `${ticket.id}:ready` };
  }
  if (ticket.status === "OUT_FOR_DELIVERY") {
    const who = ticket.courier ? `${ticket.courier.name} is bringing` : "A courier is bringing";
    return { title: "Your order is on the way", body: `${who} ${ticket.code}.`, tag: `${ticket.id}:on-the-way` };
  }
  return null;
}

/**
 * After the customer opts in (per order, remembered on this device): a system notification, a
 * vibration and a mark in the tab's title when a pickup is ready, a delivery leaves the kitchen,
 * and once when the courier is nearby. Returns the state, the opt-in, and the title prefix
 * (shown until the customer is back on the page).
 */
export function useOrderNotifications(orderId: string, ticket: Ticket | undefined, courierNearby: boolean) {
  const [state, setState] = useState<NotifyState>("off");
  const [titlePrefix, setTitlePrefix] = useState("");
  const on = useRef(false);
  const lastStatus = useRef<OrderStatus | null>(null);
  const toldNearby = useRef(false);

  useEffect(() => setState(initialState(orderId)), [orderId]);
  useEffect(() => {
    on.current = state === "on";
  }, [state]);

  const notify = useCallback((title: string, body: string, tag: string) => {
    if (!on.current) return;
    try {
      new Notification(title, { body, tag, icon: "/icon.svg" });
    } catch {
      // Android's Chrome allows notifications only through a service worker: vibration and the title still tell.
    }
    navigator.vibrate?.([200, 100, 200]);
    setTitlePrefix(TITLE_PREFIX);
  }, []);

  useEffect(() => {
    if (!ticket) return;
    const from = lastStatus.current;
    lastStatus.current = ticket.status;
    const moment = from && momentOf(ticket, from);
    if (moment) notify(moment.title, moment.body, moment.tag);
  }, [ticket, notify]);

  useEffect(() => {
    if (!courierNearby || toldNearby.current || !ticket || !on.current) return;
    toldNearby.current = true;
    notify("Your courier is almost there", `${ticket.code} is less than ${NEARBY_METRES} m away: get ready to meet them.`, `${ticket.id}:nearby`);
  }, [courierNearby, ticket, notify]);

  useEffect(() => {
    if (!titlePrefix) return;
    const back = () => {
      if (document.visibilityState === "visible") setTitlePrefix("");
    };
    document.addEventListener("visibilitychange", back);
    document.addEventListener("pointerdown", back);
    return () => {
      document.removeEventListener("visibilitychange", back);
      document.removeEventListener("pointerdown", back);
    };
  }, [titlePrefix]);

  async function enable() {
    const permission = await Notification.requestPermission();
    if (permission === "granted") localStorage.setItem(optInKey(orderId), "1");
    setState(permission === "granted" ? "on" : permission === "denied" ? "blocked" : "off");
  }

  return { state, enable, titlePrefix };
}
