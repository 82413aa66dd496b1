// How the log is shown, beside its filters: earlier launches and the app's own probes (hidden by default,
// each with how many lines it would add), short lines, and wrapping.
export interface LogViewTogglesProps {
  isShort: boolean;
  onShortChange(isShort: boolean): void;
  isWrapped: boolean;
  onWrappedChange(isWrapped: boolean): void;
  /** Lines of earlier launches still in the browser. */
  earlier: number;
  showEarlier: boolean;
  onShowEarlierChange(show: boolean): void;
  /** Access lines of the app's own health, metrics and model probes. */
  probes: number;
  showProbes: boolean;
  onShowProbesChange(show: boolean): void;
}

const TOGGLE =
  'inline-flex h-7 items-center gap-1 rounded-md border px-2 text-xs font-medium transition focus-visible:outline-2 focus-visible:outline-ring';
const tone = (on: boolean) =>
  on ? 'border-input bg-muted text-foreground' : 'border-border text-muted-foreground hover:text-foreground';

export function LogViewToggles(props: LogViewTogglesProps) {
  const count = (n: number) => <span className="tabular-nums opacity-70">{n.toLocaleString('en')}</span>;
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {(props.earlier > 0 || props.showEarlier) && (
        <button
          type="button"
          aria-pressed={props.showEarlier}
          data-testid="log-show-earlier"
          title="Lines of earlier launches (the launch history has each one's full log)"
          onClick={() => props.onShowEarlierChange(!props.showEarlier)}
          className={`${TOGGLE} ${tone(props.showEarlier)}`}
        >
          Earlier launches {count(props.earlier)}
        </button>
      )}
      {(props.probes > 0 || props.showProbes) && (
        <button
          type="button"
          aria-pressed={props.showProbes}
          data-testid="log-show-probes"
          title="The console's own health, metrics and model requests to the engine (the download keeps them)"
          onClick={() => props.onShowProbesChange(!props.showProbes)}
          className={`${TOGGLE} ${tone(props.showProbes)}`}
        >
          Health checks {count(props.probes)}
        </button>
      )}
      <span className="ml-auto flex items-center gap-1.5">
        <button
          type="button"
          aria-pressed={props.isShort}
          data-testid="log-short"
          title="Hide the process prefix and date on each line (copy all and download keep them)"
          onClick={() => props.onShortChange(!props.isShort)}
          className={`${TOGGLE} ${tone(props.isShort)}`}
        >
          Short lines
        </button>
        <button
          type="button"
          aria-pressed={!props.isWrapped}
          data-testid="log-wrap"
          title="Keep each line on one row and scroll sideways"
          onClick={() => props.onWrappedChange(!props.isWrapped)}
          className={`${TOGGLE} ${tone(!props.isWrapped)}`}
        >
          No wrap
        </button>
      </span>
    </div>
  );
}
