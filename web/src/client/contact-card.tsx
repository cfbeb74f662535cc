/** A `tel:` address for a phone number as people write it. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;

/** Someone the customer may need to call: who they are, a line about them, and a button that calls. */
export function ContactCard(props: { role: string; name: string; detail?: string; phone: string | null; testId: string }) {
  return (
    <section className="contact" aria-label={props.role} data-testid={props.testId}>
      <div>
        <p className="contact-role">{props.role}</p>
        <p className="contact-name">{props.name}</p>
        {props.detail && <p className="muted contact-detail">{props.detail}</p>}
      </div>
      {props.phone && (
        <a className="btn contact-call" href={telHref(props.phone)} aria-label={`Call ${props.name}: ${props.phone}`}>
          Call {props.phone}
        </a>
      )}
    </section>
  );
}
