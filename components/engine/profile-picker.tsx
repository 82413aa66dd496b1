// The profile select, with what the machine check says about each: a profile that will not fit this GPU is
// marked and explained; a tight one gets an amber note (and its fix, when the fix is an option).
import type { ProfileSummary } from '@/lib/client/types';
import type { ProfileFit } from '@/lib/system/types';

export interface ProfilePickerProps {
  profiles: ProfileSummary[];
  value: string | null;
  fits: Record<string, ProfileFit> | undefined;
  disabled: boolean;
  onChange(id: string): void;
  onApplyFitPatch(patch: Record<string, unknown>): void;
}

const MARK: Record<ProfileFit['fit'], string> = { fits: '', tight: ' — tight fit', no: ' — will not fit' };

export function ProfilePicker({
  profiles,
  value,
  fits,
  disabled,
  onChange,
  onApplyFitPatch,
}: ProfilePickerProps) {
  const profile = profiles.find((p) => p.id === value);
  const fit = value ? fits?.[value] : undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor="profile" className="text-xs font-medium text-muted-foreground">
        Engine profile
      </label>
      <select
        id="profile"
        data-testid="profile-select"
        className="h-9 w-full rounded-md border border-border bg-card px-2 text-sm focus-visible:outline-2 focus-visible:outline-ring"
        value={value ?? ''}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      >
        {profiles.map((p) => {
          const verdict = fits?.[p.id]?.fit;
          return (
            <option key={p.id} value={p.id} data-fit={verdict}>
              {p.label}
              {verdict ? MARK[verdict] : ''}
            </option>
          );
        })}
      </select>
      {fit && fit.fit !== 'fits' && (
        <div
          data-testid="profile-fit"
          data-fit={fit.fit}
          className={`flex flex-col gap-1.5 rounded-md px-2.5 py-2 text-xs ${fit.fit === 'no' ? 'bg-danger/10 text-danger' : 'bg-warning/10 text-warning'}`}
        >
          <p>
            <span className="font-medium">
              {fit.fit === 'no' ? 'Will not fit this machine: ' : 'Tight fit: '}
            </span>
            {fit.reason}
          </p>
          {fit.patch && (
            <button
              type="button"
              disabled={disabled}
              onClick={() => fit.patch && onApplyFitPatch(fit.patch)}
              className="self-start rounded-md border border-current px-2 py-1 font-medium transition hover:bg-background/60 disabled:opacity-50"
            >
              Use{' '}
              {Object.entries(fit.patch)
                .map(([k, v]) => `${k} ${String(v)}`)
                .join(', ')}
            </button>
          )}
        </div>
      )}
      {profile && <p className="text-xs text-muted-foreground">{profile.note}</p>}
    </div>
  );
}
