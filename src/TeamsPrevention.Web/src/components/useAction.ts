import { useCallback, useRef, useState } from "react";

export interface Action {
  busy: boolean;
  /** The last failure (an ApiError with field errors for a ValidationProblem); cleared when the next run starts. */
  error: unknown;
  /** Runs `work` once at a time; `after` only when it succeeded. Answers whether it did. */
  run: (work: () => Promise<unknown>, after?: () => void) => Promise<boolean>;
  reset: () => void;
}

/**
 * A button's or a form's step: busy while it runs, its error (the App's ProblemDetails) kept for the fields and the
 * error bar; `onSuccess` (reload what changed) after every step that succeeded.
 */
export function useAction(onSuccess?: () => void): Action {
  const succeeded = useRef(onSuccess);
  succeeded.current = onSuccess;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = useCallback(async (work: () => Promise<unknown>, after?: () => void) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      after?.();
      succeeded.current?.();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const reset = useCallback(() => setError(undefined), []);
  return { busy, error, run, reset };
}
