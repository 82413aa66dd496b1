'use client';
// The install plan in one line (version, build, installer) with why, the commands behind a disclosure, or
// the planner's refusal with what to do.
import { displayCommand, type InstallPlan } from '@/lib/engine/vllm-install';

export function InstallPlanSummary({ plan }: { plan: InstallPlan }) {
  if (plan.refusal)
    return (
      <div data-testid="install-refusal" className="flex flex-col gap-1 text-xs">
        <p className="text-danger">{plan.refusal.message}</p>
        <p className="text-muted-foreground">{plan.refusal.hint}</p>
      </div>
    );
  return (
    <div data-testid="install-plan" className="flex flex-col gap-1 text-xs text-muted-foreground">
      <p>
        <span className="font-medium text-foreground">
          vLLM {plan.vllm} · {plan.variant} build · {plan.installer}
        </span>{' '}
        — {plan.reason}
      </p>
      <details>
        <summary className="cursor-pointer">Commands it runs</summary>
        <ol className="mt-1 flex list-decimal flex-col gap-1 pl-5 font-mono break-all">
          {plan.commands.map((argv) => (
            <li key={argv.join('\u0000')}>{displayCommand(argv)}</li>
          ))}
        </ol>
      </details>
    </div>
  );
}
