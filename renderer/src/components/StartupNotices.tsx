import { useState } from 'react';
import type { AppInfo } from '../../../shared/ipc/contract';

/** Things the core says the user must know at start (e.g. a damaged file was moved aside). */
export function StartupNotices({ info }: { info: AppInfo | null }) {
  const [dismissed, setDismissed] = useState(false);
  const notices = info?.notices ?? [];
  if (dismissed || notices.length === 0) return null;
  return (
    <section className="banner warning" aria-labelledby="startup-notices-title">
      <h2 id="startup-notices-title" className="banner-title">
        Please read: something needed your attention at start
      </h2>
      <ul>
        {notices.map((notice, i) => (
          <li key={i}>{notice}</li>
        ))}
      </ul>
      <button type="button" className="button secondary" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </section>
  );
}
