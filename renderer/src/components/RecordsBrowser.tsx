import { useEffect, useId, useRef, useState } from 'react';
import type { CrmField, CrmModule, IpcError, RecordsPage } from '../../../shared/ipc/contract';
import { useApi } from '../apiContext';
import { pickDefaultColumns } from '../columns';
import { plural } from '../labels';
import { ErrorMessage } from './ErrorMessage';
import { RecordsTable } from './RecordsTable';

const PER_PAGE = 50;

type Load<T> = { status: 'idle' } | { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: IpcError };

/** Pick a module, see its first records. Shown only while the profile is connected. */
export function RecordsBrowser({ profileId }: { profileId: string }) {
  const api = useApi();
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [modules, setModules] = useState<Load<CrmModule[]>>({ status: 'loading' });
  const [moduleName, setModuleName] = useState('');
  const [columns, setColumns] = useState<Load<CrmField[]>>({ status: 'idle' });
  const [records, setRecords] = useState<Load<RecordsPage>>({ status: 'idle' });
  const [page, setPage] = useState(1);
  /** Only the answer to the latest request is shown. */
  const requestRef = useRef(0);

  useEffect(() => {
    let current = true;
    void api.crm.modules(profileId).then((result) => {
      if (!current) return;
      setModules(result.ok ? { status: 'ok', value: result.value.filter((m) => m.apiSupported) } : { status: 'error', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [api, profileId]);

  async function reloadModules() {
    setModules({ status: 'loading' });
    const result = await api.crm.modules(profileId);
    setModules(result.ok ? { status: 'ok', value: result.value.filter((m) => m.apiSupported) } : { status: 'error', error: result.error });
  }

  async function loadRecords(module: string, fields: CrmField[], pageNumber: number, request: number) {
    setPage(pageNumber);
    setRecords({ status: 'loading' });
    const result = await api.crm.records({
      profileId,
      module,
      fields: fields.map((f) => f.apiName),
      page: pageNumber,
      perPage: PER_PAGE,
    });
    if (request !== requestRef.current) return;
    setRecords(result.ok ? { status: 'ok', value: result.value } : { status: 'error', error: result.error });
  }

  async function chooseModule(module: string) {
    const request = ++requestRef.current;
    setModuleName(module);
    setRecords({ status: 'idle' });
    if (!module) {
      setColumns({ status: 'idle' });
      return;
    }
    setColumns({ status: 'loading' });
    const result = await api.crm.fields(profileId, module);
    if (request !== requestRef.current) return;
    if (!result.ok) {
      setColumns({ status: 'error', error: result.error });
      return;
    }
    const picked = pickDefaultColumns(result.value);
    if (!picked.length) {
      setColumns({
        status: 'error',
        error: { code: 'NO_FIELDS', message: 'This module has no fields the app can show.', hint: 'Pick another module.' },
      });
      return;
    }
    setColumns({ status: 'ok', value: picked });
    await loadRecords(module, picked, 1, request);
  }

  function goToPage(pageNumber: number) {
    if (columns.status !== 'ok' || !moduleName) return;
    void loadRecords(moduleName, columns.value, pageNumber, ++requestRef.current);
  }

  const moduleLabel =
    (modules.status === 'ok' ? modules.value.find((m) => m.apiName === moduleName)?.label : undefined) ?? moduleName;

  let statusText = '';
  if (modules.status === 'loading') statusText = 'Loading modules…';
  else if (columns.status === 'loading') statusText = 'Loading fields…';
  else if (records.status === 'loading') statusText = 'Loading records…';
  else if (records.status === 'ok') {
    const count = records.value.records.length;
    statusText =
      count === 0 && page === 1
        ? '0 records'
        : `${plural(count, 'record')} on page ${page}${records.value.info.moreRecords ? ', more available' : ''}`;
  }

  return (
    <section className="subpanel records-browser" aria-labelledby={id('heading')}>
      <h3 id={id('heading')}>Records</h3>
      {modules.status === 'error' ? (
        <>
          <ErrorMessage error={modules.error} title="Could not load the list of modules." />
          <button type="button" className="button secondary" onClick={reloadModules}>
            Try again
          </button>
        </>
      ) : (
        <div className="field">
          <label htmlFor={id('module')}>Module</label>
          <p className="help" id={id('module-help')}>
            A CRM module is a kind of record, such as Leads or Contacts. The app shows the first {PER_PAGE} records with a
            few useful columns.
          </p>
          <div className="inline">
            <select
              id={id('module')}
              value={moduleName}
              onChange={(e) => void chooseModule(e.target.value)}
              aria-describedby={id('module-help')}
              disabled={modules.status !== 'ok'}
            >
              <option value="">{modules.status === 'ok' ? 'Choose a module…' : 'Loading modules…'}</option>
              {modules.status === 'ok'
                ? modules.value.map((m) => (
                    <option key={m.apiName} value={m.apiName}>
                      {m.label}
                    </option>
                  ))
                : null}
            </select>
            {moduleName && columns.status === 'ok' ? (
              <button type="button" className="button secondary" onClick={() => goToPage(page)}>
                Reload records
              </button>
            ) : null}
          </div>
        </div>
      )}

      <p role="status" className="records-status">
        {statusText}
      </p>

      {columns.status === 'error' ? <ErrorMessage error={columns.error} title="Could not load the module’s fields." /> : null}
      {records.status === 'error' ? <ErrorMessage error={records.error} title="Could not load the records." /> : null}

      {records.status === 'ok' && columns.status === 'ok' ? (
        records.value.records.length === 0 ? (
          <p className="muted">
            {page === 1 ? `No ${moduleLabel} records that the connected user can see.` : 'No more records.'}
          </p>
        ) : (
          <RecordsTable caption={`${moduleLabel} records`} fields={columns.value} records={records.value.records} />
        )
      ) : null}

      {records.status === 'ok' && (page > 1 || records.value.info.moreRecords) ? (
        <div className="actions">
          <button type="button" className="button secondary" onClick={() => goToPage(page - 1)} disabled={page <= 1}>
            Previous page
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => goToPage(page + 1)}
            disabled={!records.value.info.moreRecords}
          >
            Next page
          </button>
        </div>
      ) : null}
    </section>
  );
}
