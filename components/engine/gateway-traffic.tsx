'use client';
// The OpenAI gateway in the console: requests running, tokens per caller, the last errors. Hidden until
// something has used /v1.
import { useGatewayTraffic } from '@/hooks/use-gateway-traffic';

export function GatewayTraffic() {
  const traffic = useGatewayTraffic();
  if (!traffic || (traffic.callers.length === 0 && traffic.errors.length === 0)) return null;
  return (
    <section
      data-testid="gateway-traffic"
      aria-labelledby="gateway-heading"
      className="flex flex-col gap-2 text-xs"
    >
      <h3 id="gateway-heading" className="text-sm font-medium">
        API gateway <span className="font-normal text-muted-foreground">/v1</span>
      </h3>
      <p data-testid="gateway-running">
        {traffic.running.length === 0
          ? 'No requests running.'
          : `${traffic.running.length} running: ${traffic.running.map((r) => `${r.caller} ${r.path}`).join(', ')}`}
      </p>
      <table className="w-full tabular-nums">
        <thead className="text-left text-muted-foreground">
          <tr>
            <th className="font-normal">caller</th>
            <th className="text-right font-normal">requests</th>
            <th className="text-right font-normal">tokens</th>
          </tr>
        </thead>
        <tbody>
          {traffic.callers.map((c) => (
            <tr key={c.caller} data-testid="gateway-caller">
              <td>{c.caller}</td>
              <td className="text-right">{c.requests.toLocaleString()}</td>
              <td className="text-right">{c.tokens.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {traffic.errors.length > 0 && (
        <ul className="flex flex-col gap-0.5" data-testid="gateway-errors">
          {traffic.errors.slice(0, 5).map((e) => (
            <li
              key={`${e.at}-${e.path}-${e.status}`}
              className="truncate text-muted-foreground"
              title={e.message}
            >
              <span className="text-danger">{e.status}</span> {e.caller} {e.path}: {e.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
