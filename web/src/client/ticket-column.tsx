"use client";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";

/**
 * A titled list of tickets that scrolls on its own under the screen's fixed header, with its count
 * and, when tickets are out of sight below, "N more below" (a wall screen shows only so many).
 */
export function TicketColumn(props: { title: string; count: number; testId: string; layout: "stack" | "grid"; children: ReactNode }) {
  const list = useRef<HTMLDivElement>(null);
  const [hiddenBelow, setHiddenBelow] = useState(0);

  const measure = useCallback(() => {
    const element = list.current;
    if (!element) return;
    const bottom = element.getBoundingClientRect().bottom;
    setHiddenBelow([...element.children].filter((child) => child.getBoundingClientRect().bottom > bottom + 1).length);
  }, []);

  // After every render: tickets come, go and grow.
  useLayoutEffect(measure);
  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    element.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener("scroll", measure);
    };
  }, [measure]);

  return (
    <section className="kds-column" aria-label={props.title} data-testid={props.testId}>
      <h2>
        {props.title}{" "}
        <span className="count" data-testid="column-count">
          {props.count}
        </span>
      </h2>
      <div ref={list} className={`kds-list kds-list-${props.layout}`}>
        {props.children}
      </div>
      {/* Always takes its room, so the list never changes height (and buttons never jump under a finger) as it comes and goes. */}
      {hiddenBelow > 0 ? (
        <p className="more-below" data-testid="more-below">
          ▼ {hiddenBelow} more below
        </p>
      ) : (
        <p className="more-below more-below-none" aria-hidden>
          ▼
        </p>
      )}
    </section>
  );
}
