/** Shared pieces of every screen: language, navigation, the error summary, labelled fields, data loading. */
import { type ComponentChildren, createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, SignInNeeded } from './api';
import { CATALOGUES, fill, type Locale } from './i18n';
import type { Messages } from './i18n/id';
import { fieldId, problemDetail, type ShownErrors, showProblem } from './problem';

export interface Ctx {
  locale: Locale;
  m: Messages;
  setLocale(l: Locale): void;
  navigate(path: string): void;
  /**
   * Says what an action did, at the top of the screen, until the person leaves it. Kept by the shell, not the
   * form: the reload after an action often removes the form (an SKP once submitted is no longer editable),
   * and a notice kept in the form would vanish with it.
   */
  flash(text: string | undefined): void;
}
export const AppContext = createContext<Ctx>({
  locale: 'id',
  m: CATALOGUES.id,
  setLocale: () => undefined,
  navigate: () => undefined,
  flash: () => undefined,
});
export const useApp = () => useContext(AppContext);
export { fill };

/** An in-app link: keyboard and middle-click behave as links do. */
export function Link(props: { href: string; children: ComponentChildren; class?: string; 'aria-current'?: 'page' }) {
  const { navigate } = useApp();
  return (
    <a
      href={props.href}
      class={props.class}
      aria-current={props['aria-current']}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </a>
  );
}

/** GOV.UK-style error summary: on top, announced, focused, each line a link to its field. */
export function ErrorSummary({ errors }: { errors: ShownErrors | undefined }) {
  const { m } = useApp();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors?.summary.length) ref.current?.focus();
  }, [errors]);
  if (!errors?.summary.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{m.errors.summaryTitle}</h2>
      <ul>
        {errors.summary.map((s) => (
          <li key={s.text + (s.field ?? '')}>
            {s.field ? (
              <a
                href={`#${fieldId(s.field)}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(fieldId(s.field!))?.focus();
                }}
              >
                {s.text}
              </a>
            ) : (
              s.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A message that says what happened and what comes next (after a successful action). */
export function Notice({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <div class="notice" role="status">
      {text}
    </div>
  );
}

interface FieldProps {
  path: string;
  label: string;
  hint?: string;
  errors?: ShownErrors;
  children: (a: { id: string; describedBy: string | undefined; invalid: boolean }) => ComponentChildren;
}
/** A labelled field with its hint and its error beside it (aria-describedby, aria-invalid). */
export function Field({ path, label, hint, errors, children }: FieldProps) {
  const id = fieldId(path);
  const error = errors?.byField[path];
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {children({ id, describedBy, invalid: Boolean(error) })}
    </div>
  );
}

/** A labelled multi-line field: every reason, note and comment box of the app, its error beside it. */
export function TextAreaField({
  value,
  onValue,
  rows = 3,
  ...field
}: Omit<FieldProps, 'children'> & { value: string; onValue: (value: string) => void; rows?: number }) {
  return (
    <Field {...field}>
      {(a) => (
        <textarea
          id={a.id}
          rows={rows}
          aria-describedby={a.describedBy}
          aria-invalid={a.invalid}
          value={value}
          onInput={(e) => onValue(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

/** An error of a call, as the page shows it (network trouble in plain words). */
export function errorsOf(err: unknown, locale: Locale, m: Messages, known: readonly string[] = []): ShownErrors | undefined {
  if (err instanceof SignInNeeded) return undefined;
  if (err instanceof ApiError) {
    if (err.problem.status === 0) return { summary: [{ text: m.errors.network }], byField: {} };
    return showProblem(err.problem, locale, known);
  }
  return { summary: [{ text: String((err as Error)?.message ?? err) }], byField: {} };
}

/** Loads data for a screen; `reload` after an action. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}

/** What a screen shows while loading or when loading failed. */
export function Loading({ error }: { error?: unknown }) {
  const { m, locale } = useApp();
  if (error) {
    if (error instanceof SignInNeeded) return null;
    const text = error instanceof ApiError ? (error.problem.status === 0 ? m.errors.network : problemDetail(error.problem, locale)) : String(error);
    return (
      <div class="error-summary" role="alert">
        <p>{text}</p>
      </div>
    );
  }
  return (
    <p class="loading" aria-live="polite">
      {m.loading}
    </p>
  );
}

export function Page({ title, children }: { title: string; children: ComponentChildren }) {
  useEffect(() => {
    document.title = title;
  }, [title]);
  // A new screen: its heading takes the focus, so keyboard and screen-reader users start there.
  useEffect(() => {
    document.getElementById('page-title')?.focus({ preventScroll: true });
  }, []);
  return (
    <>
      <h1 id="page-title" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </>
  );
}
