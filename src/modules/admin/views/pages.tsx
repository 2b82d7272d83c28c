// The administration's pages, built from a few parts: a list (a table with a link per row)
// with the form to add one below it, and a form page to change one. Forms are described as
// plain field specs, so every screen follows the platform's one form helper.
import type { ComponentChildren } from 'preact';
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import {
  Checkbox,
  FileField,
  Form,
  fieldId,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';

/** One field of a form, as the presenters describe it (labels already translated). */
export type FieldSpec =
  | {
      kind: 'text' | 'email' | 'tel' | 'number' | 'search';
      name: string;
      label: string;
      description?: string;
      required?: boolean;
      autocomplete?: string;
    }
  | { kind: 'textarea'; name: string; label: string; description?: string; rows?: number }
  | {
      kind: 'select';
      name: string;
      label: string;
      description?: string;
      options: { value: string; label: string; lang?: string }[];
      placeholder?: string;
      required?: boolean;
    }
  | { kind: 'checkbox'; name: string; label: string; description?: string }
  | {
      kind: 'radio';
      name: string;
      label: string;
      description?: string;
      options: { value: string; label: string; lang?: string }[];
      /** The choice shown while the form has no value for it. */
      default: string;
    }
  | { kind: 'file'; name: string; label: string; description?: string; accept: string }
  | {
      kind: 'checkboxes';
      name: string;
      label: string;
      description?: string;
      options: { value: string; label: string; lang?: string }[];
    };

export interface FormSpec extends FormState {
  action: string;
  title?: string;
  /** A sentence above the fields. */
  intro?: string;
  fields: FieldSpec[];
  submit: string;
  /** Visible label of an optional field: "(niet verplicht)". */
  optionalLabel?: string;
  /** For a form with a file field. */
  enctype?: 'multipart/form-data';
}

/** Renders a form from its spec, with the user's input and the errors per field. */
export function SpecForm({ ctx, form }: { ctx: ViewContext; form: FormSpec }) {
  const values = form.values ?? {};
  // Each message names its field itself ("Vul de naam in.", platform/forms.ts).
  const errors = form.errors ?? {};
  return (
    <Form ctx={ctx} action={form.action} errors={form.errors} enctype={form.enctype}>
      {form.intro ? <p class="utrecht-paragraph">{form.intro}</p> : null}
      {form.fields.map((f) => {
        const common = {
          name: f.name,
          label: f.label,
          error: errors[f.name],
          description: f.description,
        };
        switch (f.kind) {
          case 'textarea':
            return <TextArea key={f.name} {...common} value={values[f.name]} maxLength={2000} />;
          case 'select':
            return (
              <SelectField
                key={f.name}
                {...common}
                value={values[f.name]}
                options={f.options}
                placeholder={f.placeholder}
                required={f.required}
              />
            );
          case 'checkbox':
            return <Checkbox key={f.name} {...common} checked={values[f.name] === 'on'} />;
          case 'radio':
            return (
              <RadioGroup
                key={f.name}
                {...common}
                value={values[f.name] ?? f.default}
                options={f.options}
              />
            );
          case 'file':
            return <FileField key={f.name} {...common} accept={f.accept} />;
          case 'checkboxes': {
            const chosen = new Set((values[f.name] ?? '').split(',').filter(Boolean));
            const id = fieldId(f.name);
            return (
              <fieldset
                key={f.name}
                id={id}
                class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-fieldset--distanced ${errors[f.name] ? 'utrecht-form-fieldset--invalid' : ''}`}
              >
                <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                  {f.label}
                </legend>
                {f.description ? (
                  <div class="utrecht-form-field-description">{f.description}</div>
                ) : null}
                {errors[f.name] ? (
                  <div class="utrecht-form-field-error-message">{errors[f.name]}</div>
                ) : null}
                {f.options.length === 0 ? <p class="utrecht-paragraph">—</p> : null}
                {f.options.map((o, i) => (
                  <div class="utrecht-form-field utrecht-form-field--checkbox" key={o.value}>
                    <div class="utrecht-form-field__input">
                      <input
                        class="utrecht-checkbox utrecht-checkbox--html-input"
                        type="checkbox"
                        id={`${id}-${i}`}
                        name={f.name}
                        value={o.value}
                        checked={chosen.has(o.value)}
                      />
                    </div>
                    <div class="utrecht-form-field__label">
                      <label
                        class="utrecht-form-label utrecht-form-label--checkbox"
                        for={`${id}-${i}`}
                      >
                        {o.label}
                      </label>
                    </div>
                  </div>
                ))}
              </fieldset>
            );
          }
          default:
            return (
              <TextField
                key={f.name}
                {...common}
                type={f.kind}
                value={values[f.name]}
                required={f.required}
                autocomplete={f.autocomplete}
                optionalLabel={f.required === false ? form.optionalLabel : undefined}
              />
            );
        }
      })}
      <SubmitButton>{form.submit}</SubmitButton>
    </Form>
  );
}

export interface TableSpec {
  /** The table's name for screen readers (the section's heading says it on screen). */
  caption: string;
  columns: string[];
  /** The first cell links to `href` when given; `button` is a one-button form in a last cell. */
  rows: { key: string; cells: string[]; href?: string; button?: ActionButton }[];
  empty: string;
  /** The header of the buttons' column, when rows have one. */
  buttonColumn?: string;
}

export function SpecTable({ ctx, table }: { ctx: ViewContext; table: TableSpec }) {
  if (table.rows.length === 0) return <p class="utrecht-paragraph">{table.empty}</p>;
  return (
    <section class="bk-table-wrap" aria-label={table.caption} tabindex={0}>
      <table class="utrecht-table utrecht-table--html-table">
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {table.columns.map((c) => (
              <th class="utrecht-table__header-cell" scope="col" key={c}>
                {c}
              </th>
            ))}
            {table.buttonColumn ? (
              <th class="utrecht-table__header-cell" scope="col">
                {table.buttonColumn}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {table.rows.map((r) => (
            <tr class="utrecht-table__row" key={r.key}>
              {r.cells.map((cell, i) => (
                <td class="utrecht-table__cell" key={`${r.key}-${i}`}>
                  {i === 0 && r.href ? (
                    <a class="utrecht-link" href={r.href}>
                      {cell}
                    </a>
                  ) : (
                    cell
                  )}
                </td>
              ))}
              {table.buttonColumn ? (
                <td class="utrecht-table__cell">
                  {r.button ? <ActionForm ctx={ctx} button={r.button} /> : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A small form with one button (deactivate, end sessions, remove a scope). */
export interface ActionButton {
  action: string;
  label: string;
  variant?: 'primary' | 'secondary' | 'danger';
}

export function ActionForm({ ctx, button }: { ctx: ViewContext; button: ActionButton }) {
  return (
    <form method="post" action={button.action} class="bk-inline-form">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <SubmitButton variant={button.variant ?? 'secondary'}>{button.label}</SubmitButton>
    </form>
  );
}

/** A page section: a heading and what belongs under it. */
export interface SectionSpec {
  title: string;
  intro?: string;
  /** An image with its text alternative (the current logo). */
  image?: { src: string; alt: string };
  facts?: { label: string; value: string }[];
  table?: TableSpec;
  form?: FormSpec;
  buttons?: ActionButton[];
  links?: { href: string; label: string }[];
}

export interface AdminPageViewModel {
  title: string;
  intro?: string;
  /** The way back (to the administration's start page, or the list). */
  back?: { href: string; label: string };
  /** A search form above the sections (GET). */
  search?: { action: string; label: string; value: string; submit: string };
  sections: SectionSpec[];
}

function Section({
  ctx,
  section,
  index,
}: {
  ctx: ViewContext;
  section: SectionSpec;
  index: number;
}) {
  const id = `section-${index}`;
  return (
    <section class="bk-section" aria-labelledby={id}>
      <h2 class="utrecht-heading-2" id={id}>
        {section.title}
      </h2>
      {section.intro ? <p class="utrecht-paragraph">{section.intro}</p> : null}
      {section.image ? (
        <p class="utrecht-paragraph">
          <img class="bk-logo-preview" src={section.image.src} alt={section.image.alt} />
        </p>
      ) : null}
      {section.facts ? (
        <dl class="bk-facts">
          {section.facts.map((f) => (
            <>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </>
          ))}
        </dl>
      ) : null}
      {section.table ? <SpecTable ctx={ctx} table={section.table} /> : null}
      {section.links ? (
        <ul class="utrecht-unordered-list">
          {section.links.map((l) => (
            <li class="utrecht-unordered-list__item" key={l.href}>
              <a class="utrecht-link" href={l.href}>
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {section.buttons ? (
        <div class="bk-actions">
          {section.buttons.map((b) => (
            <ActionForm ctx={ctx} button={b} key={b.action} />
          ))}
        </div>
      ) : null}
      {section.form ? <SpecForm ctx={ctx} form={section.form} /> : null}
    </section>
  );
}

/** Every administration page: a title, a way back, and its sections in order. */
export function AdminPage({
  ctx,
  vm,
  children,
}: {
  ctx: ViewContext;
  vm: AdminPageViewModel;
  children?: ComponentChildren;
}) {
  return (
    <Layout ctx={ctx} title={vm.title}>
      {vm.back ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={vm.back.href}>
            {vm.back.label}
          </a>
        </p>
      ) : null}
      <h1 class="utrecht-heading-1">{vm.title}</h1>
      {vm.intro ? <p class="utrecht-paragraph">{vm.intro}</p> : null}
      {vm.search ? <SearchForm {...vm.search} /> : null}
      {vm.sections.map((s, i) => (
        <Section ctx={ctx} section={s} index={i} key={s.title} />
      ))}
      {children}
    </Layout>
  );
}

/** A search form (GET: the query is part of the address, nothing changes). */
export function SearchForm({
  action,
  label,
  value,
  submit,
}: {
  action: string;
  label: string;
  value: string;
  submit: string;
}) {
  return (
    <form method="get" action={action} class="utrecht-form bk-form">
      <TextField name="q" type="search" label={label} value={value} />
      <SubmitButton variant="secondary">{submit}</SubmitButton>
    </form>
  );
}
