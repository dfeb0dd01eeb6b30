import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { presetDays, presetRange, rangeError, type DayRange } from '../utils/date-range';
import styles from './analytics.module.css';

export interface DateRangePickerProps {
  range: DayRange;
  onChange: (range: DayRange) => void;
  timeZone: string;
}

/** From and to dates (both included) with presets; the parent remounts it (key) when the applied range changes. */
export function DateRangePicker({ range, onChange, timeZone }: DateRangePickerProps) {
  const [draft, setDraft] = useState(range);
  const [submitted, setSubmitted] = useState(false);
  const error = rangeError(draft);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!error) onChange(draft);
  }

  return (
    <form className="card stack-sm" onSubmit={submit} aria-label="Date range">
      <div className="row" role="group" aria-label="Quick ranges">
        {presetDays.map((days) => {
          const preset = presetRange(days);
          const current = preset.from === range.from && preset.to === range.to;
          return (
            <Button key={days} variant={current ? 'primary' : 'secondary'} aria-pressed={current} onClick={() => onChange(preset)}>
              Last {days} days
            </Button>
          );
        })}
      </div>
      <div className={styles.dateFields}>
        <TextField
          className={styles.dateField}
          label="From"
          type="date"
          required
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
        <TextField
          className={styles.dateField}
          label="To"
          type="date"
          required
          value={draft.to}
          errors={submitted || (draft.from && draft.to) ? (error ? [error] : undefined) : undefined}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        />
        <Button type="submit" variant="secondary" className={styles.apply}>
          Show
        </Button>
      </div>
      <p className="muted small">Orders created on these days; days are counted in {timeZone}.</p>
    </form>
  );
}
