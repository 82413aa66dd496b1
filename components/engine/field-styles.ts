// Shared classes of the launch form's inputs.
export const INPUT =
  'h-9 w-full min-w-0 rounded-md border bg-card px-2.5 text-sm focus-visible:outline-2 focus-visible:outline-ring disabled:opacity-60';
