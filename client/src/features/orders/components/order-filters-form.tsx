import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { UserDto } from '@/lib/api/generated';
import { allStatuses, statusLabels } from '@/lib/order-status';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { isSearchable, minSearchLength, type OrderFilters } from '../hooks/use-order-filters';
import styles from './order-filters-form.module.css';
import formStyles from '@/components/ui/form.module.css';

/**
 * Edits a draft of the filters; the parent remounts it (key) when the applied filters other than the search change
 * elsewhere. The search applies itself as the user types, once the typing pauses.
 */
export interface OrderFiltersFormProps {
  filters: OrderFilters;
  onChange: (filters: OrderFilters) => void;
  /** Admins filter by merchant; others see only their own orders anyway. */
  merchants?: UserDto[];
  /** The dispatcher's filters (unassigned, overdue), for those who assign orders: admins and merchants. */
  dispatch?: boolean;
}

/** Filters start open on a desk and folded on a phone, where the list matters more. */
function wideScreen(): boolean {
  return typeof window === 'undefined' || !window.matchMedia || window.matchMedia('(min-width: 641px)').matches;
}

/** Long enough to let a word be typed, short enough to feel immediate. */
export const searchDelayMs = 300;

export const emptyFilters: OrderFilters = { status: [], search: '', from: '', to: '', merchantId: '', unassigned: false, overdue: false };

/** The fewest characters after "OT-" a tracking-code search needs (the API's TrackingCode.MinSearchPrefixLength). */
export const minCodeSearchLength = 4;

/** A search that starts like a tracking code but is too short to find one: shorter starts are shared by too many codes. */
function tooShortCodeSearch(search: string): string[] | undefined {
  const term = search.trim().toUpperCase();
  return term.startsWith('OT-') && term.length - 3 < minCodeSearchLength
    ? [`Type at least ${minCodeSearchLength} characters after OT- to find a tracking code.`]
    : undefined;
}

export function OrderFiltersForm({ filters, onChange, merchants, dispatch = false }: OrderFiltersFormProps) {
  const [draft, setDraft] = useState(filters);
  const typedSearch = useDebouncedValue(draft.search, searchDelayMs);

  // Applies the search when the typing pauses, on top of the filters applied then; a change of the applied filters
  // alone (another filter, the browser's back button) never re-applies an older search. It compares with the search
  // this form last sent, not with the applied one: the router applies a change in a transition, and a pause that
  // ends before the transition commits would otherwise re-send the older filters over "Apply" or "Clear".
  const applied = useRef({ filters, onChange });
  const sentSearch = useRef(filters.search);
  useEffect(() => {
    applied.current = { filters, onChange };
  });
  useEffect(() => {
    // One or two characters are a word being typed, not a search: the list stays as it is until the third.
    if (typedSearch.trim() === sentSearch.current.trim() || !isSearchable(typedSearch) || tooShortCodeSearch(typedSearch)) return;
    const { filters: current, onChange: apply } = applied.current;
    sentSearch.current = typedSearch;
    apply({ ...current, search: typedSearch });
  }, [typedSearch]);

  function send(next: OrderFilters) {
    sentSearch.current = next.search;
    onChange(next);
  }

  const dateError = draft.from && draft.to && draft.from > draft.to ? ['The end date is before the start date.'] : undefined;
  const [searchError, setSearchError] = useState<string[]>();
  const codeSearchError = tooShortCodeSearch(draft.search);

  function submit(event: FormEvent) {
    event.preventDefault();
    const shortSearch = !isSearchable(draft.search);
    setSearchError(shortSearch ? [`Type at least ${minSearchLength} characters, or clear the search.`] : undefined);
    if (!dateError && !shortSearch && !codeSearchError) send(draft);
  }

  function toggleStatus(status: (typeof allStatuses)[number], checked: boolean) {
    setDraft((d) => ({ ...d, status: checked ? [...d.status, status] : d.status.filter((s) => s !== status) }));
  }

  const active =
    filters.status.length +
    [filters.search, filters.from, filters.to, filters.merchantId, filters.unassigned, filters.overdue].filter(Boolean).length;

  return (
    <details className={`card ${styles.filters}`} open={wideScreen()}>
      <summary>Filters{active > 0 && <span className="muted"> ({active} active)</span>}</summary>
      <form className="stack" onSubmit={submit} role="search" aria-label="Filter orders">
        <div className={formStyles.grid}>
          <TextField
            label="Search"
            type="search"
            placeholder="Tracking code, city, postal code or customer"
            hint={`Type at least ${minSearchLength} characters (${minCodeSearchLength} after OT- for a tracking code).`}
            errors={searchError ?? codeSearchError}
            value={draft.search}
            onChange={(e) => {
              setDraft({ ...draft, search: e.target.value });
              if (isSearchable(e.target.value)) setSearchError(undefined);
            }}
          />
          <TextField label="Created from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          <TextField
            label="Created to"
            type="date"
            value={draft.to}
            errors={dateError}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
          {merchants && (
            <SelectField label="Merchant" value={draft.merchantId} onChange={(e) => setDraft({ ...draft, merchantId: e.target.value })}>
              <option value="">All merchants</option>
              {merchants.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.displayName}
                </option>
              ))}
            </SelectField>
          )}
        </div>
        <fieldset className={formStyles.field} style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>Status</legend>
          <div className={formStyles.checkboxRow}>
            {allStatuses.map((status) => (
              <label key={status} className={formStyles.chip}>
                <input type="checkbox" checked={draft.status.includes(status)} onChange={(e) => toggleStatus(status, e.target.checked)} />
                {statusLabels[status]}
              </label>
            ))}
          </div>
        </fieldset>
        {dispatch && (
          <fieldset className={formStyles.field} style={{ border: 0, padding: 0, margin: 0 }}>
            <legend>Needs attention</legend>
            <div className={formStyles.checkboxRow}>
              <label className={formStyles.chip}>
                <input type="checkbox" checked={draft.unassigned} onChange={(e) => setDraft({ ...draft, unassigned: e.target.checked })} />
                Unassigned
              </label>
              <label className={formStyles.chip}>
                <input type="checkbox" checked={draft.overdue} onChange={(e) => setDraft({ ...draft, overdue: e.target.checked })} />
                Overdue
              </label>
            </div>
          </fieldset>
        )}
        <div className="row">
          <Button type="submit">Apply filters</Button>
          <Button
            variant="ghost"
            onClick={() => {
              setDraft(emptyFilters);
              setSearchError(undefined);
              send(emptyFilters);
            }}
          >
            Clear
          </Button>
        </div>
      </form>
    </details>
  );
}
