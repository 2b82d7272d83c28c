// The one form helper: every form in Buurtkracht is built from these parts, so each has
// the CSRF token, labelled fields, and an error summary that links to the fields.
import type { ComponentChildren } from 'preact';
import type { FormErrors } from '../forms.js';
import type { ViewContext } from './context.js';

export const fieldId = (name: string) => `field-${name}`;

interface FormProps {
  ctx: ViewContext;
  action: string;
  errors?: FormErrors | undefined;
  children: ComponentChildren;
  enctype?: 'multipart/form-data';
  class?: string;
}

export function Form({ ctx, action, errors, children, enctype, class: className }: FormProps) {
  return (
    <form
      method="post"
      action={action}
      class={`utrecht-form bk-form ${className ?? ''}`}
      enctype={enctype}
      noValidate
    >
      <ErrorSummary ctx={ctx} errors={errors} />
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {children}
    </form>
  );
}

export function ErrorSummary({
  ctx,
  errors,
}: {
  ctx: ViewContext;
  errors?: FormErrors | undefined;
}) {
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div
      class="utrecht-alert utrecht-alert--error bk-error-summary"
      role="alert"
      id="error-summary"
      tabindex={-1}
      autofocus
    >
      <h2 class="utrecht-heading-2">{ctx.t('form.errorSummary.title')}</h2>
      <ul class="utrecht-unordered-list">
        {Object.entries(errors).map(([name, message]) => (
          <li class="utrecht-unordered-list__item" key={name}>
            <a class="utrecht-link" href={`#${fieldId(name)}`}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  /**
   * The element's id when several forms on one page share a field name (default
   * `fieldId(name)`); the error summary links to `fieldId(key)` of its errors' keys.
   */
  id?: string | undefined;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  description?: string | undefined;
  required?: boolean;
  optionalLabel?: string;
}

function FieldShell(
  props: FieldProps & { children: ComponentChildren; kind?: 'checkbox' | undefined },
) {
  const { name, label, error, description, optionalLabel } = props;
  const id = props.id ?? fieldId(name);
  return (
    <div
      class={`utrecht-form-field utrecht-form-field--distanced ${error ? 'utrecht-form-field--invalid' : ''}`}
    >
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label}
          {optionalLabel ? <span class="bk-optional"> {optionalLabel}</span> : null}
        </label>
      </div>
      {description ? (
        <div class="utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      ) : null}
      {error ? (
        <div class="utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
      <div class="utrecht-form-field__input">{props.children}</div>
    </div>
  );
}

function describedBy(name: string, p: FieldProps): string | undefined {
  const id = p.id ?? fieldId(name);
  const ids = [p.description ? `${id}-description` : '', p.error ? `${id}-error` : ''].filter(
    Boolean,
  );
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'password' | 'date' | 'time' | 'number' | 'search' | 'tel' | 'url';
    autocomplete?: string;
    maxLength?: number;
    inputMode?: 'numeric' | 'text';
  },
) {
  return (
    <FieldShell {...props}>
      <input
        class={`utrecht-textbox utrecht-textbox--html-input ${props.error ? 'utrecht-textbox--invalid' : ''}`}
        id={fieldId(props.name)}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props)}
        autocomplete={props.autocomplete}
        maxLength={props.maxLength}
        inputMode={props.inputMode}
      />
    </FieldShell>
  );
}

/**
 * A file upload field (photos, CSV lists, pabulib files): `accept` is the input's accept list
 * (MIME types or extensions). The form around it needs `enctype="multipart/form-data"`; a
 * file cannot be kept after an error, so the field never has a value.
 */
export function FileField(props: Omit<FieldProps, 'value'> & { accept: string }) {
  return (
    <FieldShell {...props}>
      <input
        type="file"
        id={props.id ?? fieldId(props.name)}
        name={props.name}
        accept={props.accept}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props)}
      />
    </FieldShell>
  );
}

export function TextArea(props: FieldProps & { rows?: number; maxLength?: number }) {
  return (
    <FieldShell {...props}>
      <textarea
        class={`utrecht-textarea utrecht-textarea--html-textarea ${props.error ? 'utrecht-textarea--invalid' : ''}`}
        id={props.id ?? fieldId(props.name)}
        name={props.name}
        rows={props.rows ?? 5}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props)}
        maxLength={props.maxLength}
      >
        {props.value ?? ''}
      </textarea>
    </FieldShell>
  );
}

export function SelectField(
  props: FieldProps & {
    /** `lang`: the option's label is in another language than the page (WCAG 3.1.2). */
    options: { value: string; label: string; lang?: string }[];
    placeholder?: string;
  },
) {
  return (
    <FieldShell {...props}>
      <select
        class={`utrecht-select utrecht-select--html-select ${props.error ? 'utrecht-select--invalid' : ''}`}
        id={props.id ?? fieldId(props.name)}
        name={props.name}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value} key={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A radio group's choices, as a view model can hold them. */
export interface RadioChoices {
  /** `lang`: the option's label is in another language than the page (WCAG 3.1.2). */
  options: { value: string; label: string; hint?: string; lang?: string }[];
  /**
   * Options from index `after` on are folded away under a summary reading `label` (a
   * closed `<details>`, no script needed), open when one of them is chosen: for a long
   * list whose first options are the usual choice.
   */
  more?: { after: number; label: string };
}

export function RadioGroup(props: FieldProps & RadioChoices) {
  const id = fieldId(props.name);
  const radio = (o: (typeof props.options)[number], i: number) => (
    <div class="utrecht-form-field utrecht-form-field--radio" key={o.value}>
      <div class="utrecht-form-field__input">
        <input
          class="utrecht-radio-button utrecht-radio-button--html-input"
          type="radio"
          id={`${id}-${i}`}
          name={props.name}
          value={o.value}
          checked={o.value === props.value}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={o.hint ? `${id}-${i}-hint` : undefined}
        />
      </div>
      <div class="utrecht-form-field__label">
        <label
          class="utrecht-form-label utrecht-form-label--radio"
          for={`${id}-${i}`}
          lang={o.lang}
        >
          {o.label}
        </label>
        {o.hint ? (
          <div class="utrecht-form-field-description" id={`${id}-${i}-hint`}>
            {o.hint}
          </div>
        ) : null}
      </div>
    </div>
  );
  const after = props.more
    ? Math.min(props.more.after, props.options.length)
    : props.options.length;
  const folded = props.options.slice(after);
  return (
    <fieldset
      class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-fieldset--distanced ${props.error ? 'utrecht-form-fieldset--invalid' : ''}`}
      id={id}
      aria-describedby={describedBy(props.name, props)}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {props.label}
      </legend>
      {props.description ? (
        <div class="utrecht-form-field-description" id={`${id}-description`}>
          {props.description}
        </div>
      ) : null}
      {props.error ? (
        <div class="utrecht-form-field-error-message" id={`${id}-error`}>
          {props.error}
        </div>
      ) : null}
      {props.options.slice(0, after).map(radio)}
      {props.more && folded.length > 0 ? (
        <details class="bk-more-options" open={folded.some((o) => o.value === props.value)}>
          <summary>{props.more.label}</summary>
          {folded.map((o, k) => radio(o, after + k))}
        </details>
      ) : null}
    </fieldset>
  );
}

export function Checkbox(props: FieldProps & { checked: boolean; value?: string }) {
  const id = fieldId(props.name);
  return (
    <div
      class={`utrecht-form-field utrecht-form-field--checkbox utrecht-form-field--distanced ${props.error ? 'utrecht-form-field--invalid' : ''}`}
    >
      <div class="utrecht-form-field__input">
        <input
          class="utrecht-checkbox utrecht-checkbox--html-input"
          type="checkbox"
          id={id}
          name={props.name}
          value={props.value ?? 'on'}
          checked={props.checked}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy(props.name, props)}
        />
      </div>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>
          {props.label}
        </label>
      </div>
      {props.description ? (
        <div class="utrecht-form-field-description" id={`${id}-description`}>
          {props.description}
        </div>
      ) : null}
      {props.error ? (
        <div class="utrecht-form-field-error-message" id={`${id}-error`}>
          {props.error}
        </div>
      ) : null}
    </div>
  );
}

export function SubmitButton({
  children,
  variant = 'primary',
  name,
  value,
}: {
  children: ComponentChildren;
  variant?: 'primary' | 'secondary' | 'danger';
  name?: string;
  value?: string;
}) {
  const cls =
    variant === 'primary'
      ? 'utrecht-button--primary-action'
      : variant === 'danger'
        ? 'utrecht-button--danger utrecht-button--primary-action'
        : 'utrecht-button--secondary-action';
  return (
    <button type="submit" class={`utrecht-button ${cls}`} name={name} value={value}>
      {children}
    </button>
  );
}

/**
 * The guard of a public form (spam-guard.ts): the signed stamp of when the form was shown,
 * and a honeypot field that people leave empty (hidden from sight and from screen readers;
 * a browser's autofill or a robot fills it in). Put it inside the form, before the button.
 */
export function PublicFormGuard({ ctx, stamp }: { ctx: Pick<ViewContext, 't'>; stamp: string }) {
  return (
    <>
      <input type="hidden" name="stamp" value={stamp} />
      <div class="bk-hp" aria-hidden="true">
        <label for="field-website">{ctx.t('form.honeypot')}</label>
        <input
          id="field-website"
          name="website"
          type="text"
          tabIndex={-1}
          autocomplete="off"
          value=""
        />
      </div>
    </>
  );
}
