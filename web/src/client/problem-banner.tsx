/** What went wrong with the screen's last change, until the screen has caught up. */
export function ProblemBanner({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <p className="banner banner-warn kds-problem" role="alert" data-testid="problem">
      {problem}
    </p>
  );
}
